/* emit_json.c — the AST as one JSON Document per input, pretty (cJSON_Print's layout) or
 * compact, written straight into the writer core's buffer.
 *
 * The Document's outline is streamed: a heading's object is opened when it comes and closed
 * when an item comes whose parent is above it, so memory holds the open headings, never a
 * tree of the document. The claims are emit_claim.c's objects. Values are exact decimal
 * literals, so 52.854万 prints as 528540, never as a rounded double; the text of spans, and
 * the name, have NUL and invalid UTF-8 as U+FFFD, so the output is always UTF-8. */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "emit.h"

typedef struct {
    cl_wbuf *b;
    const cl_doc *doc;
    bool pretty;
    cl_jclaims *x;     /* the claims' writer, whose cursor the spans share */
} json_out;

/* The room for an object of at most 12 keys at DEPTH with strings of TEXT bytes in all. */
static size_t object_room(size_t text, int depth)
{
    return 512 + CL_STRING_MAX(text) + 16 * 3 + 12 * CL_J_KEY_ROOM(depth + 1);
}

#define KEY(o, j, depth, lit) CL_J_KEY((o), (j)->pretty, (depth), lit)
#define KEY1(o, j, depth, lit) CL_J_KEY1((o), (j)->pretty, (depth), lit)

static char *w_span_text(char *o, const cl_doc *doc, cl_span s)
{
    return cl_w_text(o, doc->source, doc->len, s);
}

static char *w_raw(char *o, const char *s)   /* a C string, as cJSON prints it */
{
    return cl_w_string_raw(o, s, strlen(s));
}

/* A heading, up to and with the '[' of its children; keys at DEPTH. */
static void open_section(json_out *j, const cl_section *s, int depth)
{
    const cl_doc *doc = j->doc;
    char *o = cl_wbuf_room(j->b, object_room(cl_span_len(s->marker) + cl_span_len(s->title),
                                             depth));
    if (!o)
        return;
    *o++ = '{';
    o = KEY1(o, j, depth, "type");
    o = CL_LIT(o, "\"Section\"");
    o = KEY(o, j, depth, "level");
    o = cl_w_uint(o, (uint64_t)s->level);
    o = KEY(o, j, depth, "marker");
    o = w_span_text(o, doc, s->marker);
    o = KEY(o, j, depth, "title");
    o = w_span_text(o, doc, s->title);
    o = KEY(o, j, depth, "plan");
    o = s->plan ? CL_LIT(o, "true") : CL_LIT(o, "false");
    o = KEY(o, j, depth, "span");
    o = cl_w_span(o, &j->x->pos, s->marker, true, j->pretty, depth + 1);
    o = KEY(o, j, depth, "children");
    *o++ = '[';
    cl_wbuf_end(j->b, o);
}

static void close_section(json_out *j, int depth)
{
    char *o = cl_wbuf_room(j->b, CL_J_KEY_ROOM(depth) + 2);
    if (o) {
        *o++ = ']';
        cl_wbuf_end(j->b, cl_j_close(o, j->pretty, depth));
    }
}

/* A sentence and its claims, which are stored in document order: a slice. */
static void put_sentence(json_out *j, const cl_sentence *s, int depth)
{
    const cl_doc *doc = j->doc;
    char *o = cl_wbuf_room(j->b, object_room(cl_span_len(s->span), depth));
    if (!o)
        return;
    *o++ = '{';
    o = KEY1(o, j, depth, "type");
    o = CL_LIT(o, "\"Sentence\"");
    o = KEY(o, j, depth, "span");
    o = cl_w_span(o, &j->x->pos, s->span, true, j->pretty, depth + 1);
    o = KEY(o, j, depth, "text");
    o = w_span_text(o, doc, s->span);
    o = KEY(o, j, depth, "claims");
    *o++ = '[';
    cl_wbuf_end(j->b, o);
    for (size_t i = 0; i < s->claim_count; i++) {
        size_t id = s->first_claim + i;
        const cl_claim *c = cl_doc_claim(doc, id);
        if (!(o = cl_wbuf_room(j->b, cl_claim_bound(j->x, c, depth + 2) + 4)))
            return;
        if (i)
            o = cl_j_next(o, j->pretty);
        o = j->pretty ? cl_w_claim_pretty(o, j->x, c, id, depth + 2) : cl_w_claim(o, j->x, c, id);
        cl_wbuf_end(j->b, cl_j_close(o, j->pretty, depth + 2));
    }
    if ((o = cl_wbuf_room(j->b, CL_J_KEY_ROOM(depth) + 2))) {
        *o++ = ']';
        cl_wbuf_end(j->b, cl_j_close(o, j->pretty, depth));
    }
}

