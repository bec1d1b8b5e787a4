/* output.h — where the CLI writes: standard output, or -o FILE replaced atomically. */
#ifndef CL_OUTPUT_H
#define CL_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/* -o FILE: written to a temporary file beside it and renamed at the end, so a killed run never
 * leaves a truncated FILE. Without a name, standard output. */
typedef struct {
    FILE *file;
    const char *shown;     /* its name in a message: FILE, or "standard output" */
    int err;               /* the errno of the first write that failed, 0 while none has */
    char *final_name, *temp_name;
} cl_output;

/* Opens NAME ("-" or NULL: standard output); false, after a message, when it cannot. */
bool cl_output_open(cl_output *o, const char *name);
/* Renames into place unless writing failed. Returns false on a write error, after a message
 * that names the output and the reason, as GNU tools give it:
 * `claimc: write error: standard output: No space left on device`. */
bool cl_output_close(cl_output *o, bool keep);

#endif
