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

#include <cjson/cJSON.h>

#include "claimc.h"
#include "jtext.h"

/* What each claim's context (the prose before its numerals, context()) holds, found once per
 * claim: a sentence may hold thousands of claims (a list), and the checks that pair claims
 * would otherwise scan the same prose again for every pair (cubic in the list's length). */
enum { CTX_TOTAL = 1, CTX_DONE = 2, CTX_PRIOR = 4, CTX_FROM = 8 };
typedef struct {
    uint32_t start;          /* the context's start; it ends where the claim's numerals begin */
    unsigned words;          /* CTX_* */
} claim_ctx;

/* change_vs_levels' answer for one change unit: it depends on the sentence and that unit only. */
typedef struct {
    const char *unit;
    int prior, cur;
    bool reported;           /* the contradiction for prior and cur is reported already */
} levels_memo;
enum { LEVELS_MEMO = 16 };

typedef struct {
    const cl_doc *doc;
    cl_finding *f;
    size_t n, cap;
    bool oom;
    const cl_claim **c;      /* the claims of the current sentence */
    claim_ctx *ctx;          /* and their contexts */
    size_t first, nc;        /* their ids are first .. first + nc - 1 */
    cl_sentence_view s;
    levels_memo levels[LEVELS_MEMO];
    size_t nlevels;
} checker;

/* -- text and numbers ------------------------------------------------------------------------ */

static bool has_word(const cl_doc *doc, uint32_t start, uint32_t end, const char *w)
{
    const char *t = cl_doc_text(doc);
    size_t n = strlen(w);
    for (uint32_t i = start; i + n <= end; i++)
        if (memcmp(t + i, w, n) == 0)
            return true;
    return false;
}

static const char *first_word(const cl_doc *doc, uint32_t start, uint32_t end,
                              const char *const *words)
{
    for (; *words; words++)
        if (has_word(doc, start, end, *words))
            return *words;
    return NULL;
}

static double val(const cl_quantity *q)
{
    return cl_dec_to_double(q->value);
}

/* Half a unit in the last written place: 88% -> 0.5, 94.7% -> 0.05 (rounding slack). */
static double slack(const cl_quantity *q)
{
    return q->value.exp >= 0 ? 0.5 : 0.5 * pow(10.0, q->value.exp);
}

static double round2(double x)
{
    return round(x * 100.0) / 100.0;
}

/* A computed figure for a message: at most two decimals, no trailing zeros. */
static const char *fmt(double x, char buf[32])
{
    snprintf(buf, 32, "%.2f", round2(x));
    char *p = buf + strlen(buf) - 1;
    while (*p == '0')
        *p-- = '\0';
    if (*p == '.')
        *p = '\0';
    return buf;
}

/* A stated quantity for a message: its exact value and canonical unit. */
static const char *fmt_q(const cl_quantity *q, char buf[96])
{
    char num[CL_DEC_BUFSIZE];
    snprintf(buf, 96, "%s%s", cl_dec_format(q->value, num), q->unit);
    return buf;
}

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

static const char *const total_words[] = {"共", "总", "合计", "交办", "承接", "受理", "排查",
                                          "发现", NULL};
static const char *const done_words[] = {"完成", "办结", "销号", "整改到位", "解决", "验收",
                                         NULL};
static const char *const prior_words[] = {"去年", "上年", "上一年", "前一年", "同期", NULL};

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
        ck->ctx[k].words = (first_word(d, start, at, total_words) ? CTX_TOTAL : 0) |
                           (first_word(d, start, at, done_words) ? CTX_DONE : 0) |
                           (first_word(d, start, at, prior_words) ? CTX_PRIOR : 0) |
                           (has_word(d, start, at, "由") || has_word(d, start, at, "从") ? CTX_FROM : 0);
    }
}

static bool plain(const cl_quantity *q)
{
    return q->has_value && !q->has_hi && q->approx == CL_APPROX_NONE;
}

/* -- findings -------------------------------------------------------------------------------- */

static cl_finding *add(checker *ck, const char *code, cl_find_level level, const char *fmtstr,
                       ...)
{
    if (ck->n == ck->cap) {
        size_t cap = ck->cap ? ck->cap * 2 : 16;
        cl_finding *nf = realloc(ck->f, cap * sizeof *nf);
        if (!nf) {
            ck->oom = true;
            return NULL;
        }
        ck->f = nf;
        ck->cap = cap;
    }
    cl_finding *f = &ck->f[ck->n++];
    memset(f, 0, sizeof *f);
    f->code = code;
    f->level = level;
    f->sentence = ck->s.span;
    va_list ap;
    va_start(ap, fmtstr);
    vsnprintf(f->message, sizeof f->message, fmtstr, ap);
    va_end(ap);
    return f;
}

