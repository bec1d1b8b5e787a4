/* subject_settle.c — a subject that names no metric of its own: a word of the change (可比,
 * 两年平均, 同期, 净增) or the reference a share is taken of (年初预算, 汇总调整预算). The claim is
 * about the metric of the clause it continues: the subject of the sentence's claim before it. */
#include <string.h>

#include "lexicon.h"
#include "subject.h"
#include "text.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

static bool has_text(cl_span s) { return s.end > s.start; }

static size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

extern const cl_word cl_subject_mod[], cl_subject_ref[], cl_subject_refq[];
/* The code points MOD words begin and end with and REF words end with (generated): most
 * subjects start and end with none, decided without reading the lists. */
extern const uint64_t cl_subject_mod_firsts[64], cl_subject_mod_lasts[64], cl_subject_ref_lasts[64];

#define CP 3

/* The longest word of LIST that the N bytes at P start with: its length, or 0. */
static size_t word_at(const char *p, size_t n, const cl_word *list)
{
    size_t best = 0;
    for (const cl_word *w = list; w->s; w++)
        if (w->n > best && w->n <= n && w->s[2] == p[2] && w->s[0] == p[0] && w->s[1] == p[1] &&
            memcmp(p + CP, w->s + CP, w->n - CP) == 0)   /* the first character in place */
            best = w->n;
    return best;
}

/* Whether the N bytes at P are words of A and B (B may be NULL) one after another. */
static bool made_of(const char *p, size_t n, const cl_word *a, const cl_word *b)
{
    while (n) {
        size_t k = word_at(p, n, a), kb = b ? word_at(p, n, b) : 0;
        k = kb > k ? kb : k;
        if (!k)
            return false;
        p += k;
        n -= k;
    }
    return true;
}

#define SHORT_SUBJECT (10 * 3)   /* bytes: a reference is a short phrase */
#define SHORT_MODIFIER (5 * 3)   /* a modifier shorter: 两年平均, 可比, 同期 */

/* 可比, 两年平均, 同期, 净增: a word of the change, no metric. */
static bool is_modifier(const cl_doc *doc, cl_span s)
{
    const char *p = doc->text + s.start;
    return span_len(s) <= SHORT_MODIFIER && span_len(s) >= CP && cl_char_bit(cl_subject_mod_firsts, p, CP) &&
           cl_char_bit(cl_subject_mod_lasts, p + span_len(s) - CP, CP) &&
           made_of(p, span_len(s), cl_subject_mod, NULL);
}

/* 年初预算, 完成年度目标任务, 为汇总调整预算: what a share is taken of. */
static bool is_reference(const cl_doc *doc, cl_span s)
{
    size_t n = span_len(s);
    const char *p = doc->text + s.start;
    if (n > SHORT_SUBJECT || n < CP || !cl_char_bit(cl_subject_ref_lasts, p + n - CP, CP))
        return false;
    const char *end = p + n;
    for (const cl_word *w = cl_subject_ref; w->s; w++)   /* the reference word ends it */
        if (w->n <= n && end[-1] == w->s[w->n - 1] && end[-2] == w->s[w->n - 2] &&
            memcmp(end - w->n, w->s, w->n) == 0 && made_of(p, n - w->n, cl_subject_refq, cl_subject_mod))
            return true;
    return false;
}

bool cl_subject_is_growth(const cl_doc *doc, cl_span s)
{
    if (span_len(s) < 2 * CP || span_len(s) > 3 * CP)
        return false;   /* the words are two characters: most subjects are longer */
    for (const cl_word *w = cl_words_rank_growth; w->s; w++)
        if (w->n == span_len(s) && doc->text[s.start + 2] == w->s[2] && memcmp(doc->text + s.start, w->s, w->n) == 0)
            return true;
    return false;
}

/* The subject of the last claim of the sentence so far (the claim being made not yet among
 * them) that names a metric (of two characters at least), or none. */
static cl_span last_metric(const cl_ctx *ctx)
{
    const cl_doc *doc = ctx->doc;
    size_t have = doc->claims.len;
    for (size_t i = have; i-- > 0 && have - i <= 4;) {
        const cl_claim *c = &CL_VEC_AT(doc->claims, cl_claim, i);
        if (c->span.end <= ctx->span.start)
            break;
        if (span_len(c->subject) > 3 && !is_reference(doc, c->subject) &&
            (span_len(c->subject) > 3 * CP || !cl_subject_is_growth(doc, c->subject)))
            return c->subject;
    }
    if (have && CL_VEC_AT(doc->claims, cl_claim, have - 1).span.end > ctx->span.start)
        return cl_span_of(0, 0);
    return ctx->continued && ctx->ncarried ? ctx->carried[ctx->ncarried - 1] : cl_span_of(0, 0);
}

