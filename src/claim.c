/* claim.c — turn the grammar's drafts into claims: kind, subject, modality, spans.
 *
 * The grammar decides which tokens belong together; this file decides what they mean, once the
 * whole sentence (and so the prose on both sides of every token) is known. */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "baseline.h"
#include "indicator.h"
#include "heading.h"
#include "sentence.h"
#include "subject.h"
#include "text.h"
#include "units.h"
#include "utf8.h"

void cl_draft_add(cl_ctx *ctx, cl_draft d)
{
    if (ctx->ndrafts == ctx->cap_drafts) {
        int cap = ctx->cap_drafts ? ctx->cap_drafts * 2 : 16;
        cl_draft *drafts = realloc(ctx->drafts, (size_t)cap * sizeof *drafts);
        if (!drafts) {
            ctx->oom = true;
            return;
        }
        ctx->drafts = drafts;
        ctx->cap_drafts = cap;
    }
    ctx->drafts[ctx->ndrafts++] = d;
}

/* -- text helpers ---------------------------------------------------------------------------- */

static bool has_text(cl_span s) { return s.end > s.start; }

static size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

static bool span_contains(const cl_doc *doc, cl_span s, const char *word)
{
    return cl_text_has(doc->text + s.start, span_len(s), word);
}

static bool span_contains_any(const cl_doc *doc, cl_span s, const cl_word *words)
{
    return cl_text_has_any(doc->text + s.start, span_len(s), words);
}

static inline bool span_ends_with(const cl_doc *doc, cl_span s, const char *word)
{
    return cl_text_ends_with(doc->text + s.start, span_len(s), word);
}

/* -- claims ---------------------------------------------------------------------------------- */

static const cl_dim NO_DIM = (cl_dim)-1;

/* How far (in signal tokens) a scope or a breakdown is looked for: enough for any real
 * sentence, and it keeps pathological 10,000-item lists linear. */
#define CL_SCOPE_WINDOW 48

static cl_dim dim_of(const cl_stok *q)
{
    return q->unit_row >= 0 ? cl_units[q->unit_row].dim : NO_DIM;
}

static const cl_word money_words[] = {CL_WORD("资金"), CL_WORD("投资"), CL_WORD("金额"),
    CL_WORD("经费"), CL_WORD("资产"), CL_WORD("收入"), CL_WORD("产值"), CL_WORD("税"),
    CL_WORD("款"), CL_WORD("费"), CL_WORD("预算"), CL_WORD("融资"), CL_WORD("补贴"),
    CL_WORD("奖励"), CL_WORD("赔偿"), CL_WORD("营收"), CL_WORD("贷"), {NULL, 0}};

/* How far back a clause is looked through for a word: a clause of real prose is far shorter,
 * and the bound keeps a clause of megabytes (a page without punctuation) linear. */
#define CL_LOOK_BACK 1024

/* Q's clause up to Q: at most CL_LOOK_BACK bytes, from a code point's start. */
static cl_span clause_before(const cl_doc *doc, const cl_stok *q)
{
    cl_span s = {q->clause, q->span.start};
    if (s.end > s.start + CL_LOOK_BACK) {
        s.start = s.end - CL_LOOK_BACK;
        while (s.start < s.end && ((unsigned char)doc->text[s.start] & 0xC0) == 0x80)
            s.start++;
    }
    return s;
}

/* The first COMMA token at or after token I, or ntoks: the table of the sentence's clause ends
 * is made at the first question, so a clause end costs no scan of the tokens (a sentence of a
 * million tokens without a comma scanned them all for each value). */
static int comma_from(cl_ctx *ctx, int i)
{
    if (i >= ctx->ntoks)
        return ctx->ntoks;
    if (!ctx->next_comma_ready) {
        if (ctx->cap_next_comma < ctx->ntoks) {
            int *t = realloc(ctx->next_comma, (size_t)ctx->cap_toks * sizeof *t);
            if (!t) {   /* out of memory: the scan */
                while (i < ctx->ntoks && ctx->toks[i].sig != CL_SIG_COMMA)
                    i++;
                return i;
            }
            ctx->next_comma = t;
            ctx->cap_next_comma = ctx->cap_toks;
        }
        for (int k = ctx->ntoks - 1, next = ctx->ntoks; k >= 0; k--) {
            if (ctx->toks[k].sig == CL_SIG_COMMA)
                next = k;
            ctx->next_comma[k] = next;
        }
        ctx->next_comma_ready = true;
    }
    return ctx->next_comma[i];
}

