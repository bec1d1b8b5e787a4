/* claimc.h — public API: parse a Chinese government report into a typed AST of claims.
 *
 * A cl_doc owns everything reachable from it (one arena per document), so one call to
 * cl_doc_free() releases it all. Nothing here prints or keeps global state: documents may be
 * parsed on several threads at once.
 *
 * Using it: `#include <claimc.h>` and link with `pkg-config --cflags --libs claimc` (shared
 * libclaimc.so.0) or `pkg-config --static --libs claimc` (libclaimc.a). examples/summary.c is
 * a complete program. Strings and pointers a cl_doc hands out stay valid until cl_doc_free().
 * One document may be read from several threads at once, except by cl_doc_position() and what
 * calls it (cl_write_json, _csv, _tokens, cl_check, cl_write_findings): it keeps a cursor
 * inside the document. */
#ifndef CLAIMC_H
#define CLAIMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CLAIMC_VERSION "0.1.0"   /* the build reads the library's version and soname from here */

/* The exported symbols of the shared library: it is built with -fvisibility=hidden, so only
 * declarations marked CLAIMC_API are visible to programs (tests/run_install.sh checks that the
 * exported set equals the functions declared here). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define CLAIMC_API __attribute__((visibility("default")))
#else
#define CLAIMC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A byte range of the document's UTF-8 text, end exclusive. */
typedef struct { uint32_t start, end; } cl_span;

/* An exact decimal: (neg ? -1 : 1) * mant * 10^exp. Never a double, so 52.854万 is exactly
 * 528540. neg only for a numeral written with a minus (自然增长率-1.2‰). */
typedef struct { uint64_t mant; int32_t exp; bool neg; } cl_dec;

typedef enum {  /* ORDER KIND: cl_kind_name() */
    CL_COUNT, CL_AMOUNT, CL_MONEY, CL_MEASURE, CL_RATE, CL_CHANGE, CL_PROGRESS, CL_RANK
} cl_kind;
#define CL_NKINDS (CL_RANK + 1)   /* for (k = 0; k < CL_NKINDS; k++) over every kind */
typedef enum { CL_ACTUAL, CL_TARGET } cl_modality;
typedef enum { CL_DIR_NONE, CL_DIR_UP, CL_DIR_DOWN, CL_DIR_FLAT, CL_DIR_IMPROVE } cl_direction;
typedef enum { CL_APPROX_NONE, CL_APPROX_ABOUT, CL_APPROX_MORE_THAN, CL_APPROX_AT_LEAST,
               CL_APPROX_AT_MOST } cl_approx;

typedef struct {
    bool has_value;        /* false only for 持平 (a flat change with no number) */
    bool has_hi;           /* a range: 3至5个 */
    cl_dec value, value_hi;
    const char *unit;      /* canonical: "%", "pp", "CNY", "t", "个", "" ... */
    cl_span unit_text;     /* the unit as written, including a 万/亿 multiplier */
    cl_approx approx;
    cl_span span;          /* the numeral and unit as written ("raw") */
} cl_quantity;

typedef struct cl_section cl_section;

typedef struct {
    cl_kind kind;
    cl_modality modality;
    cl_span span;          /* the claim's text */
    cl_span subject;       /* start == end: no subject */
    cl_quantity quantity;  /* every kind but progress */
    cl_quantity done, total;  /* progress only */
    cl_direction direction;   /* change only */
    cl_span baseline;         /* change only; start == end: none written */
    bool distributive;        /* one of several values given with 分别 */
    const cl_section *section;  /* innermost enclosing heading, NULL at top level */
    const char *indicator;    /* the subject's canonical indicator (grammar/indicators.tsv:
                               * "pm25_concentration", "gdp" ...), NULL where none fits */
} cl_claim;

struct cl_section {
    int level;             /* 1 一、 2 （一） 3 1. 4 （1） 5 一是 */
    cl_span marker, title;
    bool plan;             /* a plan heading: claims under it are targets */
    const cl_section *parent;
};

typedef enum { CL_SEV_WARNING, CL_SEV_ERROR } cl_severity;
typedef struct {
    cl_severity severity;
    const char *code;      /* stable, machine-readable: "invalid-utf8", "number-overflow" ... */
    const char *message;
    cl_span span;
} cl_diag;

