/* emit_claim.c — a claim as JSON, written once for every format that shows one: the JSONL
 * line, the Document's claims (compact and pretty), the HTML page's data.
 *
 * A field added to cl_claim is one line in w_claim below. The body is inlined twice, for the
 * compact and the pretty layout, so the compact one (--format jsonl, the fast path) has no
 * layout to decide at run time. Line and column come from the caller's cursor (cl_jclaims),
 * so the document is only read. */
#include <stdlib.h>

#include "emit.h"

#define INLINE static inline __attribute__((always_inline))

void cl_jclaims_start(cl_jclaims *x, const cl_doc *doc)
{
    if (x->doc != doc) {
        x->doc = doc;
        cl_textpos_init(&x->pos, doc->source, doc->source_len);
    }
    x->pos.first_cr = doc->first_cr;   /* a streaming parse may have lexed a CR since */
}

static const cl_span no_span = {0, 0};

static bool is_cont(unsigned char c)   /* 10xxxxxx */
{
    return (c & 0xC0) == 0x80;
}

/* A piece S of the claim's text, or null when S is empty. CLEAN is the claim's text when it
 * was copied as is (valid UTF-8, nothing to escape), else empty: a piece of it that begins and
 * ends on code point boundaries is copied as is too, without a second look (subject, raw and
 * unit text lie in the claim's text; looking at them again was half of w_string's time). */
static char *w_piece_or_null(char *o, const cl_doc *doc, cl_span clean, cl_span s)
{
    const unsigned char *text = (const unsigned char *)doc->source;   /* as written */
    if (s.end <= s.start)
        return CL_LIT(o, "null");
    if (s.start < clean.start || s.end > clean.end || is_cont(text[s.start]) ||
        (s.end < clean.end && is_cont(text[s.end])))
        return cl_w_text(o, doc->source, doc->source_len, s);
    size_t n = s.end - s.start;
    *o++ = '"';
    if (n <= 16 && s.start + 16 <= doc->source_len)   /* most are short: copied inline, as 16 bytes */
        memcpy(o, text + s.start, 16);          /* (cl_claim_bound leaves room) */
    else
        memcpy(o, text + s.start, n);
    o += n;
    *o++ = '"';
    return o;
}

/* {"start", "end"[, "line", "column"]}: keys at DEPTH. */
INLINE char *w_span(char *o, cl_textpos *pos, cl_span s, bool with_position, bool pretty,
                    int depth)
{
    *o++ = '{';
    o = CL_J_KEY1(o, pretty, depth, "start");
    o = cl_w_uint(o, s.start);
    o = CL_J_KEY(o, pretty, depth, "end");
    o = cl_w_uint(o, s.end);
    if (with_position) {
        uint32_t line, column;
        cl_textpos_at(pos, s.start, &line, &column);
        o = CL_J_KEY(o, pretty, depth, "line");
        o = cl_w_uint(o, line);
        o = CL_J_KEY(o, pretty, depth, "column");
        o = cl_w_uint(o, column);
    }
    return cl_j_close(o, pretty, depth);
}

char *cl_w_span(char *o, cl_textpos *pos, cl_span s, bool with_position, bool pretty, int depth)
{
    return pretty ? w_span(o, pos, s, with_position, true, depth)
                  : w_span(o, pos, s, with_position, false, depth);
}

INLINE char *w_quantity(char *o, cl_jclaims *x, cl_span clean, const cl_quantity *q,
                        bool pretty, int depth)
{
    *o++ = '{';
    o = CL_J_KEY1(o, pretty, depth, "type");
    o = CL_LIT(o, "\"Quantity\"");
    o = CL_J_KEY(o, pretty, depth, "value");
    o = q->has_value ? cl_w_dec(o, q->value) : CL_LIT(o, "null");
    if (q->has_hi) {
        o = CL_J_KEY(o, pretty, depth, "value_hi");
        o = cl_w_dec(o, q->value_hi);
    }
    if (!q->has_value) {
        o = CL_J_KEY(o, pretty, depth, "unit");
        o = CL_LIT(o, "null");
    } else if (q->unit) {   /* cJSON drops a key whose string is NULL */
        o = CL_J_KEY(o, pretty, depth, "unit");
        o = cl_w_name(o, &x->names, q->unit);
    }
    o = CL_J_KEY(o, pretty, depth, "unit_text");
    o = w_piece_or_null(o, x->doc, clean, q->unit_text);
    o = CL_J_KEY(o, pretty, depth, "approx");
    o = cl_w_name(o, &x->names, cl_approx_name(q->approx));
    o = CL_J_KEY(o, pretty, depth, "raw");
    o = w_piece_or_null(o, x->doc, clean, q->span);
    o = CL_J_KEY(o, pretty, depth, "span");
    o = w_span(o, &x->pos, q->span, false, pretty, depth + 1);
    return cl_j_close(o, pretty, depth);
}