/* The first token that starts after AT (toks are in text order), or ntoks. */
static int token_after(const cl_ctx *ctx, uint32_t at)
{
    int lo = 0, hi = ctx->ntoks;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ctx->toks[mid].span.start > at)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The kind a quantity has on its own, from its unit's dimension. */
static cl_kind kind_of_rest(const cl_doc *doc, cl_stok *q, cl_span subject)
{
    switch (dim_of(q)) {
    case CL_DIM_COUNT: case CL_DIM_TIME: return CL_COUNT;
    case CL_DIM_MONEY: return CL_MONEY;
    case CL_DIM_MASS: case CL_DIM_LENGTH: case CL_DIM_AREA: case CL_DIM_VOLUME:
    case CL_DIM_ENERGY: case CL_DIM_POWER: {
        /* 人均公园绿地面积14.8平方米: a per-head figure is the level of a metric */
        static const cl_word per[] = {CL_WORD("人均"), CL_WORD("亩均"), CL_WORD("户均"),
            CL_WORD("平均"), {NULL, 0}};
        return span_contains_any(doc, subject, per) ? CL_MEASURE : CL_AMOUNT;
    }
    case CL_DIM_FLOW: {
        /* 日处理能力500吨/日 is a level; 新增处理能力1.5万吨/日, 合计86吨/日 an amount of work */
        static const cl_word added[] = {CL_WORD("新增"), CL_WORD("合计"), CL_WORD("共计"),
            CL_WORD("累计"), CL_WORD("淘汰"), CL_WORD("新建"), {NULL, 0}};
        return span_contains_any(doc, clause_before(doc, q), added) ? CL_AMOUNT : CL_MEASURE;
    }
    case CL_DIM_CONC: return CL_MEASURE;
    case CL_DIM_PERCENT: case CL_DIM_MULTIPLE: return CL_RATE;
    case CL_DIM_PP: return CL_CHANGE;
    case CL_DIM_RANK: return CL_RANK;
    default: break;
    }
    /* no unit: 5万 after 资金 is money; 23.65万农村人口 a count; a bare value a measure */
    if (!q->bare) {
        if (span_contains_any(doc, subject, money_words) ||
            span_contains_any(doc, clause_before(doc, q), money_words)) {
            q->q.unit = "CNY";
            return CL_MONEY;
        }
        cl_span noun = q->right;   /* 23.65万农村人口的饮水安全: the noun before 的 */
        for (uint32_t k = noun.start; k + 3 <= noun.end; k++)
            if (memcmp(doc->text + k, "的", 3) == 0) {
                noun.end = k;
                break;
            }
        if (span_ends_with(doc, noun, "人口") || span_ends_with(doc, noun, "人"))
            q->q.unit = "人";
        return CL_COUNT;
    }
    return CL_MEASURE;
}

/* Counts (most quantities) without a call. */
static inline cl_kind kind_of(const cl_doc *doc, cl_stok *q, cl_span subject)
{
    cl_dim d = dim_of(q);
    if (d == CL_DIM_COUNT || d == CL_DIM_TIME)
        return CL_COUNT;
    return kind_of_rest(doc, q, subject);
}

static bool in_plan(const cl_ctx *ctx)
{
    if (ctx->doc->plan)
        return true;
    for (const cl_section *s = ctx->section; s; s = s->parent)
        if (cl_section_plan(ctx, s))
            return true;
    return false;
}

/* The value stands in a clause 在…的基础上 (what has been done, which a plan builds on).
 * Most sentences have none after their first target: the first 基础上 at or after a value's
 * end is looked for once (ctx->basis_from, basis_at) and answers every later value too. */
