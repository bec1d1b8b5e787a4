/* compare.h — claimc compare: the claims of several reports side by side, one row per indicator
 * (its subject where no indicator), one column per document, and each stated change checked
 * against the levels of the report before (compare.c builds the table, compare_out.c writes it). */
#ifndef CL_COMPARE_H
#define CL_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "claimc.h"

/* What a change stated in one report says of the level in the report before. */
typedef enum { CL_CHECK_NONE, CL_CHECK_AGREES, CL_CHECK_ROUNDING, CL_CHECK_DISAGREES } cl_check_status;

typedef struct {
    cl_check_status status;
    bool as_points;        /* a % change read as percentage points (a rate's change) */
    double implied, low, high;   /* the level before, as the change implies it, and its range */
    double stated;         /* the level the report before gives */
    double step;           /* the last place of the stated level as written (26.3: 0.1) */
} cl_change_check;

typedef struct {
    const cl_claim *level;     /* the row's first level claim in this document, or NULL */
    size_t count;              /* level claims of the row in this document */
    const cl_claim *change;    /* a change claim of the same subject in this document, or NULL */
    cl_change_check check;            /* the change against the previous document's level */
} cl_cell;

typedef struct {
    char *key;                 /* the indicator, or the normalised subject */
    const char *unit;          /* canonical (CNY, %, ug/m3, t ...) */
    bool target;               /* target claims: a row of their own */
    size_t first_doc;          /* where the label comes from */
    const cl_claim *first;
    cl_cell *cells;            /* one per document */
} cl_row;

typedef struct {
    cl_doc **docs;
    const char **names;        /* short names for columns: file names without directory */
    size_t ndocs;
    cl_row *rows;
    size_t nrows, cap;
} cl_compare;

/* Build the table of DOCS (parsed with claims; the table points into them). False when out of
 * memory. */
bool cl_compare_build(cl_compare *t, cl_doc **docs, const char **names, size_t ndocs);
void cl_compare_free(cl_compare *t);
/* How many documents the row has a level in. */
size_t cl_compare_row_docs(const cl_row *r, size_t ndocs);
const char *cl_check_name(cl_check_status s);   /* "agrees", "within-rounding" ... */
/* The claim's span of text, for output. */
void cl_compare_label(const cl_compare *t, const cl_row *r, const char **s, size_t *n);

typedef enum { CL_CMP_TABLE, CL_CMP_CSV, CL_CMP_JSON } cl_compare_format;
int cl_compare_write(const cl_compare *t, cl_compare_format f, bool all, FILE *out);

/* claimc compare [OPTIONS] FILE FILE...: ARGV after "compare". Returns the exit status. */
int cl_compare_main(int argc, char **argv);

#endif
