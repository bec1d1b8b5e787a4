/* claim.c — turn the grammar's drafts into claims: levels, changes, ranks (progress in
 * claim_progress.c; one value's kind, modality and subject in claim_value.c), in text order.
 *
 * The grammar decides which tokens belong together; the builder decides what they mean, once
 * the whole sentence (and so the prose on both sides of every token) is known. */
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "claim_value.h"
#include "number.h"
#include "subject.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

/* The direction of the first reference verb (baseline_verbs: 高于, 低于) in the prose of Q's
 * clause before Q, or none. */
static cl_direction verb_before(const cl_ctx *ctx, const cl_stok *q)
{
    const char *s = ctx->doc->text + q->clause;
    size_t n = q->span.start > q->clause ? q->span.start - q->clause : 0;
    if (n > CL_LOOK_BACK)
        return CL_DIR_NONE;
    for (size_t k = 0; k + 6 <= n; k += 3)   /* the clause's code points (Chinese: three bytes) */
        for (const cl_dir_word *v = cl_words_baseline_verbs; v->w.s; v++)
            if (k + v->w.n <= n && memcmp(s + k, v->w.s, v->w.n) == 0)
                return v->dir;
    return CL_DIR_NONE;
}

/* Levels and changes take distributive subjects (O3、NO2、CO分别…) or the subjects of the
 * claims just before. */
static void build_level(cl_ctx *ctx, const cl_draft *d, size_t first_claim)
{
    cl_claim_share_unit(ctx, d->list);
    int n = cl_qty_count(ctx, d->list);
    /* 受污染耕地安全利用率和重点建设用地安全利用率均达100%: one claim per metric */
    cl_span metrics[8];
    int nmetrics = d->all >= 0 && n == 1 ? cl_subject_split(ctx, d->all, metrics, 8) : 0;
    for (int m = 0; m < nmetrics; m++)   /* 城市和县城…处理率均为100%: one metric, two places */
        if (!cl_subject_names_metric(ctx->doc, metrics[m]))
            nmetrics = 0;
    bool each = d->distr >= 0 && ctx->toks[d->distr].each;   /* 绿色学校、绿色社区各10个 */
    if (each && n == 1)
        nmetrics = cl_subject_split(ctx, d->distr, metrics, 8);
    if (nmetrics > 1) {
        for (int i = d->list.first; i <= d->list.last; i++) {
            cl_stok *q = &ctx->toks[i];
            if (q->sig != CL_SIG_QTY || q->used)
                continue;
            q->used = true;
            if (q->defining || q->bare)
                return;
            for (int m = 0; m < nmetrics; m++) {
                cl_claim *c = cl_claim_new(ctx, kind_of(ctx->doc, q, metrics[m]), q, metrics[m]);
                if (c)
                    c->span = cl_span_of(metrics[m].start, q->span.end);
            }
        }
        return;
    }
    cl_span subjects[64];
    bool distributive = d->distr >= 0 && n > 1 && n <= 64;
    if (distributive)
        cl_subject_distributive(ctx, d->distr, n, first_claim, subjects);
    (void)each;
    int lead = d->all >= 0 ? d->all : d->lead >= 0 ? d->lead : d->distr;
    cl_span subject = lead >= 0 ? ctx->toks[lead].left : cl_span_of(0, 0);
    if (!has_text(subject) && d->lead >= 0 && d->all >= 0)
        subject = ctx->toks[d->lead].left;
    if (!has_text(subject) && d->lead >= 0)   /* 由85%提高到90%: the metric just named */
        subject = cl_subject_previous(ctx, first_claim);
    int k = 0;
    bool ref_known = false;
    cl_direction ref_dir = CL_DIR_NONE;
    for (int i = d->list.first; i <= d->list.last; i++) {
        cl_stok *q = &ctx->toks[i];
        if (q->sig != CL_SIG_QTY || q->used)
            continue;
        q->used = true;
        cl_span s = distributive ? subjects[k] : has_text(q->left) ? q->left : subject;
        k++;
        if (q->defining || (q->article && has_text(q->right)))
            continue;
        /* a bare value is a level only after a copula: 综合指数为4.35 */
        if (q->bare && d->lead < 0)
            continue;
        cl_claim *c = cl_claim_new(ctx, kind_of(ctx->doc, q, s), q, s);
        cl_claim_times_base(ctx, i, c);
        if (c) {
            c->distributive = distributive;
            if (c->kind == CL_CHANGE && distributive) {   /* 分别高于目标要求4个、3个百分点 */
                if (!ref_known)   /* read once for the list */
                    ref_dir = verb_before(ctx, &ctx->toks[d->list.first]);
                ref_known = true;
                c->direction = ref_dir;
            }
            if (lead >= 0 && !has_text(q->left) && k == 1)   /* later values: their own text */
                c->span.start = has_text(c->subject) && c->subject.start < ctx->toks[lead].span.start
                                    ? c->subject.start : ctx->toks[lead].span.start;
            else if (distributive)
                c->span = q->span;
        }
    }
}

