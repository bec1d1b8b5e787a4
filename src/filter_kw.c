/* filter_kw.c — the token filter's keywords: each keyword of the lexer becomes a signal token
 * for the grammar, a mark on the sentence (a target, an achievement, a scope), or prose, by
 * what stands around it. */
#include <string.h>

#include "filter_kw.h"
#include "fold.h"
#include "lexicon.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

/* 数据累计到2019年10月 | 恢复至2019年同期水平的81%: 到 after a total word ends the period counted,
 * and a date followed by 同期 is a past level compared with; neither is a deadline. */
static bool past_date(const cl_ctx *ctx, const cl_rawtok *to, const cl_rawtok *date)
{
    static const char same[] = "同期";
    const cl_doc *doc = ctx->doc;
    if (ctx->ntoks && ctx->toks[ctx->ntoks - 1].sig == CL_SIG_TOTAL &&
        ctx->toks[ctx->ntoks - 1].span.end == to->start)
        return true;
    size_t n = sizeof same - 1;
    return (date->end >= date->start + n && memcmp(doc->text + date->end - n, same, n) == 0) ||
           (date->end + n <= doc->len && memcmp(doc->text + date->end, same, n) == 0);
}

/* 高于目标要求2个百分点 | 低于年度计划0.7个百分点: a reference verb (baseline_verbs) at most four
 * characters before a marker that is a noun too (modal_nouns), in its clause, makes the marker
 * the reference a value is compared with, not a target. */
static bool after_reference_verb(const cl_doc *doc, uint32_t at, uint32_t clause)
{
    for (uint32_t d = 0; d <= 12; d += 3)
        for (const cl_dir_word *v = cl_words_baseline_verbs; v->w.s; v++) {
            const char *p = doc->text + at - d - v->w.n;   /* read only when in the clause */
            if (at >= clause + d + v->w.n && p[2] == v->w.s[2] && memcmp(p, v->w.s, v->w.n) == 0)
                return true;
        }
    return false;
}

