/* filter_tokens.h — inside the token filter (filter.c, filter_kw.c, fold.c): the raw tokens
 * it reads ahead and the signal tokens it pushes with the prose around them. Not for the
 * stages around the filter (they include filter.h). */
#ifndef CL_FILTER_TOKENS_H
#define CL_FILTER_TOKENS_H

#include <stddef.h>
#include <string.h>

#include "filter_state.h"
#include "text.h"

/* -- raw tokens with lookahead --------------------------------------------------------------- */

/* The tokens read ahead are la_ahead tokens from la_next on, each in slot (number %
 * CL_FILTER_RING); la_next counts tokens from the start of the text and wraps. */
static inline cl_rawtok *slot(cl_filter *f, unsigned n)
{
    return &f->la[n % CL_FILTER_RING];
}

static inline cl_rawtok *peek(cl_filter *f, int k)
{
    while (f->la_ahead <= (unsigned)k)
        cl_lex(&f->lx, slot(f, f->la_next + f->la_ahead++));
    return slot(f, f->la_next + (unsigned)k);
}

/* The k-th token ahead that is not a space. */
static inline cl_rawtok *peek_solid(cl_filter *f, int k, int *at)
{
    int i = 0;
    for (;; i++) {
        cl_rawtok *t = peek(f, i);
        if (t->type == CL_RT_SPACE)
            continue;
        if (k-- == 0 || t->type == CL_RT_END || i >= CL_FILTER_LOOKAHEAD - 2) {
            if (at)
                *at = i;
            return t;
        }
    }
}

/* The token stays in its slot until the ring comes round: a look-ahead of
 * CL_FILTER_LOOKAHEAD after taking up to that many more leaves it alone (filter.h). */
static inline const cl_rawtok *take(cl_filter *f)
{
    const cl_rawtok *t = peek(f, 0);
    if (t->type != CL_RT_END) {
        f->la_next++;
        f->la_ahead--;
    }
    return t;
}

/* Right after a DATE (2016年至2023年), with nothing but spaces or a soft break between. */
static inline bool after_date(const cl_filter *f)
{
    return f->prev_end == f->date_end;
}

/* The code points of prose a token stands for: a run of water is one token of many. The
 * look-ahead limits below count these, so they mean the same whatever the lexer groups. */
static inline int width(const cl_rawtok *t)
{
    return t->type == CL_RT_FILLER && t->id > 1 ? t->id : 1;
}

/* -- signal tokens and the prose around them (subjects) -------------------------------------------------------------------------------- */

static inline bool text_is(const cl_doc *doc, uint32_t start, uint32_t end, const char *s)
{
    size_t n = strlen(s);
    return end - start == n && memcmp(doc->text + start, s, n) == 0;
}

static inline bool text_starts(const cl_doc *doc, const cl_rawtok *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start >= n && memcmp(doc->text + t->start, s, n) == 0;
}

/* Whether the text from START to END is one of WORDS (ending with {NULL, 0}). The word's last
 * byte is compared inline first (a Chinese character's last byte varies most): most keywords
 * match no word, and a call to memcmp for each costs more. */
static inline bool text_is_any(const cl_doc *doc, uint32_t start, uint32_t end, const cl_word *words)
{
    for (; words->s; words++)
        if (end - start == words->n && doc->text[end - 1] == words->s[words->n - 1] &&
            memcmp(doc->text + start, words->s, words->n) == 0)
            return true;
    return false;
}

/* Whether token T's text starts with one of WORDS (ending with {NULL, 0}). */
static inline bool text_starts_any(const cl_doc *doc, const cl_rawtok *t, const cl_word *words)
{
    for (; words->s; words++)
        if (t->end - t->start >= words->n &&
            doc->text[t->start + words->n - 1] == words->s[words->n - 1] &&
            memcmp(doc->text + t->start, words->s, words->n) == 0)
            return true;
    return false;
}

/* Brackets end a subject: （区委常委会3次，区政府常务会议6次）. The lexer marks them, so the test
 * that runs for every FILLER is one compare. */
static inline bool is_bracket(const cl_rawtok *t)
{
    return t->attr == CL_FILLER_BRACKET;
}

static inline void close_right(cl_filter *f, cl_ctx *ctx)
{
    if (f->open_right >= 0) {
        cl_stok *q = &ctx->toks[f->open_right];
        if (f->right_end > q->span.end)
            q->right = cl_span_of(q->span.end, f->right_end);
        f->open_right = -1;
    }
}

/* Prose: part of a subject on the left of the next signal and on the right of the last QTY. */
static inline void water(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    if (!f->subj_content) {
        f->subj_start = t->start;
        f->subj_content = true;
    }
    f->subj_end = t->end;
    if (f->open_right >= 0 && f->right_end == t->start)
        f->right_end = t->end;
    else
        close_right(f, ctx);
}

/* A word that ends every subject: a verb (开展), a scope (全市), a date, a bracket. */
static inline void boundary(cl_filter *f, cl_ctx *ctx, uint32_t end)
{
    close_right(f, ctx);
    f->weak_start = end;
    f->subj_start = end;
    f->subj_content = false;
}

/* Room for one more signal token; false (ctx->oom set) when out of memory. */
bool cl_filter_grow_toks(cl_ctx *ctx);

/* A token's value part starts at q (sentence.h): QTY and ORD alone write it. */
#define VALUE_AT offsetof(cl_stok, q)

static inline void clear_value(cl_stok *s)
{
    memset((char *)s + VALUE_AT, 0, sizeof *s - VALUE_AT);
}

static inline void copy_value(cl_stok *to, const cl_stok *from)
{
    memcpy((char *)to + VALUE_AT, (const char *)from + VALUE_AT, sizeof *to - VALUE_AT);
}

static inline cl_stok *push_sig(cl_filter *f, cl_ctx *ctx, cl_sig sig, cl_span span)
{
    close_right(f, ctx);
    if (ctx->ntoks == ctx->cap_toks && !cl_filter_grow_toks(ctx))
        return NULL;
    cl_stok *s = &ctx->toks[ctx->ntoks++];
    memset(s, 0, VALUE_AT);
    s->sig = sig;
    s->span = span;
    s->clause = f->clause_start;
    s->modal = f->modal;
    if (f->subj_content && f->subj_start < f->subj_end) {
        s->left = cl_span_of(f->subj_start, f->subj_end);
        /* 验收率: a one-character subject after a completion word belongs to that word */
        if (f->subj_end - f->subj_start <= 3 && f->weak_start < f->subj_start)
            s->left.start = f->weak_start;
    }
    /* completion and total words live inside noun phrases (大气污染治理项目): they end a
     * subject only when nothing precedes them (完成 大气污染治理项目 12个) */
    bool weak = sig == CL_SIG_DONE || sig == CL_SIG_TOTAL || sig == CL_SIG_HAS || sig == CL_SIG_ORD ||
                sig == CL_SIG_FULL;
    if (!weak || !f->subj_content) {
        if (!weak || f->weak_start >= f->subj_start)
            f->weak_start = weak ? span.start : span.end;
        f->subj_start = span.end;
        f->subj_content = false;
    }
    if (sig == CL_SIG_COMMA)
        f->clause_start = span.end;
    return s;
}

/* A QTY, ORD, DIR or BASE: the sentence may hold a claim (pipeline.c, may_claim). */
static inline cl_stok *push_claim_sig(cl_filter *f, cl_ctx *ctx, cl_sig sig, cl_span span)
{
    cl_stok *s = push_sig(f, ctx, sig, span);
    if (s)
        ctx->claim_sig = true;
    return s;
}

#endif