/* 拉动经济增长0.5个百分点, 上拉地区生产总值增速2.5个百分点: what a part pulls up is the growth
 * (经济增长, 地区生产总值增速), the direction word a noun of it; S when it opens with no such verb
 * (grammar/words.tsv pull_verbs). DIR_END: where the direction word ends. */
static cl_span pulled(const cl_ctx *ctx, cl_span s, uint32_t dir_end)
{
    const char *p = ctx->doc->text + s.start;
    for (const cl_word *w = cl_words_pull_verbs; w->s; w++)
        if (s.end - s.start >= w->n + 2 * 3 && p[2] == w->s[2] && p[0] == w->s[0] && memcmp(p, w->s, w->n) == 0)
            return cl_span_of(s.start + (uint32_t)w->n, dir_end);
    return s;
}

/* 增速-4.7%, 增长-3.2%: a rise written with a minus is a fall (the value keeps its sign). */
static cl_direction signed_dir(cl_direction dir, const cl_stok *q)
{
    return dir == CL_DIR_UP && q->q.value.neg && q->q.value.mant ? CL_DIR_DOWN : dir;
}

static void build_change(cl_ctx *ctx, const cl_draft *d, size_t first_claim)
{
    int head = d->distr >= 0 ? d->distr : d->lead >= 0 ? d->lead : d->dir;
    if (d->lead >= 0 && d->distr >= 0 && d->lead < d->distr)
        head = d->lead;
    cl_direction dir = d->dir >= 0 ? (cl_direction)ctx->toks[d->dir].attr : CL_DIR_NONE;
    cl_span baseline = d->lead >= 0 ? ctx->toks[d->lead].span : cl_span_of(0, 0);
    /* 优良天数比去年同期增加19天,重污染天数减少3天: a later clause keeps the baseline */
    bool inherited = false;
    if (d->lead < 0 && d->dir >= 0 && !ctx->toks[d->dir].needs_base &&
        has_text(ctx->toks[d->dir].base)) {   /* the last BASE before it, noted by the filter */
        baseline = ctx->toks[d->dir].base;
        inherited = true;
    }
    /* 较疫情前的2019年同期上升4.9个百分点, “十三五”以来累计下降, 两年平均增长: the clause's own
     * comparison, which the filter did not fold, comes before any carried one; 与上年同期相比，
     * A…，B…: a comparison that is a clause of its own holds for every change after it */
    bool own = false, leading = false;
    if (d->lead < 0 && d->dir >= 0) {
        cl_span b = cl_baseline_own(ctx, d->dir);
        if (has_text(b)) {
            own = true;
            inherited = false;
            baseline = b;
        } else if (!has_text(baseline) || inherited) {   /* 与基准年同比，A…，B…: all of it */
            b = cl_baseline_leading(ctx, ctx->toks[d->dir].clause);
            leading = has_text(b) && (!has_text(baseline) ||   /* a BASE folded inside it */
                                      (baseline.start >= b.start && baseline.start < b.end));
            if (leading) {
                inherited = true;
                baseline = b;
            }
        }
    }
    /* 比上年同期X万元减收Y万元，下降Z%: a comparison read here (not folded, so not the filter's
     * to carry) holds for a later change of the same metric, as a carried one does */
    cl_span carry = cl_span_of(0, 0);
    if (d->lead < 0 && d->dir >= 0 && !has_text(baseline) && ctx->doc->claims.len > first_claim) {
        const cl_claim *last = &CL_VEC_AT(ctx->doc->claims, cl_claim, ctx->doc->claims.len - 1);
        if (last->kind == CL_CHANGE && has_text(last->baseline) && last->baseline.end <= ctx->toks[d->dir].clause)
            carry = last->baseline;
    }
    cl_span subject = ctx->toks[head].left;
    if (own && has_text(subject) && subject.end > baseline.start) {   /* 增速|较上年四季度, 税收收入|可比 */
        cl_span before = subject.start < baseline.start
                             ? cl_span_of(subject.start, baseline.start)
                             : cl_subject_resolve(ctx, cl_subject_prose_before(ctx, baseline.start));
        if (has_text(before))   /* else the modifier alone: the metric before (subject_settle.c) */
            subject = before;
    }
    if (!has_text(subject) && d->lead >= 0 && ctx->toks[d->lead].sig == CL_SIG_BASE)
        subject = cl_subject_resolve(ctx, cl_subject_prose_before(ctx, ctx->toks[d->lead].span.start));   /* 增速|较一季度回落 */
    if (!has_text(subject))
        subject = cl_subject_previous(ctx, first_claim);
    else if (d->dir >= 0 && subject.end == ctx->toks[d->dir].span.start)
        subject = pulled(ctx, subject, ctx->toks[d->dir].span.end);

    if (d->list.first < 0) {   /* 与去年持平: a flat change with no number */
        if (dir == CL_DIR_FLAT) {
            cl_stok flat;
            memset(&flat, 0, sizeof flat);
            flat.span = cl_span_of(ctx->toks[head].span.start, ctx->toks[d->dir].span.end);
            flat.q.unit = "";
            flat.unit_row = -1;
            flat.modal = ctx->toks[head].modal;
            cl_claim *c = cl_claim_new(ctx, CL_CHANGE, &flat, subject);
            if (c) {
                c->quantity.has_value = false;
                c->direction = dir;
                c->baseline = baseline;
                c->span = flat.span;
            }
        }
        return;
    }
    cl_claim_share_unit(ctx, d->list);
    int n = cl_qty_count(ctx, d->list);
    cl_span subjects[64];
    bool distributive = d->distr >= 0 && n > 1 && n <= 64;
    if (distributive)
        cl_subject_distributive(ctx, d->distr, n, first_claim, subjects);
    /* 化学需氧量、氨氮排放总量均较上年下降2%以上: the change holds for each metric listed */
    int nall = d->all >= 0 && n == 1 ? cl_subject_split(ctx, d->all, subjects, 64) : 0;
    if (nall > 1) {
        for (int i = d->list.first; i <= d->list.last; i++) {
            cl_stok *q = &ctx->toks[i];
            if (q->sig != CL_SIG_QTY || q->used)
                continue;
            q->used = true;
            for (int m = 0; m < nall; m++) {
                cl_claim *c = cl_claim_new(ctx, CL_CHANGE, q, subjects[m]);
                if (!c)
                    return;
                c->direction = signed_dir(dir, q);
                c->baseline = baseline;
                c->span = cl_span_of(subjects[m].start, q->span.end);
            }
        }
        return;
    }
    int k = 0;
    for (int i = d->list.first; i <= d->list.last; i++) {
        cl_stok *q = &ctx->toks[i];
        if (q->sig != CL_SIG_QTY || q->used)
            continue;
        /* With no baseline, a direction word is a change only before a ratio, a level or a
         * rank (下降7.4%, 提升3个位次); before other quantities it is a verb and the number a
         * plain quantity (持续提升233座设施, 减少碳排放3万吨). */
        cl_dim dim = dim_of(q);
        bool ratio = dim == CL_DIM_PERCENT || dim == CL_DIM_PP || dim == CL_DIM_MULTIPLE ||
                     dim == CL_DIM_CONC || dim == CL_DIM_RANK;
        /* 面积增加320亩。| 减少二氧化碳排放960吨。: an amount that ends its clause is the size of
         * the change; a count is a tally unless a baseline is named (提升233座设施) */
        bool changeable = (ratio && !has_text(q->left)) ||
                          (dim != CL_DIM_COUNT && dim != CL_NO_DIM && !has_text(q->right));
        if (d->lead < 0 && !inherited && !own && (d->distr < 0 || ctx->toks[d->dir].needs_base) &&
            (!changeable || ctx->toks[d->dir].needs_base)) {
            cl_claim_simple(ctx, i, cl_span_of(0, 0));
            k++;
            continue;
        }
        q->used = true;
        if (q->defining || (q->bare && !has_text(baseline))) {   /* 较2023年上升0.42: an index */
            k++;
            continue;
        }
        cl_claim *c = cl_claim_new(ctx, CL_CHANGE, q, distributive ? subjects[k] : subject);
        k++;
        if (!c)
            return;
        c->direction = signed_dir(dir, q);
        /* a baseline carried from a clause before holds for the metric it was stated for */
        c->baseline = inherited && !leading && !cl_baseline_stays(ctx, baseline, c->subject, ctx->toks[head].clause)
                          ? cl_span_of(0, 0) : baseline;
        if (has_text(carry) && cl_baseline_stays(ctx, carry, c->subject, ctx->toks[head].clause))
            c->baseline = carry;
        c->distributive = distributive;
        /* the first value's text opens with the head (分别同比下降 7.4%); later values are
         * their own text, so a long list's output stays linear in its length */
        c->span = k == 1 ? cl_span_of(ctx->toks[head].span.start, q->span.end) : q->span;
        if ((!has_text(baseline) || (inherited && !leading)) && !distributive) {
            /* 增幅比年目标低0.4个百分点: down, against it; also after a carried 同比 (…同比增长
             * 9.8%，增速高于全市平均水平2.4个百分点) */
            cl_span carried = c->baseline;
            c->baseline = cl_span_of(0, 0);
            if (!cl_baseline_reference(ctx, q, c))
                c->baseline = carried;
        }
    }
}

