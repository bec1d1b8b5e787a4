/* claim_progress.c — progress claims: a part done of a total (完成X个，…Y个), framed (15个断面中，
 * 13个), or across two sentences (共交办166项。已完成131项); and the lists that look like
 * progress but are breakdowns or periods. */
#include <string.h>

#include "claim_value.h"
#include "number.h"
#include "subject.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

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
    return has_text(between) && span_contains_any(doc, between, open) &&
           span_contains_any(doc, between, cl_words_progress_periods);
}

/* 学校8所，完成规范治理7所: the words before the part are the completion's verb phrase, whose
 * last word (治理) stands right before the number. */
static bool verb_before(const cl_ctx *ctx, const cl_draft *d)
{
    const cl_stok *k = &ctx->toks[d->done - 1];
    return k->sig == CL_SIG_DONE && k->span.end == ctx->toks[d->done].span.start;
}

/* 民生实事项目共18个，已按计划完成建设项目10个: a total word before the total, an achievement (已)
 * before the part, and the part's noun ending as a word of the total's subject (项目). */
static bool restated(const cl_ctx *ctx, const cl_draft *d)
{
    const cl_stok *t = &ctx->toks[d->total], *q = &ctx->toks[d->done];
    bool total_word = false, achieved = false;
    for (int i = d->total - 1; i >= 0 && ctx->toks[i].span.start >= t->clause; i--)
        total_word |= ctx->toks[i].sig == CL_SIG_TOTAL;
    for (int i = d->done - 1; i > d->total && ctx->toks[i].span.start >= q->clause; i--)
        achieved |= ctx->toks[i].sig == CL_SIG_DONE &&
                    memcmp(ctx->doc->text + ctx->toks[i].span.start, "已", 3) == 0;
    if (!total_word || !achieved || span_len(q->left) < 6 || !has_text(t->left))
        return false;
    char noun[7];
    memcpy(noun, ctx->doc->text + q->left.end - 6, 6);
    noun[6] = '\0';
    return span_contains(ctx->doc, t->left, noun);
}

/* 11个问题 | 发现问题3个 | 信访件15件: a count of issues, which a completion word can close. */
static bool issue_count(const cl_ctx *ctx, const cl_stok *q)
{
    return dim_of(q) == CL_DIM_COUNT && !q->bare &&
           (span_contains_any(ctx->doc, q->left, cl_words_issue_nouns) ||
            span_contains_any(ctx->doc, q->right, cl_words_issue_nouns));
}

/* 发现问题3个，已整改完毕: the completion words right after the count AT say it is done whole (完毕,
 * 办结, 销号; not 已开工, 查处, which say what was done, not that all of it was), 全部/已全部 may come
 * with them (9件，已全部办结). Right after: no prose before them (推进24项问题整改销号 is a task;
 * 发现问题144个，督促企业完成整改 an order). */
static bool done_whole_at(const cl_ctx *ctx, int at)
{
    for (int i = at + 1; i < ctx->ntoks; i++) {
        const cl_stok *k = &ctx->toks[i];
        if ((k->sig != CL_SIG_DONE && k->sig != CL_SIG_COMMA && k->sig != CL_SIG_FULL) ||
            k->span.start != ctx->toks[i - 1].span.end)
            break;
        if (k->sig == CL_SIG_DONE && span_contains_any(ctx->doc, k->span, cl_words_done_whole))
            return issue_count(ctx, &ctx->toks[at]);
    }
    return false;
}

static bool done_whole(const cl_ctx *ctx, const cl_draft *d)
{
    return done_whole_at(ctx, d->total);
}

/* 发现问题3家，均已责令整改 | 6个，全部督促完成整改: the completion word after an all-done total
 * (qlist FULL done) is an order given, not a thing done: the total stays a count. Only the words
 * up to that completion word are read. */
static bool whole_ordered(const cl_ctx *ctx, const cl_draft *d)
{
    for (int i = d->total + 1; i < ctx->ntoks && i <= d->total + 3; i++)
        if (ctx->toks[i].sig == CL_SIG_DONE)
            return span_contains_any(ctx->doc,
                                     cl_span_of(ctx->toks[d->total].span.end, ctx->toks[i].span.end),
                                     cl_words_done_orders);
    return false;
}

