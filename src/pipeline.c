/* pipeline.c — the driver: decode a document, then sentence by sentence through the token
 * filter, the grammar and the claim builder, keeping the outline of headings or streaming it.
 * It sits at the top of the library: it calls every stage, and no stage calls it. */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "filter.h"
#include "heading.h"
#include "pipeline.h"
#include "script.h"

static bool add_outline(cl_doc *doc, bool is_section, size_t index)
{
    cl_outline_item *o = cl_vec_push(&doc->arena, &doc->outline, sizeof *o);
    if (!o)
        return false;
    o->is_section = is_section;
    o->index = index;
    return true;
}

/* Every claim has a value, a rank, or a change word (与去年持平 has no value): most
 * sentences have none of them, and the grammar need not see those. */
static bool may_claim(const cl_ctx *ctx)
{
    return ctx->claim_sig;   /* the filter notes a QTY, ORD, DIR or BASE as it pushes it */
}

#define MAX_DEPTH 16

/* Where a streaming parse sends its claims (cl_parse_adopt_each); NULL: the document keeps them. */
typedef struct {
    cl_claim_fn on_claim;
    void *arg;
    size_t handed;   /* claims handed out so far: the id of the next */
    bool stopped;    /* on_claim said stop */
    /* or the outline (cl_parse_adopt_outline), each item waiting until it is final */
    const cl_outline_fn *outline;
    cl_section *waiting;       /* a heading whose title the next sentence may be */
    bool has_sentence;
    cl_sentence sentence;      /* the last sentence (first_claim an id): its last claim may
                                * yet move into the next sentence's progress claim */
} cl_stream;

/* The sentence just parsed, with its claims (from FIRST_CLAIM on), in the document's lists. */
static bool keep_sentence(cl_doc *doc, const cl_ctx *ctx, size_t first_claim)
{
    cl_sentence *s = cl_vec_push(&doc->arena, &doc->sentences, sizeof *s);
    if (!s)
        return false;
    s->span = ctx->span;
    s->section = ctx->section;
    s->first_claim = first_claim;
    if (ctx->merged) {   /* the previous sentence's total moved into this claim */
        s->first_claim--;
        CL_VEC_AT(doc->sentences, cl_sentence, doc->sentences.len - 2).claim_count--;
    }
    s->claim_count = doc->claims.len - s->first_claim;
    return add_outline(doc, false, doc->sentences.len - 1);
}

/* The heading SEC in the document's lists. */
static bool keep_heading(cl_doc *doc, cl_section *sec)
{
    cl_section **slot = cl_vec_push(&doc->arena, &doc->sections, sizeof *slot);
    if (!slot)
        return false;
    *slot = sec;
    return add_outline(doc, true, doc->sections.len - 1);
}

/* The sentence S and its claims CLAIMS[0..claim_count), final, into the input's offsets (the
 * shadow the stages read left glosses out). */
static void sentence_to_source(const cl_doc *doc, cl_sentence *s, cl_claim *claims)
{
    s->span = cl_doc_source_span(doc, s->span);
    for (size_t i = 0; i < s->claim_count; i++)
        cl_doc_claim_to_source(doc, &claims[i]);
}

/* A heading's marker and title into the input's offsets, once its title is known: whether the
 * title is a plan's is looked up first, in the shadow (heading.c). An untitled heading (TITLED
 * false) has an empty title, no plan's. */
static void heading_to_source(cl_ctx *ctx, cl_section *sec, bool titled)
{
    cl_heading *h = (cl_heading *)sec;
    if (titled) {
        h->classified = false;
        cl_section_plan(ctx, sec);
    } else {
        h->classified = true;
        sec->plan = false;
        sec->marker = cl_doc_source_span(ctx->doc, sec->marker);
    }
    sec->title = cl_doc_source_span(ctx->doc, sec->title);
}

/* Streaming: hand out every claim that can no longer change, and forget it. A sentence's last
 * claim may yet become the total of the next sentence's progress claim (link_across_sentences
 * merges it away, and the ids after it move), so while ctx->pending_claim names it, it waits;
 * ALL: the end, nothing waits. False once on_claim said stop. */