/* 税收收入增长15.9%，税比71.6%，均居全市第1位 | 增速均居全省第一: a ranking that 均 gives to
 * each of the sentence's claims before it (since the last rank; only the changes when what is
 * ranked is a growth rate), one rank each; false when there is none. */
static bool build_rank_each(cl_ctx *ctx, const cl_stok *r, const cl_stok *q, size_t first_claim)
{
    const cl_stok *all = r - 1;
    if (r == ctx->toks || all->sig != CL_SIG_ALL)
        return false;
    bool growth = has_text(all->left) && span_contains_any(ctx->doc, all->left, cl_words_rank_growth);
    size_t from = ctx->doc->claims.len, end = from;
    while (from > first_claim) {
        const cl_claim *c = &CL_VEC_AT(ctx->doc->claims, cl_claim, from - 1);
        if (c->kind == CL_RANK || c->span.start >= r->span.start)
            break;
        from--;
    }
    int made = 0;
    for (size_t i = from; i < end; i++) {
        const cl_claim *c = &CL_VEC_AT(ctx->doc->claims, cl_claim, i);
        if ((growth && c->kind != CL_CHANGE) || c->kind == CL_PROGRESS)
            continue;
        cl_span subject = c->subject;   /* copied: the push below may move the claims */
        cl_claim *k = cl_claim_new(ctx, CL_RANK, q, cl_span_of(0, 0));
        if (!k)
            return true;
        k->subject = subject;
        k->indicator = CL_VEC_AT(ctx->doc->claims, cl_claim, i).indicator;
        k->span = cl_span_of(all->span.start, q->span.end);
        made++;
    }
    return made > 0;
}

