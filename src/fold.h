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
/* CMP at the head: a baseline then a direction word ahead; *END where it ends. CLOSED: false
 * for 与, which opens a comparison only when a comparison word closes it (与上年相比, 与去年同期
 * 比较, 与上年持平): 文化旅游体育与传媒支出增长9.9% is a name with 与 in it. */
bool cl_fold_baseline(cl_filter *f, uint32_t *end, bool closed);
/* Whether the direction word T is a growth noun (增速, 增幅) right before a comparative and a
 * number (较全省总体增速高1.87个百分点): the metric, whose direction the comparative gives. */
bool cl_fold_growth_noun_compared(const cl_doc *doc, const cl_rawtok *t);
static inline bool cl_fold_growth_compared(const cl_doc *doc, const cl_rawtok *t)
{
    const char *p = doc->text + t->end;   /* a number one or two characters after it: rare, */
    size_t room = doc->len - t->end;      /* so asked first, here, at every direction word */
    return room >= 4 && ((p[3] >= '0' && p[3] <= '9') || (room > 6 && p[6] >= '0' && p[6] <= '9')) &&
           cl_fold_growth_noun_compared(doc, t);
}
/* A ratio (8.1︰38.6︰53.3) as one QTY per part. */
void cl_fold_ratio(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t);

#endif
