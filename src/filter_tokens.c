/* filter_tokens.c — the out-of-line part of filter_tokens.h: room for signal tokens. */
#include <stdlib.h>

#include "filter_tokens.h"

bool cl_filter_grow_toks(cl_ctx *ctx)
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
