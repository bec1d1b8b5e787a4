/* textpos.h — line and column of byte offsets asked for in any order (textpos.c). */
#ifndef CL_TEXTPOS_H
#define CL_TEXTPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Line and column of byte offsets asked for in any order, as cl_doc_position answers them, from
 * a cursor of the caller's: the text itself is only read. */
typedef struct {
    const unsigned char *text;
    size_t len, offset;
    uint32_t line, column;
    /* where the next LF and CR after OFFSET may be: there is none before (textpos.c) */
    size_t next_lf, next_cr;
    size_t look_ahead;   /* how far past an offset asked for they are looked for */
    /* no CR before it, in the text up to the offsets asked for: 0 after cl_textpos_init (a CR
     * may be anywhere); the writers set the document's first_cr (ast.h) */
    size_t first_cr;
} cl_textpos;
/* A cursor for many questions in text order (the writers'): line breaks are looked for a
 * little ahead, so each is found once. For one question (cl_doc_position): set look_ahead to
 * 0 after cl_textpos_init, else that question also searches past its offset. */
void cl_textpos_init(cl_textpos *p, const char *text, size_t len);
void cl_textpos_at(cl_textpos *p, size_t offset, uint32_t *line, uint32_t *column);

#endif
