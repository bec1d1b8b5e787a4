/* filter.c — raw tokens to the signal tokens of a sentence (see filter.h).
 *
 * PostgreSQL's base_yylex pattern: a small layer with lookahead between the lexer and the
 * parser, so the grammar stays LALR(1) and free of prose. */
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "number.h"
#include "text.h"
#include "units.h"

/* The library's only writable globals: set by tests (cl_filter_cut_window), read by every
 * parse. Atomic (relaxed: a plain load on x86), so that parses on other threads read whole
 * values and ThreadSanitizer has no race to report (issue 20). */
static _Atomic int cut_soft = CL_CUT_SOFT, cut_hard = CL_CUT_HARD;

void cl_filter_cut_window(int soft, int hard)
{
    atomic_store_explicit(&cut_soft, soft, memory_order_relaxed);
    atomic_store_explicit(&cut_hard, hard, memory_order_relaxed);
}

void cl_filter_init(cl_filter *f, cl_doc *doc)
{
    memset(f, 0, sizeof *f);
    cl_lexer_init(&f->lx, doc->text, doc->len);
    f->doc = doc;
    doc->first_cr = SIZE_MAX;   /* nothing lexed yet */
    f->date_end = UINT32_MAX;
    f->invalid_run_start = -1;
    f->open_right = -1;
}

/* -- raw tokens with lookahead --------------------------------------------------------------- */

/* The tokens read ahead are la_ahead tokens from la_next on, each in slot (number %
 * CL_FILTER_RING); la_next counts tokens from the start of the text and wraps. */
static inline cl_rawtok *slot(cl_filter *f, unsigned n)
{
    return &f->la[n % CL_FILTER_RING];
}

static cl_rawtok *peek(cl_filter *f, int k)
{
    while (f->la_ahead <= (unsigned)k)
        cl_lex(&f->lx, slot(f, f->la_next + f->la_ahead++));
    return slot(f, f->la_next + (unsigned)k);
}

/* Take the next token, for the sentence loop, which reads every token through it. Most of the
 * time nothing has been read ahead: the lexer writes into f->cur, and the ring's counters stay
 * as they are. Returns the type: the lexer's return value, in a register, rather than a load of
 * what it just stored (the loop dispatches on it at once). */
static inline cl_rt take_head(cl_filter *f, const cl_rawtok **t)
{
    if (f->la_ahead == 0) {
        *t = &f->cur;
        return cl_lex(&f->lx, &f->cur);
    }
    const cl_rawtok *s = slot(f, f->la_next++);
    f->la_ahead--;
    *t = s;
    return s->type;
}

/* Give back T, which take_head has just returned: the next read returns it again. */
static void untake_head(cl_filter *f, const cl_rawtok *t)
{
    if (t == &f->cur)
        *slot(f, f->la_next) = f->cur;   /* nothing was read ahead: that slot is free */
    else
        f->la_next--;
    f->la_ahead++;
}

/* The k-th token ahead that is not a space. */
static cl_rawtok *peek_solid(cl_filter *f, int k, int *at)
{
    int i = 0;
    for (;; i++) {
        cl_rawtok *t = peek(f, i);
        if (t->type == CL_RT_SPACE)
            continue;
        if (k-- == 0 || t->type == CL_RT_END || i >= CL_FILTER_LOOKAHEAD - 2) {
            if (at)
                *at = i;
            return t;
        }
    }
}

/* The token stays in its slot until the ring comes round: a look-ahead of
 * CL_FILTER_LOOKAHEAD after taking up to that many more leaves it alone (filter.h). */
static const cl_rawtok *take(cl_filter *f)
{
    const cl_rawtok *t = peek(f, 0);
    if (t->type != CL_RT_END) {
        f->la_next++;
        f->la_ahead--;
    }
    return t;
}

/* A line break taken (or a space among line breaks): a CR in the text begins a line break
 * token, so the first one the filter takes is the text's first CR (doc.h, first_cr). */
