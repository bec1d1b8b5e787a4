/* sentence.c — one sentence being parsed (sentence.h): the drafts the grammar's actions and
 * the claim builder's frame finder record. */
#include <stdlib.h>

#include "sentence.h"

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