static bool hand_out(cl_doc *doc, cl_ctx *ctx, cl_stream *st, bool all)
{
    size_t n = doc->claims.len, ready = n;
    if (!all && ctx->pending_claim >= 0)
        ready = (size_t)ctx->pending_claim;
    cl_claim *claims = doc->claims.data;
    for (size_t i = 0; i < ready; i++) {
        if (doc->glosses.len)   /* final: into the input's offsets */
            cl_doc_claim_to_source(doc, &claims[i]);
        if (!st->on_claim(st->arg, doc, &claims[i], st->handed + i)) {
            st->stopped = true;
            return false;
        }
    }
    if (ready) {
        memmove(claims, claims + ready, (n - ready) * sizeof *claims);
        doc->claims.len = n - ready;
        st->handed += ready;
        if (ctx->pending_claim >= 0)
            ctx->pending_claim -= (long)ready;
    }
    return true;
}

/* The outline streamed: the waiting sentence to the sink with its claims, which are forgotten. */
static bool flush_sentence(cl_doc *doc, cl_ctx *ctx, cl_stream *st)
{
    if (!st->has_sentence)
        return true;
    st->has_sentence = false;
    cl_claim *claims = doc->claims.data;   /* NULL until a first claim: no offset from it */
    cl_claim *own = claims ? claims + (st->sentence.first_claim - st->handed) : NULL;
    size_t drop = st->sentence.first_claim - st->handed + st->sentence.claim_count;
    if (doc->glosses.len)
        sentence_to_source(doc, &st->sentence, own);
    if (!st->outline->sentence(st->outline->arg, doc, &st->sentence, own)) {
        st->stopped = true;
        return false;
    }
    if (claims)
        memmove(claims, claims + drop, (doc->claims.len - drop) * sizeof *claims);
    doc->claims.len -= drop;
    st->handed += drop;
    if (ctx->pending_claim >= 0)
        ctx->pending_claim -= (long)drop;
    return true;
}

/* The waiting heading to the sink: its title is what it will be (and its plan with it). */
static bool flush_heading(cl_doc *doc, cl_ctx *ctx, cl_stream *st)
{
    cl_section *h = st->waiting;
    if (!h)
        return true;
    st->waiting = NULL;
    cl_section_plan(ctx, h);
    if (!st->outline->heading(st->outline->arg, doc, h)) {
        st->stopped = true;
        return false;
    }
    return true;
}

/* The sentence just built (its claims from index FIRST_CLAIM on) makes the items before it
 * final: the sentence before (less the total this one took, when it did), or the heading this
 * one titles. It waits in turn. */
static bool outline_sentence(cl_doc *doc, cl_ctx *ctx, cl_stream *st, size_t first_claim)
{
    if (ctx->merged && st->has_sentence)
        st->sentence.claim_count--;
    size_t first = st->handed + first_claim - (ctx->merged ? 1 : 0);
    if (!flush_sentence(doc, ctx, st) || !flush_heading(doc, ctx, st))
        return false;
    st->sentence = (cl_sentence){ctx->span, ctx->section, first,
                                 st->handed + doc->claims.len - first};
    st->has_sentence = true;
    return true;
}

