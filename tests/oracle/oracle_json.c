/* emit_json.c — the AST as JSON (one Document) and as JSON Lines (one Claim a line), via cJSON.
 *
 * The test oracle: the writer as it was before the writer core (src/emit_*.c), kept to
 * check the core's bytes (tests/writers_same.c). Not part of the library.
 *
 * --format jsonl uses the faster writer in emit_jsonl.c; the cJSON one here is its reference.
 * The Document is written one top-level subtree at a time, in the very bytes cJSON would print
 * for the whole tree, so memory holds one subtree, not the document (a 200 MB input made an
 * 8 GB tree).
 *
 * Values are written as exact decimal literals (cJSON_CreateRaw) so that 52.854万 prints as
 * 528540, never as a rounded double. Strings come from spans of the text, which may still hold
 * the bytes the lexer reported as invalid UTF-8 (and file names are any bytes): each byte of an
 * invalid sequence, and NUL (cJSON strings end at NUL), becomes U+FFFD, so the output is always
 * UTF-8 that any JSON reader accepts. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ast.h"
#include "oracle.h"
#include "utf8.h"

/* N bytes of S as a cJSON string: NUL and invalid UTF-8, byte by byte, as U+FFFD. */
static cJSON *text_string(const char *text, size_t n)
{
    char stack[512];
    const unsigned char *src = (const unsigned char *)text;
    size_t size = n * 3 + 1;   /* every byte may become U+FFFD */
    char *buf = size <= sizeof stack ? stack : malloc(size);
    if (!buf)
        return NULL;
    char *p = buf;
    for (size_t i = 0; i < n;) {
        size_t len = src[i] ? cl_utf8_len(src + i, n - i) : 0;
        if (len == 0) {
            memcpy(p, "\xEF\xBF\xBD", 3);
            p += 3;
            i++;
        } else {
            memcpy(p, src + i, len);
            p += len;
            i += len;
        }
    }
    *p = '\0';
    cJSON *str = cJSON_CreateString(buf);
    if (buf != stack)
        free(buf);
    return str;
}

static cJSON *span_string(const cl_doc *doc, cl_span s)
{
    return text_string(doc->source + s.start, s.end - s.start);
}

static cJSON *span_or_null(const cl_doc *doc, cl_span s)
{
    return s.end > s.start ? span_string(doc, s) : cJSON_CreateNull();
}

/* A count or an offset as cJSON prints a number ("%1.15g": plain digits below 10^15), but
 * without its sprintf and sscanf round trip, which were a third of --format json. */
static cJSON *integer(uint64_t v)
{
    char buf[24], *p = buf + sizeof buf - 1;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return cJSON_CreateRaw(p);
}

static void add_integer(cJSON *o, const char *key, uint64_t v)
{
    cJSON_AddItemToObject(o, key, integer(v));
}

static cJSON *decimal(cl_dec d)
{
    char buf[64];
    return cJSON_CreateRaw(cl_dec_format(d, buf));
}

