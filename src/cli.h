/* cli.h — the command line's engine: inputs in, documents parsed (in parallel), output in order. */
#ifndef CL_CLI_H
#define CL_CLI_H

#include <stdbool.h>
#include <stdio.h>

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

/* -o FILE: written to a temporary file beside it and renamed at the end, so a killed run never
 * leaves a truncated FILE. Without a name, standard output. */
typedef struct {
    FILE *file;
    const char *shown;     /* its name in a message: FILE, or "standard output" */
    int err;               /* the errno of the first write that failed, 0 while none has */
    char *final_name, *temp_name;
} cl_output;

/* Parse every input and write the output to OUT in input order; diagnostics go to stderr.
 * Returns false when any input failed (or a write did: cl_output_close says which). */
bool cl_run(const cl_cli_options *opt, char *const *files, int nfiles, cl_output *out);
bool cl_output_open(cl_output *o, const char *name);
/* Renames into place unless writing failed. Returns false on a write error, after a message
 * that names the output and the reason, as GNU tools give it:
 * `claimc: write error: standard output: No space left on device`. */
bool cl_output_close(cl_output *o, bool keep);

#endif
