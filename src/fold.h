/* fold.h — the token filter's folds (fold.c): numerals into quantities, baselines, ratios. */
#ifndef CL_FOLD_H
#define CL_FOLD_H

#include "filter_tokens.h"

/* FIRST (NUM, PCT or FRAC) and what follows it into the QTY S; false when the numeral
 * is no quantity (a bare Chinese numeral, a lone 一, an overflow), so the caller treats it as
 * prose. */
bool cl_fold_quantity(cl_filter *f, cl_ctx *ctx, const cl_rawtok *first, cl_stok *s);
/* A percentage K tokens ahead, after a 的 (58000万元的41.2%). */
bool cl_fold_share_follows(cl_filter *f, int k);
/* CMP at the head: a baseline then a direction word ahead; *END where it ends. */
bool cl_fold_baseline(cl_filter *f, uint32_t *end);
/* A ratio (8.1︰38.6︰53.3) as one QTY per part. */
void cl_fold_ratio(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);

#endif