/* 年终结余4558万元(其中:本级791万元) | 查封扣押6起(其中…1起): a part in brackets is a part of the
 * total only when a completion word says it is done (排查问题20个（已整改18个）). */
static bool part_in_brackets(const cl_ctx *ctx, const cl_draft *d)
{
    static const cl_word open[] = {CL_WORD("（"), CL_WORD("("), {NULL, 0}};
    const cl_stok *t = &ctx->toks[d->total], *q = &ctx->toks[d->done];
    if (!span_contains_any(ctx->doc, cl_span_of(t->span.end, q->span.start), open))
        return false;
    for (int i = d->total + 1; i < d->done; i++)
        if (ctx->toks[i].sig == CL_SIG_DONE || ctx->toks[i].sig == CL_SIG_FULL)
            return false;
    return true;
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
    if (d->share || d->tally)
        return true;   /* the rate written, or the total word and the completion word, say it */
    if (d->by_word)
        return done_whole(ctx, d);
    if (d->done == d->total && whole_ordered(ctx, d))
        return false;
    if (period_in_brackets(ctx->doc, cl_span_of(t->span.end, q->span.start)) ||
        part_in_brackets(ctx, d))
        return false;
    cl_dim dim = dim_of(t);
    if (dim != CL_DIM_COUNT && dim != CL_DIM_MONEY && dim != CL_DIM_LENGTH &&
        dim != CL_DIM_AREA && dim != CL_DIM_MASS)
        return false;
    bool has = false, done_word = false;
    for (int i = d->total + 1; i <= d->done; i++) {
        const cl_stok *k = &ctx->toks[i];
        has |= k->sig == CL_SIG_HAS && span_len(k->span) == 6 &&
               memcmp(ctx->doc->text + k->span.start, "其中", 6) == 0;
        done_word |= k->sig == CL_SIG_DONE || k->sig == CL_SIG_FULL;
        if (!d->across_comma && (k->sig == CL_SIG_ENUM || k->sig == CL_SIG_AND))
            return false;   /* 处置4512亩、闲置土地处置1056亩: parallel items, not parts */
        if (k->sig == CL_SIG_QTY && strcmp(k->q.unit, t->q.unit) == 0 &&
            cl_dec_cmp(k->q.value, t->q.value) > 0)
            return false;   /* 停产企业8家、限期治理88家、关停2家: a bigger "part" is an item */
    }
    if (!d->across_comma && !d->frame && has && !done_word &&
        !(d->done + 1 < ctx->ntoks && ctx->toks[d->done + 1].sig == CL_SIG_DONE))
        return false;   /* 支出483亿元其中民生支出411.6亿元: a part 其中 names, none done (23项中的21项
                         * is no 其中) */
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
        return !has_text(q->left) || ends_with_de(ctx->doc, q->left) || verb_before(ctx, d) ||
               restated(ctx, d);
    }
    return true;
}

/* Whether the percentage P is the part Q of the total T, as reports round them: the percent to a
 * tenth or a whole, and the figures too (15万人 of 18.5万人 written as 80%: 81.1 from the rounded
 * figures), so within a point and a half. */
static bool share_of(const cl_stok *p, const cl_stok *q, const cl_stok *t)
{
    double total = cl_dec_to_double(t->q.value), pct = cl_dec_to_double(p->q.value);
    if (total <= 0 || strcmp(p->q.unit, "%") != 0)
        return false;
    double diff = 100.0 * cl_dec_to_double(q->q.value) / total - pct;
    return diff > -1.5 && diff < 1.5;
}

/* 财政总收入4348万元，占年初预算10065万元的43.2% | 实现城镇新增就业12314人，完成年目标任务12500人的
 * 98.5%: a planned total (a budget, a target) linked by 的 to its percentage, and the value
 * ending the clause before, which that percentage is the share of, are a part done of a whole
 * (the rate stays a claim of its own). */