/* Was CODE already reported for claims A and B (indices in the sentence)? */
static bool reported(const checker *ck, const char *code, size_t a, size_t b)
{
    for (size_t i = ck->n; i-- > 0 && ck->f[i].sentence.start == ck->s.span.start;)
        if (strcmp(ck->f[i].code, code) == 0 && ck->f[i].nclaims >= 2 &&
            ck->f[i].claims[0] == ck->first + a && ck->f[i].claims[1] == ck->first + b)
            return true;
    return false;
}

static void with_claim(checker *ck, cl_finding *f, size_t k)
{
    if (f && f->nclaims < CL_FINDING_CLAIMS)
        f->claims[f->nclaims++] = ck->first + k;
}

static void figure(cl_finding *f, const char *name, double value)
{
    if (f && f->nfigures < CL_FINDING_FIGURES)
        f->figures[f->nfigures++] = (cl_figure){name, NULL, round2(value)};
}

static void figure_text(cl_finding *f, const char *name, const char *text)
{
    if (f && f->nfigures < CL_FINDING_FIGURES)
        f->figures[f->nfigures++] = (cl_figure){name, text, 0};
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
    double done = val(p->done), total = val(p->total);
    if (done <= total)
        return;
    char a[96], b[96];
    cl_finding *f = add(ck, "progress-exceeds-total", CL_FIND_ERROR,
                        "done (%s) is greater than the total (%s)", fmt_q(p->done, a),
                        fmt_q(p->total, b));
    with_claim(ck, f, p->k_total);
    if (p->k_done != p->k_total)
        with_claim(ck, f, p->k_done);
    figure(f, "done", done);
    figure(f, "total", total);
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
    double v = val(&r->quantity);
    return v > 0 && v <= 100 ? (int)(k + 1) : -1;
}

/* Does COMPUTED agree with the stated rate R, given R's rounding and its approximation? */
static bool rate_agrees(const cl_quantity *r, double computed)
{
    double v = val(r), s = slack(r) + 1e-9;
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
    double done = val(p->done), total = val(p->total), rate = val(r);
    if (total <= 0 || !plain(p->done) || !plain(p->total))
        return;
    double computed = done / total * 100.0;
    if (rate_agrees(r, computed))
        return;
    char a[32], b[32], c[32], e[32], d[96];
    cl_finding *f = add(ck, "rate-contradicts-progress", CL_FIND_ERROR,
                        "the rate %s does not match done/total = %s/%s = %s%%; at %s the total "
                        "would be %s", fmt_q(r, d), fmt(done, a), fmt(total, b),
                        fmt(computed, c), d, fmt(done * 100.0 / rate, e));
    with_claim(ck, f, p->k_total);
    if (p->k_done != p->k_total)
        with_claim(ck, f, p->k_done);
    with_claim(ck, f, kr);
    figure(f, "done", done);
    figure(f, "total", total);
    figure(f, "rate", rate);
    figure(f, "computed_rate", computed);
    figure(f, "implied_total", done * 100.0 / rate);
}

/* A count and its rate: the total they imply, checked against a total stated before them,
 * claim KT (the latest earlier count of the same unit written as a total: 共…150个), or none
 * (-1). */
