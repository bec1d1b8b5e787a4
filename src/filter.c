/* filter.c — raw tokens to the signal tokens of a sentence (see filter.h).
 *
 * PostgreSQL's base_yylex pattern: a small layer with lookahead between the lexer and the
 * parser, so the grammar stays LALR(1) and free of prose. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "filter_kw.h"
#include "filter_tokens.h"
#include "fold.h"
#include "table.h"
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

/* -- raw tokens ------------------------------------------------------------------------------ */

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

/* A line break taken (or a space among line breaks): a CR in the text begins a line break
 * token, so the first one the filter takes is the text's first CR (ast.h, first_cr). */
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

/* Report a run of invalid bytes once, when it ends. */
static void flush_invalid(cl_filter *f)
{
    if (f->invalid_run_start < 0)
        return;
    cl_doc_diag_add(f->doc, CL_SEV_ERROR, "invalid-utf8", "invalid UTF-8 byte sequence",
                    cl_span_of((uint32_t)f->invalid_run_start, f->invalid_run_end));
    f->invalid_run_start = -1;
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

static cl_event end_sentence(cl_filter *f, cl_ctx *ctx)
{
    close_right(f, ctx);   /* a line with no 。 (a heading, a title) ends the last prose too */
    ctx->span.end = f->prev_end;
    return CL_EV_SENTENCE;
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
            if (cl_fold_quantity(f, ctx, t, &s)) {
                int dir = CL_DIR_NONE;
                cl_span label = cl_span_of(0, 0);
                if (s.bare && !s.cn && cl_table_cell(f->doc, f->line_begin, &f->table, &s, &dir, &label) &&
                    dir != CL_DIR_NONE) {   /* | 比上年增长 (%) |: the column is a change */
                    cl_stok *d = push_claim_sig(f, ctx, CL_SIG_DIR, cl_span_of(s.span.start, s.span.start));
                    if (d) {
                        d->attr = dir;
                        d->left = label;
                    }
                }
                cl_stok *q = push_claim_sig(f, ctx, CL_SIG_QTY, s.span);
                if (q) {
                    if (label.end > label.start)
                        q->left = label;   /* the row's first cell names what it measures */
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
            cl_filter_keyword(f, ctx, t);
            break;
        case CL_RT_ORD: {
            take_into_sentence(f, ctx, t);
            /* an ordinal is a value only after a ranking word: 排名第145位; else prose (第三轮) */
            cl_sig last = ctx->ntoks ? ctx->toks[ctx->ntoks - 1].sig : CL_SIG_COUNT_;
            if (last != CL_SIG_RANK && last != CL_SIG_ORD && cl_filter_rank_after_scope(f, ctx, t))
                last = CL_SIG_RANK;
            bool listed = false;
            if (last != CL_SIG_RANK && last != CL_SIG_ORD)
                last = cl_filter_rank_resume(f, ctx, &listed);
            if ((last != CL_SIG_RANK && last != CL_SIG_ORD) ||   /* 排名从第9名跃升至第4名 */
                cl_filter_ordinal_is_name(f, ctx, t)) {          /* 均居全市第一方阵 */
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
                s->attr = listed;   /* 投资潜力第3、新型城镇化质量第4: ranks its own subject */
            }
            break;
        }
        case CL_RT_RATIO:
            take_into_sentence(f, ctx, t);
            cl_fold_ratio(f, ctx, t);
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
                cl_fold_share_follows(f, 0))
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
