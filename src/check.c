/* check.c — claimc check: cross-check the arithmetic of the claims of each sentence.
 *
 * An auditor's first pass over a report: done greater than total, a rate that does not match
 * the counts beside it, a ratio above 100%, a direction word that contradicts the two levels
 * it joins, and 超额完成 with no figure at all. Each finding names its claims (by id) and
 * gives the figures it computed, so a reader can redo the sum. Only the claims of one sentence
 * are compared: across sentences the claims rarely talk about the same things.
 *
 * Levels: error (the figures cannot all be right), warning (suspicious or unsupported),
 * info (a figure the text implies, e.g. the total behind a count and its rate). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check_findings.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

/* The numerals' span of a claim: its quantity, or done and total together. */
static cl_span qspan(const cl_claim *c)
{
    if (c->kind != CL_PROGRESS)
        return c->quantity.span;
    cl_span a = c->done.span, b = c->total.span;
    cl_span s = {a.start < b.start ? a.start : b.start, a.end > b.end ? a.end : b.end};
    return s;
}

/* The prose before claim K's numerals, back to the previous claim's numerals or the sentence
 * start: where 共, 由, 去年 and the subject are written (found by index_contexts). */
static cl_span context(const checker *ck, size_t k)
{
    cl_span s = {ck->ctx[k].start, qspan(ck->c[k]).start};
    return s;
}

/* Each claim's context: its start is the latest end of an earlier claim's numerals at or
 * before its own numerals (the running latest end, unless numerals overlap or come out of
 * order, where the earlier claims are searched), and the words in it. */
static void index_contexts(checker *ck)
{
    uint32_t latest = ck->s.span.start;
    for (size_t k = 0; k < ck->nc; k++) {
        uint32_t at = qspan(ck->c[k]).start, start = ck->s.span.start;
        if (latest <= at) {
            start = latest;
        } else {
            for (size_t j = 0; j < k; j++) {
                uint32_t e = qspan(ck->c[j]).end;
                if (e > start && e <= at)
                    start = e;
            }
        }
        if (qspan(ck->c[k]).end > latest)
            latest = qspan(ck->c[k]).end;
        ck->ctx[k].start = start;
        const cl_doc *d = ck->doc;
        ck->ctx[k].words = (cl_ck_first_word(d, start, at, cl_words_check_total) ? CTX_TOTAL : 0) |
                           (cl_ck_first_word(d, start, at, cl_words_check_done) ? CTX_DONE : 0) |
                           (cl_ck_first_word(d, start, at, cl_words_check_prior) ? CTX_PRIOR : 0) |
                           (cl_ck_has_word(d, start, at, "由") || cl_ck_has_word(d, start, at, "从") ? CTX_FROM : 0);
    }
}

static bool plain(const cl_quantity *q)
{
    return q->has_value && !q->has_hi && q->approx == CL_APPROX_NONE;
}

/* -- done and total -------------------------------------------------------------------------- */

/* A done/total pair: a progress claim, or two counts of one unit where the first is written
 * as a total (共交办问题20个) and the second as done (已完成整改25个). */
typedef struct {
    const cl_quantity *done, *total;
    size_t k_done, k_total;   /* claim indices in the sentence (equal for a progress claim) */
} pair;

static bool count_pair(const checker *ck, size_t a, size_t b, pair *p)
{
    const cl_claim *x = ck->c[a], *y = ck->c[b];
    if (x->kind != CL_COUNT || y->kind != CL_COUNT || x->distributive || y->distributive ||
        !plain(&x->quantity) || !plain(&y->quantity) || strcmp(x->quantity.unit, y->quantity.unit))
        return false;
    if (!(ck->ctx[a].words & CTX_TOTAL) || !(ck->ctx[b].words & CTX_DONE))
        return false;
    *p = (pair){&y->quantity, &x->quantity, b, a};
    return true;
}

static void exceeds(checker *ck, const pair *p)
{
    double done = cl_ck_val(p->done), total = cl_ck_val(p->total);
    if (done <= total)
        return;
    char a[96], b[96];
    cl_finding *f = cl_ck_add(ck, "progress-exceeds-total", CL_FIND_ERROR,
                              "done (%s) is greater than the total (%s)", cl_ck_fmt_q(p->done, a),
                              cl_ck_fmt_q(p->total, b));
    cl_ck_with_claim(ck, f, p->k_total);
    if (p->k_done != p->k_total)
        cl_ck_with_claim(ck, f, p->k_done);
    cl_ck_figure(f, "done", done);
    cl_ck_figure(f, "total", total);
}

