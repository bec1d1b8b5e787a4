/* emit.h — pieces the emitters share. */
#ifndef CL_EMIT_H
#define CL_EMIT_H

#include <cjson/cJSON.h>

#include "doc.h"

cJSON *cl_claim_json(const cl_doc *doc, const cl_claim *c, size_t id);
/* N bytes of TEXT as a JSON string, NUL and invalid UTF-8 byte by byte as U+FFFD (emit_json.c):
 * every string from the document's text goes out through this. NULL when out of memory. */
cJSON *cl_json_text(const char *text, size_t n);
/* The heading titles from the outermost down to S, as a JSON array of strings. */
cJSON *cl_section_path_json(const cl_doc *doc, const cl_section *s);
/* JSON Lines through cJSON trees: the reference for cl_write_jsonl (emit_jsonl.c), which must
 * write the same bytes; tests/jsonl_same.c compares them. Returns 0, or -1 on a write error. */
int cl_write_jsonl_cjson(const cl_doc *doc, FILE *out);

/* JSON Lines, one claim at a time (emit_jsonl.c): what cl_write_jsonl does for a whole document,
 * and what --format jsonl does as a streaming parse hands out claims (cl_parse_adopt_each).
 * cl_jsonl_claim returns false once writing failed; cl_jsonl_close flushes, frees, and returns
 * 0, or -1 on a write error. */
typedef struct cl_jsonl_writer cl_jsonl_writer;
cl_jsonl_writer *cl_jsonl_open(FILE *out);
bool cl_jsonl_claim(cl_jsonl_writer *w, const cl_doc *doc, const cl_claim *c, size_t id);
int cl_jsonl_close(cl_jsonl_writer *w);
/* cl_jsonl_claim as a cl_claim_fn: cl_parse_adopt_each(name, data, len, cl_jsonl_take, w). */
bool cl_jsonl_take(void *writer, const cl_doc *doc, const cl_claim *claim, size_t id);

/* Line and column of byte offsets asked for in any order, as cl_doc_position answers them, from
 * a cursor of the caller's (emit_jsonl.c): the document itself is only read. */
typedef struct {
    const unsigned char *text;
    size_t len, offset;
    uint32_t line, column;
    /* where the next LF and CR after OFFSET may be: there is none before (emit_jsonl.c) */
    size_t next_lf, next_cr;
    size_t look_ahead;   /* how far past an offset asked for they are looked for */
    /* no CR before it, in the text up to the offsets asked for: 0 after cl_textpos_init (a CR
     * may be anywhere); the JSONL writer sets the document's first_cr (doc.h) */
    size_t first_cr;
} cl_textpos;
/* A cursor for many questions in text order (the JSONL writer's): line breaks are looked for a
 * little ahead, so each is found once. For one question (cl_doc_position): set look_ahead to
 * 0 after cl_textpos_init, else that question also searches past its offset. */
void cl_textpos_init(cl_textpos *p, const char *text, size_t len);
void cl_textpos_at(cl_textpos *p, size_t offset, uint32_t *line, uint32_t *column);

#endif
