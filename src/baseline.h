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

#endif