static bool on_the_basis_of(cl_ctx *ctx, const cl_stok *q)
{
    static const char word[] = "基础上";   /* also finds 的基础上 */
    uint32_t from = q->span.end;
    if (from < ctx->basis_from || (ctx->basis_at != UINT32_MAX && ctx->basis_at < from)) {
        /* not known from here on: look (from the sentence's end, nothing) */
        cl_span rest = cl_span_of(from, ctx->span.end);
        size_t n = span_len(rest), at = n ? cl_text_find(ctx->doc->text + from, n, word) : 0;
        ctx->basis_from = from;
        ctx->basis_at = n && at < n ? from + (uint32_t)at : UINT32_MAX;
    }
    if (ctx->basis_at == UINT32_MAX)
        return false;
    int comma = comma_from(ctx, token_after(ctx, q->span.end));
    uint32_t end = comma < ctx->ntoks ? ctx->toks[comma].span.start : ctx->span.end;
    return ctx->basis_at + sizeof word - 1 <= end;
}

/* The indicator of SUBJECT for a claim of KIND with Q's unit. */
static const char *indicator_of(const cl_ctx *ctx, cl_span subject, cl_kind kind, const cl_stok *q)
{
    if (!has_text(subject))
        return NULL;
    return cl_indicator_of(ctx->doc->text + subject.start, span_len(subject), kind,
                           q->unit_row >= 0 ? (int)dim_of(q) : -1, q->q.unit);
}

/* A claim of ctx's document, every field set here (so not zeroed first). */
static cl_claim *new_claim(cl_ctx *ctx, cl_kind kind, const cl_stok *q, cl_span subject)
{
    cl_claim *c = cl_vec_push_raw(&ctx->doc->arena, &ctx->doc->claims, sizeof *c);
    if (!c) {
        ctx->oom = true;
        return NULL;
    }
    c->kind = kind;
    subject = has_text(subject) ? cl_subject_resolve(ctx, subject) : cl_span_of(0, 0);
    c->subject = subject;
    c->indicator = indicator_of(ctx, subject, kind, q);
    cl_modality modality = (q->modal || (in_plan(ctx) && !ctx->achieved)) ? CL_TARGET : CL_ACTUAL;
    if (modality == CL_TARGET && on_the_basis_of(ctx, q))
        modality = CL_ACTUAL;   /* 在2024年建成5个的基础上: the past a plan builds on */
    c->modality = modality;
    c->quantity = q->q;
    memset(&c->done, 0, sizeof c->done);
    memset(&c->total, 0, sizeof c->total);
    c->direction = CL_DIR_NONE;
    c->baseline = cl_span_of(0, 0);
    c->distributive = false;
    c->section = ctx->section;
    uint32_t start = q->span.start, end = q->span.end;
    if (has_text(subject)) {
        start = subject.start < start ? subject.start : start;
        end = subject.end > end ? subject.end : end;
    }
    c->span = cl_span_of(start, end);
    return c;
}

static bool is_level_dim(const cl_stok *t)
{
    cl_dim d = dim_of(t);
    return d == CL_DIM_PERCENT || d == CL_DIM_CONC;
}

/* A count that says over what a rate, rank or frequency is stated is the scope, not a claim:
 * 全市10个国考断面…均为100% | 纳入国家考核的3个断面水质优良率达到100% |
 * 在全国168个重点城市中 | 3个水源保护区每月巡查不少于1次 */