static void parse_text(cl_doc *doc, const cl_title_words *words, cl_stream *stream)
{
    cl_filter f;
    cl_filter_init(&f, doc);
    cl_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.doc = doc;
    ctx.titles = words;
    ctx.pending_claim = -1;

    cl_section *stack[MAX_DEPTH];
    int depth = 0;
    cl_section *untitled = NULL;   /* a heading whose title is the next sentence */
    const cl_outline_fn *outline = stream ? stream->outline : NULL;
    if (outline && !outline->start(outline->arg, doc))
        stream->stopped = true;
    for (; !(stream && stream->stopped);) {
        cl_span marker;
        int level = 0;
        ctx.ntoks = ctx.ndrafts = 0;
        ctx.continued = f.continues;   /* the piece after a cut: the sentence goes on */
        if (!ctx.continued)
            ctx.achieved = false;
        cl_event ev = cl_filter_sentence(&f, &ctx, &marker, &level);
        if (ctx.span.end > ctx.span.start) {
            if (untitled) {   /* no claim has asked about it yet: they come after it */
                untitled->title = cl_title_of(doc, ctx.span);
                if (doc->glosses.len)
                    heading_to_source(&ctx, untitled, true);
                untitled = NULL;
            }
            ctx.section = depth ? stack[depth - 1] : NULL;
            size_t first_claim = doc->claims.len;
            if (may_claim(&ctx)) {
                if (!cl_grammar_parse(&ctx))
                    ctx.oom = true;
                cl_sentence_build(&ctx);
            } else {
                ctx.pending_claim = -1;   /* what the builder does with a sentence of no claims */
                ctx.merged = false;
            }
            if (outline) {
                if (!outline_sentence(doc, &ctx, stream, first_claim))
                    break;
            } else if (stream) {
                /* most sentences have no claim: no call (its register saves cost more than the
                 * test) */
                if (doc->claims.len && !hand_out(doc, &ctx, stream, false))
                    break;
            } else if (!keep_sentence(doc, &ctx, first_claim)) {
                ctx.oom = true;
            }
        }
        if (ctx.oom)
            break;
        if (ev == CL_EV_HEADING) {
            ctx.pending_claim = -1;   /* a total does not carry over a heading */
            if (outline && (!flush_sentence(doc, &ctx, stream) || !flush_heading(doc, &ctx, stream)))
                break;
            while (depth && stack[depth - 1]->level >= level)
                depth--;
            /* streaming: the claims point at their headings, but nothing lists them */
            cl_heading *h = cl_arena_alloc(&doc->arena, sizeof *h);
            cl_section *sec = h ? &h->section : NULL;
            if (!sec || (!stream && !keep_heading(doc, sec))) {
                ctx.oom = true;
                break;
            }
            sec->level = level;
            sec->marker = marker;
            sec->title = cl_span_of(marker.end, marker.end);
            sec->parent = depth ? stack[depth - 1] : NULL;
            if (doc->glosses.len)
                heading_to_source(&ctx, sec, false);
            if (depth == MAX_DEPTH)
                depth--;   /* deeper nesting than any report has: stay at the deepest level */
            stack[depth++] = sec;
            untitled = sec;
            if (outline)
                stream->waiting = sec;
        } else if (ev == CL_EV_END) {
            break;
        }
    }
    if (ctx.oom)
        cl_doc_diag_add(doc, CL_SEV_ERROR, "memory", "out of memory; the rest was not parsed",
                        ctx.span);
    if (outline && !stream->stopped && flush_sentence(doc, &ctx, stream))
        flush_heading(doc, &ctx, stream);
    else if (stream && !outline && !stream->stopped)
        hand_out(doc, &ctx, stream, true);
    for (size_t i = 0; i < doc->sections.len; i++)   /* the listed headings, for the reader */
        cl_section_plan(&ctx, CL_VEC_AT(doc->sections, cl_section *, i));
    free(ctx.toks);
    free(ctx.drafts);
    free(ctx.next_comma);
}

/* What a parse kept into the input's offsets: the claims and sentences of a KEPT document (a
 * streamed one turned its claims as they went out), diagnostics from FIRST_DIAG on. */
static void kept_to_source(cl_doc *doc, size_t first_diag, bool kept)
{
    for (size_t i = 0; kept && i < doc->claims.len; i++)
        cl_doc_claim_to_source(doc, &CL_VEC_AT(doc->claims, cl_claim, i));
    for (size_t i = 0; i < doc->sentences.len; i++) {
        cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, i);
        s->span = cl_doc_source_span(doc, s->span);
    }
    for (size_t i = first_diag; i < doc->diags.len; i++) {
        cl_diag *d = &CL_VEC_AT(doc->diags, cl_diag, i);
        d->span = cl_doc_source_span(doc, d->span);
    }
}

