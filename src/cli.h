/* cli.h — the command line's engine: inputs in, documents parsed (in parallel), output in order. */
#ifndef CL_CLI_H
#define CL_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "output.h"

typedef enum { CL_FMT_JSON, CL_FMT_JSONL, CL_FMT_TOKENS, CL_FMT_CSV, CL_FMT_HTML,
               CL_FMT_CHECK, CL_FMT_CHECK_TEXT } cl_format;   /* CHECK*: claimc check */

typedef struct {
    cl_format format;
    bool pretty;
    bool jsonl_input;
    bool quiet;
    int jobs;
    int fail_level;        /* claimc check: a finding at this cl_find_level or above fails */
    bool progress;         /* draw a progress bar on stderr (a terminal, several files) */
} cl_cli_options;

/* Parse every input and write the output to OUT in input order; diagnostics go to stderr.
 * Returns false when any input failed (or a write did: cl_output_close says which). */
bool cl_run(const cl_cli_options *opt, char *const *files, int nfiles, cl_output *out);

#endif