static bool is_scope(cl_ctx *ctx, int i)
{
    const cl_stok *q = &ctx->toks[i];
    if (dim_of(q) != CL_DIM_COUNT)
        return false;
    /* 在全国339个地级及以上城市中, … : the prose up to the end of the clause ends with 中 */
    int comma = comma_from(ctx, i + 1);
    uint32_t clause_end = comma < ctx->ntoks ? ctx->toks[comma].span.start : ctx->span.end;
    cl_span tail = cl_span_of(q->span.end, clause_end);
    if (tail.end - tail.start <= 60 + CL_LOOK_BACK) {   /* longer: 中 only after a KiB of spaces */
        while (tail.end > tail.start && ctx->doc->text[tail.end - 1] == ' ')
            tail.end--;
        if (span_ends_with(ctx->doc, tail, "中") && tail.end - tail.start <= 60)
            return true;
    }
    /* a scope is stated within a few tokens; the window keeps 10,000-item lists linear */
    int window = i + 1 + CL_SCOPE_WINDOW < ctx->ntoks ? i + 1 + CL_SCOPE_WINDOW : ctx->ntoks;
    for (int j = i + 1; j < window; j++) {
        const cl_stok *t = &ctx->toks[j];
        switch (t->sig) {
        case CL_SIG_ENUM:
        case CL_SIG_AND:
            continue;
        case CL_SIG_QTY:
            if (span_contains(ctx->doc, cl_span_of(ctx->toks[j - 1].span.end, t->span.start), "每"))
                return true;
            if (dim_of(t) == CL_DIM_COUNT)
                continue;   /* 8个国考断面、15个省考断面…均为100% */
            return false;
        case CL_SIG_RANK:
            return true;
        case CL_SIG_ALL:
            for (int k = j + 1; k < window; k++)
                if (ctx->toks[k].sig == CL_SIG_QTY && is_level_dim(&ctx->toks[k]))
                    return true;
            return false;
        case CL_SIG_COP:
            return j + 1 < ctx->ntoks && ctx->toks[j + 1].sig == CL_SIG_QTY &&
                   is_level_dim(&ctx->toks[j + 1]);
        default:
            return false;
        }
    }
    return false;
}

/* Counts in Chinese numerals before these nouns name a policy or a meeting, not a tally:
 * 十条措施, 八项规定, 五次全会, 四类设施 */
static bool is_policy_name(const cl_ctx *ctx, const cl_stok *q)
{
    static const cl_word nouns[] = {CL_WORD("措施"), CL_WORD("规定"), CL_WORD("举措"),
        CL_WORD("行动"), CL_WORD("工程"), CL_WORD("方面"), CL_WORD("环节"), CL_WORD("能力"),
        CL_WORD("原则"), CL_WORD("要求"), CL_WORD("战略"), CL_WORD("机制"), CL_WORD("体系"),
        CL_WORD("全会"), CL_WORD("会议"), CL_WORD("党代会"), CL_WORD("精神")};
    if (!q->cn || !has_text(q->right))
        return false;
    const char *r = ctx->doc->text + q->right.start;
    size_t room = q->right.end - q->right.start;
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
        const cl_word *n = &nouns[i];
        if (room >= n->n && r[2] == n->s[2] && memcmp(r, n->s, n->n) == 0)
            return true;
    }
    return false;
}

/* A capacity that describes the noun after it: 一家年处理量30万吨秸秆综合利用企业 */
static bool is_attribute(const cl_ctx *ctx, const cl_stok *q)
{
    static const cl_word capacity[] = {CL_WORD("处理量"), CL_WORD("能力"), CL_WORD("规模"),
        CL_WORD("产能"), CL_WORD("容量"), {NULL, 0}};
    return dim_of(q) != CL_DIM_COUNT && has_text(q->right) && has_text(q->left) &&
           span_contains_any(ctx->doc, q->left, capacity);
}

static cl_claim *simple(cl_ctx *ctx, int i, cl_span subject)
{
    cl_stok *q = &ctx->toks[i];
    q->used = true;
    if (q->bare) {   /* 综合指数3.56: a bare value is a claim only as the value of an index */
        static const char *const index_words[] = {"指数", "指标值", "均值", "系数", NULL};
        bool ok = false;
        for (const char *const *w = index_words; *w && !ok; w++)
            ok = has_text(q->left) && span_ends_with(ctx->doc, q->left, *w);
        if (!ok)
            return NULL;
    }
    if (dim_of(q) == CL_DIM_TIME && has_text(q->right))
        return NULL;   /* 24小时值守, 8小时平均: a regime or a window, not a tally */
    if (q->defining || is_scope(ctx, i) || is_policy_name(ctx, q) || is_attribute(ctx, q) ||
        (q->article && has_text(q->right)))   /* 一家企业: an article; 超级站一座: a count */
        return NULL;
    if (!has_text(subject))
        subject = cl_subject_of(ctx, q);
    cl_claim *c = new_claim(ctx, kind_of(ctx->doc, q, subject), q, subject);
    if (c)
        cl_baseline_reference(ctx, q, c);   /* 高于全国1.9个百分点: a change */
    return c;
}

