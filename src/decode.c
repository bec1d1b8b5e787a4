/* decode.c — detect the encoding of an input and convert it to UTF-8.
 *
 * UTF-8 with or without BOM is used as is (the BOM is dropped: offsets count from the first
 * character). UTF-16 needs its BOM. Input that is not valid UTF-8 is GB18030 (which covers GBK
 * and GB2312) when it looks like it: real GBK text read as UTF-8 has several invalid bytes for
 * every valid multi-byte sequence, while a UTF-8 file damaged in a few places has the opposite
 * ratio and is kept as UTF-8 (the lexer reports each run of invalid bytes), rather than turned
 * into mojibake by a GB18030 reading that happens to succeed.
 *
 * A converted input is read even when some of it is damaged (a download cut in the middle of a
 * character, a stray byte): each sequence iconv rejects becomes U+FFFD with a diagnostic naming
 * its input byte offset, and the rest still yields claims. Spans stay inside the text: a
 * diagnostic about bytes that produced no text points at the text where they would have been.
 *
 * Big5 (traditional pages) is double-byte like GB18030, and nearly every Big5 text is also
 * valid GB18030, read as nonsense that still holds numerals (bogus claims). Which of the two a
 * double-byte text is, uchardet says from the frequencies of its characters; a Big5 verdict
 * must then convert with little damage, else the text is read as GB18030 as before.
 *
 * uchardet is loaded (dlopen) the first time such a text comes, not linked: it pulls in the
 * C++ runtime, whose relocations cost every run of claimc at start-up (about 2 M instructions)
 * though nearly every input is UTF-8 and never asks it. Without the library a double-byte
 * text is read as GB18030. */
#include <dlfcn.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <uchardet/uchardet.h>

#include "decode.h"
#include "utf8.h"

/* Valid multi-byte sequences and invalid bytes of S read as UTF-8. Counted in locals (through
 * the pointers the compiler stored them at every step), ASCII eight bytes at a time. */
static void utf8_scan(const unsigned char *s, size_t len, size_t *multi, size_t *invalid)
{
    size_t m = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        /* a run of CJK, most of the text: three bytes led by E1..EF but ED (no special range) */
        size_t run = i;
        while (i + 3 <= len && s[i] - 0xE1u <= 0x0Eu && s[i] != 0xED &&
               (((unsigned)s[i + 1] << 8 | s[i + 2]) & 0xC0C0u) == 0x8080u)
            i += 3;
        m += (i - run) / 3;
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            uint64_t w;
            if (i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0))
                i += 8;
            else
                i++;
            continue;
        }
        size_t n = cl_utf8_len(s + i, len - i);
        if (n) {
            m++;
            i += n;
        } else {
            bad++;
            i++;
        }
    }
    *multi = m;
    *invalid = bad;
}

/* A diagnostic whose message carries the input byte offset (the span is in the text). */
static void diag_at(cl_doc *doc, cl_severity sev, const char *code, const char *what,
                    size_t input_offset, cl_span span)
{
    char msg[160];
    snprintf(msg, sizeof msg, "%s at byte %zu of the file", what, input_offset);
    const char *kept = cl_arena_strndup(&doc->arena, msg, strlen(msg));
    cl_doc_diag_add(doc, sev, code, kept ? kept : what, span);
}

enum { MAX_LISTED = 64 };   /* damaged sequences reported one by one; the rest are counted */

typedef struct {
    size_t bad;                          /* sequences replaced by U+FFFD */
    size_t input_at[MAX_LISTED];         /* where the first ones were, in the input */
    uint32_t text_at[MAX_LISTED];        /* ... and the U+FFFD in the text */
} damage;

/* Convert LEN bytes of DATA from FROM into the arena as doc->text. A sequence iconv rejects
 * (or a truncated one at the end) becomes U+FFFD; more than MAX_BAD of them and the input is
 * not in FROM after all. Returns false then, or when out of memory or FROM is unknown. */
