/* _utf8.h — a str from UTF-8 bytes, made directly in its final kind (_utf8.c). */
#ifndef CLAIMC_PY_UTF8_H
#define CLAIMC_PY_UTF8_H

#include <Python.h>

/* The str of the N bytes at S, as PyUnicode_DecodeUTF8(S, N, NULL) gives it (which it calls for
 * what it does not take itself: long strings, characters beyond U+FFFF, malformed bytes). */
PyObject *utf8_str(const char *s, size_t n);

#endif