static void each_qty(cl_ctx *ctx, cl_range r, int skip, cl_span subject)
{
    if (r.first < 0)
        return;
    for (int i = r.first; i <= r.last; i++)
        if (ctx->toks[i].sig == CL_SIG_QTY && i != skip && !ctx->toks[i].used)
            simple(ctx, i, subject);
}

/* 24、8微克/立方米 | 33、55微克/立方米以内: bare values before the last take its unit. */
static void share_unit(cl_ctx *ctx, cl_range r)
{
    int last = -1;
    for (int i = r.last; i >= r.first && i >= 0; i--)
        if (ctx->toks[i].sig == CL_SIG_QTY) {
            last = i;
            break;
        }
    if (last < 0 || ctx->toks[last].unit_row < 0)
        return;
    const cl_stok *u = &ctx->toks[last];
    for (int i = r.first; i < last; i++) {
        cl_stok *q = &ctx->toks[i];
        if (q->sig != CL_SIG_QTY || !q->bare)
            continue;
        cl_dec v = q->q.value;
        if (!cl_dec_scale(&v, cl_units[u->unit_row].exp10))
            continue;
        q->q.value = v;
        q->q.unit = u->q.unit;
        q->unit_row = u->unit_row;
        q->bare = false;
        if (u->q.approx && !q->q.approx)
            q->q.approx = u->q.approx;
    }
}

/* -- distributive subjects: O3、NO2、CO分别… or the subjects of the claims just before ---------- */

static int qty_count(const cl_ctx *ctx, cl_range r)
{
    int n = 0;
    for (int i = r.first; i >= 0 && i <= r.last; i++)
        n += ctx->toks[i].sig == CL_SIG_QTY;
    return n;
}

static void build_level(cl_ctx *ctx, const cl_draft *d, size_t first_claim)
{
    share_unit(ctx, d->list);
    int n = qty_count(ctx, d->list);
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
                cl_claim *c = new_claim(ctx, kind_of(ctx->doc, q, metrics[m]), q, metrics[m]);
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
        cl_claim *c = new_claim(ctx, kind_of(ctx->doc, q, s), q, s);
        if (c) {
            c->distributive = distributive;
            if (lead >= 0 && !has_text(q->left) && k == 1)   /* later values: their own text */
                c->span.start = has_text(c->subject) && c->subject.start < ctx->toks[lead].span.start
                                    ? c->subject.start : ctx->toks[lead].span.start;
            else if (distributive)
                c->span = q->span;
        }
    }
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
    cl_span subject = ctx->toks[head].left;
    if (!has_text(subject))
        subject = cl_subject_previous(ctx, first_claim);

    if (d->list.first < 0) {   /* 与去年持平: a flat change with no number */
        if (dir == CL_DIR_FLAT) {
            cl_stok flat;
            memset(&flat, 0, sizeof flat);
            flat.span = cl_span_of(ctx->toks[head].span.start, ctx->toks[d->dir].span.end);
            flat.q.unit = "";
            flat.unit_row = -1;
            flat.modal = ctx->toks[head].modal;
            cl_claim *c = new_claim(ctx, CL_CHANGE, &flat, subject);
            if (c) {
                c->quantity.has_value = false;
                c->direction = dir;
                c->baseline = baseline;
                c->span = flat.span;
            }
        }
        return;
    }
    share_unit(ctx, d->list);
    int n = qty_count(ctx, d->list);
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
                cl_claim *c = new_claim(ctx, CL_CHANGE, q, subjects[m]);
                if (!c)
                    return;
                c->direction = dir;
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
                          (dim != CL_DIM_COUNT && dim != NO_DIM && !has_text(q->right));
        if (d->lead < 0 && !inherited && (d->distr < 0 || ctx->toks[d->dir].needs_base) &&
            (!changeable || ctx->toks[d->dir].needs_base)) {
            simple(ctx, i, cl_span_of(0, 0));
            k++;
            continue;
        }
        q->used = true;
        if (q->defining || (q->bare && !has_text(baseline))) {   /* 较2023年上升0.42: an index */
            k++;
            continue;
        }
        cl_claim *c = new_claim(ctx, CL_CHANGE, q, distributive ? subjects[k] : subject);
        k++;
        if (!c)
            return;
        c->direction = dir;
        c->baseline = baseline;
        c->distributive = distributive;
        /* the first value's text opens with the head (分别同比下降 7.4%); later values are
         * their own text, so a long list's output stays linear in its length */
        c->span = k == 1 ? cl_span_of(ctx->toks[head].span.start, q->span.end) : q->span;
        if (!has_text(baseline) && !distributive)
            cl_baseline_reference(ctx, q, c);   /* 增幅比年目标低0.4个百分点: down, against it */
    }
}

