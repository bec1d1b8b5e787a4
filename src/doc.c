/* doc.c — parse a document: decode, then sentence by sentence through filter, grammar and
 * claim builder, keeping the outline of headings. Also the public accessors of claimc.h. */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "textpos.h"
#include "filter.h"
#include "script.h"
#include "sentence.h"
#include "text.h"

bool cl_grammar_parse(cl_ctx *ctx);   /* claims.y */

void cl_doc_diag_add(cl_doc *doc, cl_severity sev, const char *code, const char *message,
                     cl_span span)
{
    cl_diag *d = cl_vec_push(&doc->arena, &doc->diags, sizeof *d);
    if (sev == CL_SEV_ERROR)
        doc->failed = true;
    if (!d)
        return;
    d->severity = sev;
    d->code = code;
    d->message = message;
    d->span = span;
}

/* -- titles and plans ------------------------------------------------------------------------ */

static const cl_word plan_words[] = {CL_WORD("计划"), CL_WORD("要点"), CL_WORD("安排"),
    CL_WORD("打算"), CL_WORD("思路"), CL_WORD("下一步"), CL_WORD("工作重点"), CL_WORD("目标任务"),
    CL_WORD("主要目标"), CL_WORD("预期目标"), CL_WORD("重点任务"), CL_WORD("展望"), {NULL, 0}};
static const cl_word report_words[] = {CL_WORD("总结"), CL_WORD("报告"), CL_WORD("完成情况"),
    CL_WORD("成效"), CL_WORD("回顾"), CL_WORD("进展"), {NULL, 0}};

/* The word lists as sets, made once per document: a report has a heading every few hundred
 * bytes, and making the sets was half of looking through a title. */
typedef struct cl_title_words { cl_word_set plan, report; } title_words;

static void title_words_init(title_words *t)
{
    cl_word_set_init(&t->plan, plan_words);
    cl_word_set_init(&t->report, report_words);
}

static bool plan_title(const title_words *t, const char *s, size_t n)
{
    return cl_text_has_set(s, n, &t->plan) && !cl_text_has_set(s, n, &t->report);
}

/* The title is the first line with at least four CJK characters (lines of page furniture
 * such as "| | |" come first in scraped files). */
static void detect_plan(cl_doc *doc, const title_words *words)
{
    const char *p = doc->text, *end = doc->text + doc->len;
    for (int lines = 0; p < end && lines < 20; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        int cjk = 0;
        for (const char *c = p; c + 2 < line_end; c++)
            cjk += (unsigned char)*c >= 0xE4 && (unsigned char)*c <= 0xE9;
        if (cjk >= 4) {   /* a title is short and no sentence: no 。 or ， in it */
            size_t n = (size_t)(line_end - p);
            doc->plan = n <= 150 && !cl_text_has(p, n, "。") && !cl_text_has(p, n, "，") &&
                        !cl_text_has(p, n, ",") && plan_title(words, p, n);
            return;
        }
        p = line_end + 1;
    }
}

/* -- the driver ------------------------------------------------------------------------------ */

/* The length of the punctuation mark S ends with that a title drops (。；：;:，, and a space),
 * or 0. Each mark ends in a byte of its own, so the last byte picks the one to compare. */
static size_t trailing_mark(const cl_doc *doc, cl_span s)
{
    static const cl_word marks[] = {CL_WORD("。"), CL_WORD("；"), CL_WORD("："), CL_WORD(";"),
        CL_WORD(":"), CL_WORD("，"), CL_WORD(","), CL_WORD(" "), {NULL, 0}};
    char last = doc->text[s.end - 1];
    for (const cl_word *w = marks; w->s; w++)
        if (w->s[w->n - 1] == last)
            return s.end - s.start > w->n && memcmp(doc->text + s.end - w->n, w->s, w->n) == 0
                   ? w->n : 0;
    return 0;
}

