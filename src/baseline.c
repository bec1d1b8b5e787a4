/* baseline.c — changes against a reference (baseline.h). The filter folds baselines of time
 * (较2022年同期, 与去年同期比较) before a direction word; a reference is compared with words the
 * lexer has no keyword for (高出, 低, 高于), so it is read here from the clause's prose. */
#include <string.h>

#include "baseline.h"
#include "indicator.h"
#include "lexicon.h"
#include "subject.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

#define CP 3
#define MAX_REF (10 * CP)   /* a reference is a short phrase: 全省平均水平, 年目标任务, 序时进度 */

/* The verbs that open a reference (高于全国) and the comparatives after one (比全省平均水平高出)
 * are lists of grammar/words.tsv (baseline_verbs, baseline_comparatives), with the direction
 * each gives. The prepositions that open a comparative's reference are syntax, kept here. */
static const cl_word openers[] = {CL_WORD("比"), CL_WORD("较"), CL_WORD("与")};

/* A reference: a short run of Chinese characters, no digit (较2022年 is a time, folded before). */
static bool is_reference(const char *s, size_t n)
{
    if (n < CP || n > MAX_REF || n % CP)
        return false;
    for (size_t i = 0; i < n; i += CP) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0xE4 || c > 0xE9)
            return false;
    }
    return true;
}

/* Whether the word W (Chinese characters) is at P: its first character compared in place,
 * last byte first (the lead byte is shared by a sixth of them), the rest by memcmp. find() asks
 * at every place of a clause, and the word is rarely there. */
static inline bool word_at(const char *p, const cl_word *w)
{
    return p[2] == w->s[2] && p[0] == w->s[0] && p[1] == w->s[1] &&
           memcmp(p + CP, w->s + CP, w->n - CP) == 0;
}

static bool ends_with(const char *s, size_t n, const cl_word *w)
{
    return n >= w->n && word_at(s + n - w->n, w);
}

/* Whether the baseline's N bytes at S name a reference level: an average, a target, a region. */
static bool names_reference(const char *s, size_t n)
{
    return cl_text_has_any(s, n, cl_words_baseline_refs);
}

/* In the N bytes of prose P, the comparison that ends it: where its baseline starts and ends
 * (offsets into P), and its direction. VERBS: a verb and its reference (高于全国) too, not only
 * an opener, a reference and a comparative. */
static bool find(const char *p, size_t n, size_t *b_start, size_t *b_end, cl_direction *dir, bool verbs)
{
    /* 比全省平均水平高出: opener, reference, comparative */
    for (const cl_dir_word *cmp = cl_words_baseline_comparatives; cmp->w.s; cmp++) {
        const cl_word *c = &cmp->w;
        if (!ends_with(p, n, c))
            continue;
        size_t ref_end = n - c->n;
        for (size_t j = 2 * CP; j <= ref_end && j <= MAX_REF + CP; j += CP)
            for (size_t o = 0, k = ref_end - j; o < sizeof openers / sizeof openers[0]; o++)
                if (memcmp(p + k, openers[o].s, CP) == 0 &&
                    is_reference(p + k + CP, ref_end - k - CP) && !cl_lexicon_tail(p, 0, (uint32_t)k)) {
                    *b_start = k;   /* not 占比提高: the end of a word */
                    *b_end = ref_end;
                    *dir = cmp->dir;
                    return true;
                }
        break;
    }
    /* 高于全国: verb, reference */
    for (size_t j = 2 * CP; verbs && j <= n && j <= MAX_REF + 2 * CP; j += CP) {
        size_t k = n - j;
        for (const cl_dir_word *verb = cl_words_baseline_verbs; verb->w.s; verb++) {
            const cl_word *w = &verb->w;
            if (k + w->n < n && word_at(p + k, w) &&
                is_reference(p + k + w->n, n - k - w->n)) {
                *b_start = k;
                *b_end = n;
                *dir = verb->dir;
                return true;
            }
        }
    }
    return false;
}

static inline bool is_opener(const char *p);

/* END without a bracketed aside that closes right there (the reference's own level:
 * 比全省平均增幅(15.97%)高 is handled by find as prose; 年度目标(32.9微克/立方米)2.9 here), if its
 * opening bracket is after FROM; else END. */
static uint32_t before_aside(const char *text, uint32_t from, uint32_t end)
{
    return cl_bracket_open(text, end, from);
}

