/* decode.h — bytes of any supported encoding to the UTF-8 text the lexer reads. */
#ifndef CL_DECODE_H
#define CL_DECODE_H

#include "ast.h"

/* Sets doc->text (NUL-terminated, in the arena), doc->len and doc->encoding; records
 * diagnostics. Returns false when the input is not text at all (binary) or memory ran out.
 * With ROOM (DATA itself, writable, LEN + 1 bytes long), UTF-8 input is used where it is rather
 * than copied: doc->owned takes ROOM then. */
bool cl_decode(cl_doc *doc, const unsigned char *data, size_t len, unsigned char *room);

#endif