static void note_break(cl_filter *f, const cl_rawtok *t)
{
    if (f->lx.base[t->start] == '\r' && t->start < f->doc->first_cr)
        f->doc->first_cr = t->start;
}

/* What the last token taken was, told by where it ended rather than by its type stored for
 * every token: each token ends somewhere else. */

/* At a line's start: nothing taken since the line break (or the text's start). After a soft
 * break (soft_break) this holds too, but the token next is never a list marker, the one
 * token that asks. */
static bool at_line_start(const cl_filter *f)
{
    return f->prev_end <= f->line_begin;
}

/* Right after a DATE (2016年至2023年), with nothing but spaces or a soft break between. */
static bool after_date(const cl_filter *f)
{
    return f->prev_end == f->date_end;
}

/* Report a run of invalid bytes once, when it ends. */
static void flush_invalid(cl_filter *f)
{
    if (f->invalid_run_start < 0)
        return;
    cl_doc_diag_add(f->doc, CL_SEV_ERROR, "invalid-utf8", "invalid UTF-8 byte sequence",
                    cl_span_of((uint32_t)f->invalid_run_start, f->invalid_run_end));
    f->invalid_run_start = -1;
}

/* -- subjects -------------------------------------------------------------------------------- */

static bool text_is(const cl_doc *doc, uint32_t start, uint32_t end, const char *s)
{
    size_t n = strlen(s);
    return end - start == n && memcmp(doc->text + start, s, n) == 0;
}

static bool text_starts(const cl_doc *doc, const cl_rawtok *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start >= n && memcmp(doc->text + t->start, s, n) == 0;
}

/* Brackets end a subject: （区委常委会3次，区政府常务会议6次）. The lexer marks them, so the test
 * that runs for every FILLER is one compare. */
static inline bool is_bracket(const cl_rawtok *t)
{
    return t->attr == CL_FILLER_BRACKET;
}

static void close_right(cl_filter *f, cl_ctx *ctx)
{
    if (f->open_right >= 0) {
        cl_stok *q = &ctx->toks[f->open_right];
        if (f->right_end > q->span.end)
            q->right = cl_span_of(q->span.end, f->right_end);
        f->open_right = -1;
    }
}

/* Prose: part of a subject on the left of the next signal and on the right of the last QTY. */
static inline void water(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    if (!f->subj_content) {
        f->subj_start = t->start;
        f->subj_content = true;
    }
    f->subj_end = t->end;
    if (f->open_right >= 0 && f->right_end == t->start)
        f->right_end = t->end;
    else
        close_right(f, ctx);
}

/* A word that ends every subject: a verb (开展), a scope (全市), a date, a bracket. */
static void boundary(cl_filter *f, cl_ctx *ctx, uint32_t end)
{
    close_right(f, ctx);
    f->weak_start = end;
    f->subj_start = end;
    f->subj_content = false;
}

static bool grow_toks(cl_ctx *ctx)
{
    int cap = ctx->cap_toks ? ctx->cap_toks * 2 : 64;
    cl_stok *toks = realloc(ctx->toks, (size_t)cap * sizeof *toks);
    if (!toks) {
        ctx->oom = true;
        return false;
    }
    ctx->toks = toks;
    ctx->cap_toks = cap;
    return true;
}

/* A token's value part starts at q (sentence.h): QTY and ORD alone write it. */
#define VALUE_AT offsetof(cl_stok, q)

static inline void clear_value(cl_stok *s)
{
    memset((char *)s + VALUE_AT, 0, sizeof *s - VALUE_AT);
}

static inline void copy_value(cl_stok *to, const cl_stok *from)
{
    memcpy((char *)to + VALUE_AT, (const char *)from + VALUE_AT, sizeof *to - VALUE_AT);
}