typedef struct cl_doc cl_doc;

/* Parse LEN bytes of DATA (any encoding claimc detects: UTF-8, UTF-8 with BOM, UTF-16 with
 * BOM, GB18030). NAME labels the document in output. Returns NULL only when out of memory;
 * problems with the input are diagnostics of the returned document. */
CLAIMC_API cl_doc *cl_parse(const char *name, const void *data, size_t len);
/* cl_parse for a buffer given away: DATA comes from malloc and has room for LEN + 1 bytes (a
 * file read whole, with one byte to spare). UTF-8 text is parsed where it is, without a copy;
 * DATA is freed with the document (or at once, when it had to be converted). */
CLAIMC_API cl_doc *cl_parse_adopt(const char *name, unsigned char *data, size_t len);
CLAIMC_API void cl_doc_free(cl_doc *doc);

CLAIMC_API const char *cl_doc_name(const cl_doc *doc);
/* "utf-8", "gb18030", "utf-16le" ... */
CLAIMC_API const char *cl_doc_encoding(const cl_doc *doc);
/* "simplified", "traditional" or "mixed": the script of the text's Chinese characters */
CLAIMC_API const char *cl_doc_script(const cl_doc *doc);
CLAIMC_API const char *cl_doc_text(const cl_doc *doc);       /* the UTF-8 text spans refer to */
CLAIMC_API size_t cl_doc_text_len(const cl_doc *doc);
CLAIMC_API bool cl_doc_is_plan(const cl_doc *doc);
CLAIMC_API size_t cl_doc_claim_count(const cl_doc *doc);
CLAIMC_API const cl_claim *cl_doc_claim(const cl_doc *doc, size_t i);
CLAIMC_API size_t cl_doc_diag_count(const cl_doc *doc);
CLAIMC_API const cl_diag *cl_doc_diag(const cl_doc *doc, size_t i);
CLAIMC_API bool cl_doc_failed(const cl_doc *doc);            /* an error diagnostic was recorded */

/* 1-based line and column (in characters) of a byte offset. */
CLAIMC_API void cl_doc_position(const cl_doc *doc, uint32_t offset, uint32_t *line,
                                uint32_t *column);

CLAIMC_API const char *cl_kind_name(cl_kind kind);
CLAIMC_API const char *cl_direction_name(cl_direction dir);  /* NULL for CL_DIR_NONE */
CLAIMC_API const char *cl_approx_name(cl_approx approx);     /* NULL for CL_APPROX_NONE */
#define CL_DEC_BUFSIZE 64   /* room for any cl_dec_format() result */
/* Write D as a decimal literal into BUF (at least CL_DEC_BUFSIZE bytes); returns BUF. */
CLAIMC_API char *cl_dec_format(cl_dec d, char *buf);
CLAIMC_API double cl_dec_to_double(cl_dec d);

/* Output. Each returns 0 on success, -1 on a write error. */
CLAIMC_API int cl_write_json(const cl_doc *doc, FILE *out, bool pretty);
CLAIMC_API int cl_write_jsonl(const cl_doc *doc, FILE *out);
CLAIMC_API int cl_write_tokens(const cl_doc *doc, FILE *out);

/* -- sentences, CSV, HTML, the auditor's check (src/ast.c, emit_csv.c, emit_html.c,
 *    check.c) -- */

/* One sentence: its span and its claims, which are claims first_claim .. +claim_count-1. */
typedef struct {
    cl_span span;
    const cl_section *section;
    size_t first_claim, claim_count;
} cl_sentence_view;
CLAIMC_API size_t cl_doc_sentence_count(const cl_doc *doc);
CLAIMC_API bool cl_doc_sentence(const cl_doc *doc, size_t i, cl_sentence_view *out);

/* CSV (RFC 4180: CRLF, quoted where needed): one header row, then one row per claim. */
CLAIMC_API int cl_write_csv_header(FILE *out);
CLAIMC_API int cl_write_csv(const cl_doc *doc, FILE *out);

