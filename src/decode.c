/* decode.c — detect the encoding of an input and convert it to UTF-8.
 *
 * UTF-8 with or without BOM is used as is (the BOM is dropped: offsets count from the first
 * character). UTF-16 needs its BOM. Input that is not valid UTF-8 is tried as GB18030, which
 * covers GBK and GB2312; if that fails too, it is read as UTF-8 and the lexer reports each run
 * of invalid bytes. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "decode.h"

/* Offset of the first invalid UTF-8 sequence, or LEN. Rejects overlong forms, surrogates and
 * code points above U+10FFFF, as re2c's -8 automaton does. */
static size_t utf8_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) { n = 2; lo = 0xA0; }
        else if (c == 0xED) { n = 2; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) { n = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) { n = 3; hi = 0x8F; }
        else return i;
        if (i + n >= len)
            return i;   /* truncated at the end */
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

/* Convert with iconv into the arena. Returns false (and the offset of the failure in *bad)
 * when the input is not valid in FROM. */
static bool convert(cl_doc *doc, const char *from, const unsigned char *data, size_t len,
                    size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        *bad = 0;
        return false;
    }
    size_t cap = len * 2 + 16;   /* GB18030 -> UTF-8 grows at most 3/2; UTF-16 at most 3/2 */
    char *out = cl_arena_alloc(&doc->arena, cap + 1);
    if (!out) {
        iconv_close(cd);
        *bad = 0;
        return false;
    }
    char *in = (char *)data, *op = out;
    size_t inleft = len, outleft = cap;
    size_t r = iconv(cd, &in, &inleft, &op, &outleft);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &op, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1 || inleft) {
        *bad = len - inleft;
        return false;
    }
    *op = '\0';
    doc->text = out;
    doc->len = (size_t)(op - out);
    return true;
}

static bool copy_text(cl_doc *doc, const unsigned char *data, size_t len)
{
    char *text = cl_arena_strndup(&doc->arena, (const char *)data, len);
    if (!text)
        return false;
    doc->text = text;
    doc->len = len;
    return true;
}

/* Binary: many control characters that text never has (NUL is counted: UTF-16 without a BOM
 * is binary to us). */
static bool looks_binary(const unsigned char *s, size_t len, size_t *first)
{
    size_t n = len < 8192 ? len : 8192, bad = 0;
    *first = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) {
            if (!bad)
                *first = i;
            bad++;
        }
    }
    return n >= 16 && bad * 10 > n;
}

bool cl_decode(cl_doc *doc, const unsigned char *data, size_t len)
{
    size_t bad;
    if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) {
        bool le = data[0] == 0xFF;
        doc->encoding = le ? "utf-16le" : "utf-16be";
        if (convert(doc, le ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2, &bad))
            return true;
        cl_doc_diag_add(doc, CL_SEV_ERROR, "decode", "invalid UTF-16; the input was not read",
                        cl_span_of((uint32_t)(bad + 2), (uint32_t)(bad + 2)));
        copy_text(doc, (const unsigned char *)"", 0);
        return false;
    }
    if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
        data += 3;
        len -= 3;
    }
    doc->encoding = "utf-8";
    if (looks_binary(data, len, &bad)) {
        cl_doc_diag_add(doc, CL_SEV_ERROR, "binary", "the input is binary, not text; not read",
                        cl_span_of((uint32_t)bad, (uint32_t)bad));
        copy_text(doc, (const unsigned char *)"", 0);
        return false;
    }
    if (utf8_valid_prefix(data, len) == len)
        return copy_text(doc, data, len);
    if (memchr(data, 0, len) == NULL && convert(doc, "GB18030", data, len, &bad)) {
        doc->encoding = "gb18030";
        return true;
    }
    return copy_text(doc, data, len);   /* the lexer reports each invalid run */
}