/* An indicator id or null: ids are snake_case ASCII (tools/gen_indicators.awk checks), short
 * enough for cl_claim_bound's 2 KB of keys and names. */
static char *w_indicator(char *o, const char *id)
{
    if (!id)
        return CL_LIT(o, "null");
    size_t n = strlen(id);
    *o++ = '"';
    memcpy(o, id, n);
    o += n;
    *o++ = '"';
    return o;
}

/* The claim's object, its keys at DEPTH, left open: the caller adds keys (JSON Lines: doc and
 * section) or closes it. */
INLINE char *w_claim(char *o, cl_jclaims *x, const cl_claim *c, size_t id, bool pretty,
                     int depth)
{
    *o++ = '{';
    o = CL_J_KEY1(o, pretty, depth, "type");
    o = CL_LIT(o, "\"Claim\"");
    o = CL_J_KEY(o, pretty, depth, "id");
    o = cl_w_uint(o, id);
    o = CL_J_KEY(o, pretty, depth, "kind");
    o = cl_w_name(o, &x->names, cl_kind_name(c->kind));
    o = CL_J_KEY(o, pretty, depth, "modality");
    o = c->modality == CL_TARGET ? CL_LIT(o, "\"target\"") : CL_LIT(o, "\"actual\"");
    o = CL_J_KEY(o, pretty, depth, "span");
    o = w_span(o, &x->pos, c->span, true, pretty, depth + 1);
    o = CL_J_KEY(o, pretty, depth, "text");
    char *text = o;
    o = cl_w_text(o, x->doc->source, x->doc->source_len, c->span);
    cl_span clean = (size_t)(o - text) == cl_span_len(c->span) + 2 ? c->span : no_span;
    o = CL_J_KEY(o, pretty, depth, "subject");
    o = w_piece_or_null(o, x->doc, clean, c->subject);
    o = CL_J_KEY(o, pretty, depth, "indicator");
    o = w_indicator(o, c->indicator);
    if (c->kind == CL_PROGRESS) {
        o = CL_J_KEY(o, pretty, depth, "done");
        o = w_quantity(o, x, clean, &c->done, pretty, depth + 1);
        o = CL_J_KEY(o, pretty, depth, "total");
        o = w_quantity(o, x, clean, &c->total, pretty, depth + 1);
    } else {
        o = CL_J_KEY(o, pretty, depth, "quantity");
        o = w_quantity(o, x, clean, &c->quantity, pretty, depth + 1);
    }
    if (c->kind == CL_CHANGE) {
        o = CL_J_KEY(o, pretty, depth, "direction");
        o = cl_w_name(o, &x->names, cl_direction_name(c->direction));
        o = CL_J_KEY(o, pretty, depth, "baseline");
        o = cl_span_len(c->baseline) ? w_piece_or_null(o, x->doc, clean, c->baseline)
                                     : CL_LIT(o, "\"\"");   /* the change states none */
    }
    if (c->distributive) {
        o = CL_J_KEY(o, pretty, depth, "distributive");
        o = CL_LIT(o, "true");
    }
    return o;
}

char *cl_w_claim(char *o, cl_jclaims *x, const cl_claim *c, size_t id)
{
    return w_claim(o, x, c, id, false, 1);
}

char *cl_w_claim_pretty(char *o, cl_jclaims *x, const cl_claim *c, size_t id, int depth)
{
    return w_claim(o, x, c, id, true, depth);
}

