/* emit.h — the writers: every format on the writer core (wbuf.h, wjson.h), and the claim's
 * JSON that JSON, JSON Lines and HTML share (emit_claim.c).
 *
 * Each format has a function writing into a cl_wbuf (the command line hands it chunks of
 * about CL_WBUF_FLUSH bytes) and the public one of claimc.h, writing to a FILE through it. */
#ifndef CL_EMIT_H
#define CL_EMIT_H

#include "ast.h"
#include "textpos.h"
#include "wjson.h"

/* -- a claim as JSON (emit_claim.c) ---------------------------------------------------------- */

/* What the claims of a document share: the document, the line and column cursor, the names
 * kept. Big (the names): on the heap, or static. Zeroed before the first use. */
typedef struct {
    const cl_doc *doc;
    cl_textpos pos;
    cl_jnames names;
} cl_jclaims;
/* Before the claims of DOC (a new document resets the cursor). */
void cl_jclaims_start(cl_jclaims *x, const cl_doc *doc);
/* Room for cl_w_claim or cl_w_claim_pretty at DEPTH. */
size_t cl_claim_bound(cl_jclaims *x, const cl_claim *c, int depth);
/* The claim's JSON object, left open for more keys (or a '}'): compact, or as cJSON_Print
 * lays it out with its keys at DEPTH. */
char *cl_w_claim(char *o, cl_jclaims *x, const cl_claim *c, size_t id);
char *cl_w_claim_pretty(char *o, cl_jclaims *x, const cl_claim *c, size_t id, int depth);
/* {"start", "end"[, "line", "column"]}, keys at DEPTH. At most 128 + CL_J_KEY_ROOM(DEPTH) * 4. */
char *cl_w_span(char *o, cl_textpos *pos, cl_span s, bool with_position, bool pretty, int depth);

/* A heading's title as the section path shows it: its marker when it has no title. */
cl_span cl_section_title(const cl_section *s);

/* The end of a JSON Lines record: ,"doc":NAME[,"meta":{...}],"section":[TITLES]}\n. It is the same for every
 * claim of a section, so the last one is kept (a heading's title may be a whole sentence:
 * escaping it again for each claim was a tenth of the JSONL writer's time); from one section
 * to the next, the headings both have keep their bytes too. Zeroed before the first use;
 * cl_jtail_reset before another document. RAW_NAME: the name as cJSON prints a C string (the
 * HTML page's data), not with U+FFFD for invalid UTF-8. */
typedef struct {
    char *p;
    size_t len, cap;
    size_t head;                  /* the bytes of ,"doc":NAME,"section":[ once written */
    const cl_section *section;    /* whose tail P holds, when LEN > 0 */
    int depth;
    const cl_section *path[64];   /* its headings from the outermost down, */
    size_t ends[64];              /* and where the title of each ends in P */
    bool raw_name;
    const char *meta;             /* the input record's fields (meta.c), or NULL: after "doc" */
} cl_jtail;
bool cl_jtail_for(cl_jtail *t, const cl_doc *doc, const cl_section *s);   /* false: no memory */
void cl_jtail_reset(cl_jtail *t);
void cl_jtail_free(cl_jtail *t);

/* -- JSON Lines, one claim at a time (emit_jsonl.c) ------------------------------------------ */

/* What cl_write_jsonl does for a whole document, and what --format jsonl does as a streaming
 * parse hands out claims (cl_parse_adopt_each). cl_jsonl_claim returns false once writing
 * failed; cl_jsonl_close flushes, frees, and returns 0, or -1 on a write error. */
typedef struct cl_jsonl_writer cl_jsonl_writer;
cl_jsonl_writer *cl_jsonl_open(FILE *out);
/* The same into B, which stays the caller's (cl_jsonl_close flushes it, and neither frees
 * nor closes it). */
cl_jsonl_writer *cl_jsonl_open_buf(cl_wbuf *b);
bool cl_jsonl_claim(cl_jsonl_writer *w, const cl_doc *doc, const cl_claim *c, size_t id);
int cl_jsonl_close(cl_jsonl_writer *w);
/* The record META (a compact JSON object, or NULL) goes into each claim of the documents
 * written from now on, as "meta" after "doc"; META must outlive them. */
void cl_jsonl_meta(cl_jsonl_writer *w, const char *meta);
/* cl_jsonl_claim as a cl_claim_fn: cl_parse_adopt_each(name, data, len, cl_jsonl_take, w). */
bool cl_jsonl_take(void *writer, const cl_doc *doc, const cl_claim *claim, size_t id);

/* -- CSV, one claim at a time (emit_csv.c): as the JSONL writer above, for --format csv ---- */
typedef struct cl_csv_writer cl_csv_writer;
cl_csv_writer *cl_csv_open_buf(cl_wbuf *b);
void cl_csv_meta(cl_csv_writer *w, const char *meta);   /* else each document's own */
bool cl_csv_take(void *writer, const cl_doc *doc, const cl_claim *claim, size_t id);
int cl_csv_close(cl_csv_writer *w);   /* flushes B (not freed), frees W: 0, or -1 */

/* -- the JSON Document as a parse hands out its outline (emit_json.c), for --format json:
 * a document's claims, sentences and outline are never all in memory. META: a record's fields,
 * else the document's own. cl_json_stream_close writes the rest (diagnostics, stats) and
 * flushes B: 0, or -1. */
typedef struct cl_json_stream cl_json_stream;
cl_json_stream *cl_json_stream_open(cl_wbuf *b, bool pretty, const char *meta,
                                    cl_outline_fn *fn);
int cl_json_stream_close(cl_json_stream *s, const cl_doc *doc);

/* -- every format into a buffer (0, or -1 when out of memory or writing failed) -------------- */

int cl_json_write(cl_wbuf *b, const cl_doc *doc, bool pretty);     /* emit_json.c */
int cl_jsonl_write(cl_wbuf *b, const cl_doc *doc);                 /* emit_jsonl.c */
int cl_csv_write(cl_wbuf *b, const cl_doc *doc);                   /* emit_csv.c */
int cl_html_write(cl_wbuf *b, const cl_doc *doc, size_t index);    /* emit_html.c */
int cl_tokens_write(cl_wbuf *b, const cl_doc *doc);                /* emit_tokens.c */

#endif