static void rate_vs_count(checker *ck, size_t kc, size_t kr, long kt)
{
    const cl_quantity *q = &ck->c[kc]->quantity, *r = &ck->c[kr]->quantity;
    if (!plain(q) || ck->c[kc]->distributive)
        return;
    double count = val(q), rate = val(r), s = slack(r);
    double implied = count * 100.0 / rate;
    double lo = count * 100.0 / (rate + s);
    double hi = rate - s > 0 ? count * 100.0 / (rate - s) : INFINITY;
    char a[32], b[32], c[32], d[96], e[96];

    if (kt >= 0) {
        size_t k = (size_t)kt;
        const cl_claim *t = ck->c[k];
        double total = val(&t->quantity);
        if (total > 0 && rate_agrees(r, count / total * 100.0))
            return;
        cl_finding *f = add(ck, "rate-contradicts-total", CL_FIND_ERROR,
                            "%s at %s implies a total of %s, not the stated %s",
                            fmt_q(q, d), fmt_q(r, e), fmt(implied, a), fmt(total, b));
        with_claim(ck, f, k);
        with_claim(ck, f, kc);
        with_claim(ck, f, kr);
        figure(f, "count", count);
        figure(f, "rate", rate);
        figure(f, "implied_total", implied);
        figure(f, "stated_total", total);
        figure(f, "computed_rate", total > 0 ? count / total * 100.0 : 0);
        return;
    }
    /* Said only when it tells something: not at 100% (the total is the count), and not when
     * no whole number of things fits the rate, which means the rate is not about this count
     * (7条黑臭水体 beside 生活污水治理率41.41%). */
    if (rate >= 100 || floor(hi) < ceil(lo))
        return;
    cl_finding *f = add(ck, "implied-total", CL_FIND_INFO,
                        "%s at %s implies a total of %s (%s to %s with the rate's rounding)",
                        fmt_q(q, d), fmt_q(r, e), fmt(implied, a), fmt(lo, b),
                        isinf(hi) ? "any" : fmt(hi, c));
    with_claim(ck, f, kc);
    with_claim(ck, f, kr);
    figure(f, "count", count);
    figure(f, "rate", rate);
    figure(f, "implied_total", implied);
    figure(f, "implied_total_min", lo);
    if (!isinf(hi))
        figure(f, "implied_total_max", hi);
}

/* -- ratios above 100% ----------------------------------------------------------------------- */

static const char *const ratio_words[] = {"率", "比例", "占比", "比重", NULL};
/* rates that may pass 100%: growth, and completion of a target (完成年度目标的112%) */
static const char *const growth_words[] = {"增长", "增速", "增幅", "完成率", "超额", NULL};

static void over_100(checker *ck, size_t k)
{
    const cl_claim *c = ck->c[k];
    const cl_quantity *q = &c->quantity;
    if (c->kind != CL_RATE || !q->has_value || strcmp(q->unit, "%") != 0)
        return;
    double v = val(q), hi = q->has_hi ? cl_dec_to_double(q->value_hi) : v;
    if (v <= 100 && hi <= 100)
        return;
    cl_span where = c->subject.end > c->subject.start ? c->subject : c->span;
    cl_span ctx = context(ck, k);
    if (ctx.start < where.start)
        where.start = ctx.start;
    const char *word = first_word(ck->doc, where.start, c->span.end, ratio_words);
    if (!word || first_word(ck->doc, where.start, c->span.end, growth_words))
        return;
    char a[96];
    cl_finding *f = add(ck, "percentage-over-100", CL_FIND_ERROR,
                        "a share named with %s cannot be above 100%%: %s", word,
                        fmt_q(q, a));
    with_claim(ck, f, k);
    figure(f, "rate", v > hi ? v : hi);
}

/* -- direction against two levels ------------------------------------------------------------ */

static const char *const up_words[] = {"提高", "提升", "上升", "增加", "增长", "增至", "升至",
                                       "升高", "扩大", NULL};
static const char *const down_words[] = {"下降", "降低", "降至", "降为", "减少", "减至",
                                         "削减", "压减", "缩小", "回落", NULL};
static bool is_level(const cl_claim *c)
{
    return (c->kind == CL_RATE || c->kind == CL_MEASURE || c->kind == CL_COUNT ||
            c->kind == CL_AMOUNT || c->kind == CL_MONEY) &&
           c->quantity.has_value && !c->quantity.has_hi && !c->distributive;
}

static bool same_unit(const cl_claim *a, const cl_claim *b)
{
    return strcmp(a->quantity.unit, b->quantity.unit) == 0;
}

/* 由A提高到B: the verb between two levels says which way B lies from A. */
static void from_to(checker *ck, size_t a, size_t b)
{
    const cl_claim *x = ck->c[a], *y = ck->c[b];
    if (!is_level(x) || !is_level(y) || !same_unit(x, y))
        return;
    if (!(ck->ctx[a].words & CTX_FROM))
        return;
    uint32_t s = x->quantity.span.end, e = y->quantity.span.start;
    const char *up = first_word(ck->doc, s, e, up_words);
    const char *down = first_word(ck->doc, s, e, down_words);
    if (!up == !down)
        return;
    double from = val(&x->quantity), to = val(&y->quantity);
    if (up ? to > from : to < from)
        return;
    char fa[96], fb[96];
    cl_finding *f = add(ck, "direction-contradicts-levels", CL_FIND_ERROR,
                        "the text says %s (%s) but the level goes from %s to %s",
                        up ? "up" : "down", up ? up : down, fmt_q(&x->quantity, fa),
                        fmt_q(&y->quantity, fb));
    with_claim(ck, f, a);
    with_claim(ck, f, b);
    figure(f, "from", from);
    figure(f, "to", to);
    figure_text(f, "direction", up ? "up" : "down");
}