static bool convert(cl_doc *doc, const char *from, const unsigned char *data, size_t len,
                    size_t unit, size_t max_bad, damage *dm)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return false;
    size_t cap = len + len / 2 + 16;   /* GB18030 and UTF-16 grow at most 3/2 as UTF-8 */
    char *out = cl_arena_alloc(&doc->arena, cap + 1);
    char *in = (char *)data, *op = out;
    size_t inleft = len, outleft = cap;
    dm->bad = 0;
    bool ok = out != NULL;
    while (ok) {
        size_t r = iconv(cd, &in, &inleft, &op, &outleft);
        if (r != (size_t)-1 && inleft == 0 && iconv(cd, NULL, NULL, &op, &outleft) != (size_t)-1)
            break;
        if (r == (size_t)-1 && errno != E2BIG && errno != EILSEQ && errno != EINVAL)
            ok = false;   /* no other error is documented; do not loop on one */
        else if (outleft < 4 || (r == (size_t)-1 && errno == E2BIG)) {
            /* U+FFFD for single bytes outgrew the estimate: a bigger buffer (rare) */
            size_t used = (size_t)(op - out);
            char *bigger = cap > SIZE_MAX / 4 ? NULL : cl_arena_alloc(&doc->arena, cap * 2 + 1);
            ok = bigger != NULL;
            if (ok) {
                memcpy(bigger, out, used);
                out = bigger;
                op = out + used;
                outleft = cap * 2 - used;
                cap *= 2;
            }
        } else if (r == (size_t)-1 || inleft) {   /* EILSEQ, or EINVAL: cut at the end */
            if (dm->bad < MAX_LISTED) {
                dm->input_at[dm->bad] = (size_t)((unsigned char *)in - data);
                dm->text_at[dm->bad] = (uint32_t)(op - out);
            }
            if (++dm->bad > max_bad)
                ok = false;
            /* a truncated sequence at the end is one piece of damage, a bad one a unit */
            size_t skip = r == (size_t)-1 && errno == EINVAL ? inleft : unit < inleft ? unit : inleft;
            in += skip;
            inleft -= skip;
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3;
            outleft -= 3;
            iconv(cd, NULL, NULL, NULL, NULL);   /* back to the initial shift state */
        }
    }
    iconv_close(cd);
    if (!ok)
        return false;
    *op = '\0';
    doc->text = out;
    doc->len = (size_t)(op - out);
    return true;
}

static void report_damage(cl_doc *doc, const damage *dm, const char *what, size_t base)
{
    for (size_t i = 0; i < dm->bad && i < MAX_LISTED; i++)
        diag_at(doc, CL_SEV_ERROR, "decode", what, dm->input_at[i] + base,
                cl_span_of(dm->text_at[i], dm->text_at[i] + 3));
    if (dm->bad > MAX_LISTED) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu more damaged sequences, not listed", dm->bad - MAX_LISTED);
        const char *kept = cl_arena_strndup(&doc->arena, msg, strlen(msg));
        uint32_t at = (uint32_t)doc->len;
        cl_doc_diag_add(doc, CL_SEV_ERROR, "decode", kept ? kept : what, cl_span_of(at, at));
    }
}

/* Read DATA as the double-byte encoding FROM (NAME in the Document, WHAT in a diagnostic) when
 * at most MAX_BAD sequences are damaged and the damage is under half its HIGH non-ASCII bytes;
 * else leave no text behind for the next guess. */
static bool try_double_byte(cl_doc *doc, const char *from, const char *name, const char *what,
                            const unsigned char *data, size_t len, size_t max_bad, size_t high,
                            size_t base)
{
    damage dm;
    if (convert(doc, from, data, len, 1, max_bad, &dm) && dm.bad * 2 < high) {
        doc->encoding = name;
        report_damage(doc, &dm, what, base);
        return true;
    }
    doc->text = NULL;
    doc->len = 0;
    return false;
}


#ifndef CL_UCHARDET_SONAME
#define CL_UCHARDET_SONAME "libuchardet.so.0"
#endif

/* The functions of uchardet that detect_big5 calls, found once for all threads. */
static struct {
    uchardet_t (*new_)(void);
    int (*handle_data)(uchardet_t, const char *, size_t);
    void (*data_end)(uchardet_t);
    const char *(*get_charset)(uchardet_t);
    void (*delete_)(uchardet_t);
    bool ok;
} ud_lib;
static pthread_once_t ud_once = PTHREAD_ONCE_INIT;

