/* filter_kw.h — the token filter's keywords (filter_kw.c). */
#ifndef CL_FILTER_KW_H
#define CL_FILTER_KW_H

#include "filter_tokens.h"

/* The keyword T as a signal token, as water or as a mark on the sentence. */
void cl_filter_keyword(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);
/* 全区第一: the scope word before the ordinal T pushed as a ranking word. */
bool cl_filter_rank_after_scope(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);
/* 第一方阵, 第一梯队: the ordinal T begins a name (grammar/words.tsv, ordinal_names). */
bool cl_filter_ordinal_is_name(cl_filter *f, const cl_ctx *ctx, const cl_rawtok *t);
/* Before an ordinal that follows no ranking word: RANK or ORD when the tokens since the last
 * ranking are no claim of their own (the field's size, 居全市6县市第1位; a list's separator,
 * 投资潜力第3、新型城镇化质量第4, which sets *LISTED), which are dropped; else the last token's
 * signal. */
cl_sig cl_filter_rank_resume(cl_filter *f, cl_ctx *ctx, bool *listed);

#endif