/* A title longer than this is its first CL_TITLE_MAX bytes (to a code point's start): every
 * claim under the heading repeats its title, and a heading before a page without punctuation
 * would repeat megabytes. Real titles are under 100 bytes. */
#define CL_TITLE_MAX 1024

static cl_span trim_title(const cl_doc *doc, cl_span s)
{
    if (s.end - s.start > CL_TITLE_MAX) {
        s.end = s.start + CL_TITLE_MAX;
        while (s.end > s.start && ((unsigned char)doc->text[s.end] & 0xC0) == 0x80)
            s.end--;
    }
    for (size_t n; s.end > s.start && (n = trailing_mark(doc, s)) > 0;)
        s.end -= (uint32_t)n;
    return s;
}

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

/* A heading as the parse keeps it. Whether its title is a plan's (plan_title) is looked up
 * when first asked: by a claim's modality (cl_section_plan), or for every heading at the end
 * of a parse that lists them. A streamed document lists none, and in a plan document no claim
 * asks (in_plan stops at doc->plan): there most titles are never looked through. */
typedef struct {
    cl_section section;   /* first: the cl_section * of a heading is the heading's address */
    bool classified;      /* section.plan is known */
} heading;

bool cl_section_plan(const cl_ctx *ctx, const cl_section *s)
{
    heading *h = (heading *)s;   /* every cl_section is a heading's (parse_text) */
    if (!h->classified) {
        h->section.plan = plan_title(ctx->titles, ctx->doc->text + s->title.start,
                                     s->title.end - s->title.start);
        h->classified = true;
    }
    return h->section.plan;
}

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
    for (size_t i = 0; i < ready; i++)
        if (!st->on_claim(st->arg, doc, &claims[i], st->handed + i)) {
            st->stopped = true;
            return false;
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
    size_t drop = st->sentence.first_claim - st->handed + st->sentence.claim_count;
    if (!st->outline->sentence(st->outline->arg, doc, &st->sentence,
                               claims ? claims + (st->sentence.first_claim - st->handed) : NULL)) {
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

static void parse_text(cl_doc *doc, const title_words *words, cl_stream *stream)
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
                untitled->title = trim_title(doc, ctx.span);
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
            heading *h = cl_arena_alloc(&doc->arena, sizeof *h);
            cl_section *sec = h ? &h->section : NULL;
            if (!sec || (!stream && !keep_heading(doc, sec))) {
                ctx.oom = true;
                break;
            }
            sec->level = level;
            sec->marker = marker;
            sec->title = cl_span_of(marker.end, marker.end);
            sec->parent = depth ? stack[depth - 1] : NULL;
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

static void build_checkpoints(cl_doc *doc);

/* ROOM: DATA, given away by the caller (cl_parse_adopt), or NULL. STREAM: where claims go, or
 * NULL to keep them in the document. */
static cl_doc *parse(const char *name, const void *data, size_t len, unsigned char *room,
                     cl_stream *stream)
{
    cl_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        free(room);
        return NULL;
    }
    doc->name = cl_arena_strndup(&doc->arena, name ? name : "-", strlen(name ? name : "-"));
    if (!doc->name) {
        free(doc);
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
        title_words words;
        title_words_init(&words);
        detect_plan(doc, &words);
        parse_text(doc, &words, stream);
    } else if (!doc->text) {
        doc->text = "";
    }
    if (!doc->source)   /* not decoded: too large, binary, no memory */
        doc->source = doc->text;
    if (!doc->script)
        doc->script = "simplified";
    if (room && doc->owned != room)
        free(room);   /* converted or rejected: the text, if any, is in the arena */
    /* a streamed document's positions are asked only for its diagnostics (the writer keeps a
     * cursor of its own): without any, the index would be a pass over the text for nothing */
    if (!stream || doc->diags.len)
        build_checkpoints(doc);
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

void cl_doc_free(cl_doc *doc)
{
    if (!doc)
        return;
    cl_arena_free(&doc->arena);
    free(doc->owned);
    free(doc);
}

/* -- accessors ------------------------------------------------------------------------------- */

const char *cl_doc_name(const cl_doc *doc) { return doc->name; }
const char *cl_doc_encoding(const cl_doc *doc) { return doc->encoding; }
const char *cl_doc_script(const cl_doc *doc) { return doc->script; }
const char *cl_doc_text(const cl_doc *doc) { return doc->source; }
size_t cl_doc_text_len(const cl_doc *doc) { return doc->len; }
bool cl_doc_is_plan(const cl_doc *doc) { return doc->plan; }
size_t cl_doc_claim_count(const cl_doc *doc) { return doc->claims.len; }
size_t cl_doc_diag_count(const cl_doc *doc) { return doc->diags.len; }
bool cl_doc_failed(const cl_doc *doc) { return doc->failed; }

const cl_claim *cl_doc_claim(const cl_doc *doc, size_t i)
{
    return i < doc->claims.len ? &CL_VEC_AT(doc->claims, cl_claim, i) : NULL;
}

const cl_diag *cl_doc_diag(const cl_doc *doc, size_t i)
{
    return i < doc->diags.len ? &CL_VEC_AT(doc->diags, cl_diag, i) : NULL;
}

/* A line ends at LF, CRLF or a lone CR. */
static void advance(const char *text, uint32_t i, uint32_t *line, uint32_t *column)
{
    unsigned char c = (unsigned char)text[i];
    if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
        (*line)++;
        *column = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
        (*column)++;
    }
}

static void build_checkpoints(cl_doc *doc)
{
    /* memchr for line ends and code points counted eight bytes at a time (emit_jsonl.c) */
    cl_textpos p;
    cl_textpos_init(&p, doc->text, doc->len);
    for (size_t i = 0; i <= doc->len; i += CL_CHECKPOINT) {
        uint32_t line, column;
        cl_textpos_at(&p, i, &line, &column);
        cl_checkpoint *c = cl_vec_push(&doc->arena, &doc->checkpoints, sizeof *c);
        if (!c)
            return;
        *c = (cl_checkpoint){(uint32_t)i, line, column};
    }
}

void cl_doc_position(const cl_doc *doc, uint32_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > doc->len)
        offset = (uint32_t)doc->len;
    size_t k = offset / CL_CHECKPOINT;
    if (k >= doc->checkpoints.len) {   /* only when memory ran out while building them */
        *line = *column = 1;
        k = 0;
        if (!doc->checkpoints.len) {
            for (uint32_t i = 0; i < offset; i++)
                advance(doc->text, i, line, column);
            return;
        }
    }
    const cl_checkpoint *c = &CL_VEC_AT(doc->checkpoints, cl_checkpoint, k);
    /* from the checkpoint with the JSONL writer's cursor: memchr for line ends and code points
     * counted eight bytes at a time (byte by byte, this was a quarter of --format json) */
    cl_textpos p;
    cl_textpos_init(&p, doc->text, doc->len);
    p.look_ahead = 0;   /* one question */
    p.offset = c->offset;
    p.line = c->line;
    p.column = c->column;
    cl_textpos_at(&p, offset, line, column);
}

const char *cl_kind_name(cl_kind kind)
{
    static const char *const names[] = {"count", "amount", "money", "measure", "rate", "change",
                                        "progress", "rank"};  /* ORDER KIND */
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *cl_direction_name(cl_direction dir)
{
    static const char *const names[] = {NULL, "up", "down", "flat", "improve"};
    return (unsigned)dir < sizeof names / sizeof names[0] ? names[dir] : NULL;
}

const char *cl_approx_name(cl_approx approx)
{
    static const char *const names[] = {NULL, "about", "more_than", "at_least", "at_most"};
    return (unsigned)approx < sizeof names / sizeof names[0] ? names[approx] : NULL;
}