/* An element of an array that has SEEN elements before it. */
static void separate(json_out *j, bool *seen)
{
    if (*seen)
        cl_wbuf_put(j->b, j->pretty ? ", " : ",", j->pretty ? 2 : 1);
    *seen = true;
}

/* An open heading: its children's array has had elements or not. */
typedef struct {
    const cl_section *s;
    bool children;
} open_heading;

/* The outline, in document order: an item goes into the open heading that is its parent (the
 * headings opened after that one are complete, and closed), or, when none is, at the top. */
static void put_children(json_out *j)
{
    const cl_doc *doc = j->doc;
    open_heading *open = malloc((doc->sections.len + 1) * sizeof *open);
    if (!open) {
        j->b->failed = true;
        return;
    }
    size_t depth = 0;   /* open headings */
    bool top_seen = false;
    for (size_t i = 0; i < doc->outline.len; i++) {
        const cl_outline_item *item = &CL_VEC_AT(doc->outline, cl_outline_item, i);
        const cl_section *parent, *sec = NULL;
        const cl_sentence *sent = NULL;
        if (item->is_section) {
            sec = CL_VEC_AT(doc->sections, cl_section *, item->index);
            parent = sec->parent;
        } else {
            sent = &CL_VEC_AT(doc->sentences, cl_sentence, item->index);
            parent = sent->section;
        }
        size_t keep = depth;
        while (keep > 0 && open[keep - 1].s != parent)
            keep--;
        for (; depth > keep; depth--)   /* headings 1..depth have their keys at 3 + 2k */
            close_section(j, 3 + 2 * (int)(depth - 1));
        separate(j, depth ? &open[depth - 1].children : &top_seen);
        int keys = 3 + 2 * (int)depth;
        if (sec) {
            open_section(j, sec, keys);
            open[depth++] = (open_heading){sec, false};
        } else {
            put_sentence(j, sent, keys);
        }
    }
    for (; depth > 0; depth--)
        close_section(j, 3 + 2 * (int)(depth - 1));
    free(open);
}

static void put_diagnostics(json_out *j)
{
    const cl_doc *doc = j->doc;
    cl_textpos pos;   /* from the start again: the children moved the claims' cursor */
    cl_textpos_init(&pos, doc->text, doc->len);
    for (size_t i = 0; i < doc->diags.len; i++) {
        const cl_diag *d = cl_doc_diag(doc, i);
        char *o = cl_wbuf_room(j->b, object_room(strlen(d->code) + strlen(d->message), 3));
        if (!o)
            return;
        if (i)
            o = cl_j_next(o, j->pretty);
        *o++ = '{';
        o = KEY1(o, j, 3, "type");
        o = CL_LIT(o, "\"Diagnostic\"");
        o = KEY(o, j, 3, "severity");
        o = d->severity == CL_SEV_ERROR ? CL_LIT(o, "\"error\"") : CL_LIT(o, "\"warning\"");
        o = KEY(o, j, 3, "code");
        o = w_raw(o, d->code);
        o = KEY(o, j, 3, "message");
        o = w_raw(o, d->message);
        o = KEY(o, j, 3, "span");
        o = cl_w_span(o, &pos, d->span, true, j->pretty, 4);
        cl_wbuf_end(j->b, cl_j_close(o, j->pretty, 3));
    }
}

