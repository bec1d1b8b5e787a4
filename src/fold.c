/* fold.c — the token filter's folds: a numeral with its multipliers, approximations, range
 * and unit into one QTY; 较2022年同期 into one BASE; a ratio into one QTY per part. */
#include <string.h>

#include "fold.h"
#include "number.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

/* -- quantities ------------------------------------------------------------------------------ */

typedef struct {
    cl_dec value;
    bool ok;
    int mult;            /* power of ten from 万 亿 */
    int unit_row;        /* -1: none */
    uint32_t unit_text_start, unit_text_end, end;
    int approx;
    bool cn, has_hi;
    cl_dec hi;
} qpart;

/* NUM [MULT]* [余|多] [UNIT], or PCT / FRAC: one end of a quantity. */
static void fold_part(cl_filter *f, const cl_rawtok *first, qpart *p)
{
    memset(p, 0, sizeof *p);
    p->value = first->num;
    p->ok = !first->overflow;
    p->cn = first->cn;
    p->has_hi = first->has_hi;
    p->hi = first->num_hi;
    p->unit_row = -1;
    p->end = first->end;
    if (first->type == CL_RT_PCT || first->type == CL_RT_FRAC) {
        p->unit_row = cl_unit_percent;   /* generated from units.tsv */
        p->unit_text_start = first->start;
        p->unit_text_end = first->end;
        return;
    }
    for (;;) {
        cl_rawtok *t = peek(f, 0);
        if (t->type == CL_RT_MULT) {
            if (!p->unit_text_start)
                p->unit_text_start = t->start;
            p->mult += t->id;
        } else if (t->type == CL_RT_SUFFIX && t->id == CL_APPROX_MORE_THAN && p->unit_row < 0) {
            p->approx = CL_APPROX_MORE_THAN;
        } else if (t->type == CL_RT_UNIT && p->unit_row < 0) {
            if (!p->unit_text_start)
                p->unit_text_start = t->start;
            p->unit_text_end = t->end;
            p->unit_row = t->id;
        } else {
            break;
        }
        p->end = t->end;
        if (!p->unit_text_end || t->type == CL_RT_MULT)
            p->unit_text_end = t->end;
        take(f);
    }
    if (p->unit_row < 0 && !p->mult)
        p->unit_text_start = p->unit_text_end = 0;
}

static bool scale_part(qpart *p, int unit_exp, cl_dec *out)
{
    *out = p->value;
    return p->ok && cl_dec_scale(out, p->mult + unit_exp);
}

/* A 的 ends the noun phrase ahead, before any punctuation or keyword: a relative clause. */
static bool de_ahead(cl_filter *f)
{
    for (int i = 0, seen = 0; seen < 12; seen += width(peek(f, i)), i++) {
        cl_rawtok *t = peek(f, i);
        if (t->type == CL_RT_DE)
            return true;
        if (t->type != CL_RT_FILLER && t->type != CL_RT_NAME && t->type != CL_RT_SPACE &&
            !(t->type == CL_RT_KW && (t->id == CL_KW_WORD || t->id == CL_KW_SCOPE)))
            return false;
    }
    return false;
}

/* A percentage K tokens ahead, after a 的: 完成年初预算数58000万元的41.2%, where the quantity
 * before 的 is the total the rate is of, not a definition of the noun after it. */
bool cl_fold_share_follows(cl_filter *f, int k)
{
    const cl_rawtok *n = peek(f, k);
    if (n->type == CL_RT_PCT || n->type == CL_RT_FRAC)
        return true;
    const cl_rawtok *u = peek(f, k + 1);
    return n->type == CL_RT_NUM && u->type == CL_RT_UNIT && cl_units[u->id].dim == CL_DIM_PERCENT;
}

/* 完成全长19.2公里的九杨路和4.2公里的百陈路 | 5条总长51公里的山区道路: a length that 全长/总长
 * opens in its clause (at most 40 characters before it) is the work's amount, said before the
 * road it measures; 时速350公里的高铁 stays a definition. */
static bool length_stated(const cl_filter *f, const cl_doc *doc, int row, uint32_t at)
{
    if (row < 0 || cl_units[row].dim != CL_DIM_LENGTH || at < f->clause_start ||
        at - f->clause_start > 120)
        return false;
    const char *s = doc->text + f->clause_start;
    size_t n = at - f->clause_start;
    return cl_text_find(s, n, "全长") < n || cl_text_find(s, n, "总长") < n;
}