static void find_shares(cl_ctx *ctx)
{
    const cl_stok *toks = ctx->toks;
    for (int i = 2, n = ctx->ntoks; i + 1 < n; i++) {
        const cl_stok *t = &toks[i], *p = &toks[i + 1];
        if (t->sig != CL_SIG_QTY || p->sig != CL_SIG_QTY || t->bare || dim_of(p) != CL_DIM_PERCENT ||
            p->span.start - t->span.end != 3 || memcmp(ctx->doc->text + t->span.end, "的", 3) != 0)
            continue;
        int c = i - 1;   /* the comma before the total's clause */
        while (c > 1 && toks[c].sig != CL_SIG_COMMA && toks[c].sig != CL_SIG_QTY)
            c--;
        if (toks[c].sig != CL_SIG_COMMA)
            continue;
        const cl_stok *q = &toks[c - 1];
        if (q->sig != CL_SIG_QTY || q->bare || q->used ||
            t->unit_row < 0 || strcmp(q->q.unit, t->q.unit) != 0 || !share_of(p, q, t) ||
            !span_contains_any(ctx->doc, cl_span_of(toks[c].span.end, t->span.start),
                                cl_words_progress_planned))
            continue;   /* 税收3000万元，占财政收入5000万元的60%: a share, not a part done */
        cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = {i, i}, .lead = -1, .dir = -1, .distr = -1,
                      .all = -1, .total = i, .done = c - 1, .across_comma = true, .share = true};
        cl_draft_add(ctx, d);
    }
}

/* Whether the count at J is closed right after it by a completion word (11项已全部完成,
 * 3项完成年度任务, 36项已完成), 全部/均已 allowed before that word, and the noun of the total
 * NOUN allowed before them (10项工程已全部完成). */
static bool closed_by_done(const cl_ctx *ctx, int j, cl_span noun)
{
    const cl_stok *q = &ctx->toks[j];
    uint32_t end = q->span.end;
    if (has_text(q->right) && span_len(q->right) <= span_len(noun) &&
        memcmp(ctx->doc->text + q->right.start, ctx->doc->text + noun.end - span_len(q->right),
               span_len(q->right)) == 0)
        end = q->right.end;
    int k = j + 1;
    while (k < ctx->ntoks && ctx->toks[k].sig == CL_SIG_FULL && ctx->toks[k].span.start == end)
        end = ctx->toks[k++].span.end;
    return k < ctx->ntoks && ctx->toks[k].sig == CL_SIG_DONE && ctx->toks[k].span.start == end;
}

/* 共涉及12项工程，目前…等11项已全部完成 | 共实施54项重点工程，目前，除1项暂不实施外，36项已完成: the
 * count at I, which a total word (共, 涉及) at TOTAL_AT opens and which ends its clause, and the
 * first later count of the same things, smaller, that a completion word closes, are a part done
 * of the whole. Called from the frames' pass over the tokens, for a count that ends its clause. */
static void find_tally(cl_ctx *ctx, int i)
{
    const cl_stok *toks = ctx->toks, *t = &toks[i];
    if (t->bare || t->used)
        return;
    int k = i - 1;   /* the total word, in the count's clause */
    while (k >= 0 && toks[k].span.start >= t->clause && toks[k].sig != CL_SIG_TOTAL)
        k--;
    if (k < 0 || toks[k].span.start < t->clause)
        return;
    cl_span noun = has_text(t->right) ? t->right : t->left;
    int end = i + 2 + CL_SCOPE_WINDOW < ctx->ntoks ? i + 2 + CL_SCOPE_WINDOW : ctx->ntoks;
    for (int j = i + 2; j < end; j++) {   /* within a few tokens: long lists stay linear */
        const cl_stok *q = &toks[j];
        if (q->sig == CL_SIG_HAS)
            return;   /* 共10个，其中计划开工项目6个，…6个项目已开工: a part of the sub-total */
        if (q->sig != CL_SIG_QTY)
            continue;
        if (q->bare || strcmp(q->q.unit, t->q.unit) != 0 || cl_dec_cmp(q->q.value, t->q.value) >= 0)
            return;
        if (closed_by_done(ctx, j, noun)) {
            cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = {i, i}, .lead = -1, .dir = -1,
                          .distr = -1, .all = -1, .total = i, .done = j, .across_comma = true,
                          .tally = true};
            cl_draft_add(ctx, d);
            return;
        }
    }
}