/* The rate claim that speaks of claim K's figures: the next claim, when it is a percentage. */
static int rate_after(const checker *ck, size_t k)
{
    if (k + 1 >= ck->nc)
        return -1;
    const cl_claim *r = ck->c[k + 1];
    if (r->kind != CL_RATE || r->distributive || !r->quantity.has_value || r->quantity.has_hi ||
        strcmp(r->quantity.unit, "%") != 0)
        return -1;
    double v = cl_ck_val(&r->quantity);
    return v > 0 && v <= 100 ? (int)(k + 1) : -1;
}

/* Does COMPUTED agree with the stated rate R, given R's rounding and its approximation? */
static bool rate_agrees(const cl_quantity *r, double computed)
{
    double v = cl_ck_val(r), s = cl_ck_slack(r) + 1e-9;
    switch (r->approx) {
    case CL_APPROX_ABOUT: return fabs(computed - v) <= (s > 1 ? s : 1);
    case CL_APPROX_MORE_THAN:
    case CL_APPROX_AT_LEAST: return computed >= v - s;
    case CL_APPROX_AT_MOST: return computed <= v + s;
    default: return fabs(computed - v) <= s;
    }
}

static void rate_vs_pair(checker *ck, const pair *p, size_t kr)
{
    const cl_quantity *r = &ck->c[kr]->quantity;
    double done = cl_ck_val(p->done), total = cl_ck_val(p->total), rate = cl_ck_val(r);
    if (total <= 0 || !plain(p->done) || !plain(p->total))
        return;
    double computed = done / total * 100.0;
    if (rate_agrees(r, computed))
        return;
    char a[32], b[32], c[32], e[32], d[96];
    cl_finding *f = cl_ck_add(ck, "rate-contradicts-progress", CL_FIND_ERROR,
                              "the rate %s does not match done/total = %s/%s = %s%%; at %s the total "
                              "would be %s", cl_ck_fmt_q(r, d), cl_ck_fmt(done, a), cl_ck_fmt(total, b),
                              cl_ck_fmt(computed, c), d, cl_ck_fmt(done * 100.0 / rate, e));
    cl_ck_with_claim(ck, f, p->k_total);
    if (p->k_done != p->k_total)
        cl_ck_with_claim(ck, f, p->k_done);
    cl_ck_with_claim(ck, f, kr);
    cl_ck_figure(f, "done", done);
    cl_ck_figure(f, "total", total);
    cl_ck_figure(f, "rate", rate);
    cl_ck_figure(f, "computed_rate", computed);
    cl_ck_figure(f, "implied_total", done * 100.0 / rate);
}

/* A count and its rate: the total they imply, checked against a total stated before them,
 * claim KT (the latest earlier count of the same unit written as a total: 共…150个), or none
 * (-1). */
