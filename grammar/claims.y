/* claims.y — the claim grammar: which signal tokens of a sentence form which claims.
 *
 * An island grammar over one sentence. Prose is water and never reaches the parser: the token
 * filter (src/filter.c) passes only signal tokens (quantities and the keywords that give them
 * structure), each carrying the spans of the prose around it. Every sequence of signal tokens
 * is a sentence of this grammar: each island is closed under prefixes (BASE DIR with no number
 * after it is still an item, and so is 分别为 before a numeral that is no quantity), so the
 * parser never fails on real prose (tests/test_grammar_skip.c parses every sequence of up to
 * five tokens); the one error rule is a safety net that loses at most the rest of a sentence.
 *
 * Actions only record drafts (which tokens form which claim); src/claim.c turns drafts into
 * claims once the sentence is complete, because subjects need the prose on both sides.
 *
 * Conflicts: an island may always grow by one more token or stop. Both readings are valid
 * ("12个 完成 3个" is one progress claim or two unrelated pieces); the grammar takes the longest
 * island, as Bison does for a dangling else. Every rule that may stop an island is marked
 * %prec STOP, below every token, so Bison shifts; no conflict is left to a default (%expect 0). */
%require "3.8"
%define api.pure full                 // no globals: documents parse in parallel
%define api.push-pull pull            // cl_yylex reads the collected sentence's signal tokens
%define api.prefix {cl_yy}            // the library may be linked with other Bison parsers
%define api.token.prefix {T_}         // T_QTY, T_END: no clash with other macros
%define api.token.raw                 // cl_yylex returns symbol numbers: no translation per token
%define api.value.type union
%define parse.error custom            // a syntax error becomes a diagnostic, never output
// no parse.lac: every island is closed under prefixes, so no sentence has a syntax error, and
// LAC's exploratory parse before each shift cost a tenth of the pipeline's time
// no %locations: only a diagnostic needs a place, and lookahead_span finds it from the token
// read last (a location stack cost an eighth of the parser's time)
%expect 0
%param {cl_ctx *ctx}

%code requires {
#include "sentence.h"
}

%code {
#include <stdio.h>
#include <string.h>

static void cl_yyerror(cl_ctx *ctx, const char *msg);
static int cl_yylex(CL_YYSTYPE *value, cl_ctx *ctx);

static cl_range range_of(int first, int last)
{
    cl_range r = {first, last};
    return r;
}

static const cl_range NO_LIST = {-1, -1};

static void draft(cl_ctx *ctx, cl_draft_type type, cl_range list, int lead, int dir,
                  int distr, int all)
{
    cl_draft d = {.type = type, .list = list, .lead = lead, .dir = dir, .distr = distr,
                  .all = all, .total = -1, .done = -1};
    cl_draft_add(ctx, d);
}

/* HEAD: the tokens before the magnitude of a change (cmp), each of its kinds at most once:
 * the baseline, the direction, 分别, 均. The head's value is only its range of tokens because
 * the parser copies semantic values on every reduction, and the union is as wide as its widest
 * member: a range keeps it at 8 bytes. */
static void change(cl_ctx *ctx, cl_range head, cl_range list)
{
    cl_draft d = {.type = CL_DRAFT_CHANGE, .list = list, .lead = -1, .dir = -1, .distr = -1,
                  .all = -1, .total = -1, .done = -1};
    for (int i = head.first; i <= head.last; i++)
        switch (ctx->toks[i].sig) {
        case CL_SIG_BASE: d.lead = i; break;
        case CL_SIG_DIR: d.dir = i; break;
        case CL_SIG_DISTR: d.distr = i; break;
        case CL_SIG_ALL: d.all = i; break;
        default: break;
        }
    cl_draft_add(ctx, d);
}

static void plain(cl_ctx *ctx, cl_range list)
{
    draft(ctx, CL_DRAFT_PLAIN, list, -1, -1, -1, -1);
}

/* 发现问题3个，已整改完毕 | 15项问题已销号: a completion word with no quantity after it; the last
 * quantity may be done as a whole, which the builder decides from the word and the noun. */
static void whole(cl_ctx *ctx, cl_range list)
{
    cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = list, .lead = -1, .dir = -1, .distr = -1,
                  .all = -1, .total = list.last, .done = list.last, .by_word = true};
    cl_draft_add(ctx, d);
}