static bool ends_with_de(const cl_doc *doc, cl_span s)
{
    return has_text(s) && span_ends_with(doc, s, "的");
}

/* The parts listed after a total (其中A 17个、B 14个 | 关停取缔58家、整改提升254家) are categories
 * the total falls into, not a part of it done: after 其中 whenever several are listed; without
 * 其中 when they add up to the total (stages such as 溯源312个、整治268个 need not). */
static bool is_breakdown(const cl_ctx *ctx, const cl_draft *d)
{
    const cl_stok *t = &ctx->toks[d->total];
    double sum = 0;
    int parts = 0;
    bool has = false;
    int end = d->done + CL_SCOPE_WINDOW < ctx->ntoks ? d->done + CL_SCOPE_WINDOW : ctx->ntoks;
    for (int i = d->total + 1; i < end; i++) {
        const cl_stok *k = &ctx->toks[i];
        if (k->sig == CL_SIG_COMMA && i > d->done)
            break;
        has |= k->sig == CL_SIG_HAS;
        if (k->sig == CL_SIG_QTY && i >= d->done && strcmp(k->q.unit, t->q.unit) == 0) {
            sum += cl_dec_to_double(k->q.value);
            parts++;
        }
    }
    if (parts < 2)
        return false;
    double total = cl_dec_to_double(t->q.value);
    return has || (sum > total * 0.999 && sum < total * 1.001);
}

/* 完成农村公路960公里（1-10月完成820公里）: what a part of the period did, in brackets, is a
 * figure of its own, not the part done of the year's total. */
static bool period_in_brackets(const cl_doc *doc, cl_span between)
{
    static const cl_word open[] = {CL_WORD("（"), CL_WORD("("), {NULL, 0}};
    static const cl_word periods[] = {CL_WORD("月"), CL_WORD("季度"), CL_WORD("上半年"),
        CL_WORD("前三季度"), {NULL, 0}};
    return has_text(between) && span_contains_any(doc, between, open) &&
           span_contains_any(doc, between, periods);
}

/* Is DONE really a part of TOTAL? Same unit; and across a comma, a count whose clause opens
 * with the link word and names no new thing:
 *   613件，累计办结605件 | 218家，其中已安装自动监控设施的203家 | 12036家，已安装…的11208家
 * but not 完成A 12个，完成B 5个 | 签约项目3个，项目开工2个 | 42个，其中工业项目17个、扬尘项目14个 */
static bool progress_valid(const cl_ctx *ctx, const cl_draft *d)
{
    const cl_stok *t = &ctx->toks[d->total], *q = &ctx->toks[d->done];
    if (t->bare || q->bare || t->defining || q->defining || t->unit_row < 0 ||
        q->unit_row < 0 || strcmp(t->q.unit, q->q.unit) != 0)
        return false;
    if (period_in_brackets(ctx->doc, cl_span_of(t->span.end, q->span.start)))
        return false;
    cl_dim dim = dim_of(t);
    if (dim != CL_DIM_COUNT && dim != CL_DIM_MONEY && dim != CL_DIM_LENGTH &&
        dim != CL_DIM_AREA && dim != CL_DIM_MASS)
        return false;
    if (!d->across_comma)   /* 处置4512亩、闲置土地处置1056亩: parallel items, not parts */
        for (int i = d->total + 1; i < d->done; i++)
            if (ctx->toks[i].sig == CL_SIG_ENUM || ctx->toks[i].sig == CL_SIG_AND)
                return false;
    if (d->frame || (d->across_comma && d->done != d->total)) {
        if (dim != CL_DIM_COUNT || cl_dec_cmp(q->q.value, t->q.value) > 0)
            return false;
        if (is_breakdown(ctx, d))
            return false;
        if (d->frame)
            return true;
        int i = d->done - 1;   /* the clause of the done part */
        while (i > d->total && ctx->toks[i].sig != CL_SIG_COMMA && ctx->toks[i].sig != CL_SIG_ENUM)
            i--;
        bool has = false, done_word = false;
        for (i++; i < d->done; i++) {
            const cl_stok *k = &ctx->toks[i];
            if (!has && !done_word && has_text(k->left))
                return false;   /* a new subject before the link word */
            has |= k->sig == CL_SIG_HAS;
            done_word |= k->sig == CL_SIG_DONE || k->sig == CL_SIG_FULL;
        }
        if (has)   /* 其中…: the part must be a state reached (其中已完成…, …的203家) */
            return done_word || ends_with_de(ctx->doc, q->left);
        return !has_text(q->left) || ends_with_de(ctx->doc, q->left);
    }
    return true;
}

