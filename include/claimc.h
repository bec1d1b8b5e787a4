/* claimc.h — public API: parse a Chinese government report into a typed AST of claims.
 *
 * A cl_doc owns everything reachable from it (one arena per document), so one call to
 * cl_doc_free() releases it all. Nothing here prints or keeps global state: documents may be
 * parsed on several threads at once. */
#ifndef CLAIMC_H
#define CLAIMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CLAIMC_VERSION "0.1.0"

/* A byte range of the document's UTF-8 text, end exclusive. */
typedef struct { uint32_t start, end; } cl_span;

/* An exact decimal: mant * 10^exp. Never a double, so 52.854万 is exactly 528540. */
typedef struct { uint64_t mant; int32_t exp; } cl_dec;

typedef enum {  /* ORDER KIND: cl_kind_name() */
    CL_COUNT, CL_AMOUNT, CL_MONEY, CL_MEASURE, CL_RATE, CL_CHANGE, CL_PROGRESS, CL_RANK
} cl_kind;
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
cl_doc *cl_parse(const char *name, const void *data, size_t len);
void cl_doc_free(cl_doc *doc);

const char *cl_doc_name(const cl_doc *doc);
const char *cl_doc_encoding(const cl_doc *doc);   /* "utf-8", "gb18030", "utf-16le" ... */
const char *cl_doc_text(const cl_doc *doc);       /* the UTF-8 text spans refer to */
size_t cl_doc_text_len(const cl_doc *doc);
bool cl_doc_is_plan(const cl_doc *doc);
size_t cl_doc_claim_count(const cl_doc *doc);
const cl_claim *cl_doc_claim(const cl_doc *doc, size_t i);
size_t cl_doc_diag_count(const cl_doc *doc);
const cl_diag *cl_doc_diag(const cl_doc *doc, size_t i);
bool cl_doc_failed(const cl_doc *doc);            /* an error diagnostic was recorded */

/* 1-based line and column (in characters) of a byte offset. */
void cl_doc_position(const cl_doc *doc, uint32_t offset, uint32_t *line, uint32_t *column);

const char *cl_kind_name(cl_kind kind);
const char *cl_direction_name(cl_direction dir);  /* NULL for CL_DIR_NONE */
const char *cl_approx_name(cl_approx approx);     /* NULL for CL_APPROX_NONE */
/* Write D as a decimal literal into BUF (at least 64 bytes); returns BUF. */
char *cl_dec_format(cl_dec d, char *buf);
double cl_dec_to_double(cl_dec d);

/* Output. Each returns 0 on success, -1 on a write error. */
int cl_write_json(const cl_doc *doc, FILE *out, bool pretty);
int cl_write_jsonl(const cl_doc *doc, FILE *out);
int cl_write_tokens(const cl_doc *doc, FILE *out);

#endif
