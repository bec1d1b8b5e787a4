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

/* An open heading: its children's array has had elements or not. */
typedef struct {
    const cl_section *s;
    bool children;
} open_heading;

typedef struct {
    cl_wbuf *b;
    const cl_doc *doc;
    bool pretty;
    cl_jclaims *x;         /* the claims' writer, whose cursor the spans share */
    open_heading *open;    /* the headings open, from the outermost down */
    size_t depth, cap;
    bool top_seen;         /* the Document's children have had an element */
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
    return cl_w_text(o, doc->source, doc->source_len, s);
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

/* A sentence and its claims (CLAIMS, ids from s->first_claim on). */
static void put_sentence(json_out *j, const cl_sentence *s, const cl_claim *claims, int depth)
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
        const cl_claim *c = &claims[i];
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

/* The next item of the outline, in document order, a heading SEC or a sentence SENT with its
 * CLAIMS: it goes into the open heading that is its parent (the headings opened after that one
 * are complete, and closed), or, when none is, at the top. */
static void put_item(json_out *j, const cl_section *sec, const cl_sentence *sent,
                     const cl_claim *claims)
{
    const cl_section *parent = sec ? sec->parent : sent->section;
    size_t keep = j->depth;
    while (keep > 0 && j->open[keep - 1].s != parent)
        keep--;
    for (; j->depth > keep; j->depth--)   /* headings 1..depth have their keys at 3 + 2k */
        close_section(j, 3 + 2 * (int)(j->depth - 1));
    separate(j, j->depth ? &j->open[j->depth - 1].children : &j->top_seen);
    int keys = 3 + 2 * (int)j->depth;
    if (!sec) {
        put_sentence(j, sent, claims, keys);
        return;
    }
    if (j->depth == j->cap) {
        size_t cap = j->cap ? 2 * j->cap : 16;
        open_heading *open = realloc(j->open, cap * sizeof *open);
        if (!open) {
            j->b->failed = true;
            return;
        }
        j->open = open;
        j->cap = cap;
    }
    open_section(j, sec, keys);
    j->open[j->depth++] = (open_heading){sec, false};
}

/* The end of the Document's children: every heading still open is closed. */
static void close_children(json_out *j)
{
    for (; j->depth > 0; j->depth--)
        close_section(j, 3 + 2 * (int)(j->depth - 1));
    free(j->open);
    j->open = NULL;
    j->cap = 0;
}

static void put_diagnostics(json_out *j)
{
    const cl_doc *doc = j->doc;
    cl_textpos pos;   /* from the start again: the children moved the claims' cursor */
    cl_textpos_init(&pos, doc->source, doc->source_len);
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

static void put_stats(json_out *j, size_t sentences, size_t claims, const size_t *counts)
{
    char *o = cl_wbuf_room(j->b, 1024);
    if (!o)
        return;
    *o++ = '{';
    o = KEY1(o, j, 2, "sentences");
    o = cl_w_uint(o, sentences);
    o = KEY(o, j, 2, "claims");
    o = cl_w_uint(o, claims);
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
static char *meta_text(const char *meta, bool pretty)
{
    if (!meta || !pretty)
        return meta ? strdup(meta) : NULL;
    cJSON *o = cJSON_Parse(meta);
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

/* The Document up to and with the '[' of its children: all known once the text is decoded. */
static void put_head(json_out *j, const char *meta_json)
{
    const cl_doc *doc = j->doc;
    size_t name_len = strlen(doc->name);
    char *meta = meta_text(meta_json, j->pretty);
    size_t meta_len = meta ? strlen(meta) : 0;
    char *o = cl_wbuf_room(j->b, object_room(name_len + strlen(doc->encoding) + 16, 1) + meta_len);
    if (o) {
        *o++ = '{';
        o = KEY1(o, j, 1, "type");
        o = CL_LIT(o, "\"Document\"");
        o = KEY(o, j, 1, "name");
        o = cl_w_string(o, doc->name, name_len);
        if (meta) {
            o = KEY(o, j, 1, "meta");
            memcpy(o, meta, meta_len);
            o += meta_len;
        }
        o = KEY(o, j, 1, "encoding");
        o = w_raw(o, doc->encoding);
        o = KEY(o, j, 1, "script");   /* known once decoded (script.c); the default otherwise */
        o = w_raw(o, doc->script ? doc->script : "simplified");
        o = KEY(o, j, 1, "doc_kind");
        o = doc->plan ? CL_LIT(o, "\"plan\"") : CL_LIT(o, "\"report\"");
        o = KEY(o, j, 1, "bytes");
        o = cl_w_uint(o, doc->source_len);
        o = KEY(o, j, 1, "children");
        *o++ = '[';
        cl_wbuf_end(j->b, o);
    }
    free(meta);
}

/* After the children: the diagnostics, the stats, the end. */
static void put_tail(json_out *j, size_t sentences, size_t claims, const size_t *counts)
{
    char *o;
    close_children(j);
    if ((o = cl_wbuf_room(j->b, 64))) {
        o = CL_LIT(o, "]");
        o = KEY(o, j, 1, "diagnostics");
        *o++ = '[';
        cl_wbuf_end(j->b, o);
    }
    put_diagnostics(j);
    if ((o = cl_wbuf_room(j->b, 64))) {
        o = CL_LIT(o, "]");
        o = KEY(o, j, 1, "stats");
        cl_wbuf_end(j->b, o);
    }
    put_stats(j, sentences, claims, counts);
    if ((o = cl_wbuf_room(j->b, 8))) {
        o = cl_j_close(o, j->pretty, 1);
        *o++ = '\n';
        cl_wbuf_end(j->b, o);
    }
}

int cl_json_write(cl_wbuf *b, const cl_doc *doc, bool pretty)
{
    cl_jclaims *x = calloc(1, sizeof *x);
    if (!x)
        return -1;
    cl_jclaims_start(x, doc);
    json_out j = {.b = b, .doc = doc, .pretty = pretty, .x = x};
    put_head(&j, doc->meta);
    for (size_t i = 0; i < doc->outline.len; i++) {
        const cl_outline_item *item = &CL_VEC_AT(doc->outline, cl_outline_item, i);
        if (item->is_section) {
            put_item(&j, CL_VEC_AT(doc->sections, cl_section *, item->index), NULL, NULL);
        } else {
            const cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, item->index);
            put_item(&j, NULL, s, cl_doc_claim(doc, s->first_claim));
        }
    }
    size_t counts[CL_NKINDS] = {0};
    for (size_t i = 0; i < doc->claims.len; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    put_tail(&j, doc->sentences.len, doc->claims.len, counts);
    free(x);
    return b->failed ? -1 : 0;
}

/* -- the Document as the parse hands out its outline (cl_parse_adopt_outline) ---------------- */

struct cl_json_stream {
    json_out j;
    cl_jclaims x;
    const char *meta;
    size_t sentences, claims, counts[CL_NKINDS];
};

static bool stream_start(void *arg, const cl_doc *doc)
{
    cl_json_stream *s = arg;
    s->j.doc = doc;
    cl_jclaims_start(&s->x, doc);
    put_head(&s->j, s->meta ? s->meta : doc->meta);
    return !s->j.b->failed;
}

static bool stream_heading(void *arg, const cl_doc *doc, const cl_section *sec)
{
    cl_json_stream *s = arg;
    s->x.pos.first_cr = doc->first_cr;   /* the parse may have lexed a CR since */
    put_item(&s->j, sec, NULL, NULL);
    return !s->j.b->failed;
}

static bool stream_sentence(void *arg, const cl_doc *doc, const cl_sentence *sent,
                            const cl_claim *claims)
{
    cl_json_stream *s = arg;
    s->x.pos.first_cr = doc->first_cr;   /* the parse may have lexed a CR since */
    put_item(&s->j, NULL, sent, claims);
    s->sentences++;
    s->claims += sent->claim_count;
    for (size_t i = 0; i < sent->claim_count; i++)
        s->counts[claims[i].kind]++;
    return !s->j.b->failed;
}

cl_json_stream *cl_json_stream_open(cl_wbuf *b, bool pretty, const char *meta,
                                    cl_outline_fn *fn)
{
    cl_json_stream *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->j = (json_out){.b = b, .pretty = pretty, .x = &s->x};
    s->meta = meta;
    *fn = (cl_outline_fn){stream_start, stream_heading, stream_sentence, s};
    return s;
}

int cl_json_stream_close(cl_json_stream *s, const cl_doc *doc)
{
    if (!s)
        return -1;
    if (s->j.doc != doc)   /* no text was parsed (undecodable, too large): the head now */
        stream_start(s, doc);
    cl_jclaims_start(&s->x, doc);
    put_tail(&s->j, s->sentences, s->claims, s->counts);
    cl_wbuf_flush(s->j.b);
    int rc = s->j.b->failed ? -1 : 0;
    free(s->j.open);
    free(s);
    return rc;
}

int cl_write_json(const cl_doc *doc, FILE *out, bool pretty)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_json_write(&b, doc, pretty);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