static void rate_vs_count(checker *ck, size_t kc, size_t kr, long kt)
{
    const cl_quantity *q = &ck->c[kc]->quantity, *r = &ck->c[kr]->quantity;
    if (!plain(q) || ck->c[kc]->distributive)
        return;
    double count = cl_ck_val(q), rate = cl_ck_val(r), s = cl_ck_slack(r);
    double implied = count * 100.0 / rate;
    double lo = count * 100.0 / (rate + s);
    double hi = rate - s > 0 ? count * 100.0 / (rate - s) : INFINITY;
    char a[32], b[32], c[32], d[96], e[96];

    if (kt >= 0) {
        size_t k = (size_t)kt;
        const cl_claim *t = ck->c[k];
        double total = cl_ck_val(&t->quantity);
        if (total > 0 && rate_agrees(r, count / total * 100.0))
            return;
        cl_finding *f = cl_ck_add(ck, "rate-contradicts-total", CL_FIND_ERROR,
                                  "%s at %s implies a total of %s, not the stated %s",
                                  cl_ck_fmt_q(q, d), cl_ck_fmt_q(r, e), cl_ck_fmt(implied, a), cl_ck_fmt(total, b));
        cl_ck_with_claim(ck, f, k);
        cl_ck_with_claim(ck, f, kc);
        cl_ck_with_claim(ck, f, kr);
        cl_ck_figure(f, "count", count);
        cl_ck_figure(f, "rate", rate);
        cl_ck_figure(f, "implied_total", implied);
        cl_ck_figure(f, "stated_total", total);
        cl_ck_figure(f, "computed_rate", total > 0 ? count / total * 100.0 : 0);
        return;
    }
    /* Said only when it tells something: not at 100% (the total is the count), and not when
     * no whole number of things fits the rate, which means the rate is not about this count
     * (7条黑臭水体 beside 生活污水治理率41.41%). */
    if (rate >= 100 || floor(hi) < ceil(lo))
        return;
    cl_finding *f = cl_ck_add(ck, "implied-total", CL_FIND_INFO,
                              "%s at %s implies a total of %s (%s to %s with the rate's rounding)",
                              cl_ck_fmt_q(q, d), cl_ck_fmt_q(r, e), cl_ck_fmt(implied, a), cl_ck_fmt(lo, b),
                              isinf(hi) ? "any" : cl_ck_fmt(hi, c));
    cl_ck_with_claim(ck, f, kc);
    cl_ck_with_claim(ck, f, kr);
    cl_ck_figure(f, "count", count);
    cl_ck_figure(f, "rate", rate);
    cl_ck_figure(f, "implied_total", implied);
    cl_ck_figure(f, "implied_total_min", lo);
    if (!isinf(hi))
        cl_ck_figure(f, "implied_total_max", hi);
}

/* -- ratios above 100% ----------------------------------------------------------------------- */

static void over_100(checker *ck, size_t k)
{
    const cl_claim *c = ck->c[k];
    const cl_quantity *q = &c->quantity;
    if (c->kind != CL_RATE || !q->has_value || strcmp(q->unit, "%") != 0)
        return;
    double v = cl_ck_val(q), hi = q->has_hi ? cl_dec_to_double(q->value_hi) : v;
    if (v <= 100 && hi <= 100)
        return;
    cl_span where = c->subject.end > c->subject.start ? c->subject : c->span;
    cl_span ctx = context(ck, k);
    if (ctx.start < where.start)
        where.start = ctx.start;
    const char *word = cl_ck_first_word(ck->doc, where.start, c->span.end, cl_words_check_ratio);
    if (!word || cl_ck_first_word(ck->doc, where.start, c->span.end, cl_words_check_growth))
        return;
    char a[96];
    cl_finding *f = cl_ck_add(ck, "percentage-over-100", CL_FIND_ERROR,
                              "a share named with %s cannot be above 100%%: %s", word,
                              cl_ck_fmt_q(q, a));
    cl_ck_with_claim(ck, f, k);
    cl_ck_figure(f, "rate", v > hi ? v : hi);
}

/* -- one sentence ---------------------------------------------------------------------------- */

/* The latest claim of each unit (a few units a sentence); find answers -1 for none, -2 when
 * the table filled up and the answer may be missing. */
enum { UNIT_LAST = 24 };
typedef struct {
    const char *unit;
    size_t k;
} unit_last;

static long unit_last_find(const unit_last *m, size_t n, const char *unit)
{
    for (size_t i = 0; i < n && i < UNIT_LAST; i++)
        if (strcmp(m[i].unit, unit) == 0)
            return (long)m[i].k;
    return n > UNIT_LAST ? -2 : -1;
}

static void unit_last_put(unit_last *m, size_t *n, const char *unit, size_t k)
{
    for (size_t i = 0; i < *n && i < UNIT_LAST; i++)
        if (strcmp(m[i].unit, unit) == 0) {
            m[i].k = k;
            return;
        }
    if (*n < UNIT_LAST)
        m[*n] = (unit_last){unit, k};
    ++*n;   /* past UNIT_LAST: full, and some unit is missing */
}

/* rate_vs_count's stated total for count KC: from the table, or by looking back. */
static long stated_total(const checker *ck, const unit_last *m, size_t n, size_t kc)
{
    const cl_quantity *q = &ck->c[kc]->quantity;
    long kt = unit_last_find(m, n, q->unit);
    for (size_t k = kc; kt == -2 && k-- > 0;) {
        const cl_claim *t = ck->c[k];
        if (t->kind == CL_COUNT && plain(&t->quantity) && strcmp(t->quantity.unit, q->unit) == 0 &&
            (ck->ctx[k].words & CTX_TOTAL))
            kt = (long)k;
    }
    return kt < 0 ? -1 : kt;
}

