/* ast.h — the data model every stage and writer shares: the document (text, outline,
 * sentences, claims, diagnostics, in one arena), spans and positions. It sits at the bottom:
 * it includes nothing of the pipeline, and every stage and writer includes it. The claim
 * types themselves are public (include/claimc.h). */
#ifndef CL_AST_H
#define CL_AST_H

#include "arena.h"
#include "claimc.h"

typedef struct {
    cl_span span;
    const cl_section *section;
    size_t first_claim, claim_count;
} cl_sentence;

/* A place where the shadow left bytes of the input out (a pinyin gloss, gloss.c): from shadow
 * offset AT on, the input is SHIFT bytes further on (every gloss left out before, together). */
typedef struct { uint32_t at, shift; } cl_gloss_break;

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
    /* The text the rules read: UTF-8, NUL-terminated; with traditional characters or pinyin
     * glosses, a shadow (script.c): traditional characters simplified in place, glosses left
     * out (gloss.c); else the input's text itself. */
    const char *text;
    const char *source;   /* the input's text, which spans point into and output quotes */
    void *owned;          /* the caller's buffer the text was left in (cl_parse_adopt), freed with the doc */
    size_t len;           /* of text */
    size_t source_len;    /* of source: len, and the glosses the shadow left out */
    /* Where the shadow left glosses out (cl_gloss_break, by offset): empty for most texts.
     * The stages work in the shadow's offsets; the driver turns every span it hands out into
     * the input's (cl_doc_source_at), so the output's spans are the input's. */
    cl_vec glosses;
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

/* The sinks a streaming parse hands what is final to (pipeline.h): each claim (ON_CLAIM, with
 * the id a kept document would have given it), or the outline (START once decoded, then
 * headings and sentences with their claims). A sink returns false to stop the parse. */
typedef bool (*cl_claim_fn)(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id);
typedef struct {
    bool (*start)(void *arg, const cl_doc *doc);
    bool (*heading)(void *arg, const cl_doc *doc, const cl_section *s);
    bool (*sentence)(void *arg, const cl_doc *doc, const cl_sentence *s, const cl_claim *claims);
    void *arg;
} cl_outline_fn;

/* A new empty document named NAME ("-" when NULL); NULL when out of memory. */
cl_doc *cl_doc_new(const char *name);

void cl_doc_diag_add(cl_doc *doc, cl_severity sev, const char *code, const char *message,
                     cl_span span);

/* The line and column index of the text (cl_doc_position reads it), once it is final. */
void cl_doc_index_positions(cl_doc *doc);

/* The input's offset of the shadow's offset AT: past the glosses left out at or before it (a
 * gloss belongs to the character before it, so a span ending at that character takes it in). */
uint32_t cl_doc_source_at(const cl_doc *doc, uint32_t at);
cl_span cl_doc_source_span(const cl_doc *doc, cl_span s);
/* The other way: the shadow's offset of the input's offset AT (inside a gloss: where the
 * shadow left it out), for tools that read the text the rules read at an output's span. */
uint32_t cl_doc_shadow_at(const cl_doc *doc, uint32_t at);
/* Every span of claim C (found in the shadow) into the input's offsets. */
void cl_doc_claim_to_source(const cl_doc *doc, cl_claim *c);

static inline cl_span cl_span_of(uint32_t start, uint32_t end)
{
    cl_span s = {start, end};
    return s;
}

#endif