static inline cl_stok *push_sig(cl_filter *f, cl_ctx *ctx, cl_sig sig, cl_span span)
{
    close_right(f, ctx);
    if (ctx->ntoks == ctx->cap_toks && !grow_toks(ctx))
        return NULL;
    cl_stok *s = &ctx->toks[ctx->ntoks++];
    memset(s, 0, VALUE_AT);
    s->sig = sig;
    s->span = span;
    s->clause = f->clause_start;
    s->modal = f->modal;
    if (f->subj_content && f->subj_start < f->subj_end) {
        s->left = cl_span_of(f->subj_start, f->subj_end);
        /* 验收率: a one-character subject after a completion word belongs to that word */
        if (f->subj_end - f->subj_start <= 3 && f->weak_start < f->subj_start)
            s->left.start = f->weak_start;
    }
    /* completion and total words live inside noun phrases (大气污染治理项目): they end a
     * subject only when nothing precedes them (完成 大气污染治理项目 12个) */
    bool weak = sig == CL_SIG_DONE || sig == CL_SIG_TOTAL || sig == CL_SIG_HAS || sig == CL_SIG_ORD ||
                sig == CL_SIG_FULL;
    if (!weak || !f->subj_content) {
        if (!weak || f->weak_start >= f->subj_start)
            f->weak_start = weak ? span.start : span.end;
        f->subj_start = span.end;
        f->subj_content = false;
    }
    if (sig == CL_SIG_COMMA)
        f->clause_start = span.end;
    return s;
}

/* A QTY, ORD, DIR or BASE: the sentence may hold a claim (doc.c, may_claim). */
static cl_stok *push_claim_sig(cl_filter *f, cl_ctx *ctx, cl_sig sig, cl_span span)
{
    cl_stok *s = push_sig(f, ctx, sig, span);
    if (s)
        ctx->claim_sig = true;
    return s;
}

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

/* The code points of prose a token stands for: a run of water is one token of many. The
 * look-ahead limits below count these, so they mean the same whatever the lexer groups. */
static int width(const cl_rawtok *t)
{
    return t->type == CL_RT_FILLER && t->id > 1 ? t->id : 1;
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
static bool share_follows(cl_filter *f, int k)
{
    const cl_rawtok *n = peek(f, k);
    if (n->type == CL_RT_PCT || n->type == CL_RT_FRAC)
        return true;
    const cl_rawtok *u = peek(f, k + 1);
    return n->type == CL_RT_NUM && u->type == CL_RT_UNIT && cl_units[u->id].dim == CL_DIM_PERCENT;
}

/* FIRST is NUM, PCT or FRAC. Returns false when the numeral is no quantity (a bare Chinese
 * numeral, a lone 一, an overflow), so the caller treats it as prose. */
static bool fold_quantity(cl_filter *f, cl_ctx *ctx, const cl_rawtok *first, cl_stok *s)
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
    bool ratio = lo.unit_row >= 0 && cl_units[lo.unit_row].dim == CL_DIM_PERCENT;
    if (next->type == CL_RT_DE && !ratio && !share_follows(f, 1))
        s->defining = true;   /* 三分之二的投诉 (a share) and 58000万元的41.2% (a total) are none */
    else if (next->type == CL_RT_FILLER && text_is(doc, next->start, next->end, "级"))
        s->defining = true;                 /* 5000吨级填埋场 */
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
    return true;
}

/* -- baselines: 较2022年同期, 与去年同期相比, 比上年 ----------------------------------------- */

/* CMP at the head of the queue: if a baseline follows and then a direction word, fold it
 * into END (the end of the baseline) and return true. */
