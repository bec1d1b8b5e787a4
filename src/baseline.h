/* baseline.h — changes stated against a reference rather than a time: 比全省平均水平高出12.5个百分点,
 * 高于全国1.9个百分点, 比年目标低0.4个百分点, 超序时进度2.1个百分点 (baseline.c). */
#ifndef CL_BASELINE_H
#define CL_BASELINE_H

#include "sentence.h"

/* When the prose of Q's clause right before it compares with a reference, make C (the claim
 * just made of Q, a percentage or a percentage-point value) a change against that reference:
 * its baseline as written (比全省平均水平, 高于全国), its direction from the comparative word, its
 * subject the prose before the comparison or that of the sentence's claim before it. Returns
 * whether it did. */
bool cl_baseline_reference(const cl_ctx *ctx, const cl_stok *q, cl_claim *c);

/* Whether BASELINE, stated in a clause before the one starting at CLAUSE, holds for a change
 * of SUBJECT there: when the subject was named before the baseline (收入…较上年增长15%，增收2.5亿
 * 元), or the baseline says 下同; not for a metric named after it (…比上年增长4.4%，其中农业产值
 * 91.9亿元，增长4.7%: a change that states no baseline). */
bool cl_baseline_stays(const cl_ctx *ctx, cl_span baseline, cl_span subject, uint32_t clause);

/* The comparison a change's own clause states before its direction word (token DIR), after
 * the value or word before it and without a bracketed aside, where the filter folded none: a word of the change that says what it is
 * against (两年平均, 可比), a period (“十三五”以来), or an opener and a time (较疫情前的2019年同期,
 * 较上年四季度); an empty span when there is none. */
cl_span cl_baseline_own(const cl_ctx *ctx, int dir);

/* A clause among the sentence's first two (before BEFORE) that is a comparison and nothing
 * else (与上年同期相比，A下降…，B上升…): the baseline of every change after it; or empty. */
cl_span cl_baseline_leading(const cl_ctx *ctx, uint32_t before);

#endif