bool cl_baseline_reference(const cl_ctx *ctx, const cl_stok *q, cl_claim *c)
{
    if (q->unit_row < 0 || c->baseline.end > c->baseline.start || q->span.start <= q->clause)
        return false;
    cl_dim dim = cl_units[q->unit_row].dim;
    bool ratio = dim == CL_DIM_PP || dim == CL_DIM_PERCENT;
    const char *text = ctx->doc->text;
    uint32_t end = q->span.start;
    while (end > q->clause && text[end - 1] == ' ')
        end--;
    bool level = ratio || dim == CL_DIM_CONC;
    if (!level && dim != CL_DIM_MONEY)
        return false;   /* counts and amounts are compared with words of their own (多, 超过) */
    if (!level) {   /* a sum: only right after a comparative (most are after their noun) */
        bool cmp = false;
        for (const cl_dir_word *w = cl_words_baseline_comparatives; w->w.s && !cmp; w++)
            cmp = text[end - 1] == w->w.s[w->w.n - 1];
        if (!cmp)
            return false;
    }
    end = before_aside(text, q->clause, end);   /* 优于年度目标(32.9微克/立方米)2.9微克/立方米 */
    size_t n = end - q->clause, bs, be;
    cl_direction dir;
    if (n < 2 * CP || !find(text + q->clause, n, &bs, &be, &dir, level))
        return false;
    /* a level in other units (低于全省平均水平3.2微克/立方米) only against a named reference: 低于35
     * is a bound, and 高于 a verb of many things; a sum only after an opener and its
     * reference (较全省人均花费低174.19元): 超过 and 多 before one are words of their own */
    if (!ratio && (!names_reference(text + q->clause + bs, be - bs) ||
                   (dim != CL_DIM_CONC && !is_opener(text + q->clause + bs))))
        return false;
    c->kind = CL_CHANGE;
    c->direction = dir;
    if (be - bs > 2 * CP && memcmp(text + q->clause + be - CP, "的", CP) == 0)
        be -= CP;   /* 低于市计划的0.7个百分点: the particle is no part of the reference */
    c->baseline = cl_span_of(q->clause + (uint32_t)bs, q->clause + (uint32_t)be);
    cl_span subject = cl_subject_resolve(ctx, cl_subject_prose_before(ctx, c->baseline.start));
    if (subject.end <= subject.start) {   /* ，高于全国1.9个百分点: the metric of the clause before */
        size_t have = ctx->doc->claims.len;   /* C is the last; an aside's level may be between */
        for (size_t i = have - 1; i-- > 0 && have - i <= 3 && subject.end <= subject.start;) {
            const cl_claim *before = &CL_VEC_AT(ctx->doc->claims, cl_claim, i);
            if (before->span.start < ctx->span.start)
                break;
            subject = before->subject;
        }
    }
    c->subject = subject;
    c->indicator = subject.end > subject.start
                       ? cl_indicator_of(text + subject.start, subject.end - subject.start, CL_CHANGE, -1, "")
                       : NULL;
    if (!c->indicator && ctx->doc->claims.len > 1 && cl_subject_is_growth(ctx->doc, subject))
        c->indicator = c[-1].indicator;   /* 增速高于全市平均水平: the metric's growth */
    bool here = subject.end > subject.start && subject.start >= q->clause;   /* not carried over */
    c->span = cl_span_of(here ? subject.start : c->baseline.start, q->span.end);
    return true;
}

bool cl_baseline_stays(const cl_ctx *ctx, cl_span baseline, cl_span subject, uint32_t clause)
{
    if (baseline.end > clause || subject.end <= subject.start || subject.end <= baseline.start)
        return true;   /* the baseline's clause, or the metric it was stated for */
    const char *p = ctx->doc->text + baseline.end;   /* 同比(下同) */
    size_t room = ctx->doc->len - baseline.end;
    for (const cl_word *w = cl_words_baseline_same_below; w->s; w++)
        if (room >= w->n && memcmp(p, w->s, w->n) == 0)
            return true;
    return false;
}

/* -- a comparison the change's own clause states ------------------------------------------- */

#define OWN_LOOK (16 * CP)   /* how far before the direction word a comparison is looked for */

/* Whether the N bytes at P hold a word of the time list (年, 同期, 季度 …): what a comparison of
 * time (较疫情前的2019年同期, 较上年四季度) names. */
static bool names_time(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] >= '0' && p[i] <= '9')
            return true;
    return cl_text_has_any(p, n, cl_words_baseline_times);
}

/* Whether the code point at P is an opener of a comparison (比 较 与): the last byte first. */
static inline bool is_opener(const char *p)
{
    for (size_t o = 0; o < sizeof openers / sizeof openers[0]; o++)
        if (p[2] == openers[o].s[2] && p[0] == openers[o].s[0] && p[1] == openers[o].s[1])
            return true;
    return false;
}

/* In the prose [FROM, AT), an opener and a time that run to AT (较疫情前的2019年同期, 较上年四季度:
 * the filter did not fold a 的 or a quarter inside it), or an empty span. */
static cl_span time_comparison(const char *text, uint32_t from, uint32_t at)
{
    for (uint32_t k = from; k + 2 * CP <= at; k += cl_cp_len((unsigned char)text[k])) {
        if (!is_opener(text + k) || cl_lexicon_tail(text, from, k))
            continue;   /* 对比上年: the end of a word, no opener */
        if (names_time(text + k + CP, at - k - CP) &&
            !cl_text_has_any(text + k + CP, at - k - CP, cl_words_baseline_refs))
            return cl_span_of(k, at);
    }
    return cl_span_of(0, 0);
}

