/* ast.c — the document's own operations: making and freeing it, its diagnostics, positions,
 * the public accessors of claimc.h and the names of kinds, directions and approximations. */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "textpos.h"

cl_doc *cl_doc_new(const char *name)
{
    cl_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    if (!name)
        name = "-";
    doc->name = cl_arena_strndup(&doc->arena, name, strlen(name));
    if (!doc->name) {
        free(doc);
        return NULL;
    }
    return doc;
}

void cl_doc_free(cl_doc *doc)
{
    if (!doc)
        return;
    cl_arena_free(&doc->arena);
    free(doc->owned);
    free(doc);
}

void cl_doc_diag_add(cl_doc *doc, cl_severity sev, const char *code, const char *message,
                     cl_span span)
{
    cl_diag *d = cl_vec_push(&doc->arena, &doc->diags, sizeof *d);
    if (sev == CL_SEV_ERROR)
        doc->failed = true;
    if (!d)
        return;
    d->severity = sev;
    d->code = code;
    d->message = message;
    d->span = span;
}

/* -- accessors ------------------------------------------------------------------------------- */

const char *cl_doc_name(const cl_doc *doc) { return doc->name; }
const char *cl_doc_encoding(const cl_doc *doc) { return doc->encoding; }
const char *cl_doc_script(const cl_doc *doc) { return doc->script; }
const char *cl_doc_text(const cl_doc *doc) { return doc->source; }
size_t cl_doc_text_len(const cl_doc *doc) { return doc->source_len; }
bool cl_doc_is_plan(const cl_doc *doc) { return doc->plan; }
size_t cl_doc_claim_count(const cl_doc *doc) { return doc->claims.len; }
size_t cl_doc_diag_count(const cl_doc *doc) { return doc->diags.len; }
bool cl_doc_failed(const cl_doc *doc) { return doc->failed; }

const cl_claim *cl_doc_claim(const cl_doc *doc, size_t i)
{
    return i < doc->claims.len ? &CL_VEC_AT(doc->claims, cl_claim, i) : NULL;
}

const cl_diag *cl_doc_diag(const cl_doc *doc, size_t i)
{
    return i < doc->diags.len ? &CL_VEC_AT(doc->diags, cl_diag, i) : NULL;
}

/* The sentences, for tools that reason about the claims of one sentence together (claimc
 * check, the HTML view). */
size_t cl_doc_sentence_count(const cl_doc *doc)
{
    return doc->sentences.len;
}

bool cl_doc_sentence(const cl_doc *doc, size_t i, cl_sentence_view *out)
{
    if (i >= doc->sentences.len)
        return false;
    const cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, i);
    out->span = s->span;
    out->section = s->section;
    out->first_claim = s->first_claim;
    out->claim_count = s->claim_count;
    return true;
}

/* -- the input's offsets of the shadow's (glosses left out) --------------------------------- */

uint32_t cl_doc_source_at(const cl_doc *doc, uint32_t at)
{
    const cl_gloss_break *b = doc->glosses.data;
    size_t lo = 0, hi = doc->glosses.len;   /* the breaks at or before AT: [0, lo) */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b[mid].at <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? at + b[lo - 1].shift : at;
}

uint32_t cl_doc_shadow_at(const cl_doc *doc, uint32_t at)
{
    const cl_gloss_break *b = doc->glosses.data;
    size_t lo = 0, hi = doc->glosses.len;   /* the glosses ending at or before AT: [0, lo) */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b[mid].at + b[mid].shift <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t s = lo ? at - b[lo - 1].shift : at;
    return lo < doc->glosses.len && s > b[lo].at ? b[lo].at : s;   /* inside gloss LO */
}

cl_span cl_doc_source_span(const cl_doc *doc, cl_span s)
{
    return cl_span_of(cl_doc_source_at(doc, s.start), cl_doc_source_at(doc, s.end));
}

static void quantity_to_source(const cl_doc *doc, cl_quantity *q)
{
    q->span = cl_doc_source_span(doc, q->span);
    q->unit_text = cl_doc_source_span(doc, q->unit_text);
}

void cl_doc_claim_to_source(const cl_doc *doc, cl_claim *c)
{
    c->span = cl_doc_source_span(doc, c->span);
    c->subject = cl_doc_source_span(doc, c->subject);
    c->baseline = cl_doc_source_span(doc, c->baseline);
    quantity_to_source(doc, &c->quantity);
    quantity_to_source(doc, &c->done);
    quantity_to_source(doc, &c->total);
}

/* -- positions ------------------------------------------------------------------------------- */

/* A line ends at LF, CRLF or a lone CR. */
static void advance(const char *text, uint32_t i, uint32_t *line, uint32_t *column)
{
    unsigned char c = (unsigned char)text[i];
    if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
        (*line)++;
        *column = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
        (*column)++;
    }
}

void cl_doc_index_positions(cl_doc *doc)
{
    /* memchr for line ends and code points counted eight bytes at a time (textpos.c) */
    cl_textpos p;
    cl_textpos_init(&p, doc->source, doc->source_len);
    for (size_t i = 0; i <= doc->source_len; i += CL_CHECKPOINT) {
        uint32_t line, column;
        cl_textpos_at(&p, i, &line, &column);
        cl_checkpoint *c = cl_vec_push(&doc->arena, &doc->checkpoints, sizeof *c);
        if (!c)
            return;
        *c = (cl_checkpoint){(uint32_t)i, line, column};
    }
}

void cl_doc_position(const cl_doc *doc, uint32_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > doc->source_len)
        offset = (uint32_t)doc->source_len;
    size_t k = offset / CL_CHECKPOINT;
    if (k >= doc->checkpoints.len) {   /* only when memory ran out while building them */
        *line = *column = 1;
        k = 0;
        if (!doc->checkpoints.len) {
            for (uint32_t i = 0; i < offset; i++)
                advance(doc->source, i, line, column);
            return;
        }
    }
    const cl_checkpoint *c = &CL_VEC_AT(doc->checkpoints, cl_checkpoint, k);
    /* from the checkpoint with the JSONL writer's cursor: memchr for line ends and code points
     * counted eight bytes at a time (byte by byte, this was a quarter of --format json) */
    cl_textpos p;
    cl_textpos_init(&p, doc->source, doc->source_len);
    p.look_ahead = 0;   /* one question */
    p.offset = c->offset;
    p.line = c->line;
    p.column = c->column;
    cl_textpos_at(&p, offset, line, column);
}

/* -- names ----------------------------------------------------------------------------------- */

const char *cl_kind_name(cl_kind kind)
{
    static const char *const names[] = {"count", "amount", "money", "measure", "rate", "change",
                                        "progress", "rank"};  /* ORDER KIND */
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *cl_direction_name(cl_direction dir)
{
    static const char *const names[] = {NULL, "up", "down", "flat", "improve"};
    return (unsigned)dir < sizeof names / sizeof names[0] ? names[dir] : NULL;
}

const char *cl_approx_name(cl_approx approx)
{
    static const char *const names[] = {NULL, "about", "more_than", "at_least", "at_most"};
    return (unsigned)approx < sizeof names / sizeof names[0] ? names[approx] : NULL;
}