/* 新建5所初中3所小学: a word that ends in 中 (初中, 集中) is no frame. */
static bool ends_frame(const cl_doc *doc, cl_span tail)
{
    if (!span_ends_with(doc, tail, "中"))
        return false;
    for (const cl_word *w = cl_words_frame_not; w->s; w++)
        if (span_len(tail) >= w->n && memcmp(doc->text + tail.end - w->n, w->s, w->n) == 0)
            return false;
    return true;
}

/* 全市15个省控以上断面中，Ⅰ～Ⅲ类水质断面13个 | 65个城建项目中50个项目已开工: a count framed by
 * …中 and a count of the same things opening the next clause, or right after 中, are a part of a
 * whole. */
void cl_find_frames(cl_ctx *ctx)
{
    const cl_stok *toks = ctx->toks;   /* the loop adds drafts, never tokens */
    for (int i = 0, n = ctx->ntoks; i + 1 < n; i++) {
        const cl_stok *t = &toks[i];
        bool comma = toks[i + 1].sig == CL_SIG_COMMA;
        if ((!comma && toks[i + 1].sig != CL_SIG_QTY) || t->sig != CL_SIG_QTY ||
            dim_of(t) != CL_DIM_COUNT)
            continue;
        if (comma)
            find_tally(ctx, i);
        cl_span tail = cl_span_of(t->span.end, ctx->toks[i + 1].span.start);
        if (!ends_frame(ctx->doc, tail))
            continue;
        int j = comma ? i + 2 : i + 1;
        while (j < ctx->ntoks && ctx->toks[j].sig != CL_SIG_QTY && ctx->toks[j].sig != CL_SIG_COMMA)
            j++;
        if (j < ctx->ntoks && ctx->toks[j].sig == CL_SIG_QTY) {
            cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = {i, i}, .lead = -1, .dir = -1, .distr = -1,
                          .all = -1, .total = i, .done = j, .across_comma = true, .frame = true};
            if (progress_valid(ctx, &d))
                cl_draft_add(ctx, d);
        }
    }
    find_shares(ctx);
}

static void new_progress(cl_ctx *ctx, const cl_draft *d, cl_stok *t, cl_stok *q);

/* 11个问题和382个信访件全部整改完成: every count of issues in the list is done whole, not only
 * the last; the other quantities are claims of their own. */
static void claim_list_whole(cl_ctx *ctx, const cl_draft *d, bool whole)
{
    for (int i = d->list.first; i >= 0 && i <= d->list.last; i++) {
        cl_stok *k = &ctx->toks[i];
        if (k->sig != CL_SIG_QTY || i == d->total || k->used)
            continue;
        if (whole && issue_count(ctx, k))
            new_progress(ctx, d, k, k);
        else
            cl_claim_simple(ctx, i, cl_span_of(0, 0));
    }
}

void cl_build_progress(cl_ctx *ctx, const cl_draft *d)
{
    cl_stok *t = &ctx->toks[d->total], *q = &ctx->toks[d->done];
    if (d->done == d->total && t->used) {   /* the part of a tally (…等11项已全部完成) */
        claim_list_whole(ctx, d, false);
        return;
    }
    if (d->done != d->total) {
        cl_claim_each_qty(ctx, d->list, d->total, cl_span_of(0, 0));
        if (q->used)
            return;   /* already the part of a frame (28项中，已完成26项) */
    }
    bool valid = progress_valid(ctx, d);
    if (d->done == d->total)
        claim_list_whole(ctx, d, valid);
    if (!valid) {
        if (!t->used)
            cl_claim_simple(ctx, d->total, cl_span_of(0, 0));
        if (q->used)
            return;
        if (d->done != d->total && done_whole_at(ctx, d->done))
            new_progress(ctx, d, q, q);   /* 76件，其中转办案件9件，已全部办结: the part, whole */
        else
            cl_claim_simple(ctx, d->done, cl_span_of(0, 0));
        return;
    }
    new_progress(ctx, d, t, q);
}

static void new_progress(cl_ctx *ctx, const cl_draft *d, cl_stok *t, cl_stok *q)
{
    t->used = q->used = true;
    cl_span subject = cl_subject_of(ctx, d->share ? q : t);   /* 年初预算: the total's source */
    cl_claim *c = cl_claim_new(ctx, CL_PROGRESS, q, subject);   /* modality: of the part done */
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
void cl_link_across_sentences(cl_ctx *ctx, size_t first_claim)
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