/* Does change C's unit measure the difference of two levels in UNIT? pp for %, the levels'
 * own unit, or % (a relative change). */
static bool change_fits(const cl_claim *c, const char *unit)
{
    const char *u = c->quantity.unit;
    return strcmp(u, "%") == 0 || strcmp(u, unit) == 0 ||
           (strcmp(u, "pp") == 0 && strcmp(unit, "%") == 0);
}

/* A change (同比上升5个百分点) beside this year's and last year's levels, or beside 由A到B. */
static void change_vs_levels(checker *ck, size_t kch)
{
    const cl_claim *ch = ck->c[kch];
    if (ch->kind != CL_CHANGE || ch->distributive ||
        (ch->direction != CL_DIR_UP && ch->direction != CL_DIR_DOWN))
        return;
    levels_memo *m = NULL;   /* the two levels depend on the change's unit only */
    for (size_t i = 0; i < ck->nlevels && !m; i++)
        if (strcmp(ck->levels[i].unit, ch->quantity.unit) == 0)
            m = &ck->levels[i];
    int prior = m ? m->prior : -1, cur = m ? m->cur : -1;
    for (size_t i = 0; i < ck->nc && !m; i++) {
        const cl_claim *c = ck->c[i];
        if (!is_level(c) || !change_fits(ch, c->quantity.unit))
            continue;
        bool is_prior = ck->ctx[i].words & CTX_PRIOR;
        /* 由A…到B: A is the prior level */
        if (i + 1 < ck->nc && is_level(ck->c[i + 1]) && same_unit(c, ck->c[i + 1]) &&
            (ck->ctx[i].words & CTX_FROM)) {
            prior = (int)i;
            cur = (int)i + 1;
            break;
        }
        if (is_prior && prior < 0)
            prior = (int)i;
        else if (!is_prior && cur < 0)
            cur = (int)i;
    }
    if (!m && ck->nlevels < LEVELS_MEMO) {
        m = &ck->levels[ck->nlevels++];
        *m = (levels_memo){ch->quantity.unit, prior, cur, false};
    }
    if (prior < 0 || cur < 0 || !same_unit(ck->c[prior], ck->c[cur]))
        return;
    const cl_quantity *p = &ck->c[prior]->quantity, *q = &ck->c[cur]->quantity;
    double before = val(p), after = val(q), diff = after - before;
    bool up = ch->direction == CL_DIR_UP;
    char fa[96], fb[96], fc[96], n[32];
    if (up ? diff < 0 : diff > 0) {
        if ((m && m->reported) ||
            reported(ck, "direction-contradicts-levels", (size_t)prior, (size_t)cur)) {
            if (m)
                m->reported = true;
            return;   /* 由A提高到B, or a change before, already said so */
        }
        if (m)
            m->reported = true;
        cl_finding *f = add(ck, "direction-contradicts-levels", CL_FIND_ERROR,
                            "the change says %s but the level goes from %s to %s",
                            up ? "up" : "down", fmt_q(p, fa), fmt_q(q, fb));
        with_claim(ck, f, (size_t)prior);
        with_claim(ck, f, (size_t)cur);
        with_claim(ck, f, kch);
        figure(f, "from", before);
        figure(f, "to", after);
        figure_text(f, "direction", up ? "up" : "down");
        return;
    }
    if (!ch->quantity.has_value || ch->quantity.has_hi || ch->quantity.approx != CL_APPROX_NONE)
        return;
    /* the size: an absolute difference (pp, the level unit) or a relative one (%) */
    double stated = val(&ch->quantity), tol = slack(&ch->quantity) + slack(p) + slack(q) + 1e-9;
    double absolute = fabs(diff), relative = before != 0 ? fabs(diff) / before * 100.0 : NAN;
    bool pct = strcmp(ch->quantity.unit, "%") == 0;
    bool ok = (!pct || strcmp(p->unit, "%") == 0) && fabs(absolute - stated) <= tol;
    if (pct && !isnan(relative)) {
        double rtol = slack(&ch->quantity) + (slack(p) + slack(q)) / fabs(before) * 100.0 + 1e-9;
        ok |= fabs(relative - stated) <= rtol;
    }
    if (ok)
        return;
    cl_finding *f = add(ck, "change-size-contradicts-levels", CL_FIND_WARNING,
                        "a change of %s, but %s to %s is %s%s", fmt_q(&ch->quantity, fc),
                        fmt_q(p, fa), fmt_q(q, fb), fmt(pct ? relative : absolute, n),
                        pct ? "%" : strcmp(ch->quantity.unit, "pp") == 0 ? "pp"
                                                                          : ch->quantity.unit);
    with_claim(ck, f, (size_t)prior);
    with_claim(ck, f, (size_t)cur);
    with_claim(ck, f, kch);
    figure(f, "from", before);
    figure(f, "to", after);
    figure(f, "stated_change", stated);
    figure(f, "computed_change", pct ? relative : absolute);
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
        if (has_word(doc, ck->s.span.start, ck->s.span.end, "超额完成"))
            add(ck, "exceeded-without-figures", CL_FIND_WARNING,
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
            from_to(ck, k, k + 1);
        change_vs_levels(ck, k);
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

/* -- output ---------------------------------------------------------------------------------- */

/* A span's text as a JSON string: NUL and invalid UTF-8 as U+FFFD, as in the JSON emitter. */
static cJSON *span_text(const cl_doc *doc, cl_span s)
{
    return cl_json_text(cl_doc_text(doc) + s.start, s.end > s.start ? s.end - s.start : 0);
}

static cJSON *span_json(const cl_doc *doc, cl_span s)
{
    uint32_t line, column;
    cl_doc_position(doc, s.start, &line, &column);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "start", s.start);
    cJSON_AddNumberToObject(o, "end", s.end);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", column);
    return o;
}

/* Where a finding is: its first claim, else its sentence. */
static uint32_t finding_offset(const cl_doc *doc, const cl_finding *f)
{
    return f->nclaims ? cl_doc_claim(doc, f->claims[0])->span.start : f->sentence.start;
}

static cJSON *finding_json(const cl_doc *doc, const cl_finding *f)
{
    uint32_t line, column;
    cl_doc_position(doc, finding_offset(doc, f), &line, &column);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Finding");
    cJSON_AddItemToObject(o, "doc", cl_json_text(cl_doc_name(doc), strlen(cl_doc_name(doc))));
    cJSON_AddStringToObject(o, "code", f->code);
    cJSON_AddStringToObject(o, "severity", cl_find_level_name(f->level));
    cJSON_AddStringToObject(o, "message", f->message);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", column);
    cJSON *claims = cJSON_AddArrayToObject(o, "claims");
    for (size_t i = 0; i < f->nclaims; i++) {
        const cl_claim *c = cl_doc_claim(doc, f->claims[i]);
        cJSON *co = cJSON_CreateObject();
        cJSON_AddNumberToObject(co, "id", (double)f->claims[i]);
        cJSON_AddStringToObject(co, "kind", cl_kind_name(c->kind));
        cJSON_AddItemToObject(co, "text", span_text(doc, c->span));
        cJSON_AddItemToObject(co, "span", span_json(doc, c->span));
        cJSON_AddItemToArray(claims, co);
    }
    cJSON *figures = cJSON_AddObjectToObject(o, "figures");
    for (size_t i = 0; i < f->nfigures; i++) {
        const cl_figure *g = &f->figures[i];
        if (g->text)
            cJSON_AddStringToObject(figures, g->name, g->text);
        else
            cJSON_AddNumberToObject(figures, g->name, g->value);
    }
    cJSON *sent = span_json(doc, f->sentence);
    cJSON_AddItemToObject(sent, "text", span_text(doc, f->sentence));
    cJSON_AddItemToObject(o, "sentence", sent);
    return o;
}

int cl_write_findings(const cl_doc *doc, const cl_finding *f, size_t n, FILE *out, bool text)
{
    for (size_t i = 0; i < n; i++) {
        if (text) {
            uint32_t line, column;
            cl_doc_position(doc, finding_offset(doc, &f[i]), &line, &column);
            fprintf(out, "%s:%u:%u: %s: %s [%s]\n", cl_doc_name(doc), line, column,
                    cl_find_level_name(f[i].level), f[i].message, f[i].code);
            continue;
        }
        cJSON *o = finding_json(doc, &f[i]);
        char *s = o ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (!s)
            return -1;
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    }
    return ferror(out) ? -1 : 0;
}