/* ROOM: DATA, given away by the caller (cl_parse_adopt), or NULL. STREAM: where claims go, or
 * NULL to keep them in the document. */
static cl_doc *parse(const char *name, const void *data, size_t len, unsigned char *room,
                     cl_stream *stream)
{
    cl_doc *doc = cl_doc_new(name);
    if (!doc) {
        free(room);
        return NULL;
    }
    if (len > UINT32_MAX - 1) {   /* spans are 32-bit byte offsets */
        cl_doc_diag_add(doc, CL_SEV_ERROR, "too-large", "input larger than 4 GiB; not read",
                        cl_span_of(0, 0));
        doc->text = "";
        doc->encoding = "utf-8";
        free(room);
        return doc;
    }
    if (cl_decode(doc, data, len, room)) {
        if (!cl_script_prepare(doc))
            cl_doc_diag_add(doc, CL_SEV_WARNING, "memory",
                            "out of memory simplifying traditional characters; read as written",
                            cl_span_of(0, 0));
        cl_title_words words;
        cl_title_words_init(&words);
        cl_detect_plan(doc, &words);
        size_t first_diag = doc->diags.len;   /* those before have the input's offsets */
        parse_text(doc, &words, stream);
        if (doc->glosses.len)
            kept_to_source(doc, first_diag, !stream);
    } else if (!doc->text) {
        doc->text = "";
    }
    if (!doc->source) {   /* not decoded: too large, binary, no memory */
        doc->source = doc->text;
        doc->source_len = doc->len;
    }
    if (!doc->script)
        doc->script = "simplified";
    if (room && doc->owned != room)
        free(room);   /* converted or rejected: the text, if any, is in the arena */
    /* a streamed document's positions are asked only for its diagnostics (the writer keeps a
     * cursor of its own): without any, the index would be a pass over the text for nothing */
    if (!stream || doc->diags.len)
        cl_doc_index_positions(doc);
    return doc;
}

cl_doc *cl_parse(const char *name, const void *data, size_t len)
{
    return parse(name, data, len, NULL, NULL);
}

cl_doc *cl_parse_adopt(const char *name, unsigned char *data, size_t len)
{
    return parse(name, data, len, data, NULL);
}

/* cl_parse_adopt_claims' sink: each claim, once final, into the vector ARG of the document's
 * arena (the document is the parse's own: its arena takes the vector). */
static bool keep_claim(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    (void)id;
    cl_claim *slot = cl_vec_push_raw(&((cl_doc *)doc)->arena, arg, sizeof *slot);
    if (slot)
        *slot = *claim;
    return slot != NULL;
}

cl_doc *cl_parse_adopt_claims(const char *name, unsigned char *data, size_t len)
{
    cl_vec kept = {0};
    cl_stream stream = {.on_claim = keep_claim, .arg = &kept};
    cl_doc *doc = parse(name, data, len, data, &stream);
    if (!doc) {
        free(kept.data);
        return NULL;
    }
    /* the kept claims become the document's (whose own vector was the builder's workspace):
     * the arena, which frees vectors through its list of them, forgets KEPT (on this stack) */
    for (cl_vec **at = &doc->arena.vecs; *at; at = &(*at)->next)
        if (*at == &kept) {
            *at = kept.next;
            break;
        }
    if (!doc->claims.cap) {   /* never grown: not in the list yet */
        doc->claims.next = doc->arena.vecs;
        doc->arena.vecs = &doc->claims;
    }
    free(doc->claims.data);
    doc->claims.data = kept.data;
    doc->claims.len = kept.len;
    doc->claims.cap = kept.cap;
    return doc;
}

cl_doc *cl_parse_adopt_outline(const char *name, unsigned char *data, size_t len,
                               const cl_outline_fn *fn)
{
    cl_stream stream = {.outline = fn};
    return parse(name, data, len, data, &stream);
}

cl_doc *cl_parse_adopt_each(const char *name, unsigned char *data, size_t len,
                            cl_claim_fn on_claim, void *arg)
{
    cl_stream stream = {.on_claim = on_claim, .arg = arg};
    return parse(name, data, len, data, &stream);
}
