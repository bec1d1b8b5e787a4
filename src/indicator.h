/* indicator.h — the canonical indicator a claim's subject names (grammar/indicators.tsv, made
 * into build/indicators_table.c by tools/gen_indicators.awk): what lets a user line up the same
 * measure across reports. Read-only tables: safe from any thread. */
#ifndef CL_INDICATOR_H
#define CL_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "claimc.h"

typedef struct {
    const char *id;     /* gdp, pm25_concentration ... */
    const char *kind;   /* the unit kind of its level: money, percent, concentration ... */
} cl_indicator_row;

typedef struct {
    uint16_t row;       /* row + 1; 0: an empty slot */
    uint32_t off;       /* the normalised name in cl_indicator_names */
    uint8_t len;
} cl_indicator_slot;

extern const cl_indicator_row cl_indicator_rows[];
extern const int cl_indicator_count;

/* The id of the indicator that the N bytes of SUBJECT at S name, for a claim of KIND whose
 * value has the unit dimension DIM (a cl_dim, -1 for none) and the canonical unit UNIT (""
 * for none; for progress the done part's): the longest
 * name the subject ends with, else the longest name inside it, among the rows whose unit kind
 * fits; NULL when none. */
const char *cl_indicator_of(const char *s, size_t n, cl_kind kind, int dim, const char *unit);
/* The table's id ID (the row's own string), or NULL when the table has no such row. */
const char *cl_indicator_named(const char *id);

#endif