static void check_sentence(checker *ck)
{
    const cl_doc *doc = ck->doc;
    if (ck->nc == 0) {
        if (cl_ck_has_word(doc, ck->s.span.start, ck->s.span.end, "超额完成"))
            cl_ck_add(ck, "exceeded-without-figures", CL_FIND_WARNING,
                      "超额完成 (exceeded the target) is claimed with no figure in the sentence");
        return;
    }
    /* the latest earlier count of each unit written as a total: for count_pair (not across a
     * progress claim, and not distributive) and for rate_vs_count */
    unit_last pairs[UNIT_LAST], totals[UNIT_LAST];
    size_t npairs = 0, ntotals = 0;
    for (size_t k = 0; k < ck->nc; k++) {
        const cl_claim *c = ck->c[k];
        pair p;
        bool have = false;
        if (c->kind == CL_PROGRESS && c->done.has_value && c->total.has_value &&
            strcmp(c->done.unit, c->total.unit) == 0) {
            p = (pair){&c->done, &c->total, k, k};
            have = true;
        } else if (c->kind == CL_COUNT) {
            long j = unit_last_find(pairs, npairs, c->quantity.unit);
            if (j == -2) {   /* more units than the table holds: look back, claim by claim */
                for (size_t i = k; i-- > 0 && !have;) {
                    if (ck->c[i]->kind == CL_PROGRESS)
                        break;
                    have = count_pair(ck, i, k, &p);
                }
            } else if (j >= 0) {
                have = count_pair(ck, (size_t)j, k, &p);
            }
        }
        if (have) {
            if (plain(p.done) && plain(p.total))
                exceeds(ck, &p);
            int r = rate_after(ck, k);
            if (r >= 0)
                rate_vs_pair(ck, &p, (size_t)r);
        } else if (c->kind == CL_COUNT) {
            int r = rate_after(ck, k);
            if (r >= 0)
                rate_vs_count(ck, k, (size_t)r, stated_total(ck, totals, ntotals, k));
        }
        if (c->kind == CL_PROGRESS)
            npairs = 0;
        bool total = c->kind == CL_COUNT && plain(&c->quantity) && (ck->ctx[k].words & CTX_TOTAL);
        if (total && !c->distributive)
            unit_last_put(pairs, &npairs, c->quantity.unit, k);
        if (total)
            unit_last_put(totals, &ntotals, c->quantity.unit, k);
        over_100(ck, k);
        if (k + 1 < ck->nc)
            cl_ck_from_to(ck, k, k + 1);
        cl_ck_change_vs_levels(ck, k);
    }
}

cl_finding *cl_check(const cl_doc *doc, size_t *n)
{
    checker ck = {.doc = doc};
    const cl_claim **buf = NULL;
    claim_ctx *ctx = NULL;
    size_t bufcap = 0;
    for (size_t i = 0; i < cl_doc_sentence_count(doc) && !ck.oom; i++) {
        cl_doc_sentence(doc, i, &ck.s);
        if (ck.s.claim_count > bufcap) {
            const cl_claim **nb = realloc(buf, ck.s.claim_count * sizeof *nb);
            if (nb)
                buf = nb;
            claim_ctx *nc = realloc(ctx, ck.s.claim_count * sizeof *nc);
            if (nc)
                ctx = nc;
            if (!nb || !nc) {
                ck.oom = true;
                break;
            }
            bufcap = ck.s.claim_count;
        }
        ck.c = buf;
        ck.ctx = ctx;
        ck.nlevels = 0;
        ck.first = ck.s.first_claim;
        ck.nc = ck.s.claim_count;
        for (size_t k = 0; k < ck.nc; k++)
            buf[k] = cl_doc_claim(doc, ck.first + k);
        index_contexts(&ck);
        check_sentence(&ck);
    }
    free(buf);
    free(ctx);
    if (ck.oom || ck.n == 0) {
        free(ck.f);
        *n = 0;
        return NULL;
    }
    *n = ck.n;
    return ck.f;
}

const char *cl_find_level_name(cl_find_level level)
{
    static const char *const names[] = {"info", "warning", "error"};  /* ORDER cl_find_level */
    return (unsigned)level < 3 ? names[level] : "?";
}

