/* _utf8.c — a str from UTF-8 bytes, made directly in its final kind.
 *
 * A claim's text, subject and raw are Chinese: PyUnicode_DecodeUTF8 starts each as ASCII,
 * widens its buffer at the first CJK character and trims it at the end, some 700 instructions
 * a string (callgrind: a fifth of the records' decoding). Here ASCII is one 8-byte test a word
 * and a copy; anything else is decoded once into UCS-2 on the stack, its widest character
 * noted, and copied into a str made at its final size and kind. Characters beyond U+FFFF,
 * strings over STACK_CHARS and any malformed byte (overlong forms, surrogates, truncated
 * sequences) go to PyUnicode_DecodeUTF8, so the result and the errors are always its own. */
#include "_utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define STACK_CHARS 512

static bool all_ascii(const unsigned char *p, size_t n)
{
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        any |= x;
    }
    for (; i < n; i++)
        any |= p[i];
    return !(any & 0x8080808080808080u);
}

static bool continues(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* P's N bytes into OUT as UCS-2: the number of characters and *MAX the widest, or -1 when
 * they are not well-formed UTF-8 of the BMP. */
static Py_ssize_t to_ucs2(const unsigned char *p, size_t n, Py_UCS2 *out, Py_UCS2 *max)
{
    const unsigned char *e = p + n;
    Py_UCS2 *o = out, top = 0;
    while (p < e) {
        unsigned c = *p;
        Py_UCS2 cp;
        if (c < 0x80) {
            cp = (Py_UCS2)c;
            p++;
        } else if (c >= 0xC2 && c <= 0xDF && e - p >= 2 && continues(p[1])) {
            cp = (Py_UCS2)(((c & 0x1F) << 6) | (p[1] & 0x3F));
            p += 2;
        } else if (c >= 0xE0 && c <= 0xEF && e - p >= 3 && continues(p[1]) && continues(p[2])) {
            cp = (Py_UCS2)(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))   /* overlong, surrogate */
                return -1;
            p += 3;
        } else {
            return -1;   /* beyond the BMP, or malformed */
        }
        top = cp > top ? cp : top;
        *o++ = cp;
    }
    *max = top;
    return o - out;
}

PyObject *utf8_str(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (all_ascii(p, n)) {
        PyObject *str = PyUnicode_New((Py_ssize_t)n, 127);
        if (str)
            memcpy(PyUnicode_DATA(str), s, n);
        return str;
    }
    Py_UCS2 buf[STACK_CHARS], max;
    Py_ssize_t len = n <= STACK_CHARS ? to_ucs2(p, n, buf, &max) : -1;
    if (len < 0)
        return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    PyObject *str = PyUnicode_New(len, max);
    if (!str)
        return NULL;
    if (PyUnicode_KIND(str) == PyUnicode_2BYTE_KIND) {
        memcpy(PyUnicode_DATA(str), buf, (size_t)len * sizeof *buf);
    } else {   /* Latin-1 only: one byte a character */
        Py_UCS1 *o = PyUnicode_1BYTE_DATA(str);
        for (Py_ssize_t i = 0; i < len; i++)
            o[i] = (Py_UCS1)buf[i];
    }
    return str;
}