/* HTML: one self-contained page (inline CSS and JS). Write the head once, one article per
 * document (INDEX keeps element ids unique across documents), then the tail. */
CLAIMC_API int cl_write_html_head(FILE *out, const char *title);
CLAIMC_API int cl_write_html(const cl_doc *doc, FILE *out, size_t index);
CLAIMC_API int cl_write_html_tail(FILE *out);

/* claimc check: cross-checks of the arithmetic of the claims in each sentence. */
typedef enum { CL_FIND_INFO, CL_FIND_WARNING, CL_FIND_ERROR } cl_find_level;
typedef struct {
    const char *name;      /* "done", "total", "implied_total", "direction" ... */
    const char *text;      /* a word figure, or NULL for a number */
    double value;
} cl_figure;
#define CL_FINDING_CLAIMS 4
#define CL_FINDING_FIGURES 8
typedef struct {
    const char *code;      /* stable: "progress-exceeds-total" ... (docs/README-formats.md) */
    cl_find_level level;
    char message[256];
    cl_span sentence;
    size_t nclaims, claims[CL_FINDING_CLAIMS];      /* claim ids (indices) involved */
    size_t nfigures;
    cl_figure figures[CL_FINDING_FIGURES];
} cl_finding;
/* The findings of DOC in document order, in a malloc'd array the caller frees; *N gets their
 * number. NULL with *N = 0 when there are none, or when out of memory. */
CLAIMC_API cl_finding *cl_check(const cl_doc *doc, size_t *n);
CLAIMC_API const char *cl_find_level_name(cl_find_level level);  /* "info" ... "error" */
/* Write findings as JSON Lines (one object per finding) or, with TEXT, as
 * `doc:line:col: level: message [code]` lines. */
CLAIMC_API int cl_write_findings(const cl_doc *doc, const cl_finding *f, size_t n, FILE *out,
                                 bool text);

/* -- an input record's other fields (src/meta.c) -- */

/* JSON, a JSON object (the input record's fields but its text: {"id": 7, "city": "鄂州"}),
 * goes into every claim of DOC as "meta": JSONL and JSON output, and the CSV's meta column.
 * Copied (compact, valid UTF-8); NULL or {} removes it. False when JSON is not an object. */
CLAIMC_API bool cl_doc_set_meta(cl_doc *doc, const char *json);
CLAIMC_API const char *cl_doc_meta(const cl_doc *doc);   /* NULL when none */

/* -- results as buffers, many inputs on the library's threads (src/extract.c): for bindings
 *    such as the Python package, which would otherwise need FILE streams -- */

typedef struct {
    char *jsonl;           /* the claims as --format jsonl writes them, one record a line */
    size_t jsonl_len;
    char *diags;           /* one JSON object a line per diagnostic: severity, code, message,
                            * start (the byte offset), line, column; a file that could not be
                            * read gives one with code "cannot-read" */
    size_t diags_len;
    bool failed;           /* an error diagnostic, or the input could not be read */
} cl_result;
CLAIMC_API void cl_result_free(cl_result *r);   /* frees the buffers (R itself is the caller's) */

/* Parse LEN bytes of DATA, labelled NAME, with META (a JSON object, or NULL) for each claim, into
 * *OUT. Returns 0, or -1 when out of memory or META is not an object (OUT then holds nothing). */
CLAIMC_API int cl_extract(const char *name, const void *data, size_t len, const char *meta,
                          cl_result *out);

/* N files (paths are copied), read and parsed on JOBS threads of the library's (0: one a core);
 * results come back in input order by cl_batch_next, which waits for the next one. At most a
 * window of inputs is parsed ahead of the caller, so memory stays bounded however many. */
typedef struct cl_batch cl_batch;
CLAIMC_API cl_batch *cl_batch_open(const char *const *paths, size_t n, int jobs);
/* The next input's result into *OUT (freed with cl_result_free); false after the last. */
CLAIMC_API bool cl_batch_next(cl_batch *b, cl_result *out);
/* Stops the threads (inputs not handed out are dropped) and frees B. */
CLAIMC_API void cl_batch_close(cl_batch *b);

#ifdef __cplusplus
}
#endif

#endif
