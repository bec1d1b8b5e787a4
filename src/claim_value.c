/* claim_value.c — one value into one claim: its kind (from its unit, and its words when it
 * has none), its modality, its subject and indicator, and whether it is a claim at all (a
 * scope, a definition, a policy's name are not). */
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "claim_value.h"
#include "heading.h"
#include "indicator.h"
#include "number.h"
#include "subject.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

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
cl_kind cl_kind_of_rest(const cl_doc *doc, cl_stok *q, cl_span subject)
{
    switch (dim_of(q)) {
    case CL_DIM_COUNT: case CL_DIM_TIME: return CL_COUNT;
    case CL_DIM_MONEY: return CL_MONEY;
    case CL_DIM_MASS: case CL_DIM_LENGTH: case CL_DIM_AREA: case CL_DIM_VOLUME:
    case CL_DIM_ENERGY: case CL_DIM_POWER: {
        /* 人均公园绿地面积14.8平方米: a per-head figure is the level of a metric */
        return span_contains_any(doc, subject, cl_words_per_head) ? CL_MEASURE : CL_AMOUNT;
    }
    case CL_DIM_FLOW: {
        /* 日处理能力500吨/日 is a level; 新增处理能力1.5万吨/日, 合计86吨/日 an amount of work */
        return span_contains_any(doc, clause_before(doc, q), cl_words_flow_added) ? CL_AMOUNT
                                                                                  : CL_MEASURE;
    }
    case CL_DIM_CONC: return CL_MEASURE;
    case CL_DIM_PERCENT: case CL_DIM_MULTIPLE: return CL_RATE;
    case CL_DIM_PP: return CL_CHANGE;
    case CL_DIM_RANK: return CL_RANK;
    default: break;
    }
    /* no unit: 5万 after 资金 is money; 23.65万农村人口 a count; a bare value a measure */
    if (!q->bare && has_text(subject) && span_ends_with(doc, subject, "人数")) {
        q->q.unit = "人";   /* 免费健康体检人数达1000万: people, whatever the clause says of fees */
        return CL_COUNT;
    }
    if (!q->bare) {
        if (span_contains_any(doc, subject, cl_words_money) ||
            span_contains_any(doc, clause_before(doc, q), cl_words_money)) {
            q->q.unit = "CNY";
            return CL_MONEY;
        }
        /* 23.65万农村人口的饮水安全 | 600多万贫困人口“有安全饮水”: the noun is the run of Han
         * characters right after the value, up to 的 */
        cl_span noun = q->right;
        const unsigned char *t = (const unsigned char *)doc->text;
        uint32_t k = noun.start;
        while (k + 3 <= noun.end && t[k] >= 0xe4 && t[k] <= 0xe9 && memcmp(t + k, "的", 3) != 0)
            k += 3;   /* a CJK ideograph: U+4E00..U+9FFF */
        noun.end = k;
        if (cl_text_ends_any(doc->text + noun.start, span_len(noun), cl_words_people_nouns) > 0)
            q->q.unit = "人";
        return CL_COUNT;
    }
    return CL_MEASURE;
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

/* 一般公共预算收入安排5504.25亿元 | 总支出相应安排2866.62亿元: the words right before the value
 * plan a budget line (a modal_budget word right after a budget_lines word); 安排资金1250万元 is
 * money spent. Read once per value from its own prose, no rescan. */
static bool budget_planned(const cl_doc *doc, const cl_stok *q)
{
    cl_span l = q->left;
    for (const cl_word *m = cl_words_modal_budget; m->s; m++) {
        if (span_len(l) < m->n || memcmp(doc->text + l.end - m->n, m->s, m->n) != 0)
            continue;
        uint32_t at = l.end - (uint32_t)m->n;
        for (const cl_word *b = cl_words_budget_lines; b->s; b++)
            if (at >= l.start + b->n && memcmp(doc->text + at - b->n, b->s, b->n) == 0)
                return true;
    }
    return false;
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
cl_claim *cl_claim_new(cl_ctx *ctx, cl_kind kind, const cl_stok *q, cl_span subject)
{
    cl_span own;   /* the subject's words in the claim's clause: its text */
    bool completion;
    subject = cl_subject_settle(ctx, q, subject, kind, &own, &completion);
    cl_claim *c = cl_vec_push_raw(&ctx->doc->arena, &ctx->doc->claims, sizeof *c);
    if (!c) {
        ctx->oom = true;
        return NULL;
    }
    c->kind = kind;
    c->subject = subject;
    c->indicator = completion ? cl_indicator_rows[cl_indicator_budget_completion].id
                              : indicator_of(ctx, subject, kind, q);
    if (!c->indicator && subject.end - subject.start == 6 && ctx->doc->claims.len > 1 &&
        cl_subject_is_growth(ctx->doc, subject))
        c->indicator = c[-1].indicator;   /* …增长8.0%，增速较上年四季度提高: the same indicator */
    ctx->budget_plan = ctx->budget_plan || budget_planned(ctx->doc, q);
    cl_modality modality = (q->modal || ctx->budget_plan || (in_plan(ctx) && !ctx->achieved))
                               ? CL_TARGET : CL_ACTUAL;
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
    if (has_text(own)) {
        start = own.start < start ? own.start : start;
        end = own.end > end ? own.end : end;
    }
    c->span = cl_span_of(start, end);
    return c;
}

static bool is_level_dim(const cl_stok *t)
{
    cl_dim d = dim_of(t);
    return d == CL_DIM_PERCENT || d == CL_DIM_CONC;
}

/* 达标率 | 达标率始终保持 | 优良比例保持: the prose between a count and a level names a rate (in
 * at most 20 characters), maybe with a verb of keeping after it (list rate_keep). */
static bool names_rate(const cl_doc *doc, cl_span gap)
{
    if (span_len(gap) > 60 + 12)
        return false;
    for (const cl_word *w = cl_words_rate_keep; w->s; w++)
        if (span_len(gap) > w->n && memcmp(doc->text + gap.end - w->n, w->s, w->n) == 0) {
            gap.end -= (uint32_t)w->n;
            break;
        }
    return span_len(gap) <= 60 && (span_ends_with(doc, gap, "率") || span_ends_with(doc, gap, "比例"));
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
            /* 836个基层党组织达标率100%, 126个村级党组织换届选举完成率100%: the count is what the
             * rate right after it is stated over */
            if (is_level_dim(t) && names_rate(ctx->doc, cl_span_of(q->span.end, t->span.start)))
                return true;
            if (dim_of(t) == CL_DIM_COUNT)
                continue;   /* 8个国考断面、15个省考断面…均为100% */
            return false;
        case CL_SIG_DONE:   /* a completion word inside the rate's name: 换届选举完成率 */
            if (j + 1 < window && ctx->toks[j + 1].sig == CL_SIG_QTY && is_level_dim(&ctx->toks[j + 1]))
                continue;
            return false;
        case CL_SIG_BASE:
        case CL_SIG_DIR:   /* 340家产值超亿元企业增长1.4%: the group whose measure changed, but
                            * 立案1015起、同比增长58.6%: the count's own change (no noun after it) */
            if (j > i + 2 || j + 1 >= ctx->ntoks || !has_text(q->right))
                return false;
            if (ctx->toks[j + 1].sig == CL_SIG_DIR && j + 2 < ctx->ntoks)
                j++;
            return ctx->toks[j + 1].sig == CL_SIG_QTY && (dim_of(&ctx->toks[j + 1]) == CL_DIM_PERCENT ||
                                                          dim_of(&ctx->toks[j + 1]) == CL_DIM_PP);
        case CL_SIG_RANK:   /* 在全国168个城市中排名, but not 项目54个、全省第一 (its own rank) */
            return !(j == i + 2 && ctx->toks[i + 1].sig == CL_SIG_ENUM);
        case CL_SIG_ALL:   /* 两项增速均居全市第一, 四项指标均为“零”: the items just named, over
                            * which a rank or a value is stated; 两项指标均达到目标要求 and
                            * 其余五项污染物均有改善 state a result of their own: counts */
            if ((q->cn && span_ends_with(ctx->doc, t->span, "为")) ||
                (j + 1 < ctx->ntoks && ctx->toks[j + 1].sig == CL_SIG_RANK))
                return true;   /* 均为“零” | 均居第一: a value for each, however written */
            for (int k = j + 1; k < window; k++)
                if (ctx->toks[k].sig == CL_SIG_QTY && (q->cn || is_level_dim(&ctx->toks[k])))
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

/* Counts in Chinese numerals before a noun of policy_nouns (grammar/words.tsv) name a policy or
 * a meeting, not a tally: 十条措施, 八项规定, 五次全会, 四类设施 */
static bool is_policy_name(const cl_ctx *ctx, const cl_stok *q)
{
    if (!q->cn || !has_text(q->right))
        return false;
    const char *r = ctx->doc->text + q->right.start;
    size_t room = q->right.end - q->right.start;
    for (const cl_word *n = cl_words_policy_nouns; n->s; n++) {
        if (room >= n->n && r[2] == n->s[2] && memcmp(r, n->s, n->n) == 0)
            return true;
    }
    return false;
}

/* “经济建设、新农村建设、群众便捷出行”三个服务 | “工程运行管护、水费收缴”两项任务 | “幸福家园”一期:
 * a count in Chinese numerals right after a closing quotation mark counts the quoted items or
 * names a phase of the quoted project; it restates a name, it reports no tally. */
static bool follows_quote(const cl_doc *doc, const cl_stok *q)
{
    static const cl_word quotes[] = {CL_WORD("”"), CL_WORD("」"), CL_WORD("’"), CL_WORD("\""),
                                     {NULL, 0}};
    if (!q->cn)
        return false;
    for (const cl_word *w = quotes; w->s; w++)
        if (q->span.start >= w->n && memcmp(doc->text + q->span.start - w->n, w->s, w->n) == 0)
            return true;
    return false;
}

/* 乐成一中(一期)、晨曦路小学(二期) | 常青新能源一期项目 | 县城防洪堤五期工程: a count of 期 in
 * Chinese numerals before a noun or a closing bracket names a phase of a project; 举办培训班三期
 * (the clause ends after it) is a count. */
static bool is_phase(const cl_doc *doc, const cl_stok *q)
{
    if (!q->cn || strcmp(q->q.unit, "期") != 0)
        return false;
    const char *r = doc->text + q->span.end;
    size_t room = doc->len - q->span.end;
    return has_text(q->right) || (room >= 1 && *r == ')') ||
           (room >= 3 && memcmp(r, "ï¼", 3) == 0);   /* ） */
}

/* 要重点做好八项工作：一是… | 抓好以下三个方面：: a count in Chinese numerals whose noun ends its
 * clause with a colon announces the list that follows; it counts the list's items, no tally. */
static bool heads_list(const cl_doc *doc, const cl_stok *q)
{
    uint32_t at = has_text(q->right) ? q->right.end : q->span.end;
    if (!q->cn || at >= doc->len)
        return false;
    return doc->text[at] == ':' || (doc->len - at >= 3 && memcmp(doc->text + at, "：", 3) == 0);
}

/* 浏览：1727次 | 下载次数:10: a web page's counter copied with the report (page furniture), a
 * page_counters word and a colon right before the value. */
static bool is_page_counter(const cl_doc *doc, const cl_stok *q)
{
    uint32_t at = q->span.start;
    while (at > 0 && doc->text[at - 1] == ' ')
        at--;
    if (at >= 3 && memcmp(doc->text + at - 3, "\xef\xbc\x9a", 3) == 0)   /* ： */
        at -= 3;
    else if (at >= 1 && doc->text[at - 1] == ':')
        at -= 1;
    else
        return false;
    for (const cl_word *w = cl_words_page_counters; w->s; w++)
        if (at >= w->n && memcmp(doc->text + at - w->n, w->s, w->n) == 0)
            return true;
    return false;
}

/* A capacity that describes the noun after it: 一家年处理量30万吨秸秆综合利用企业 */
static bool is_attribute(const cl_ctx *ctx, const cl_stok *q)
{
    return dim_of(q) != CL_DIM_COUNT && has_text(q->right) && has_text(q->left) &&
           span_contains_any(ctx->doc, q->left, cl_words_capacity);
}

/* 全省首个超百亿元水利工程 | 成为玉林首个300亿元园区: after an ordinal of a first or only one the
 * value says what kind the noun after it is (like 5000吨级); the value itself is stated elsewhere. */
static bool is_first_of_kind(const cl_ctx *ctx, const cl_stok *q)
{
    if (!has_text(q->right) || !has_text(q->left))
        return false;
    return cl_text_ends_any(ctx->doc->text + q->left.start, span_len(q->left), cl_words_first_of) > 0;
}

/* 实施新增5亿斤粮食提升工程: a product's measure in a programme's name, the run of Han characters
 * right after it (at most 8, the keyword 提升 included) ending with 工程/行动. Areas, lengths, money
 * and counts stay claims: they are a project's scope (10万亩高标准农田建设工程, 350户安居工程). */
static bool is_program_name(const cl_ctx *ctx, const cl_stok *q)
{
    cl_dim d = dim_of(q);
    if (d != CL_DIM_MASS && d != CL_DIM_VOLUME && d != CL_DIM_ENERGY && d != CL_DIM_POWER)
        return false;
    const unsigned char *t = (const unsigned char *)ctx->doc->text;
    uint32_t end = q->span.end, lim = end + 8 * 3;
    while (end + 3 <= ctx->doc->len && end < lim && t[end] >= 0xe4 && t[end] <= 0xe9)
        end += 3;   /* a CJK ideograph: U+4E00..U+9FFF */
    return end > q->span.end &&
           cl_text_ends_any(ctx->doc->text + q->span.end, end - q->span.end, cl_words_program_names) > 0;
}

cl_claim *cl_claim_simple(cl_ctx *ctx, int i, cl_span subject)
{
    cl_stok *q = &ctx->toks[i];
    q->used = true;
    if (q->bare) {   /* 综合指数3.56: a bare value is a claim only as the value of an index */
        bool ok = false;
        for (const char *const *w = cl_words_index_names; *w && !ok; w++)
            ok = has_text(q->left) && span_ends_with(ctx->doc, q->left, *w);
        if (!ok)
            return NULL;
    }
    if (dim_of(q) == CL_DIM_TIME && has_text(q->right))
        return NULL;   /* 24小时值守, 8小时平均: a regime or a window, not a tally */
    if (q->defining || is_scope(ctx, i) || is_policy_name(ctx, q) || follows_quote(ctx->doc, q) ||
        is_phase(ctx->doc, q) || heads_list(ctx->doc, q) ||
        is_attribute(ctx, q) ||
        is_program_name(ctx, q) || is_first_of_kind(ctx, q) ||
        (dim_of(q) == CL_DIM_COUNT && is_page_counter(ctx->doc, q)) ||
        (q->article && has_text(q->right)))   /* 一家企业: an article; 超级站一座: a count */
        return NULL;
    if (!has_text(subject))
        subject = cl_subject_of(ctx, q);
    cl_claim *c = cl_claim_new(ctx, kind_of(ctx->doc, q, subject), q, subject);
    if (c)
        cl_baseline_reference(ctx, q, c);   /* 高于全国1.9个百分点: a change */
    cl_claim_times_base(ctx, i, c);
    return c;
}

void cl_claim_each_qty(cl_ctx *ctx, cl_range r, int skip, cl_span subject)
{
    if (r.first < 0)
        return;
    for (int i = r.first; i <= r.last; i++)
        if (ctx->toks[i].sig == CL_SIG_QTY && i != skip && !ctx->toks[i].used)
            cl_claim_simple(ctx, i, subject);
}

/* 13.1个和13.0个百分点: a count of 个 before percentage points is points too. */
static bool points_of(const cl_stok *q, const cl_stok *u)
{
    return dim_of(u) == CL_DIM_PP && dim_of(q) == CL_DIM_COUNT && strcmp(q->q.unit, "个") == 0;
}

/* 24、8微克/立方米 | 33、55微克/立方米以内 | 13.1个和13.0个百分点: bare values before the last
 * take its unit. */
void cl_claim_share_unit(cl_ctx *ctx, cl_range r)
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
        if (q->sig != CL_SIG_QTY || !(q->bare || points_of(q, u)))
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

int cl_qty_count(const cl_ctx *ctx, cl_range r)
{
    int n = 0;
    for (int i = r.first; i >= 0 && i <= r.last; i++)
        n += ctx->toks[i].sig == CL_SIG_QTY;
    return n;
}

void cl_claim_times_base_rest(const cl_ctx *ctx, int i, cl_claim *c)
{
    const cl_stok *q = &ctx->toks[i];
    if (span_len(q->left) <= 6 ||
        !span_ends_with(ctx->doc, q->left, "的"))
        return;
    cl_span base = cl_span_of(q->left.start, q->left.end - 3);
    if (memcmp(ctx->doc->text + base.start, "是", 3) == 0)
        base.start += 3;   /* 是 read as prose */
    else if (i == 0 || ctx->toks[i - 1].sig != CL_SIG_COP ||
             span_len(ctx->toks[i - 1].span) != 3 ||
             memcmp(ctx->doc->text + ctx->toks[i - 1].span.start, "是", 3) != 0)
        return;
    c->kind = CL_CHANGE;
    c->direction = cl_dec_to_double(q->q.value) >= 1.0 ? CL_DIR_UP : CL_DIR_DOWN;
    c->baseline = base;
    if (c->subject.start < q->left.end && c->subject.end > q->left.start) {
        /* the subject read from the reference: the metric of the claim before, in the sentence */
        c->subject = cl_span_of(0, 0);
        c->indicator = NULL;
        if (ctx->doc->claims.len > 1 && c[-1].span.start >= ctx->span.start) {
            c->subject = c[-1].subject;
            c->indicator = c[-1].indicator;
        }
    }
}