/* 344个优良天, 21个轻度污染天: a count of 个 whose noun, the run of prose right after it (at most
 * 5 characters), ends in 天 counts days: the row of 天 (unit day) instead of ROW. */
static int day_row(const cl_doc *doc, const cl_rawtok *next, int row)
{
    if (row < 0 || next->type != CL_RT_FILLER || next->end - next->start > 15 ||
        next->end - next->start < 6 || memcmp(doc->text + next->end - 3, "天", 3) != 0 ||
        strcmp(cl_units[row].canonical, "个") != 0)
        return row;
    for (int i = 0; i < cl_units_count; i++)
        if (strcmp(cl_units[i].canonical, "day") == 0)
            return i;
    return row;
}

/* FIRST is NUM, PCT or FRAC. Returns false when the numeral is no quantity (a bare Chinese
 * numeral, a lone 一, an overflow), so the caller treats it as prose. */
bool cl_fold_quantity(cl_filter *f, cl_ctx *ctx, const cl_rawtok *first, cl_stok *s)
{
    qpart lo, hi;
    fold_part(f, first, &lo);
    bool range = false;
    int approx = lo.approx;

    cl_rawtok *t = peek(f, 0);
    if (t->type == CL_RT_SUFFIX) {
        approx = t->id;
        lo.end = t->end;
        take(f);
    } else if (t->type == CL_RT_RANGE) {
        cl_rawtok *n = peek(f, 1);
        if (n->type == CL_RT_NUM || n->type == CL_RT_PCT) {
            take(f);
            fold_part(f, take(f), &hi);
            range = true;
            t = peek(f, 0);
            if (t->type == CL_RT_SUFFIX) {
                approx = t->id;
                hi.end = t->end;
                take(f);
            }
            /* 3-5万元: the low end takes the high end's multiplier and unit */
            if (lo.unit_row < 0 && !lo.mult) {
                lo.mult = hi.mult;
                lo.unit_row = hi.unit_row;
            }
            if (hi.unit_row < 0)
                hi.unit_row = lo.unit_row;
            if (hi.unit_text_end > hi.unit_text_start) {   /* the unit as written: the high end's */
                lo.unit_text_start = hi.unit_text_start;
                lo.unit_text_end = hi.unit_text_end;
            }
            lo.end = hi.end;
        }
    }
    if (f->approx)
        approx = f->approx;

    bool bare = lo.unit_row < 0 && !lo.mult;
    if (lo.cn && bare)
        return false;   /* 三中全会, 十大: a Chinese numeral with no unit is prose */
    if (lo.cn && f->prev_end == first->start && f->prev_end >= 3 &&
        memcmp(ctx->doc->text + f->prev_end - 3, "届", 3) == 0)
        return false;   /* 十二届四次全会: a session's name */

    int unit_exp = lo.unit_row >= 0 ? cl_units[lo.unit_row].exp10 : 0;
    cl_quantity *q = &s->q;
    q->has_value = true;
    bool ok = scale_part(&lo, unit_exp, &q->value);
    if (range)
        ok = ok && scale_part(&hi, hi.unit_row >= 0 ? cl_units[hi.unit_row].exp10 : 0, &q->value_hi);
    else if (lo.has_hi) {
        qpart h = lo;
        h.value = lo.hi;
        ok = ok && scale_part(&h, unit_exp, &q->value_hi);
        range = true;
    }
    if (!ok) {
        cl_doc_diag_add(ctx->doc, CL_SEV_WARNING, "number-overflow",
                        "numeral too large to represent exactly; not read as a quantity",
                        cl_span_of(first->start, lo.end));
        return false;
    }
    q->has_hi = range;
    q->unit = lo.unit_row >= 0 ? cl_units[lo.unit_row].canonical : "";
    q->unit_text = cl_span_of(lo.unit_text_start, lo.unit_text_end);
    q->approx = (cl_approx)approx;
    q->span = cl_span_of(first->start, lo.end);
    s->unit_row = lo.unit_row;
    s->bare = bare;
    s->cn = lo.cn;
    s->article = lo.cn && !lo.mult && !range && first->end - first->start == 3 &&
                 memcmp(ctx->doc->text + first->start, "一", 3) == 0;
    s->span = cl_span_of(f->approx ? f->approx_start : first->start, lo.end);

    /* a quantity that qualifies the noun after it is a definition, not a claim:
     * 40万吨的秸秆发电企业, 35蒸吨以上燃煤锅炉 */
    cl_rawtok *next = peek(f, 0);
    const cl_doc *doc = ctx->doc;
    int days = day_row(doc, next, lo.unit_row);
    if (days != lo.unit_row) {
        s->unit_row = days;
        q->unit = cl_units[days].canonical;
    }
    bool ratio = lo.unit_row >= 0 && cl_units[lo.unit_row].dim == CL_DIM_PERCENT;
    if (next->type == CL_RT_DE && !ratio && !cl_fold_share_follows(f, 1) &&
        !length_stated(f, doc, lo.unit_row, first->start))
        s->defining = true;   /* 三分之二的投诉 (a share) and 58000万元的41.2% (a total) are none */
    else if (next->type == CL_RT_FILLER && text_is(doc, next->start, next->end, "级"))
        s->defining = true;                 /* 5000吨级填埋场 */
    else if (lo.unit_row >= 0 && (cl_units[lo.unit_row].dim == CL_DIM_TIME ||
                                  cl_units[lo.unit_row].dim == CL_DIM_COUNT) &&
             !f->approx && first->start >= 6 && memcmp(doc->text + first->start - 6, "连续", 6) == 0)
        s->defining = true;                 /* 连续6个季度, 连续8个月: how long a run lasts */
    else if (lo.unit_row >= 0 && cl_units[lo.unit_row].dim == CL_DIM_TIME &&
             next->type == CL_RT_KW && next->id == CL_KW_WORD &&
             text_is(doc, next->start, next->end, "平均"))
        s->defining = true;                 /* 日最大8小时平均浓度 */
    else if (!f->approx && (approx == CL_APPROX_AT_LEAST || approx == CL_APPROX_AT_MOST) &&
             (next->type == CL_RT_FILLER || next->type == CL_RT_NAME) &&
             !is_bracket(next))
        /* 35蒸吨以上燃煤锅炉: a threshold; for counts only in a relative clause
         * (跨2个以上乡镇的河流), since 推动3家以上重点企业完成… is a count */
        s->defining = !(lo.unit_row >= 0 && cl_units[lo.unit_row].dim == CL_DIM_COUNT) ||
                      de_ahead(f);
    else if (f->approx && approx == CL_APPROX_AT_MOST && next->type == CL_RT_FILLER &&
             lo.unit_row >= 0 && cl_units[lo.unit_row].dim == CL_DIM_COUNT)
        s->defining = de_ahead(f);          /* 不满3名党员或没有党员的幼儿园: a threshold too */
    return true;
}