/* 全市15个省控以上断面中，Ⅰ～Ⅲ类水质断面13个: a count framed by …中 and a count of the same
 * things opening the next clause are a part of a whole. */
static void find_frames(cl_ctx *ctx)
{
    const cl_stok *toks = ctx->toks;   /* the loop adds drafts, never tokens */
    for (int i = 0, n = ctx->ntoks; i + 2 < n; i++) {
        const cl_stok *t = &toks[i];
        if (toks[i + 1].sig != CL_SIG_COMMA || t->sig != CL_SIG_QTY || dim_of(t) != CL_DIM_COUNT)
            continue;
        cl_span tail = cl_span_of(t->span.end, ctx->toks[i + 1].span.start);
        if (!span_ends_with(ctx->doc, tail, "中"))
            continue;
        int j = i + 2;
        while (j < ctx->ntoks && ctx->toks[j].sig != CL_SIG_QTY && ctx->toks[j].sig != CL_SIG_COMMA)
            j++;
        if (j < ctx->ntoks && ctx->toks[j].sig == CL_SIG_QTY) {
            cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = {i, i}, .lead = -1, .dir = -1, .distr = -1,
                          .all = -1, .total = i, .done = j, .across_comma = true, .frame = true};
            if (progress_valid(ctx, &d))
                cl_draft_add(ctx, d);
        }
    }
}

static void build_progress(cl_ctx *ctx, const cl_draft *d)
{
    each_qty(ctx, d->list, d->total, cl_span_of(0, 0));
    cl_stok *t = &ctx->toks[d->total], *q = &ctx->toks[d->done];
    if (q->used && d->done != d->total)
        return;   /* already the part of a frame (28项中，已完成26项) */
    if (!progress_valid(ctx, d)) {
        if (!t->used)
            simple(ctx, d->total, cl_span_of(0, 0));
        if (!q->used)
            simple(ctx, d->done, cl_span_of(0, 0));
        return;
    }
    t->used = q->used = true;
    cl_span subject = cl_subject_of(ctx, t);
    cl_claim *c = new_claim(ctx, CL_PROGRESS, q, subject);   /* modality: of the part done */
    if (!c)
        return;
    c->done = q->q;
    c->total = t->q;
    memset(&c->quantity, 0, sizeof c->quantity);
    c->quantity.unit = "";
    uint32_t start = t->span.start;
    if (has_text(c->subject) && c->subject.start < start)
        start = c->subject.start;
    c->span = cl_span_of(start, q->span.end);
}

