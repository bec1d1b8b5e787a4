/* table.h — the value cells of tables scraped into text (table.c). */
#ifndef CL_TABLE_H
#define CL_TABLE_H

#include "sentence.h"

/* S, a bare number folded by the filter on the line starting at LINE_START: when it fills a
 * table cell whose column header writes a unit (| 绝对数 (亿元) | 比上年增长 (%) |), S takes
 * that unit; *DIR is the change's direction where the header names a growth, else
 * CL_DIR_NONE; *LABEL is the row's first cell (地区生产总值). False, S untouched, otherwise. */
/* MEMO (zeroed at first) keeps the last table's header line for the rows right below it. */
#define CL_TABLE_MEMO_COLS 8
typedef struct {
    uint32_t row_end, header_start, header_end;
    struct { bool known, growth; int mult, row; cl_span text; } col[CL_TABLE_MEMO_COLS];   /* from the right */
} cl_table_memo;
bool cl_table_cell(const cl_doc *doc, uint32_t line_start, cl_table_memo *memo, cl_stok *s,
                   int *dir, cl_span *label);

#endif
