/* emit_json.c — the AST as JSON (one Document) and as JSON Lines (one Claim a line), via cJSON.
 *
 * Values are written as exact decimal literals (cJSON_CreateRaw) so that 52.854万 prints as
 * 528540, never as a rounded double. Strings come from spans of the UTF-8 text, which the
 * lexer has checked; a NUL byte inside the text becomes U+FFFD, since cJSON strings end at NUL. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "doc.h"
#include "emit.h"

static cJSON *span_string(const cl_doc *doc, cl_span s)
{
    char stack[512];
    size_t n = s.end - s.start, nuls = 0;
    const char *src = doc->text + s.start;
    for (size_t i = 0; i < n; i++)
        nuls += src[i] == '\0';
    size_t size = n + nuls * 2 + 1;
    char *buf = size <= sizeof stack ? stack : malloc(size);
    if (!buf)
        return NULL;
    char *p = buf;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\0') {
            memcpy(p, "\xEF\xBF\xBD", 3);
            p += 3;
        } else {
            *p++ = src[i];
        }
    }
    *p = '\0';
    cJSON *str = cJSON_CreateString(buf);
    if (buf != stack)
        free(buf);
    return str;
}

static cJSON *span_or_null(const cl_doc *doc, cl_span s)
{
    return s.end > s.start ? span_string(doc, s) : cJSON_CreateNull();
}

static cJSON *decimal(cl_dec d)
{
    char buf[64];
    return cJSON_CreateRaw(cl_dec_format(d, buf));
}

static cJSON *span_object(const cl_doc *doc, cl_span s, bool position)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "start", s.start);
    cJSON_AddNumberToObject(o, "end", s.end);
    if (position) {
        uint32_t line, column;
        cl_doc_position(doc, s.start, &line, &column);
        cJSON_AddNumberToObject(o, "line", line);
        cJSON_AddNumberToObject(o, "column", column);
    }
    return o;
}

static cJSON *quantity(const cl_doc *doc, const cl_quantity *q)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Quantity");
    cJSON_AddItemToObject(o, "value", q->has_value ? decimal(q->value) : cJSON_CreateNull());
    if (q->has_hi)
        cJSON_AddItemToObject(o, "value_hi", decimal(q->value_hi));
    if (q->has_value)
        cJSON_AddStringToObject(o, "unit", q->unit);
    else
        cJSON_AddNullToObject(o, "unit");
    cJSON_AddItemToObject(o, "unit_text", span_or_null(doc, q->unit_text));
    const char *approx = cl_approx_name(q->approx);
    cJSON_AddItemToObject(o, "approx", approx ? cJSON_CreateString(approx) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "raw", span_or_null(doc, q->span));
    cJSON_AddItemToObject(o, "span", span_object(doc, q->span, false));
    return o;
}

cJSON *cl_claim_json(const cl_doc *doc, const cl_claim *c, size_t id)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Claim");
    cJSON_AddNumberToObject(o, "id", (double)id);
    cJSON_AddStringToObject(o, "kind", cl_kind_name(c->kind));
    cJSON_AddStringToObject(o, "modality", c->modality == CL_TARGET ? "target" : "actual");
    cJSON_AddItemToObject(o, "span", span_object(doc, c->span, true));
    cJSON_AddItemToObject(o, "text", span_string(doc, c->span));
    cJSON_AddItemToObject(o, "subject", span_or_null(doc, c->subject));
    if (c->kind == CL_PROGRESS) {
        cJSON_AddItemToObject(o, "done", quantity(doc, &c->done));
        cJSON_AddItemToObject(o, "total", quantity(doc, &c->total));
    } else {
        cJSON_AddItemToObject(o, "quantity", quantity(doc, &c->quantity));
    }
    if (c->kind == CL_CHANGE) {
        const char *dir = cl_direction_name(c->direction);
        cJSON_AddItemToObject(o, "direction", dir ? cJSON_CreateString(dir) : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "baseline", span_or_null(doc, c->baseline));
    }
    if (c->distributive)
        cJSON_AddTrueToObject(o, "distributive");
    return o;
}

static cJSON *diag_json(const cl_doc *doc, const cl_diag *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Diagnostic");
    cJSON_AddStringToObject(o, "severity", d->severity == CL_SEV_ERROR ? "error" : "warning");
    cJSON_AddStringToObject(o, "code", d->code);
    cJSON_AddStringToObject(o, "message", d->message);
    cJSON_AddItemToObject(o, "span", span_object(doc, d->span, true));
    return o;
}

static cJSON *section_json(const cl_doc *doc, const cl_section *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Section");
    cJSON_AddNumberToObject(o, "level", s->level);
    cJSON_AddItemToObject(o, "marker", span_string(doc, s->marker));
    cJSON_AddItemToObject(o, "title", span_string(doc, s->title));
    cJSON_AddBoolToObject(o, "plan", s->plan);
    cJSON_AddItemToObject(o, "span", span_object(doc, s->marker, true));
    cJSON_AddItemToObject(o, "children", cJSON_CreateArray());
    return o;
}

/* Claims are stored in document order, so the claims of a sentence are a slice. */
static cJSON *sentence_json(const cl_doc *doc, const cl_sentence *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Sentence");
    cJSON_AddItemToObject(o, "span", span_object(doc, s->span, true));
    cJSON_AddItemToObject(o, "text", span_string(doc, s->span));
    cJSON *claims = cJSON_AddArrayToObject(o, "claims");
    for (size_t i = 0; i < s->claim_count; i++)
        cJSON_AddItemToArray(claims, cl_claim_json(doc, cl_doc_claim(doc, s->first_claim + i),
                                                   s->first_claim + i));
    return o;
}

