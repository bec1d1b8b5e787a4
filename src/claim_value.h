/* claim_value.h — inside the claim builder (claim.c, claim_progress.c, claim_value.c): one
 * value into one claim (claim_value.c), and the helpers the builder's parts share. */
#ifndef CL_CLAIM_VALUE_H
#define CL_CLAIM_VALUE_H

#include "sentence.h"
#include "text.h"
#include "units.h"

/* How far (in signal tokens) a scope or a breakdown is looked for: enough for any real
 * sentence, and it keeps pathological 10,000-item lists linear. */
#define CL_SCOPE_WINDOW 48

/* How far back a clause is looked through for a word: a clause of real prose is far shorter,
 * and the bound keeps a clause of megabytes (a page without punctuation) linear. */
#define CL_LOOK_BACK 1024
#define CL_NO_DIM ((cl_dim)-1)   /* a quantity with no unit */

/* -- text helpers ---------------------------------------------------------------------------- */

static inline bool has_text(cl_span s) { return s.end > s.start; }

static inline size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

static inline bool span_contains(const cl_doc *doc, cl_span s, const char *word)
{
    return cl_text_has(doc->text + s.start, span_len(s), word);
}

static inline bool span_contains_any(const cl_doc *doc, cl_span s, const cl_word *words)
{
    return cl_text_has_any(doc->text + s.start, span_len(s), words);
}

static inline bool span_ends_with(const cl_doc *doc, cl_span s, const char *word)
{
    return cl_text_ends_with(doc->text + s.start, span_len(s), word);
}

static inline cl_dim dim_of(const cl_stok *q)
{
    return q->unit_row >= 0 ? cl_units[q->unit_row].dim : CL_NO_DIM;
}

/* -- one value, one claim (claim_value.c) ---------------------------------------------------- */

/* The kind a quantity has on its own, from its unit's dimension (and, with none, its words). */
cl_kind cl_kind_of_rest(const cl_doc *doc, cl_stok *q, cl_span subject);
/* Counts (most quantities) without a call. */
static inline cl_kind kind_of(const cl_doc *doc, cl_stok *q, cl_span subject)
{
    cl_dim d = dim_of(q);
    if (d == CL_DIM_COUNT || d == CL_DIM_TIME)
        return CL_COUNT;
    return cl_kind_of_rest(doc, q, subject);
}

/* A claim of ctx's document for Q, every field set here: the subject resolved, the indicator,
 * the modality (a target in a plan, unless 在…的基础上); NULL (ctx->oom) when out of memory. */
cl_claim *cl_claim_new(cl_ctx *ctx, cl_kind kind, const cl_stok *q, cl_span subject);
/* Token I as a claim of its own, unless it is no claim (a scope, a definition, a policy's
 * name, an article); SUBJECT empty: found around it. */
cl_claim *cl_claim_simple(cl_ctx *ctx, int i, cl_span subject);
/* cl_claim_simple for every unused QTY of R but SKIP. */
void cl_claim_each_qty(cl_ctx *ctx, cl_range r, int skip, cl_span subject);
/* 24、8微克/立方米: bare values of R before the last take its unit. */
void cl_claim_share_unit(cl_ctx *ctx, cl_range r);
/* The QTY tokens in R. */
int cl_qty_count(const cl_ctx *ctx, cl_range r);
/* 是“十五”期末的1.9倍: the value at I, N times a level named before it (是 X 的), makes C a change
 * against X (direction up from 1 on), not a rate. */
void cl_claim_times_base_rest(const cl_ctx *ctx, int i, cl_claim *c);
/* Multiples (rare) without a call. */
static inline void cl_claim_times_base(const cl_ctx *ctx, int i, cl_claim *c)
{
    if (c && dim_of(&ctx->toks[i]) == CL_DIM_MULTIPLE)
        cl_claim_times_base_rest(ctx, i, c);
}

/* -- progress (claim_progress.c) ------------------------------------------------------------- */

/* 全市15个断面中，…13个 and 4348万元，占年初预算10065万元的43.2%: frames and shares as progress
 * drafts, appended to ctx's drafts. */
void cl_find_frames(cl_ctx *ctx);
/* The progress draft D as a claim, or its values as plain claims when it is no progress. */
void cl_build_progress(cl_ctx *ctx, const cl_draft *d);
/* A total ending the sentence before and a part done opening this one: one progress claim;
 * sets ctx->merged, ctx->pending_claim. */
void cl_link_across_sentences(cl_ctx *ctx, size_t first_claim);

#endif