/* The last quantity of TOTALS is the total; DONE == that quantity: all of them are done. */
static int progress(cl_ctx *ctx, cl_range totals, int done, bool across_comma)
{
    cl_draft d = {.type = CL_DRAFT_PROGRESS, .list = totals, .lead = -1, .dir = -1, .distr = -1,
                  .all = -1, .total = totals.last, .done = done, .across_comma = across_comma};
    cl_draft_add(ctx, d);
    return totals.last;
}
}

%code {
/* 开工…39882户，已完工3191户 after a part in 万平方米: a chain of parts holds while its unit does;
 * a part in another unit is done of the nearest quantity before it in its own unit. */
static bool same_unit(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int chain(cl_ctx *ctx, int total, int done, bool across_comma)
{
    const char *unit = ctx->toks[done].q.unit;
    if (!same_unit(ctx->toks[total].q.unit, unit))
        for (int k = done - 1; k > total; k--)
            if (ctx->toks[k].sig == CL_SIG_QTY) {
                if (same_unit(ctx->toks[k].q.unit, unit))
                    total = k;
                break;
            }
    return progress(ctx, range_of(total, total), done, across_comma);
}
}

%token <int> QTY ORD BASE DIR COP DISTR ALL TOTAL DONE HAS RANK COMMA ENUM AND FULL
%token END 0
%nterm <cl_range> qlist cmp
%nterm <int> done progress rank

%precedence STOP   /* lower than every token: an island grows while it can (see the top) */
%precedence QTY ORD BASE DIR COP DISTR DONE HAS COMMA ENUM AND FULL

%%

/* A sentence is a run of items: islands, and signal tokens that start no island here (water
 * after all). The items are listed here rather than as an `item` and a `stray` nonterminal,
 * and the islands' forms (quantities, levels, change) as alternatives of `sentence` rather
 * than nonterminals of their own: each unit rule or nonterminal in between is one more
 * reduction per token or island, and strays are a third of the tokens.
 * Every island begins with QTY, COP, ALL, DISTR, DIR, BASE or RANK: cl_grammar_parse skips
 * the tokens before the first of them. An island that begins with another token must be added
 * to that list (tests/test_grammar_skip.c parses with and without the skip to hold it). */
sentence
    : %empty
    /* quantities in a list (12个、5个), and progress built on the last one:
     *   113个…已完成整治110个 | 613件，累计办结605件 | 10条…有9条 | 14项…全部整改完成 |
     *   42项整改任务，已完成39项 | 3329件…已办结3320件,已销号3296件
     * A link with no quantity after it (qlist COMMA done) still closes the island. */
    | sentence qlist                       %prec STOP { plain(ctx, $2); }
    | sentence qlist done                  %prec STOP { whole(ctx, $2); }
    | sentence qlist HAS                   %prec STOP { plain(ctx, $2); }
    | sentence qlist FULL                  %prec STOP { plain(ctx, $2); }
    | sentence qlist COMMA                 %prec STOP { plain(ctx, $2); }
    | sentence qlist COMMA done            %prec STOP { whole(ctx, $2); }
    | sentence qlist COMMA HAS             %prec STOP { plain(ctx, $2); }
    | sentence qlist COMMA HAS done        %prec STOP { plain(ctx, $2); }
    | sentence qlist done FULL             %prec STOP { whole(ctx, $2); }
    | sentence qlist COMMA FULL            %prec STOP { plain(ctx, $2); }
    | sentence qlist done COMMA            %prec STOP { whole(ctx, $2); }
    | sentence qlist done COMMA done       %prec STOP { plain(ctx, $2); }
    | sentence progress                    %prec STOP
    | sentence progress done               %prec STOP
    | sentence progress COMMA              %prec STOP
    | sentence progress COMMA done         %prec STOP
    | sentence progress ENUM               %prec STOP
    | sentence progress ENUM done          %prec STOP
    /* the level of a metric: 优良率为82.3% | 达标率均为100% | 分别为3个、5个 | 综合指数为4.35 */
    | sentence COP qlist                   %prec STOP { draft(ctx, CL_DRAFT_LEVEL, $3, $2, -1, -1, -1); }
    | sentence ALL qlist                   %prec STOP { draft(ctx, CL_DRAFT_LEVEL, $3, -1, -1, -1, $2); }
    | sentence ALL COP qlist               %prec STOP { draft(ctx, CL_DRAFT_LEVEL, $4, $3, -1, -1, $2); }
    | sentence DISTR COP qlist             %prec STOP { draft(ctx, CL_DRAFT_LEVEL, $4, $3, -1, $2, -1); }
    | sentence DISTR qlist                 %prec STOP { draft(ctx, CL_DRAFT_LEVEL, $3, -1, -1, $2, -1); }
    /* a change against a baseline: 同比提升2.3% | 较2022年同期提高了11.1个百分点 | 同比减少23天 |
     * 分别同比下降7.4%和6.7% | 与去年持平 */
    | sentence cmp                         %prec STOP { change(ctx, $2, NO_LIST); }
    | sentence cmp qlist                   %prec STOP { change(ctx, $2, $3); }
    | sentence rank                        %prec STOP
    | sentence error { /* recorded by yyreport_syntax_error; the rest of the sentence is lost */ }
    /* strays */
    | sentence ORD
    | sentence COP                         %prec STOP
    | sentence DISTR                       %prec STOP
    | sentence ALL                         %prec STOP
    | sentence ALL COP                     %prec STOP   /* 均为 before a numeral that is no */
    | sentence DISTR COP                   %prec STOP   /* quantity (分别为三十，): strays too */
    | sentence TOTAL
    | sentence DONE
    | sentence HAS
    | sentence COMMA
    | sentence ENUM
    | sentence AND
    | sentence FULL
    ;

progress
    : qlist done QTY              { $$ = progress(ctx, $1, $3, false); }
    | qlist HAS QTY               { $$ = progress(ctx, $1, $3, false); }
    | qlist COMMA done QTY        { $$ = progress(ctx, $1, $4, true); }
    | qlist COMMA HAS QTY         { $$ = progress(ctx, $1, $4, true); }
    | qlist COMMA HAS done QTY    { $$ = progress(ctx, $1, $5, true); }
    | qlist done COMMA done QTY   { $$ = progress(ctx, $1, $5, true); }
    | qlist FULL done             %prec STOP { $$ = progress(ctx, $1, $1.last, false); }
    | qlist COMMA FULL done       %prec STOP { $$ = progress(ctx, $1, $1.last, true); }
    | qlist done FULL done        %prec STOP { $$ = progress(ctx, $1, $1.last, false); }
    | progress done QTY           { $$ = chain(ctx, $1, $3, false); }
    | progress COMMA done QTY     { $$ = chain(ctx, $1, $4, true); }
    | progress ENUM done QTY      { $$ = chain(ctx, $1, $4, true); }
    ;

done
    : DONE
    | done DONE                   { $$ = $2; }
    ;

/* 7.4%和6.7% | 11.1%、3.8%、20%; a separator with no quantity after it ends the list */
qlist
    : QTY                         { $$ = range_of($1, $1); }
    | qlist ENUM QTY              { $$ = range_of($1.first, $3); }
    | qlist AND QTY               { $$ = range_of($1.first, $3); }
    | qlist ENUM                  %prec STOP
    | qlist AND                   %prec STOP
    ;

cmp
    : DIR                         %prec STOP { $$ = range_of($1, $1); }
    | ALL DIR                     { $$ = range_of($1, $2); }
    | ALL BASE                    %prec STOP { $$ = range_of($1, $2); }
    | ALL BASE DIR                { $$ = range_of($1, $3); }
    | BASE                        %prec STOP { $$ = range_of($1, $1); }
    | BASE DIR                    { $$ = range_of($1, $2); }
    | DISTR DIR                   { $$ = range_of($1, $2); }
    | DISTR BASE                  %prec STOP { $$ = range_of($1, $2); }
    | DISTR BASE DIR              { $$ = range_of($1, $3); }
    | BASE DISTR                  %prec STOP { $$ = range_of($1, $2); }
    | BASE DISTR DIR              { $$ = range_of($1, $3); }
    ;

/* 排名全省第三 | 位居全省第3位 */
rank
    : RANK ORD                    { draft(ctx, CL_DRAFT_RANK, range_of($2, $2), $1, -1, -1, -1); $$ = $1; }
    | rank ORD                    { draft(ctx, CL_DRAFT_RANK, range_of($2, $2), $1, -1, -1, -1); $$ = $1; }
    | RANK                        %prec STOP
    ;

%%

/* Where the parser stands: the token read last (a syntax error's lookahead), or the end of the
 * sentence once cl_yylex has returned END. */
static cl_span lookahead_span(const cl_ctx *ctx)
{
    if (ctx->next_tok > ctx->ntoks || ctx->next_tok == 0)
        return cl_span_of(ctx->span.end, ctx->span.end);
    return ctx->toks[ctx->next_tok - 1].span;
}

/* A syntax error is a diagnostic naming the token found and the tokens the grammar expected
 * there (without LAC the list may hold a token a default reduction would then reject). */
static int yyreport_syntax_error(const yypcontext_t *pctx, cl_ctx *ctx)
{
    enum { MAX_EXPECTED = 8 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(pctx, expected, MAX_EXPECTED);
    char msg[256];
    int len = snprintf(msg, sizeof msg, "the grammar could not read this sentence at %s",
                       yysymbol_name(yypcontext_token(pctx)));
    for (int i = 0; i < n && len > 0 && (size_t)len < sizeof msg; i++)
        len += snprintf(msg + len, sizeof msg - (size_t)len, "%s%s", i ? ", " : "; expected ",
                        yysymbol_name(expected[i]));
    const char *kept = cl_arena_strndup(&ctx->doc->arena, msg, strlen(msg));
    cl_doc_diag_add(ctx->doc, CL_SEV_WARNING, "grammar", kept ? kept : "syntax error",
                    lookahead_span(ctx));
    return 0;
}

static void cl_yyerror(cl_ctx *ctx, const char *msg)
{
    (void)msg;   /* Bison calls this only for "memory exhausted" with parse.error custom */
    ctx->oom = true;
    cl_doc_diag_add(ctx->doc, CL_SEV_ERROR, "grammar", "parser stack exhausted",
                    lookahead_span(ctx));
}

/* ORDER SIG: sentence.h's cl_sig to this grammar's tokens */
static const int sig_to_token[CL_SIG_COUNT_] = {
    T_QTY, T_ORD, T_BASE, T_DIR, T_COP, T_DISTR, T_ALL, T_TOTAL, T_DONE, T_HAS, T_RANK,
    T_COMMA, T_ENUM, T_AND, T_FULL,
};

/* The next signal token of ctx's sentence; its value is its index in ctx->toks. */
static int cl_yylex(CL_YYSTYPE *value, cl_ctx *ctx)
{
    if (ctx->next_tok >= ctx->end_tok) {
        ctx->next_tok = ctx->ntoks + 1;   /* END read: see lookahead_span */
        value->T_QTY = -1;
        return T_END;
    }
    int i = ctx->next_tok++;
    value->T_QTY = i;
    return sig_to_token[ctx->toks[i].sig];
}

/* Parse the signal tokens of ctx's sentence, recording drafts. (A pull parser: the push
 * interface cost a function call and a copy of the parser state per token.) */
bool cl_grammar_parse(cl_ctx *ctx)
{
    /* Every island begins with one of these (the first tokens of quantities, levels, change
     * and rank); a token before the first of them can only be read as a stray item, so the
     * parser starts there (a quarter of the tokens it was given). */
    enum { STARTS = 1u << CL_SIG_QTY | 1u << CL_SIG_COP | 1u << CL_SIG_ALL | 1u << CL_SIG_DISTR |
                    1u << CL_SIG_DIR | 1u << CL_SIG_BASE | 1u << CL_SIG_RANK };
    /* A draft depends on these when they come last: a value, a rank's ordinal, the parts of a
     * change's head, and the completion word of qlist FULL done. The tokens after the last of
     * them only close the islands before them or stand alone, so the parser stops there (a
     * sixth of the tokens it read). tests/test_grammar_skip.c parses with and without the cut. */
    enum { MATTER_LAST = 1u << CL_SIG_QTY | 1u << CL_SIG_ORD | 1u << CL_SIG_DIR |
                         1u << CL_SIG_BASE | 1u << CL_SIG_DISTR | 1u << CL_SIG_DONE };
    int i = 0, n = ctx->ntoks;
    const cl_stok *toks = ctx->toks;
    while (i < n && !(STARTS >> toks[i].sig & 1u))
        i++;
    while (n > i && !(MATTER_LAST >> toks[n - 1].sig & 1u))
        n--;
    ctx->next_tok = i;
    ctx->end_tok = n;
    int status = cl_yyparse(ctx);
    return status == 0 || status == 1;
}