static void build_rank(cl_ctx *ctx, const cl_draft *d, size_t first_claim)
{
    cl_stok *r = &ctx->toks[d->lead], *o = &ctx->toks[d->list.first];
    if (!o->q.has_value)
        return;
    cl_stok q = *o;
    q.modal = r->modal;
    if (d->list.first == d->lead + 1 && build_rank_each(ctx, r, &q, first_claim))
        return;
    /* 空气质量优良率93.1%，排名全省第四: the rank of the metric just named; 投资潜力第3、
     * 新型城镇化质量第4: a listed rank of its own */
    cl_span subject = o->attr && has_text(o->left) ? o->left
                    : has_text(r->left)            ? r->left
                                                   : cl_subject_previous(ctx, first_claim);
    cl_claim *c = cl_claim_new(ctx, CL_RANK, &q, subject);
    if (c)
        c->span = cl_span_of(r->span.start, o->span.end);
}

static int by_start(const void *a, const void *b)
{
    const cl_claim *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return (x->quantity.span.start > y->quantity.span.start) -
           (x->quantity.span.start < y->quantity.span.start);
}

/* Most sentences build their claims in text order already, and glibc's qsort (a stable merge
 * sort) would leave them as they are after allocating a buffer and copying them twice. */
static bool in_order(const cl_claim *claims, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (by_start(&claims[i - 1], &claims[i]) > 0)
            return false;
    return true;
}