/* An upper bound of the bytes w_claim writes: its strings at their worst, and 2 KB for the
 * keys, numbers (at most 20 bytes), decimals (CL_DEC_MAX) and names (kept ones at most
 * CL_NAME_JSON; kinds, approx and directions are short), which need under 1 KB; pretty, the
 * layout around its 40 keys at most. */
size_t cl_claim_bound(cl_jclaims *x, const cl_claim *c, int depth)
{
    size_t text = cl_span_len(c->span) + cl_span_len(c->subject) + cl_span_len(c->baseline);
    size_t names = 0;
    const cl_quantity *qs[] = {&c->quantity, &c->done, &c->total};
    bool progress = c->kind == CL_PROGRESS;   /* done and total are written, else the quantity */
    for (int i = progress ? 1 : 0; i < (progress ? 3 : 1); i++) {
        text += cl_span_len(qs[i]->unit_text) + cl_span_len(qs[i]->span);
        names += cl_name_bound(&x->names, qs[i]->unit);
    }
    return 2048 + CL_STRING_MAX(text) + names + 40 * CL_J_KEY_ROOM(depth + 2);
}

/* -- the tail of a JSON Lines record: "doc" and "section" ------------------------------------ */

/* The headings down to S from the outermost (64 at most). */
static int heading_path(const cl_section *s, const cl_section **path)
{
    const cl_section *chain[64];
    int depth = 0;
    for (; s && depth < 64; s = s->parent)
        chain[depth++] = s;
    for (int k = 0; k < depth; k++)
        path[k] = chain[depth - 1 - k];
    return depth;
}

cl_span cl_section_title(const cl_section *s)
{
    return s->title.end > s->title.start ? s->title : s->marker;
}

static bool tail_room(cl_jtail *t, size_t n)   /* room for N bytes in all, keeping what is there */
{
    if (n <= t->cap)
        return true;
    char *p = realloc(t->p, n);
    if (!p)
        return false;
    t->p = p;
    t->cap = n;
    return true;
}

void cl_jtail_reset(cl_jtail *t)
{
    t->len = t->head = 0;
    t->section = NULL;
    t->depth = 0;
}

void cl_jtail_free(cl_jtail *t)
{
    free(t->p);
    memset(t, 0, sizeof *t);
}

/* The input record's other fields (--input jsonl), as the member "meta": META is the compact
 * JSON object meta.c made, so it is copied as it is. Nothing when there is none. */
static char *w_meta(char *o, const char *meta, size_t n)
{
    if (!meta)
        return o;
    o = CL_LIT(o, ",\"meta\":");
    memcpy(o, meta, n);
    return o + n;
}

bool cl_jtail_for(cl_jtail *t, const cl_doc *doc, const cl_section *s)
{
    if (t->len && t->section == s)
        return true;
    if (!t->head) {
        size_t name_len = strlen(doc->name), meta_len = t->meta ? strlen(t->meta) : 0;
        if (!tail_room(t, 48 + CL_STRING_MAX(name_len) + meta_len))
            return false;
        char *o = CL_LIT(t->p, ",\"doc\":");
        o = t->raw_name ? cl_w_string_raw(o, doc->name, name_len)
                        : cl_w_string(o, doc->name, name_len);
        o = w_meta(o, t->meta, meta_len);
        o = CL_LIT(o, ",\"section\":[");
        t->head = (size_t)(o - t->p);
    }
    const cl_section *path[64];
    int depth = heading_path(s, path), keep = 0;
    while (keep < depth && keep < t->depth && path[keep] == t->path[keep])
        keep++;
    size_t at = keep ? t->ends[keep - 1] : t->head, bound = at + 3 + 16;   /* cl_w_text's blocks */
    for (int k = keep; k < depth; k++)
        bound += 1 + CL_STRING_MAX(cl_span_len(cl_section_title(path[k])));
    if (!tail_room(t, bound))
        return false;
    char *o = t->p + at;
    for (int k = keep; k < depth; k++) {
        if (k)
            *o++ = ',';
        o = cl_w_text(o, doc->source, doc->source_len, cl_section_title(path[k]));
        t->path[k] = path[k];
        t->ends[k] = (size_t)(o - t->p);
    }
    o = CL_LIT(o, "]}\n");
    t->len = (size_t)(o - t->p);
    t->section = s;
    t->depth = depth;
    return true;
}
