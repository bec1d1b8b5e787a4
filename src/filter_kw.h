/* filter_kw.h — the token filter's keywords (filter_kw.c). */
#ifndef CL_FILTER_KW_H
#define CL_FILTER_KW_H

#include "filter_tokens.h"

/* The keyword T as a signal token, as water or as a mark on the sentence. */
void cl_filter_keyword(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);
/* 全区第一: the scope word before the ordinal T pushed as a ranking word. */
bool cl_filter_rank_after_scope(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);

#endif