static cJSON *document_json(const cl_doc *doc)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Document");
    cJSON_AddStringToObject(o, "name", doc->name);
    cJSON_AddStringToObject(o, "encoding", doc->encoding);
    cJSON_AddStringToObject(o, "doc_kind", doc->plan ? "plan" : "report");
    cJSON_AddNumberToObject(o, "bytes", (double)doc->len);
    cJSON *children = cJSON_AddArrayToObject(o, "children");

    /* the outline: each section's node, so sentences and subsections land in their parent */
    size_t nsec = doc->sections.len;
    cJSON **nodes = nsec ? calloc(nsec, sizeof *nodes) : NULL;
    const cl_section **secs = nsec ? calloc(nsec, sizeof *secs) : NULL;
    size_t opened = 0;
    for (size_t i = 0; i < doc->outline.len; i++) {
        const cl_outline_item *item = &CL_VEC_AT(doc->outline, cl_outline_item, i);
        const cl_section *parent;
        cJSON *node;
        if (item->is_section) {
            const cl_section *s = CL_VEC_AT(doc->sections, cl_section *, item->index);
            parent = s->parent;
            node = section_json(doc, s);
            if (nodes) {
                nodes[opened] = node;
                secs[opened++] = s;
            }
        } else {
            const cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, item->index);
            parent = s->section;
            node = sentence_json(doc, s);
        }
        cJSON *into = children;
        for (size_t k = opened; parent && nodes && k-- > 0;)
            if (secs[k] == parent) {
                into = cJSON_GetObjectItemCaseSensitive(nodes[k], "children");
                break;
            }
        cJSON_AddItemToArray(into, node);
    }
    free(nodes);
    free(secs);

    cJSON *diags = cJSON_AddArrayToObject(o, "diagnostics");
    for (size_t i = 0; i < doc->diags.len; i++)
        cJSON_AddItemToArray(diags, diag_json(doc, cl_doc_diag(doc, i)));

    cJSON *stats = cJSON_AddObjectToObject(o, "stats");
    cJSON_AddNumberToObject(stats, "sentences", (double)doc->sentences.len);
    cJSON_AddNumberToObject(stats, "claims", (double)doc->claims.len);
    cJSON *by_kind = cJSON_AddObjectToObject(stats, "by_kind");
    size_t counts[CL_RANK + 1] = {0};
    for (size_t i = 0; i < doc->claims.len; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    for (int k = 0; k <= CL_RANK; k++)
        cJSON_AddNumberToObject(by_kind, cl_kind_name((cl_kind)k), (double)counts[k]);
    return o;
}

static int print_and_free(cJSON *o, FILE *out, bool pretty)
{
    char *s = pretty ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return -1;
    int rc = fputs(s, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    cJSON_free(s);
    return rc;
}

int cl_write_json(const cl_doc *doc, FILE *out, bool pretty)
{
    return print_and_free(document_json(doc), out, pretty);
}

cJSON *cl_section_path_json(const cl_doc *doc, const cl_section *s)
{
    cJSON *path = cJSON_CreateArray();
    const cl_section *chain[64];
    int n = 0;
    for (; s && n < 64; s = s->parent)
        chain[n++] = s;
    while (n-- > 0) {
        cl_span title = chain[n]->title.end > chain[n]->title.start
                            ? chain[n]->title : chain[n]->marker;
        cJSON_AddItemToArray(path, span_string(doc, title));
    }
    return path;
}

int cl_write_jsonl(const cl_doc *doc, FILE *out)
{
    for (size_t i = 0; i < doc->claims.len; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        cJSON *o = cl_claim_json(doc, c, i);
        cJSON_AddStringToObject(o, "doc", doc->name);
        cJSON_AddItemToObject(o, "section", cl_section_path_json(doc, c->section));
        if (print_and_free(o, out, false) < 0)
            return -1;
    }
    return 0;
}