/* 人均GDP为63525元(按年平均汇率折算为9847美元): the same level in other units, no metric. */
static bool is_conversion(const cl_doc *doc, cl_span s)
{
    const char *end = doc->text + s.end;
    for (const cl_word *w = cl_words_subject_conversions; w->s; w++)
        if (w->n <= span_len(s) && end[-1] == w->s[w->n - 1] && memcmp(end - w->n, w->s, w->n) == 0)
            return true;
    return false;
}

/* Where the reference that ends S starts, with the words that lead to it (…|完成年初预算: a
 * reference word of REF after one or more of REFQ), or S's start when S does not end so. */
static uint32_t reference_tail(const cl_doc *doc, cl_span s)
{
    const char *text = doc->text;
    if (!cl_char_bit(cl_subject_ref_lasts, text + s.end - CP, CP))
        return s.start;
    uint32_t at = s.end;
    for (const cl_word *w = cl_subject_ref; w->s && at == s.end; w++)
        if (w->n + CP < span_len(s) && memcmp(text + s.end - w->n, w->s, w->n) == 0)
            at = s.end - (uint32_t)w->n;
    uint32_t ref = at;
    for (int round = 0; round < 4 && at < s.end; round++) {
        const cl_word *hit = NULL;
        for (const cl_word *w = cl_subject_refq; w->s && !hit; w++)
            if (w->n >= CP && at >= s.start + w->n + 2 * CP && memcmp(text + at - w->n, w->s, w->n) == 0)
                hit = w;
        if (!hit)
            break;
        at -= (uint32_t)hit->n;
    }
    return at < ref ? at : s.start;
}

/* The metric named right before a reference that starts at AT and the words that lead to it
 * (固定资产投资|完成年度|计划): the prose before them, resolved, or none. */
static cl_span before_reference(const cl_ctx *ctx, uint32_t at)
{
    const char *text = ctx->doc->text;
    for (int round = 0; round < 4; round++) {
        const cl_word *hit = NULL;
        for (const cl_word *w = cl_subject_refq; w->s && !hit; w++)
            if (w->n >= CP && at >= w->n && memcmp(text + at - w->n, w->s, w->n) == 0)
                hit = w;
        if (!hit)
            break;
        at -= (uint32_t)hit->n;
    }
    cl_span m = cl_subject_resolve(ctx, cl_subject_prose_before(ctx, at));
    return span_len(m) > CP && !is_reference(ctx->doc, m) ? m : cl_span_of(0, 0);
}

/* Whether Q's clause holds a reference's amount before Q and its 的 (占年初预算10065万元的43.2%,
 * 完成年初预算数60999万元的40.4%): the reference's words in *REF. */
static bool after_reference(const cl_ctx *ctx, const cl_stok *q, cl_span *ref)
{
    const char *text = ctx->doc->text;
    uint32_t end = q->span.start;
    while (end > q->clause && text[end - 1] == ' ')
        end--;
    if (end < q->clause + CP || memcmp(text + end - CP, "的", CP) != 0)
        return false;
    for (int i = 0; i < ctx->ntoks; i++) {
        const cl_stok *t = &ctx->toks[i];
        if (t->span.start < q->clause || t->sig != CL_SIG_QTY)
            continue;
        if (t->span.end > end - CP)
            break;
        cl_span r = cl_subject_trim(ctx->doc, t->left);
        if (has_text(r) && t->span.end == end - CP && is_reference(ctx->doc, r)) {
            *ref = r;
            return true;
        }
    }
    return false;
}

/* Whether Q is the first thing in a bracket: (82.0%), （32.9微克/立方米）. */
static bool opens_bracket(const cl_doc *doc, const cl_stok *q)
{
    uint32_t at = q->span.start;
    while (at > 0 && doc->text[at - 1] == ' ')
        at--;
    return (at >= 1 && doc->text[at - 1] == '(') || (at >= CP && memcmp(doc->text + at - CP, "（", CP) == 0);
}