/* -- baselines: 较2022年同期, 与去年同期相比, 比上年 ----------------------------------------- */

/* The rest of cl_fold_growth_compared (fold.h): 增速, 增幅 and a comparative before the number. */
bool cl_fold_growth_noun_compared(const cl_doc *doc, const cl_rawtok *t)
{
    const char *p = doc->text + t->end;
    size_t room = doc->len - t->end;
    if (!text_is_any(doc, t->start, t->end, cl_words_rank_growth))
        return false;
    for (const cl_dir_word *c = cl_words_baseline_comparatives; c->w.s; c++)
        if (room > c->w.n && memcmp(p, c->w.s, c->w.n) == 0 && p[c->w.n] >= '0' && p[c->w.n] <= '9')
            return true;
    return false;
}

/* Whether [START, END) of DOC names a time (与去年增长, 与上年持平): a comparison with 与 and no
 * word that closes it. */
static bool names_time(const cl_doc *doc, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i++)
        if (doc->text[i] >= '0' && doc->text[i] <= '9')
            return true;
    return end > start && cl_text_has_any(doc->text + start, end - start, cl_words_baseline_times);
}

/* CMP at the head of the queue: if a baseline follows and then a direction word, fold it
 * into END (the end of the baseline) and return true. */
bool cl_fold_baseline(cl_filter *f, uint32_t *end, bool closed)
{
    cl_rt first = peek(f, 0)->type;
    if (first == CL_RT_COMMA || first == CL_RT_SEMI || first == CL_RT_STOP)
        return false;   /* 与2015年相比，全市…: 相比 closes a comparison, it opens none */
    uint32_t first_at = peek(f, 0)->start, last = peek(f, 0)->end, opens = 0;
    int filler = 0;
    for (int i = 1, seen = 1; seen < CL_FILTER_LOOKAHEAD - 2; seen += width(peek(f, i)), i++) {
        cl_rawtok *t = peek(f, i);
        switch (t->type) {
        case CL_RT_SPACE:
            continue;
        case CL_RT_DATE:
            last = t->end;
            continue;
        case CL_RT_NUM:        /* 较前3年 */
            if (t->cn || filler > 4)
                return false;
            last = t->end;
            continue;
        case CL_RT_FILLER:     /* 同期, 上年, 前, 年: at most 6 characters, the first 4 kept */
            for (int k = 0; k < width(t); k++) {
                if (seen + k >= CL_FILTER_LOOKAHEAD - 2 || ++filler > 6)
                    return false;
                if (filler <= 4)   /* a run is all three-byte code points */
                    last = width(t) > 1 ? t->start + 3 * (uint32_t)(k + 1) : t->end;
            }
            continue;
        case CL_RT_COMMA: {    /* 与去年同期相比，下降了 */
            cl_rawtok *n = peek(f, i + 1);
            if (n->type == CL_RT_SPACE)
                n = peek(f, i + 2);
            if (n->type == CL_RT_KW && n->id == CL_KW_DIR &&
                (closed || names_time(f->doc, first_at, opens ? opens : last))) {
                *end = last;
                return true;
            }
            return false;
        }
        case CL_RT_KW:
            if (t->id == CL_KW_SCOPE || t->id == CL_KW_CMP ||
                (t->id == CL_KW_WORD && text_is_any(f->doc, t->start, t->end, cl_words_baseline_inner))) {
                last = t->end;   /* 与去年同期比较, 比全省平均水平 */
                closed = closed || (t->id != CL_KW_SCOPE && t->end - t->start > 3);
                if (t->id == CL_KW_CMP && t->end - t->start == 3 && !opens)
                    opens = t->start;   /* 节能环保与传媒支出比上年: 比 opens one of its own */
                continue;
            }
            if (t->id == CL_KW_LE)
                continue;
            if (t->id == CL_KW_DIR && cl_fold_growth_compared(f->doc, t)) {
                last = t->end;   /* 较全省总体增速高: the growth is the reference's */
                continue;
            }
            if (t->id == CL_KW_DIR &&   /* 与上年持平 */
                (closed || t->attr == CL_KA_FLAT || names_time(f->doc, first_at, opens ? opens : last))) {
                *end = last;
                return true;
            }
            return false;
        default:
            return false;
        }
    }
    return false;
}