/* The start of the prose that ends at AT: OWN_LOOK back at most, after AFTER and CLAUSE, on a
 * code point. */
static uint32_t prose_from(const char *text, uint32_t clause, uint32_t after, uint32_t at)
{
    uint32_t from = at - clause > OWN_LOOK ? at - OWN_LOOK : clause;
    from = from < after ? after : from;   /* the prose since the token before: no number in it */
    while (from < at && ((unsigned char)text[from] & 0xC0) == 0x80)
        from++;
    return from;
}

cl_span cl_baseline_own(const cl_ctx *ctx, int dir)
{
    const char *text = ctx->doc->text;
    uint32_t clause = ctx->toks[dir].clause, at = ctx->toks[dir].span.start;
    while (at > clause && text[at - 1] == ' ')
        at--;
    at = before_aside(text, clause, at);   /* 较疫情前的2019年同期(82.0%)上升 */
    int prev = -1;   /* the value or word before it in its clause */
    for (int i = dir - 1; i >= 0 && dir - i <= 6 && ctx->toks[i].span.start >= clause && prev < 0; i--)
        if (ctx->toks[i].span.end <= at && ctx->toks[i].sig != CL_SIG_TOTAL && ctx->toks[i].sig != CL_SIG_ALL)
            prev = i;
    uint32_t from = prose_from(text, clause, prev >= 0 ? ctx->toks[prev].span.end : clause, at);
    size_t n = at > from ? at - from : 0;
    if (n < 2 * CP) {
        /* 比上年同期144987万元增收1858万元, 较2019年同期51微克/立方米下降5.8%: the reference's level
         * between the comparison and the direction word */
        const cl_stok *v = prev >= 0 ? &ctx->toks[prev] : NULL;
        if (!v || v->sig != CL_SIG_QTY || n || v->span.start <= clause)
            return cl_span_of(0, 0);
        uint32_t before = prev > 0 && ctx->toks[prev - 1].span.start >= clause ? ctx->toks[prev - 1].span.end : clause;
        uint32_t end = v->span.start;
        while (end > clause && text[end - 1] == ' ')
            end--;
        return time_comparison(text, prose_from(text, clause, before, end), end);
    }
    /* 两年平均增长1.7%, 可比增长4.2%: a word of the change that says what it is against */
    for (const cl_word *w = cl_words_baseline_modifiers; w->s; w++)
        if (ends_with(text + from, n, w))
            return cl_span_of(at - (uint32_t)w->n, at);
    /* “十三五”以来累计下降3.4个百分点: the period the change is counted over */
    uint32_t e = at;   /* …以来|累计: the period ends the prose, or a total word after it */
    if (dir > 0 && (ctx->toks[dir - 1].sig == CL_SIG_TOTAL || ctx->toks[dir - 1].sig == CL_SIG_ALL) &&
        ctx->toks[dir - 1].span.end == at)
        e = ctx->toks[dir - 1].span.start;
    if (from == clause && e >= from + 3 * CP && memcmp(text + e - 2 * CP, "以来", 2 * CP) == 0)
        return cl_span_of(clause, e);
    return time_comparison(text, from, at);
}

/* The clause P (N bytes) when it is a comparison and nothing else: 与上年同期相比, 与基准年同比. */
static bool comparison_clause(const char *p, size_t n)
{
    if (n < 3 * CP || n > MAX_REF + 2 * CP || !is_opener(p))
        return false;
    for (const cl_word *w = cl_words_baseline_closers; w->s; w++)
        if (ends_with(p, n, w))
            return true;
    return false;
}

#define LEAD_LOOK (24 * CP)   /* a leading comparison is one of the sentence's first clauses */

cl_span cl_baseline_leading(const cl_ctx *ctx, uint32_t before)
{
    const char *text = ctx->doc->text;
    uint32_t start = ctx->span.start, end = before < start + LEAD_LOOK ? before : start + LEAD_LOOK;
    for (int clauses = 0; clauses < 2 && start < end; clauses++) {
        while (start < end && text[start] == ' ')
            start++;
        if (clauses == 0 && start + CP <= end && !is_opener(text + start) &&
            (unsigned char)text[start] >= 0xE0)
            return cl_span_of(0, 0);   /* a clause of words, not a date before a comparison */
        uint32_t comma = start;   /* "，" is EF BC 8C */
        while (comma < end && text[comma] != ',' &&
               !((unsigned char)text[comma] == 0xEF && comma + CP <= end && memcmp(text + comma, "，", CP) == 0))
            comma++;
        if (comma >= end)
            break;
        uint32_t e = comma;
        while (e > start && text[e - 1] == ' ')
            e--;
        if (comparison_clause(text + start, e - start))
            return cl_span_of(start, e);
        start = comma + (text[comma] == ',' ? 1 : CP);
    }
    return cl_span_of(0, 0);
}
