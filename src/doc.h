/* doc.h — the document: text, outline, sentences, claims and diagnostics, in one arena. */
#ifndef CL_DOC_H
#define CL_DOC_H

#include "arena.h"
#include "claimc.h"

typedef struct {
    cl_span span;
    const cl_section *section;
    size_t first_claim, claim_count;
} cl_sentence;

/* The outline in document order: a section opens, or a sentence. */
typedef struct {
    bool is_section;
    size_t index;   /* into doc->sections or doc->sentences */
} cl_outline_item;

struct cl_doc {
    cl_arena arena;
    const char *name;
    const char *meta;     /* the input record's other fields, a compact JSON object, or NULL */
    const char *encoding;
    const char *script;   /* "simplified", "traditional" or "mixed" (script.c) */
    /* The text the rules read: UTF-8, NUL-terminated; with traditional characters, their
     * simplified shadow of the same length (script.c), else the input's text itself. */
    const char *text;
    const char *source;   /* the input's text, which spans point into and output quotes */
    void *owned;          /* the caller's buffer the text was left in (cl_parse_adopt), freed with the doc */
    size_t len;
    /* The first CR of the text among the bytes lexed so far, SIZE_MAX when none: a parse's
     * filter notes it (every CR is in a line break token), so the JSONL writer can skip
     * looking for CRs in most documents. 0 until a parse starts: a CR may be anywhere. */
    size_t first_cr;
    bool plan;            /* a plan document (工作要点, 工作计划): claims are targets */
    cl_vec sections;      /* cl_section *, in document order */
    cl_vec sentences;     /* cl_sentence */
    cl_vec outline;       /* cl_outline_item */
    cl_vec claims;        /* cl_claim */
    cl_vec diags;         /* cl_diag */
    bool failed;
    /* line and column every CL_CHECKPOINT bytes, built once after decoding: a position is a
     * binary search plus a short scan, and reading it never writes (threads may share a doc) */
    cl_vec checkpoints;   /* cl_checkpoint */
};

#define CL_CHECKPOINT 4096
typedef struct { uint32_t offset, line, column; } cl_checkpoint;

/* Streaming, for --format jsonl: parse as cl_parse_adopt does, but hand each claim to ON_CLAIM
 * as soon as it is final (in document order, with the id cl_doc_claim would have given it) and
 * keep neither claims nor sentences, so memory holds the text, the headings' records (claims
 * point at them) and diagnostics, not a tree of the whole document. ON_CLAIM returns false to
 * stop the parse (its writer failed). The document returned lists no claims, sentences or
 * headings; NULL only when out of memory. A claim's headings give their level, marker, title
 * and parent; their `plan` is settled only where a claim's modality asked (doc.c, heading), so
 * ON_CLAIM reads the claim's modality rather than it. The document's positions are indexed
 * only when it has diagnostics: without, cl_doc_position counts from the start of the text at
 * each call. */
typedef bool (*cl_claim_fn)(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id);
cl_doc *cl_parse_adopt_each(const char *name, unsigned char *data, size_t len,
                            cl_claim_fn on_claim, void *arg);

/* Streaming the outline, for --format json: START once the text is decoded (encoding, plan,
 * length known), then headings and sentences in document order, each once final (a heading
 * when its title is known, a sentence when its claims are: its last may yet become the total
 * of the next sentence's progress claim), the sentence with its claims (CLAIMS[0..claim_count),
 * ids from first_claim on). Nothing is kept: the document returned lists no claims, sentences
 * or headings. A callback returns false to stop the parse. */
typedef struct {
    bool (*start)(void *arg, const cl_doc *doc);
    bool (*heading)(void *arg, const cl_doc *doc, const cl_section *s);
    bool (*sentence)(void *arg, const cl_doc *doc, const cl_sentence *s, const cl_claim *claims);
    void *arg;
} cl_outline_fn;
cl_doc *cl_parse_adopt_outline(const char *name, unsigned char *data, size_t len,
                               const cl_outline_fn *fn);

/* A parse that keeps the claims but neither sentences nor headings (--format html: a page
 * needs every claim before its text, and nothing of the outline). */
cl_doc *cl_parse_adopt_claims(const char *name, unsigned char *data, size_t len);

void cl_doc_diag_add(cl_doc *doc, cl_severity sev, const char *code, const char *message,
                     cl_span span);
static inline cl_span cl_span_of(uint32_t start, uint32_t end)
{
    cl_span s = {start, end};
    return s;
}

#endif