static void put_stats(json_out *j)
{
    const cl_doc *doc = j->doc;
    size_t counts[CL_NKINDS] = {0};
    for (size_t i = 0; i < doc->claims.len; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    char *o = cl_wbuf_room(j->b, 1024);
    if (!o)
        return;
    *o++ = '{';
    o = KEY1(o, j, 2, "sentences");
    o = cl_w_uint(o, doc->sentences.len);
    o = KEY(o, j, 2, "claims");
    o = cl_w_uint(o, doc->claims.len);
    o = KEY(o, j, 2, "by_kind");
    *o++ = '{';
    for (int k = 0; k < CL_NKINDS; k++) {   /* keys that are names: written as the names are */
        if (k)
            *o++ = ',';
        if (j->pretty) {
            o = CL_LIT(o, "\n\t\t\t");
        }
        o = w_raw(o, cl_kind_name((cl_kind)k));
        *o++ = ':';
        if (j->pretty)
            *o++ = '\t';
        o = cl_w_uint(o, counts[k]);
    }
    o = cl_j_close(o, j->pretty, 3);
    cl_wbuf_end(j->b, cl_j_close(o, j->pretty, 2));
}

/* The input record's other fields (meta.c) as the Document's "meta" value: the compact JSON as
 * it is, or laid out as cJSON_Print lays out an object at depth 1 (a tab after each of its
 * newlines: JSON strings hold none). Malloc'd; NULL for none. */
static char *meta_text(const cl_doc *doc, bool pretty)
{
    if (!doc->meta || !pretty)
        return doc->meta ? strdup(doc->meta) : NULL;
    cJSON *o = cJSON_Parse(doc->meta);
    char *p = o ? cJSON_Print(o) : NULL, *out = NULL;
    cJSON_Delete(o);
    size_t lines = 0, n = p ? strlen(p) : 0;
    for (size_t i = 0; i < n; i++)
        lines += p[i] == '\n';
    if (p && (out = malloc(n + lines + 1))) {
        char *q = out;
        for (size_t i = 0; i < n; i++)
            if ((*q++ = p[i]) == '\n')
                *q++ = '\t';
        *q = '\0';
    }
    cJSON_free(p);
    return out;
}

int cl_json_write(cl_wbuf *b, const cl_doc *doc, bool pretty)
{
    cl_jclaims *x = calloc(1, sizeof *x);
    if (!x)
        return -1;
    cl_jclaims_start(x, doc);
    json_out j = {b, doc, pretty, x};
    size_t name_len = strlen(doc->name);
    char *meta = meta_text(doc, pretty);
    size_t meta_len = meta ? strlen(meta) : 0;
    char *o = cl_wbuf_room(b, object_room(name_len + strlen(doc->encoding) + strlen(doc->script), 1) + meta_len);
    if (o) {
        *o++ = '{';
        o = KEY1(o, &j, 1, "type");
        o = CL_LIT(o, "\"Document\"");
        o = KEY(o, &j, 1, "name");
        o = cl_w_string(o, doc->name, name_len);
        if (meta) {
            o = KEY(o, &j, 1, "meta");
            memcpy(o, meta, meta_len);
            o += meta_len;
        }
        o = KEY(o, &j, 1, "encoding");
        o = w_raw(o, doc->encoding);
        o = KEY(o, &j, 1, "script");
        o = w_raw(o, doc->script);
        o = KEY(o, &j, 1, "doc_kind");
        o = doc->plan ? CL_LIT(o, "\"plan\"") : CL_LIT(o, "\"report\"");
        o = KEY(o, &j, 1, "bytes");
        o = cl_w_uint(o, doc->len);
        o = KEY(o, &j, 1, "children");
        *o++ = '[';
        cl_wbuf_end(b, o);
    }
    put_children(&j);
    if ((o = cl_wbuf_room(b, 64))) {
        o = CL_LIT(o, "]");
        o = KEY(o, &j, 1, "diagnostics");
        *o++ = '[';
        cl_wbuf_end(b, o);
    }
    put_diagnostics(&j);
    if ((o = cl_wbuf_room(b, 64))) {
        o = CL_LIT(o, "]");
        o = KEY(o, &j, 1, "stats");
        cl_wbuf_end(b, o);
    }
    put_stats(&j);
    if ((o = cl_wbuf_room(b, 8))) {
        o = cl_j_close(o, pretty, 1);
        *o++ = '\n';
        cl_wbuf_end(b, o);
    }
    free(meta);
    free(x);
    return b->failed ? -1 : 0;
}

int cl_write_json(const cl_doc *doc, FILE *out, bool pretty)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_json_write(&b, doc, pretty);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