static bool baseline_ahead(cl_filter *f, uint32_t *end)
{
    uint32_t last = peek(f, 0)->end;
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
            if (n->type == CL_RT_KW && n->id == CL_KW_DIR) {
                *end = last;
                return true;
            }
            return false;
        }
        case CL_RT_KW:
            if (t->id == CL_KW_SCOPE || t->id == CL_KW_CMP ||
                (t->id == CL_KW_WORD && (text_is(f->doc, t->start, t->end, "比较") ||
                                         text_is(f->doc, t->start, t->end, "平均")))) {
                last = t->end;   /* 与去年同期比较, 比全省平均水平 */
                continue;
            }
            if (t->id == CL_KW_LE)
                continue;
            if (t->id == CL_KW_DIR) {
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

/* A line break inside a sentence: the line is long (not a title or heading), it does not end
 * with sentence punctuation (else the sentence had ended), and the next line goes on with
 * prose rather than opening a heading. */
static bool soft_break(cl_filter *f, uint32_t at)
{
    if (at - f->line_begin < 120)
        return false;
    for (int i = 0; i < CL_FILTER_LOOKAHEAD - 2; i++) {
        cl_rawtok *n = peek(f, i);
        if (n->type == CL_RT_SPACE || n->type == CL_RT_NEWLINE)
            continue;
        return n->type == CL_RT_FILLER || n->type == CL_RT_KW || n->type == CL_RT_NUM ||
               n->type == CL_RT_ENUM || n->type == CL_RT_COMMA || n->type == CL_RT_DE ||
               n->type == CL_RT_NAME || n->type == CL_RT_QUOTE;
    }
    return false;
}

/* -- the sentence loop ----------------------------------------------------------------------- */

static void start_sentence(cl_filter *f, cl_ctx *ctx, uint32_t at)
{
    f->content = false;
    ctx->span = cl_span_of(at, at);
    ctx->claim_sig = false;
    f->modal_walked = 0;
    if (f->continues) {   /* the next piece of a cut sentence: the prose and marks go on */
        f->continues = false;
        return;
    }
    f->cut_reported = false;
    f->last_base = cl_span_of(0, 0);
    f->weak_start = at;
    f->subj_start = at;
    f->subj_content = false;
    f->clause_start = at;
    f->open_right = -1;
    f->modal = f->modal_list;   /* an item of a list of targets (…；城镇新增就业1100万人以上；) */
    f->approx = 0;
}

static bool is_count(const cl_stok *t)
{
    return t->sig == CL_SIG_QTY && t->unit_row >= 0 && cl_units[t->unit_row].dim == CL_DIM_COUNT;
}

/* Whether to cut the sentence before the token of type T (its ntoks at CL_CUT_SOFT or more).
 * Before a numeral that opens a new island, where neither the grammar nor the builder looks
 * across: after a quantity that is no count (a count may be the scope of what follows: 3个水源地
 * 每月巡查1次) or after a comma that follows no count (a frame: 15个断面中，13个). From
 * CL_CUT_HARD on, before anything but a space or a line break. */
static bool cut_here(const cl_ctx *ctx, cl_rt t)
{
    if (t == CL_RT_NUM || t == CL_RT_PCT || t == CL_RT_FRAC) {
        const cl_stok *last = &ctx->toks[ctx->ntoks - 1];
        if (last->sig == CL_SIG_QTY ? !is_count(last)
            : last->sig == CL_SIG_COMMA && !(ctx->ntoks >= 2 && is_count(last - 1)))
            return true;
    }
    return ctx->ntoks >= atomic_load_explicit(&cut_hard, memory_order_relaxed) && t != CL_RT_SPACE && t != CL_RT_NEWLINE && t != CL_RT_END;
}

/* End this piece of a long sentence; the next call goes on with the sentence (the subject
 * growing before the token at the cut, the clause, the modal and baseline marks, the
 * approximation word), so a claim at the cut comes out whole. */
static cl_event cut_sentence(cl_filter *f, cl_ctx *ctx)
{
    close_right(f, ctx);   /* the quantity before the cut has its right prose */
    f->continues = true;
    if (!f->cut_reported) {
        f->cut_reported = true;
        cl_doc_diag_add(f->doc, CL_SEV_WARNING, "long-sentence",
                        "sentence of over 1024 signal tokens: parsed in pieces, cut between "
                        "claims (at a numeral that opens a new one when it can)",
                        cl_span_of(f->prev_end, f->prev_end));
    }
    ctx->span.end = f->prev_end;
    return CL_EV_SENTENCE;
}

/* The sentence starts at its first token; where it ends, f->prev_end says (end_sentence). */
static inline void extend(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    if (!f->content) {
        ctx->span.start = t->start;
        f->content = true;
    }
}

static cl_event end_sentence(const cl_filter *f, cl_ctx *ctx)
{
    ctx->span.end = f->prev_end;
    return CL_EV_SENTENCE;
}

static void keyword(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    cl_span span = cl_span_of(t->start, t->end);
    switch ((cl_kw_class)t->id) {
    case CL_KW_BASE:
        push_claim_sig(f, ctx, CL_SIG_BASE, span);
        f->last_base = span;
        break;
    case CL_KW_COP: {
        /* a copula states a level only with the value right after it (优良率为82.3%);
         * before prose it is a verb (达到或优于Ⅲ类的12个, 保持在Ⅱ类标准) */
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_KW && n->id == CL_KW_APPROX)
            n = peek_solid(f, 1, NULL);
        if (n->type == CL_RT_NUM || n->type == CL_RT_PCT || n->type == CL_RT_FRAC ||
            n->type == CL_RT_RATIO)
            push_sig(f, ctx, CL_SIG_COP, span);
        else
            water(f, ctx, t);
        break;
    }
    case CL_KW_DISTR:
        if (t->attr == CL_KA_EACH) {   /* 各: only right before a value (各10个), else 各区 */
            cl_rawtok *n = peek_solid(f, 0, NULL);
            if (n->type != CL_RT_NUM) {
                water(f, ctx, t);
                break;
            }
        }
        {
            cl_stok *d = push_sig(f, ctx, CL_SIG_DISTR, span);
            if (d)
                d->each = t->attr == CL_KA_EACH;
        }
        break;
    case CL_KW_ALL:   push_sig(f, ctx, CL_SIG_ALL, span); break;
    case CL_KW_TOTAL: push_sig(f, ctx, CL_SIG_TOTAL, span); break;
    case CL_KW_DONE:
        push_sig(f, ctx, CL_SIG_DONE, span);
        if (text_starts(ctx->doc, t, "已") || text_starts(ctx->doc, t, "累计")) {
            ctx->achieved = true;   /* 已完工, 累计完成: reported as done */
            f->modal = false;
        }
        break;
    case CL_KW_HAS:   push_sig(f, ctx, CL_SIG_HAS, span); break;
    case CL_KW_RANK:  push_sig(f, ctx, CL_SIG_RANK, span); break;
    case CL_KW_AND: {
        /* 完成整改并销号: 并 between two completion words joins verbs, not quantities */
        if (ctx->ntoks && ctx->toks[ctx->ntoks - 1].sig == CL_SIG_DONE) {
            /* looking ahead only here reads no further: the loop reads that token next */
            cl_rawtok *n = peek_solid(f, 0, NULL);
            if (n->type == CL_RT_KW && n->id == CL_KW_DONE)
                break;
        }
        push_sig(f, ctx, CL_SIG_AND, span);
        break;
    }
    case CL_KW_FULL:  push_sig(f, ctx, CL_SIG_FULL, span); break;
    case CL_KW_DIR: {
        /* 财政收入增幅居全市首位: a change word right before a ranking word names what is ranked */
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_KW && n->id == CL_KW_RANK) {
            water(f, ctx, t);
            break;
        }
        cl_stok *s = push_claim_sig(f, ctx, CL_SIG_DIR, span);
        if (s) {
            s->attr = t->attr == CL_KA_UP                               ? CL_DIR_UP
                    : t->attr == CL_KA_DOWN || t->attr == CL_KA_CUT     ? CL_DIR_DOWN
                    : t->attr == CL_KA_FLAT                             ? CL_DIR_FLAT
                                                                        : CL_DIR_IMPROVE;
            s->needs_base = t->attr == CL_KA_CUT;
            s->base = f->last_base;
        }
        break;
    }
    case CL_KW_CMP: {
        uint32_t end;
        if (baseline_ahead(f, &end)) {
            /* swallow the baseline's tokens up to END */
            while (peek(f, 0)->type != CL_RT_END && peek(f, 0)->end <= end)
                take(f);
            push_claim_sig(f, ctx, CL_SIG_BASE, cl_span_of(t->start, end));
            f->last_base = cl_span_of(t->start, end);
        } else if (t->attr == CL_KA_AND) {
            push_sig(f, ctx, CL_SIG_AND, span);
        } else {
            water(f, ctx, t);
        }
        break;
    }
    case CL_KW_MODAL:
        /* 计划 and 目标 are nouns too (审核计划, 年度目标任务): they mark a target only where a
         * clause or a scope word ends right before them (年度计划实施项目45个) */
        if (text_is(ctx->doc, t->start, t->end, "计划") || text_is(ctx->doc, t->start, t->end, "要求")) {
            cl_rawtok *n = peek_solid(f, 0, NULL);
            if (n->type == CL_RT_COMMA || n->type == CL_RT_STOP || n->type == CL_RT_SEMI ||
                n->type == CL_RT_DE || n->type == CL_RT_ENUM || n->type == CL_RT_END ||
                (n->type == CL_RT_KW && n->id == CL_KW_AND)) {
                water(f, ctx, t);   /* 审核计划, 计划的, 工作要求: a noun */
                break;
            }
        }
        f->modal = true;
        /* 剩余4个计划于明年完成: a marker also governs the values earlier in its clause (those
         * below modal_walked an earlier marker of the clause has marked) */
        for (int i = ctx->ntoks - 1;
             i >= f->modal_walked && ctx->toks[i].span.start >= f->clause_start; i--)
            ctx->toks[i].modal = true;
        f->modal_walked = ctx->ntoks;
        boundary(f, ctx, t->end);
        break;
    case CL_KW_TO: {   /* 到2025年底: a target, unless it closes a period (2016年至2023年) */
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_DATE && !after_date(f)) {
            f->modal = true;
            boundary(f, ctx, t->end);
        } else {
            water(f, ctx, t);
        }
        break;
    }
    case CL_KW_ACHV:
        ctx->achieved = true;
        f->modal = false;
        if (text_is(ctx->doc, t->start, t->end, "已") || text_is(ctx->doc, t->start, t->end, "已经"))
            push_sig(f, ctx, CL_SIG_DONE, span);   /* ，已安装设施的11208家: 已 links a part */
        else
            boundary(f, ctx, t->end);
        break;
    case CL_KW_SCOPE:
        f->scope_start = t->start;
        f->scope_end = t->end;
        f->scope_left = f->subj_content && f->subj_start < f->subj_end
                            ? cl_span_of(f->subj_start, f->subj_end) : cl_span_of(0, 0);
        /* fall through */
    case CL_KW_VERB:
        boundary(f, ctx, t->end);
        break;
    case CL_KW_APPROX: {
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_KW && (n->id == CL_KW_VERB || n->id == CL_KW_DONE))
            n = peek_solid(f, 1, NULL);   /* 至少开展1次: the bound still governs the numeral */
        if (n->type == CL_RT_NUM || n->type == CL_RT_PCT || n->type == CL_RT_FRAC) {
            close_right(f, ctx);
            f->approx = t->attr == CL_KA_ABOUT       ? CL_APPROX_ABOUT
                      : t->attr == CL_KA_MORE_THAN   ? CL_APPROX_MORE_THAN
                      : t->attr == CL_KA_AT_LEAST    ? CL_APPROX_AT_LEAST
                                                     : CL_APPROX_AT_MOST;
            f->approx_start = t->start;
        } else {
            water(f, ctx, t);
        }
        break;
    }
    case CL_KW_LE:
        break;   /* 提高了11.1个百分点: 了 plays no role */
    case CL_KW_NAME:
    case CL_KW_WORD:
        water(f, ctx, t);
        break;
    default:
        __builtin_unreachable();   /* the lexer gives every keyword a class: no range check */
    }
}