static void build_rank(cl_ctx *ctx, const cl_draft *d, size_t first_claim)
{
    cl_stok *r = &ctx->toks[d->lead], *o = &ctx->toks[d->list.first];
    if (!o->q.has_value)
        return;
    cl_stok q = *o;
    q.modal = r->modal;
    /* 空气质量优良率93.1%，排名全省第四: the rank of the metric just named */
    cl_span subject = has_text(r->left) ? r->left : cl_subject_previous(ctx, first_claim);
    cl_claim *c = new_claim(ctx, CL_RANK, &q, subject);
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

/* The sentence's first claim, when it is a count right after a completion word. */
static long head_done(const cl_ctx *ctx, size_t first_claim)
{
    if (ctx->doc->claims.len == first_claim)
        return -1;
    for (int i = 0; i < ctx->ntoks; i++)
        if (ctx->toks[i].sig == CL_SIG_QTY) {
            const cl_claim *c = &CL_VEC_AT(ctx->doc->claims, cl_claim, first_claim);
            bool ok = i > 0 && (ctx->toks[i - 1].sig == CL_SIG_DONE || ctx->toks[i - 1].sig == CL_SIG_HAS) &&
                      c->kind == CL_COUNT &&
                      c->quantity.span.start == ctx->toks[i].q.span.start;
            return ok ? (long)first_claim : -1;
        }
    return -1;
}

/* The sentence's last claim, when it is a count that ends the sentence: a total waiting for
 * the next sentence to say how much of it is done. */
static long tail_total(const cl_ctx *ctx, size_t first_claim, bool *marked)
{
    size_t n = ctx->doc->claims.len;
    if (n == first_claim)
        return -1;
    const cl_claim *c = &CL_VEC_AT(ctx->doc->claims, cl_claim, n - 1);
    int last = ctx->ntoks - 1;   /* the sentence's last quantity, which must be its last token */
    if (last < 0 || ctx->toks[last].sig != CL_SIG_QTY || c->kind != CL_COUNT || !*c->quantity.unit ||
        c->quantity.span.start != ctx->toks[last].q.span.start)
        return -1;
    *marked = false;
    for (int i = last - 1; i >= 0 && ctx->toks[i].span.start >= ctx->toks[last].clause; i--)
        *marked |= ctx->toks[i].sig == CL_SIG_TOTAL;
    return (long)(n - 1);
}

/* 共交办整改任务166项。截至目前，已完成整改并销号131项: the first claim of this sentence and the
 * last of the previous one are one progress claim, when a total word or an achievement word
 * (已, 截至) says so. The total's claim is removed; ctx->merged tells the caller. */
static void link_across_sentences(cl_ctx *ctx, size_t first_claim)
{
    ctx->merged = false;
    long done;   /* looked for only when a total waits right before this sentence's claims */
    if (ctx->pending_claim >= 0 && (size_t)ctx->pending_claim + 1 == first_claim &&
        (ctx->pending_marked || ctx->achieved) && (done = head_done(ctx, first_claim)) >= 0) {
        cl_claim *claims = ctx->doc->claims.data;
        cl_claim total = claims[ctx->pending_claim], *d = &claims[done];
        if (strcmp(total.quantity.unit, d->quantity.unit) == 0 &&
            cl_dec_cmp(d->quantity.value, total.quantity.value) <= 0) {
            d->kind = CL_PROGRESS;
            d->done = d->quantity;
            d->total = total.quantity;
            memset(&d->quantity, 0, sizeof d->quantity);
            d->quantity.unit = "";
            d->subject = total.subject;
            d->indicator = total.indicator;
            d->span = cl_span_of(total.span.start, d->span.end);
            memmove(&claims[ctx->pending_claim], &claims[first_claim],
                    (ctx->doc->claims.len - first_claim) * sizeof *claims);
            ctx->doc->claims.len--;
            ctx->merged = true;
            first_claim--;
        }
    }
    ctx->pending_claim = tail_total(ctx, first_claim, &ctx->pending_marked);
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

void cl_sentence_build(cl_ctx *ctx)
{
    size_t first_claim = ctx->doc->claims.len;
    ctx->next_comma_ready = false;
    ctx->basis_from = UINT32_MAX;   /* nothing known */
    ctx->basis_at = UINT32_MAX;
    int grammar_drafts = ctx->ndrafts;
    find_frames(ctx);   /* appended after the grammar's drafts, built before them */
    for (int i = grammar_drafts; i < ctx->ndrafts && !ctx->oom; i++)
        build_progress(ctx, &ctx->drafts[i]);
    for (int i = 0; i < grammar_drafts && !ctx->oom; i++) {
        const cl_draft *d = &ctx->drafts[i];
        switch (d->type) {
        case CL_DRAFT_PLAIN: each_qty(ctx, d->list, -1, cl_span_of(0, 0)); break;
        case CL_DRAFT_LEVEL: build_level(ctx, d, first_claim); break;
        case CL_DRAFT_CHANGE: build_change(ctx, d, first_claim); break;
        case CL_DRAFT_PROGRESS: build_progress(ctx, d); break;
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
    link_across_sentences(ctx, first_claim);
}
