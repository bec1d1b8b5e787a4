/* test_grammar_skip.c — cl_grammar_parse's skip of leading strays, and its cut of trailing
 * tokens, change no parse.
 *
 * cl_grammar_parse starts Bison at the first token that may begin an island (QTY COP ALL DISTR
 * DIR BASE RANK, a list written by hand in grammar/claims.y). That is right only while every
 * other token, read first, is a stray item of its own. It also stops after the last token a
 * draft or a syntax error may depend on at the end (another list by hand), which is right only
 * while the tokens after it change no draft and no diagnostic. If the grammar gains an island
 * that begins with another token, or one whose draft depends on another last token, some
 * sequence here parses differently with the skip and the cut than without: every sequence of
 * up to five signal tokens (every island's start is that short) and random longer ones are
 * parsed both ways, and the drafts and diagnostics must be the same. And every one of them is
 * a sentence of the grammar: none has a syntax error (claims.y: each island is closed under
 * prefixes, so real prose never meets the error rule). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"

bool cl_grammar_parse(cl_ctx *ctx);   /* grammar/claims.y: with the skip */
int cl_yyparse(cl_ctx *ctx);          /* Bison's parser: from the first token */

static int failures, cases, unread;   /* unread: sequences with a syntax error */

typedef struct {
    int ndrafts;
    cl_draft drafts[64];
    size_t ndiags;
    cl_span diag_spans[8];
} outcome;

static void parse(cl_ctx *ctx, bool skip, outcome *out)
{
    ctx->ndrafts = 0;
    ctx->oom = false;
    size_t diags_before = cl_doc_diag_count(ctx->doc);
    if (skip) {
        cl_grammar_parse(ctx);
    } else {
        ctx->next_tok = 0;
        ctx->end_tok = ctx->ntoks;
        cl_yyparse(ctx);
    }
    out->ndrafts = ctx->ndrafts < 64 ? ctx->ndrafts : 64;
    if (out->ndrafts)
        memcpy(out->drafts, ctx->drafts, (size_t)out->ndrafts * sizeof *ctx->drafts);
    out->ndiags = cl_doc_diag_count(ctx->doc) - diags_before;
    for (size_t i = 0; i < out->ndiags && i < 8; i++)
        out->diag_spans[i] = cl_doc_diag(ctx->doc, diags_before + i)->span;
}

static bool same(const outcome *a, const outcome *b)
{
    if (a->ndrafts != b->ndrafts || a->ndiags != b->ndiags)
        return false;
    for (int i = 0; i < a->ndrafts; i++) {
        const cl_draft *x = &a->drafts[i], *y = &b->drafts[i];
        if (x->type != y->type || x->list.first != y->list.first ||
            x->list.last != y->list.last || x->lead != y->lead || x->dir != y->dir ||
            x->distr != y->distr || x->all != y->all || x->total != y->total ||
            x->done != y->done || x->across_comma != y->across_comma || x->frame != y->frame)
            return false;
    }
    for (size_t i = 0; i < a->ndiags && i < 8; i++)
        if (a->diag_spans[i].start != b->diag_spans[i].start ||
            a->diag_spans[i].end != b->diag_spans[i].end)
            return false;
    return true;
}

static void check(cl_ctx *ctx, const int *sigs, int n)
{
    for (int i = 0; i < n; i++) {
        memset(&ctx->toks[i], 0, sizeof ctx->toks[i]);
        ctx->toks[i].sig = (cl_sig)sigs[i];
        ctx->toks[i].span = cl_span_of(10 * (uint32_t)i, 10 * (uint32_t)i + 3);
    }
    ctx->ntoks = n;
    ctx->span = cl_span_of(0, 10 * (uint32_t)n);
    outcome with, without;
    parse(ctx, true, &with);
    parse(ctx, false, &without);
    cases++;
    if (without.ndiags && unread++ < 5) {   /* each island is closed under prefixes */
        printf("  the grammar cannot read:");
        for (int i = 0; i < n; i++)
            printf(" %d", sigs[i]);
        printf("\n");
    }
    if (!same(&with, &without)) {
        if (failures++ < 5) {
            printf("  the skip or the cut changes the parse of:");
            for (int i = 0; i < n; i++)
                printf(" %d", sigs[i]);
            printf(" (drafts %d/%d, diagnostics %zu/%zu)\n", with.ndrafts, without.ndrafts,
                   with.ndiags, without.ndiags);
        }
    }
}

int main(void)
{
    enum { MAX_EXHAUSTIVE = 5, MAX_RANDOM = 40, RANDOM = 200000 };
    cl_doc *doc = cl_parse("skip", "", 0);
    cl_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.doc = doc;
    ctx.toks = calloc(MAX_RANDOM, sizeof *ctx.toks);
    if (!doc || !ctx.toks) {
        printf("FAIL unit/grammar_skip (out of memory)\n");
        return 1;
    }
    int sigs[MAX_RANDOM];
    for (int n = 0; n <= MAX_EXHAUSTIVE; n++) {
        long count = 1;
        for (int i = 0; i < n; i++)
            count *= CL_SIG_COUNT_;
        for (long k = 0; k < count; k++) {
            long v = k;
            for (int i = 0; i < n; i++, v /= CL_SIG_COUNT_)
                sigs[i] = (int)(v % CL_SIG_COUNT_);
            check(&ctx, sigs, n);
        }
    }
    srand(1);
    for (int r = 0; r < RANDOM; r++) {
        int n = 1 + rand() % MAX_RANDOM;
        for (int i = 0; i < n; i++)
            sigs[i] = rand() % CL_SIG_COUNT_;
        check(&ctx, sigs, n);
    }
    printf("%s unit/grammar_skip (%d token sequences, %d parsed differently, %d not read)\n",
           failures || unread ? "FAIL" : "PASS", cases, failures, unread);
    free(ctx.toks);
    free(ctx.drafts);
    cl_doc_free(doc);
    return failures != 0 || unread != 0;
}