void cl_filter_keyword(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
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
        if (text_starts_any(ctx->doc, t, cl_words_done_reported)) {
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
        /* 财政收入增幅居全市首位, 增速均居全省第一: a change word right before a ranking word
         * names what is ranked */
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_KW && n->id == CL_KW_ALL)
            n = peek_solid(f, 1, NULL);
        if ((n->type == CL_RT_KW && n->id == CL_KW_RANK) || cl_fold_growth_compared(ctx->doc, t)) {
            water(f, ctx, t);   /* and 增速高1.87个百分点: a noun, the comparative's direction */
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
        /* 按可比价格计算, 对比: the opener is the end of a word, which compares nothing (与, the
         * commonest, opens one only when closed or of a time: cl_fold_baseline) */
        bool with = t->attr == CL_KA_AND;
        if (!with && cl_lexicon_tail(ctx->doc->text, ctx->span.start, t->start)) {
            water(f, ctx, t);
        } else if (cl_fold_baseline(f, &end, !with)) {
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
        if (text_is_any(ctx->doc, t->start, t->end, cl_words_modal_nouns)) {
            cl_rawtok *n = peek_solid(f, 0, NULL);
            if (n->type == CL_RT_COMMA || n->type == CL_RT_STOP || n->type == CL_RT_SEMI ||
                n->type == CL_RT_DE || n->type == CL_RT_ENUM || n->type == CL_RT_END ||
                (n->type == CL_RT_KW && n->id == CL_KW_AND)) {
                water(f, ctx, t);   /* 审核计划, 计划的, 工作要求: a noun */
                break;
            }
            if (after_reference_verb(ctx->doc, t->start, f->clause_start)) {
                water(f, ctx, t);   /* 高于目标要求: the reference */
                break;
            }
        }
        f->modal = true;
        /* 剩余4个计划于明年完成: a marker also governs the values earlier in its clause (those
         * below modal_walked an earlier marker of the clause has marked) */
        for (int i = ctx->ntoks - 1, qty = 0;
             i >= f->modal_walked && ctx->toks[i].span.start >= f->clause_start; i--) {
            /* back to the values right before it (4个, 3个、5个), not every value of a long
             * clause: in prose without commas a clause is a page, and a cut sentence's
             * pieces cannot reach back (test_long_line) */
            cl_sig s = ctx->toks[i].sig;
            if (qty && (s == CL_SIG_QTY) == (ctx->toks[i + 1].sig == CL_SIG_QTY))
                break;   /* past the nearest value, only a list of values: QTY (ENUM|AND QTY)* */
            if (qty && s != CL_SIG_QTY && s != CL_SIG_ENUM && s != CL_SIG_AND)
                break;
            ctx->toks[i].modal = true;
            qty |= s == CL_SIG_QTY;
        }
        f->modal_walked = ctx->ntoks;
        boundary(f, ctx, t->end);
        break;
    case CL_KW_TO: {   /* 到2025年底: a target, unless it closes a period (2016年至2023年) */
        cl_rawtok *n = peek_solid(f, 0, NULL);
        if (n->type == CL_RT_DATE && !after_date(f) && !past_date(ctx, t, n)) {
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
        if (text_is_any(ctx->doc, t->start, t->end, cl_words_achieved_links))
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
        if (n->type == CL_RT_KW && (n->id == CL_KW_VERB || n->id == CL_KW_DONE || n->id == CL_KW_COP))
            n = peek_solid(f, 1, NULL);   /* 至少开展1次, 约占5.9%: the bound still governs the numeral */
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

/* The ordinal T ends with its numeral (第一, 第3), with no suffix (第一批, 第3位). */
static bool plain_ordinal(const cl_ctx *ctx, const cl_rawtok *t)
{
    const char *s = ctx->doc->text + t->start;
    size_t n = t->end - t->start;
    unsigned char last = (unsigned char)s[n - 1];
    return (last >= '0' && last <= '9') || cl_text_ends_any(s, n, (const char *const[]){
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", NULL}) > 0;
}

bool cl_filter_ordinal_is_name(cl_filter *f, const cl_ctx *ctx, const cl_rawtok *t)
{
    const cl_rawtok *next = peek_solid(f, 0, NULL);
    if (next->type != CL_RT_FILLER || !plain_ordinal(ctx, t))
        return false;
    for (const cl_word *w = cl_words_ordinal_names; w->s; w++)
        if (next->start + w->n <= ctx->doc->len && memcmp(ctx->doc->text + next->start, w->s, w->n) == 0)
            return true;
    return false;
}

/* 全区第一, 全省第3位: a scope word right before a place that ends its phrase is a ranking (not
 * 全市第一批 or 全国第二次普查: an ordinal with another suffix counts batches and rounds; nor
 * 全省第一方阵). Pushes the scope as the ranking word. */
bool cl_filter_rank_after_scope(cl_filter *f, cl_ctx *ctx, const cl_rawtok *t)
{
    if (f->scope_end != t->start || f->scope_end == 0 ||
        memcmp(ctx->doc->text + f->scope_start, "全", 3) != 0)   /* 全区 全市 全省 全国 */
        return false;
    if (!plain_ordinal(ctx, t) &&
        !cl_text_has_any(ctx->doc->text + t->end - 3, 3, cl_words_rank_places))
        return false;
    const cl_rawtok *next = peek_solid(f, 0, NULL);   /* 进入全省第一方阵: a name goes on */
    if (next->type == CL_RT_FILLER && !is_bracket(next))
        return false;
    cl_stok *r = push_sig(f, ctx, CL_SIG_RANK, cl_span_of(f->scope_start, f->scope_end));
    if (r)
        r->left = f->scope_left;   /* 粮食产量全区第一: what is ranked, before the scope */
    return r != NULL;
}


cl_sig cl_filter_rank_resume(cl_filter *f, cl_ctx *ctx, bool *listed)
{
    int n = ctx->ntoks;
    if (n < 2)
        return n ? ctx->toks[0].sig : CL_SIG_COUNT_;
    const cl_stok *last = &ctx->toks[n - 1], *before = &ctx->toks[n - 2];
    bool field = before->sig == CL_SIG_RANK && last->sig == CL_SIG_QTY &&
                 (last->bare || (last->unit_row >= 0 && cl_units[last->unit_row].dim == CL_DIM_COUNT));
    bool list = before->sig == CL_SIG_ORD && last->sig == CL_SIG_ENUM;
    if (!field && !list)
        return last->sig;
    if (f->open_right == n - 1)
        f->open_right = -1;
    ctx->ntoks--;
    *listed = list;
    return before->sig;
}
