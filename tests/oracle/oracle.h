/* oracle.h — the writers as they were before the writer core: cJSON trees for JSON and JSON
 * Lines, stdio for CSV, HTML and tokens. tests/writers_same.c (and tests/jsonl_same.c, the
 * fuzz target, bench/lexbench.c) check that the core writes exactly their bytes. */
#ifndef CL_ORACLE_H
#define CL_ORACLE_H

#include <stdio.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "ast.h"

cJSON *oracle_claim_json(const cl_doc *doc, const cl_claim *c, size_t id);
cJSON *oracle_section_path_json(const cl_doc *doc, const cl_section *s);
int oracle_write_json(const cl_doc *doc, FILE *out, bool pretty);
int oracle_write_jsonl(const cl_doc *doc, FILE *out);
int oracle_write_csv_header(FILE *out);
int oracle_write_csv(const cl_doc *doc, FILE *out);
int oracle_write_html_head(FILE *out, const char *title);
int oracle_write_html(const cl_doc *doc, FILE *out, size_t index);
int oracle_write_html_tail(FILE *out);
int oracle_write_tokens(const cl_doc *doc, FILE *out);

#endif