static void ud_load(void)
{
    void *h = dlopen(CL_UCHARDET_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    /* POSIX: a function's address from dlsym goes through a data pointer */
    *(void **)&ud_lib.new_ = dlsym(h, "uchardet_new");
    *(void **)&ud_lib.handle_data = dlsym(h, "uchardet_handle_data");
    *(void **)&ud_lib.data_end = dlsym(h, "uchardet_data_end");
    *(void **)&ud_lib.get_charset = dlsym(h, "uchardet_get_charset");
    *(void **)&ud_lib.delete_ = dlsym(h, "uchardet_delete");
    ud_lib.ok = ud_lib.new_ && ud_lib.handle_data && ud_lib.data_end && ud_lib.get_charset &&
                ud_lib.delete_;   /* the handle stays open for the process's life */
}

/* Whether uchardet reads this double-byte text as Big5 (from its first 64 KiB: enough for
 * the frequencies, and a bound on the time). A handle per call: reentrant. */
static bool detect_big5(const unsigned char *data, size_t len)
{
    if (pthread_once(&ud_once, ud_load) != 0 || !ud_lib.ok)
        return false;
    uchardet_t ud = ud_lib.new_();
    if (!ud)
        return false;
    bool big5 = false;
    if (ud_lib.handle_data(ud, (const char *)data, len < 65536 ? len : 65536) == 0) {
        ud_lib.data_end(ud);
        const char *cs = ud_lib.get_charset(ud);
        big5 = cs && (strcmp(cs, "BIG5") == 0 || strcmp(cs, "EUC-TW") == 0);
    }
    ud_lib.delete_(ud);
    return big5;
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

bool cl_decode(cl_doc *doc, const unsigned char *data, size_t len, unsigned char *room)
{
    damage dm;
    if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) {
        bool le = data[0] == 0xFF;
        doc->encoding = le ? "utf-16le" : "utf-16be";
        /* the BOM says UTF-16: damage does not make it anything else */
        if (convert(doc, le ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2, 2, SIZE_MAX, &dm)) {
            report_damage(doc, &dm, "invalid UTF-16 (an unpaired surrogate or an odd byte)", 2);
            return true;
        }
        cl_doc_diag_add(doc, CL_SEV_ERROR, "memory", "out of memory decoding UTF-16; not read",
                        cl_span_of(0, 0));
        copy_text(doc, (const unsigned char *)"", 0);
        return false;
    }
    size_t base = 0;
    if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
        data += 3;
        len -= 3;
        base = 3;
    }
    doc->encoding = "utf-8";
    size_t first;
    if (looks_binary(data, len, &first)) {
        copy_text(doc, (const unsigned char *)"", 0);
        diag_at(doc, CL_SEV_ERROR, "binary", "the input is binary, not text; not read: a control byte",
                first + base, cl_span_of(0, 0));
        return false;
    }
    /* The counts decide only what to make of invalid input: most input is valid, and the
     * yes/no check is several times cheaper than counting. */
    size_t multi = 0, invalid = 0;
    if (!cl_utf8_valid(data, len))
        utf8_scan(data, len, &multi, &invalid);
    if (invalid == 0 && room) {   /* the caller's buffer: data is room (+ 3 past a BOM) */
        room[base + len] = '\0';
        doc->text = (const char *)room + base;
        doc->len = len;
        doc->owned = room;
        return true;
    }
    if (invalid == 0)
        return copy_text(doc, data, len);
    if (multi < 2 * invalid && memchr(data, 0, len) == NULL) {
        /* GB18030 with one damaged sequence (a cut download), or 1 in 20 non-ASCII bytes; and
         * more characters than damage (a lone stray byte in ASCII text is no GB18030) */
        size_t high = 0;
        for (size_t i = 0; i < len; i++)
            high += data[i] >= 0x80;
        if (detect_big5(data, len) &&
            try_double_byte(doc, "BIG5-HKSCS", "big5", "invalid Big5 byte sequence", data, len, 1 + high / 50, high, base))
            return true;
        if (try_double_byte(doc, "GB18030", "gb18030", "invalid GB18030 byte sequence", data, len, 1 + high / 20, high, base))
            return true;
    }
    if (invalid * 4 > len) {   /* noise, or an encoding we do not read: one error, not thousands */
        copy_text(doc, (const unsigned char *)"", 0);
        size_t at = 0;
        while (at < len && cl_utf8_len(data + at, len - at))
            at += cl_utf8_len(data + at, len - at);
        diag_at(doc, CL_SEV_ERROR, "encoding",
                "the input is neither UTF-8 nor GB18030 nor Big5 (nor text); not read: the first bad byte is",
                at + base, cl_span_of(0, 0));
        return false;
    }
    return copy_text(doc, data, len);   /* the lexer reports each invalid run */
}