static cJSON *span_object(const cl_doc *doc, cl_span s, bool position)
{
    cJSON *o = cJSON_CreateObject();
    add_integer(o, "start", s.start);
    add_integer(o, "end", s.end);
    if (position) {
        uint32_t line, column;
        cl_doc_position(doc, s.start, &line, &column);
        add_integer(o, "line", line);
        add_integer(o, "column", column);
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

cJSON *oracle_claim_json(const cl_doc *doc, const cl_claim *c, size_t id)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Claim");
    add_integer(o, "id", id);
    cJSON_AddStringToObject(o, "kind", cl_kind_name(c->kind));
    cJSON_AddStringToObject(o, "modality", c->modality == CL_TARGET ? "target" : "actual");
    cJSON_AddItemToObject(o, "span", span_object(doc, c->span, true));
    cJSON_AddItemToObject(o, "text", span_string(doc, c->span));
    cJSON_AddItemToObject(o, "subject", span_or_null(doc, c->subject));
    cJSON_AddItemToObject(o, "indicator",
                          c->indicator ? cJSON_CreateString(c->indicator) : cJSON_CreateNull());
    if (c->kind == CL_PROGRESS) {
        cJSON_AddItemToObject(o, "done", quantity(doc, &c->done));
        cJSON_AddItemToObject(o, "total", quantity(doc, &c->total));
    } else {
        cJSON_AddItemToObject(o, "quantity", quantity(doc, &c->quantity));
    }
    if (c->kind == CL_CHANGE) {
        const char *dir = cl_direction_name(c->direction);
        cJSON_AddItemToObject(o, "direction", dir ? cJSON_CreateString(dir) : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "baseline", c->baseline.end > c->baseline.start   /* "": none */
                                                 ? span_or_null(doc, c->baseline) : cJSON_CreateString(""));
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
    add_integer(o, "level", s->level);
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
        cJSON_AddItemToArray(claims, oracle_claim_json(doc, cl_doc_claim(doc, s->first_claim + i),
                                                   s->first_claim + i));
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

/* The Document node without its children (an empty array in their place). */
static cJSON *document_shell(const cl_doc *doc)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Document");
    cJSON_AddItemToObject(o, "name", text_string(doc->name, strlen(doc->name)));
    if (doc->meta)   /* the input record's other fields (meta.c) */
        cJSON_AddItemToObject(o, "meta", cJSON_Parse(doc->meta));
    cJSON_AddStringToObject(o, "encoding", doc->encoding);
    cJSON_AddStringToObject(o, "script", doc->script);
    cJSON_AddStringToObject(o, "doc_kind", doc->plan ? "plan" : "report");
    add_integer(o, "bytes", doc->source_len);
    cJSON_AddArrayToObject(o, "children");

    cJSON *diags = cJSON_AddArrayToObject(o, "diagnostics");
    for (size_t i = 0; i < doc->diags.len; i++)
        cJSON_AddItemToArray(diags, diag_json(doc, cl_doc_diag(doc, i)));

    cJSON *stats = cJSON_AddObjectToObject(o, "stats");
    add_integer(stats, "sentences", doc->sentences.len);
    add_integer(stats, "claims", doc->claims.len);
    cJSON *by_kind = cJSON_AddObjectToObject(stats, "by_kind");
    size_t counts[CL_RANK + 1] = {0};
    for (size_t i = 0; i < doc->claims.len; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    for (int k = 0; k <= CL_RANK; k++)
        add_integer(by_kind, cl_kind_name((cl_kind)k), counts[k]);
    return o;
}

typedef struct {
    FILE *out;
    bool pretty, first, failed;
} json_out;

/* One top-level child, printed as cJSON prints it inside the Document's children array (two
 * tabs deeper: JSON strings hold no raw newline, so every newline is the printer's) and freed. */
static void put_child(json_out *j, cJSON *node)
{
    char *s = j->pretty ? cJSON_Print(node) : cJSON_PrintUnformatted(node);
    cJSON_Delete(node);
    if (!s) {
        j->failed = true;
        return;
    }
    if (!j->first && fputs(j->pretty ? ", " : ",", j->out) < 0)
        j->failed = true;
    j->first = false;
    for (const char *p = s;;) {
        const char *nl = j->pretty ? strchr(p, '\n') : NULL;
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (fwrite(p, 1, n, j->out) != n || (nl && fputs("\n\t\t", j->out) < 0))
            j->failed = true;
        if (!nl)
            break;
        p = nl + 1;
    }
    cJSON_free(s);
}

/* The outline as a stream of top-level subtrees: a subtree is complete when the next item opens
 * at the top level (a top-level heading, or a sentence outside every heading), so one subtree at
 * a time is in memory and a 200 MB document never becomes one cJSON tree. */
static void put_children(json_out *j, const cl_doc *doc)
{
    size_t nsec = doc->sections.len;
    cJSON **nodes = nsec ? calloc(nsec, sizeof *nodes) : NULL;
    const cl_section **secs = nsec ? calloc(nsec, sizeof *secs) : NULL;
    size_t opened = 0;   /* sections of the current subtree */
    cJSON *top = NULL;   /* the current subtree */
    for (size_t i = 0; i < doc->outline.len; i++) {
        const cl_outline_item *item = &CL_VEC_AT(doc->outline, cl_outline_item, i);
        const cl_section *parent, *sec = NULL;
        cJSON *node;
        if (item->is_section) {
            sec = CL_VEC_AT(doc->sections, cl_section *, item->index);
            parent = sec->parent;
            node = section_json(doc, sec);
        } else {
            const cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, item->index);
            parent = s->section;
            node = sentence_json(doc, s);
        }
        cJSON *into = NULL;
        for (size_t k = opened; parent && nodes && k-- > 0;)
            if (secs[k] == parent) {
                into = cJSON_GetObjectItemCaseSensitive(nodes[k], "children");
                break;
            }
        if (into) {
            cJSON_AddItemToArray(into, node);
        } else {   /* a new top-level subtree: the one before is complete */
            if (top)
                put_child(j, top);
            top = node;
            opened = 0;
        }
        if (sec && nodes) {
            nodes[opened] = node;
            secs[opened++] = sec;
        }
    }
    if (top)
        put_child(j, top);
    free(nodes);
    free(secs);
}

int oracle_write_json(const cl_doc *doc, FILE *out, bool pretty)
{
    cJSON *shell = document_shell(doc);
    char *s = pretty ? cJSON_Print(shell) : cJSON_PrintUnformatted(shell);
    cJSON_Delete(shell);
    if (!s)
        return -1;
    /* the shell's empty children array is where the subtrees go: a top-level key (after a
     * newline and one tab, or after a comma), which no string value can imitate */
    const char *mark = pretty ? "\n\t\"children\":\t[]" : ",\"children\":[]";
    const char *at = strstr(s, mark);
    int rc = -1;
    if (at) {
        size_t head = (size_t)(at - s) + strlen(mark) - 1;   /* up to and with the '[' */
        json_out j = {out, pretty, true, false};
        j.failed = fwrite(s, 1, head, out) != head;
        put_children(&j, doc);
        rc = j.failed || fputs(s + head, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    }
    cJSON_free(s);
    return rc;
}

cJSON *oracle_section_path_json(const cl_doc *doc, const cl_section *s)
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

/* The claims as JSON Lines through cJSON trees: the reference that the fast writer
 * (cl_write_jsonl in emit_jsonl.c) must match byte for byte (tests/jsonl_same.c). */
int oracle_write_jsonl(const cl_doc *doc, FILE *out)
{
    for (size_t i = 0; i < doc->claims.len; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        cJSON *o = oracle_claim_json(doc, c, i);
        cJSON_AddItemToObject(o, "doc", text_string(doc->name, strlen(doc->name)));
        if (doc->meta)
            cJSON_AddItemToObject(o, "meta", cJSON_Parse(doc->meta));
        cJSON_AddItemToObject(o, "section", oracle_section_path_json(doc, c->section));
        if (print_and_free(o, out, false) < 0)
            return -1;
    }
    return 0;
}