/* The subjects of this piece's N claims, as built (before the sort), after those carried from
 * the pieces before: what the drafts of the next piece, if the sentence was cut, would have
 * found among the sentence's claims (cl_subject_previous, cl_subject_distributive). */
static void carry_subjects(cl_ctx *ctx, size_t first_claim, size_t n)
{
    const int cap = (int)(sizeof ctx->carried / sizeof ctx->carried[0]);
    if (!ctx->continued)
        ctx->ncarried = 0;
    size_t from = n > (size_t)cap ? n - (size_t)cap : 0;
    int keep = ctx->ncarried + (int)(n - from) > cap ? cap - (int)(n - from) : ctx->ncarried;
    memmove(ctx->carried, ctx->carried + ctx->ncarried - keep, (size_t)keep * sizeof ctx->carried[0]);
    ctx->ncarried = keep;
    for (size_t i = from; i < n; i++)
        ctx->carried[ctx->ncarried++] = CL_VEC_AT(ctx->doc->claims, cl_claim, first_claim + i).subject;
}

/* Values with no claim structure around them, one claim each; but a list that ends in
 * percentage points after a reference verb (分别高于国、省2.6和3.1个百分点 | 高于全国0.7、全省2.3个
 * 百分点) is one change per reference: the bare values take the unit, and each change the verb's
 * direction. */
static void build_plain(cl_ctx *ctx, const cl_draft *d)
{
    const cl_stok *last = d->list.last >= 0 ? &ctx->toks[d->list.last] : NULL;
    bool points = last && last->sig == CL_SIG_QTY && dim_of(last) == CL_DIM_PP;
    cl_direction dir = points ? verb_before(ctx, &ctx->toks[d->list.first]) : CL_DIR_NONE;
    if (dir != CL_DIR_NONE)
        cl_claim_share_unit(ctx, d->list);
    size_t from = ctx->doc->claims.len;
    cl_claim_each_qty(ctx, d->list, -1, cl_span_of(0, 0));
    for (size_t i = from; dir != CL_DIR_NONE && i < ctx->doc->claims.len; i++) {
        cl_claim *c = &CL_VEC_AT(ctx->doc->claims, cl_claim, i);
        if (c->kind == CL_CHANGE && c->direction == CL_DIR_NONE)
            c->direction = dir;
    }
}

void cl_sentence_build(cl_ctx *ctx)
{
    size_t first_claim = ctx->doc->claims.len;
    ctx->next_comma_ready = false;
    ctx->basis_from = UINT32_MAX;   /* nothing known */
    ctx->basis_at = UINT32_MAX;
    ctx->budget_plan = false;
    int grammar_drafts = ctx->ndrafts;
    cl_find_frames(ctx);   /* appended after the grammar's drafts, built before them */
    for (int i = grammar_drafts; i < ctx->ndrafts && !ctx->oom; i++)
        cl_build_progress(ctx, &ctx->drafts[i]);
    for (int i = 0; i < grammar_drafts && !ctx->oom; i++) {
        const cl_draft *d = &ctx->drafts[i];
        switch (d->type) {
        case CL_DRAFT_PLAIN: build_plain(ctx, d); break;
        case CL_DRAFT_LEVEL: build_level(ctx, d, first_claim); break;
        case CL_DRAFT_CHANGE: build_change(ctx, d, first_claim); break;
        case CL_DRAFT_PROGRESS: cl_build_progress(ctx, d); break;
        case CL_DRAFT_RANK: build_rank(ctx, d, first_claim); break;
        }
    }
    size_t n = ctx->doc->claims.len - first_claim;
    carry_subjects(ctx, first_claim, n);
    if (n > 1) {
        cl_claim *claims = &CL_VEC_AT(ctx->doc->claims, cl_claim, first_claim);
        if (!in_order(claims, n))
            qsort(claims, n, sizeof *claims, by_start);
    }
    cl_link_across_sentences(ctx, first_claim);
}