/* Whether S names a budget (年初预算, 调整预算数): a share of it is the budget's completion. */
static bool names_budget(const cl_doc *doc, cl_span s)
{
    return cl_text_has_any(doc->text + s.start, span_len(s), cl_words_subject_budgets);
}

/* 城市低保6195户12533人, 倒塌房屋25户82间: a count that follows a count with nothing between
 * counts the same things in another unit; the subject of the count before it, or none. */
static cl_span same_things(const cl_ctx *ctx, const cl_stok *q)
{
    const cl_doc *doc = ctx->doc;
    if (!doc->claims.len)
        return cl_span_of(0, 0);
    const cl_claim *c = &CL_VEC_AT(doc->claims, cl_claim, doc->claims.len - 1);
    uint32_t at = q->span.start;
    while (at > c->span.end && doc->text[at - 1] == ' ')
        at--;
    return c->kind == CL_COUNT && c->span.end == at && c->span.start >= ctx->span.start ? c->subject
                                                                                       : cl_span_of(0, 0);
}

/* 是“十五”期末的1.9倍, 是上年的120%: a rate or change after 的 whose subject is the copula and
 * what the value is a multiple or share of (or the 的 alone, the lexer having taken 上年):
 * a reference, no metric. */
static bool copula_reference(const cl_doc *doc, const cl_stok *q, cl_span s)
{
    const char *text = doc->text;
    uint32_t end = q->span.start;
    while (end > s.end && text[end - 1] == ' ')
        end--;
    if (end < CP || memcmp(text + end - CP, "的", CP) != 0 || span_len(s) < CP)
        return false;
    return memcmp(text + s.start, "是", CP) == 0 ? span_len(s) > CP
                                                 : span_len(s) == CP && memcmp(text + s.start, "的", CP) == 0;
}

cl_span cl_subject_settle(const cl_ctx *ctx, const cl_stok *q, cl_span s, cl_kind kind, cl_span *own,
                          bool *completion)
{
    s = has_text(s) ? cl_subject_resolve(ctx, s) : cl_subject_bracketed(ctx, q->span.start, q->clause);
    bool sum = kind == CL_COUNT || kind == CL_MONEY;
    if (!has_text(s) && (sum || kind == CL_AMOUNT))   /* what a verb before a value can link to */
        s = cl_subject_before_verb(ctx, q->span.start, sum);
    if (kind != CL_COUNT && kind != CL_PROGRESS && has_text(s))
        s = cl_subject_after_places(ctx, q, s);
    *own = s;
    *completion = false;
    bool share = kind == CL_RATE || kind == CL_CHANGE || kind == CL_RANK || kind == CL_MEASURE;
    cl_span m = cl_span_of(0, 0), ref = s;
    if (!has_text(s) && kind == CL_COUNT)
        m = same_things(ctx, q);
    else if (!has_text(s) && kind == CL_RATE && after_reference(ctx, q, &ref))
        m = last_metric(ctx);   /* 占年初预算10065万元的43.2% */
    else if (has_text(s) && (kind == CL_RATE || kind == CL_CHANGE) && copula_reference(ctx->doc, q, s))
        m = last_metric(ctx);
    else if (!has_text(s) && kind != CL_COUNT && opens_bracket(ctx->doc, q))
        m = last_metric(ctx);   /* 较疫情前的2019年同期(36微克/立方米): the reference's level */
    else if (has_text(s) && span_len(s) <= SHORT_SUBJECT &&
             (is_modifier(ctx->doc, s) || (share && is_reference(ctx->doc, s)) || is_conversion(ctx->doc, s))) {
        m = last_metric(ctx);
        if (!has_text(m) && share && is_reference(ctx->doc, s))   /* 固定资产投资完成年度计划的78.6% */
            m = before_reference(ctx, s.start);
    }
    else if (kind == CL_RATE && span_len(s) > SHORT_SUBJECT) {   /* 一般公共预算收入|完成年初预算 */
        uint32_t at = reference_tail(ctx->doc, s);
        if (at > s.start) {
            m = cl_subject_resolve(ctx, cl_span_of(s.start, at));
            ref = cl_span_of(at, s.end);
            *own = m;
        }
    }
    if (!has_text(m))
        return s;
    *completion = kind == CL_RATE && has_text(ref) && names_budget(ctx->doc, ref);
    return m;
}
