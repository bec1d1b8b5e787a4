/* wbuf.c — the writer core's byte buffer and numbers (wbuf.h). */
#include <stdlib.h>

#include "wbuf.h"

static bool file_sink(void *arg, const char *p, size_t n)
{
    return fwrite(p, 1, n, arg) == n;
}

void cl_wbuf_init_sink(cl_wbuf *b, cl_sink_fn sink, void *arg)
{
    memset(b, 0, sizeof *b);
    b->sink = sink;
    b->arg = arg;
}

void cl_wbuf_init(cl_wbuf *b, FILE *out)
{
    cl_wbuf_init_sink(b, file_sink, out);
}

bool cl_wbuf_grow(cl_wbuf *b, size_t n)
{
    if (b->failed)
        return false;
    size_t cap = b->cap ? b->cap : CL_WBUF_FLUSH * 2;
    while (cap - b->len < n) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void cl_wbuf_flush(cl_wbuf *b)
{
    if (!b->failed && b->len && !b->sink(b->arg, b->p, b->len))
        b->failed = true;
    b->len = 0;
}

int cl_wbuf_close(cl_wbuf *b)
{
    cl_wbuf_flush(b);
    free(b->p);
    b->p = NULL;
    b->cap = 0;
    return b->failed ? -1 : 0;
}

/* -- numbers --------------------------------------------------------------------------------- */

const char cl_digit_pairs[201] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

char *cl_w_uint_big(char *o, uint64_t v)   /* from a 100 MB document on: digit by digit */
{
    char tmp[20];
    int n = 0;
    do {
        tmp[sizeof tmp - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(o, tmp + sizeof tmp - n, (size_t)n);
    return o + n;
}

/* The usual forms are written here, without cl_dec_format's copies and the strlen after it: an
 * integer (digits, then EXP zeros) and digits with the point among them; a leading "0.", and
 * widths where cl_dec_format turns to exponents, are left to it. */
char *cl_w_dec(char *o, cl_dec d)
{
    if (d.mant == 0)
        return CL_LIT(o, "0");
    if (d.neg) {
        *o++ = '-';
        d.neg = false;
    }
    if (d.exp >= 0 && d.exp <= 16) {   /* 20 digits and 16 zeros: far from the 63 bytes */
        char *e = cl_w_uint(o, d.mant);
        memset(e, '0', (size_t)d.exp);
        return e + d.exp;
    }
    if (d.exp < 0) {
        char *e = cl_w_uint(o, d.mant);
        long frac = -(long)d.exp;
        if (e - o > frac) {   /* a digit before the point */
            memmove(e - frac + 1, e - frac, (size_t)frac);
            e[-frac] = '.';
            return e + 1;
        }
    }
    cl_dec_format(d, o);
    return o + strlen(o);
}

void cl_wbuf_uint(cl_wbuf *b, uint64_t v)
{
    char *o = cl_wbuf_room(b, CL_UINT_MAX);
    if (o)
        cl_wbuf_end(b, cl_w_uint(o, v));
}

void cl_wbuf_dec(cl_wbuf *b, cl_dec d)
{
    char *o = cl_wbuf_room(b, CL_DEC_MAX);
    if (o)
        cl_wbuf_end(b, cl_w_dec(o, d));
}