/* The row of grammar/units.tsv a ratio's parts take: canonical unit "", a ratio. */
static int ratio_row(void)
{
    for (int i = 0; i < cl_units_count; i++)
        if (!*cl_units[i].canonical && cl_units[i].dim == CL_DIM_PERCENT)
            return i;
    return -1;
}

/* The length of a digit or decimal point at P, half- or full-width (０-９ ．), or 0. */
static int numeral_char(const unsigned char *p, const unsigned char *end)
{
    if ((*p >= '0' && *p <= '9') || *p == '.')
        return 1;
    bool wide = end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC;
    return wide && ((p[2] >= 0x90 && p[2] <= 0x99) || p[2] == 0x8E) ? 3 : 0;
}

/* 8.1︰38.6︰53.3: one QTY per part, with an ENUM between them, so that the grammar reads them
 * as one list (三次产业结构为…: a level each). */
void cl_fold_ratio(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    const unsigned char *s = f->lx.base + t->start, *end = f->lx.base + t->end;
    int row = ratio_row();
    while (s < end) {
        const unsigned char *e = s;
        for (int n; e < end && (n = numeral_char(e, end)) > 0;)
            e += n;
        cl_dec v;
        if (e > s && row >= 0 && cl_num_arabic(s, e, &v)) {
            cl_span span = cl_span_of((uint32_t)(s - f->lx.base), (uint32_t)(e - f->lx.base));
            if (ctx->ntoks && ctx->toks[ctx->ntoks - 1].sig == CL_SIG_QTY)
                push_sig(f, ctx, CL_SIG_ENUM, cl_span_of(ctx->toks[ctx->ntoks - 1].span.end, span.start));
            cl_stok *q = push_claim_sig(f, ctx, CL_SIG_QTY, span);
            if (!q)
                return;
            clear_value(q);
            q->q.has_value = true;
            q->q.value = v;
            q->q.unit = "";
            q->q.span = span;
            q->unit_row = row;
        }
        s = e > s ? e : s + 1;
        while (s < end && (*s & 0xC0) == 0x80)
            s++;   /* past a separator's continuation bytes */
    }
}