/* 全区第一, 全省第3位: a scope word right before a place that ends its phrase is a ranking (not
 * 全市第一批 or 全国第二次普查: an ordinal with another suffix counts batches and rounds; nor
 * 全省第一方阵). Pushes the scope as the ranking word. */
static bool rank_after_scope(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    static const cl_word places[] = {CL_WORD("位"), CL_WORD("名"), {NULL, 0}};
    if (f->scope_end != t->start || f->scope_end == 0 ||
        memcmp(ctx->doc->text + f->scope_start, "全", 3) != 0)   /* 全区 全市 全省 全国 */
        return false;
    const char *s = ctx->doc->text + t->start;
    size_t n = t->end - t->start;
    unsigned char last = (unsigned char)s[n - 1];
    bool plain = (last >= '0' && last <= '9') || cl_text_ends_any(s, n, (const char *const[]){
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", NULL}) > 0;
    if (!plain && !cl_text_has_any(s + n - 3, 3, places))
        return false;
    const cl_rawtok *next = peek_solid(f, 0, NULL);   /* 进入全省第一方阵: a name goes on */
    if (next->type == CL_RT_FILLER && !is_bracket(next))
        return false;
    cl_stok *r = push_sig(f, ctx, CL_SIG_RANK, cl_span_of(f->scope_start, f->scope_end));
    if (r)
        r->left = f->scope_left;   /* 粮食产量全区第一: what is ranked, before the scope */
    return r != NULL;
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
static void ratio_parts(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
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

/* The head becomes part of the sentence: every token but spaces, line breaks and headings. */
static inline void take_into_sentence(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    extend(f, ctx, t);
}

/* One dispatch on the token's type, the rest inline: most tokens are water (filler) or
 * keywords, and the loop runs for each of them. */
cl_event cl_filter_sentence(cl_filter *f, cl_ctx *ctx, cl_span *marker, int *level)
{
    start_sentence(f, ctx, (uint32_t)(f->lx.cur - f->lx.base));
    for (;;) {
        const cl_rawtok *t;
        cl_rt type = take_head(f, &t);
        if (ctx->ntoks >= atomic_load_explicit(&cut_soft, memory_order_relaxed) &&
            cut_here(ctx, type)) {
            untake_head(f, t);
            return cut_sentence(f, ctx);
        }
        switch (type) {
        case CL_RT_FILLER:
            take_into_sentence(f, ctx, t);
            if (is_bracket(t))
                boundary(f, ctx, t->end);
            else
                water(f, ctx, t);
            break;
        case CL_RT_END:
            untake_head(f, t);   /* END stays: every later call reads it */
            return f->content ? end_sentence(f, ctx) : CL_EV_END;
        case CL_RT_SPACE:
            continue;
        case CL_RT_NEWLINE:
            note_break(f, t);
            if (f->content && soft_break(f, t->start)) {
                /* a long line cut mid-sentence (page breaks in converted PDFs): skip the
                 * blank lines and go on with the sentence */
                while (peek(f, 0)->type == CL_RT_NEWLINE || peek(f, 0)->type == CL_RT_SPACE)
                    note_break(f, t = take(f));
                f->line_begin = t->end;
                continue;
            }
            f->line_begin = t->end;
            f->date_end = UINT32_MAX;
            f->modal_list = false;
            if (f->content)
                return end_sentence(f, ctx);
            start_sentence(f, ctx, t->end);
            continue;
        case CL_RT_LIST:
            if (t->id == 5 || at_line_start(f)) {
                if (f->content) {
                    untake_head(f, t);   /* the heading starts the next call */
                    return end_sentence(f, ctx);
                }
                *marker = cl_span_of(t->start, t->end);
                *level = t->id;
                f->prev_end = t->end;   /* a marker after it is no heading */
                return CL_EV_HEADING;
            }
            take_into_sentence(f, ctx, t);
            boundary(f, ctx, t->end);
            break;
        case CL_RT_STOP:
        case CL_RT_SEMI:
            take_into_sentence(f, ctx, t);
            if (t->type == CL_RT_STOP)
                f->modal_list = false;
            close_right(f, ctx);
            f->prev_end = t->end;
            return end_sentence(f, ctx);
        case CL_RT_INVALID:
            take_into_sentence(f, ctx, t);
            if (f->invalid_run_start < 0)
                f->invalid_run_start = (int)t->start;
            f->invalid_run_end = t->end;
            boundary(f, ctx, t->end);
            /* report the run before the token after it (the loop reads that token next) */
            if (peek(f, 0)->type != CL_RT_INVALID)
                flush_invalid(f);
            break;
        case CL_RT_NUM:
        case CL_RT_PCT:
        case CL_RT_FRAC: {
            take_into_sentence(f, ctx, t);
            cl_stok s;
            clear_value(&s);
            if (fold_quantity(f, ctx, t, &s)) {
                cl_stok *q = push_claim_sig(f, ctx, CL_SIG_QTY, s.span);
                if (q) {
                    copy_value(q, &s);
                    f->open_right = ctx->ntoks - 1;
                    f->right_end = s.span.end;
                    f->approx = 0;
                    f->prev_end = s.span.end;   /* the sentence takes in the whole quantity */
                    continue;
                }
            } else {
                water(f, ctx, t);
            }
            f->approx = 0;
            break;
        }
        case CL_RT_KW:
            take_into_sentence(f, ctx, t);
            keyword(f, ctx, t);
            break;
        case CL_RT_ORD: {
            take_into_sentence(f, ctx, t);
            /* an ordinal is a value only after a ranking word: 排名第145位; else prose (第三轮) */
            cl_sig last = ctx->ntoks ? ctx->toks[ctx->ntoks - 1].sig : CL_SIG_COUNT_;
            if (last != CL_SIG_RANK && last != CL_SIG_ORD && rank_after_scope(f, ctx, t))
                last = CL_SIG_RANK;
            if (last != CL_SIG_RANK && last != CL_SIG_ORD) {   /* 排名从第9名跃升至第4名 */
                water(f, ctx, t);
                break;
            }
            cl_stok *s = push_claim_sig(f, ctx, CL_SIG_ORD, cl_span_of(t->start, t->end));
            if (s) {
                clear_value(s);
                s->q.has_value = !t->overflow;
                s->q.value = t->num;
                s->q.span = s->span;
                s->q.unit = "rank";
            }
            break;
        }
        case CL_RT_RATIO:
            take_into_sentence(f, ctx, t);
            ratio_parts(f, ctx, t);
            break;
        case CL_RT_COMMA:
            take_into_sentence(f, ctx, t);
            push_sig(f, ctx, CL_SIG_COMMA, cl_span_of(t->start, t->end));
            break;
        case CL_RT_ENUM:
            take_into_sentence(f, ctx, t);
            push_sig(f, ctx, CL_SIG_ENUM, cl_span_of(t->start, t->end));
            break;
        case CL_RT_COLON:
            take_into_sentence(f, ctx, t);
            f->modal_list = f->modal_list || f->modal;   /* 主要预期目标是： */
            boundary(f, ctx, t->end);
            f->clause_start = t->end;
            break;
        case CL_RT_DATE:
            f->date_end = t->end;
            /* fall through */
        case CL_RT_TITLE:
            take_into_sentence(f, ctx, t);
            boundary(f, ctx, t->end);
            break;
        case CL_RT_DE:
            take_into_sentence(f, ctx, t);
            /* 58000万元的41.2%: the 的 links a total and its share, and names nothing */
            if (f->prev_end == t->start && ctx->ntoks && ctx->toks[ctx->ntoks - 1].sig == CL_SIG_QTY &&
                share_follows(f, 0))
                boundary(f, ctx, t->end);
            else
                water(f, ctx, t);
            break;
        case CL_RT_NAME:
        case CL_RT_QUOTE:
        case CL_RT_MULT:     /* stray, with no numeral before it */
        case CL_RT_UNIT:
        case CL_RT_SUFFIX:
        case CL_RT_RANGE:
            take_into_sentence(f, ctx, t);
            water(f, ctx, t);
            break;
        default:
            __builtin_unreachable();   /* cl_lex returns only the types above: no range check */
        }
        f->prev_end = t->end;
    }
}
