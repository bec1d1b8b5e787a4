/* wbuf.h — the writer core's byte buffer, and the numbers every format writes.
 *
 * Every output format writes into a cl_wbuf: a writer makes room for what it is about to write
 * (an upper bound), stores without checks through a plain char pointer, and hands the pointer
 * back; the buffer goes to its sink (a FILE, or the command line's chunks) in pieces of about
 * CL_WBUF_FLUSH bytes. The storing helpers take the output position and return the position
 * after what they wrote. */
#ifndef CL_WBUF_H
#define CL_WBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "claimc.h"

#define CL_WBUF_FLUSH (1 << 16)   /* hand bytes to the sink in chunks of about this size */

/* Where full chunks go: false when writing failed. */
typedef bool (*cl_sink_fn)(void *arg, const char *p, size_t n);

typedef struct {
    char *p;
    size_t len, cap;
    cl_sink_fn sink;
    void *arg;
    bool failed;
} cl_wbuf;

/* A buffer whose bytes go to OUT (fwrite), or to SINK(ARG, ...). No memory until the first
 * write. */
void cl_wbuf_init(cl_wbuf *b, FILE *out);
void cl_wbuf_init_sink(cl_wbuf *b, cl_sink_fn sink, void *arg);
/* Hand what is buffered to the sink (every CL_WBUF_FLUSH bytes, cl_wbuf_end does it). */
void cl_wbuf_flush(cl_wbuf *b);
/* Flush and free the storage: 0, or -1 when writing failed at any point. */
int cl_wbuf_close(cl_wbuf *b);
bool cl_wbuf_grow(cl_wbuf *b, size_t n);

/* Room for N more bytes: where to write them, or NULL (out of memory, or writing failed). */
static inline char *cl_wbuf_room(cl_wbuf *b, size_t n)
{
    if (b->cap - b->len < n && !cl_wbuf_grow(b, n))
        return NULL;
    return b->failed ? NULL : b->p + b->len;
}

/* The bytes up to O, taken from cl_wbuf_room, are written. */
static inline void cl_wbuf_end(cl_wbuf *b, char *o)
{
    b->len = (size_t)(o - b->p);
    if (b->len >= CL_WBUF_FLUSH)
        cl_wbuf_flush(b);
}

static inline void cl_wbuf_put(cl_wbuf *b, const void *s, size_t n)
{
    char *o = cl_wbuf_room(b, n);
    if (o) {
        memcpy(o, s, n);
        cl_wbuf_end(b, o + n);
    }
}

static inline void cl_wbuf_puts(cl_wbuf *b, const char *s)
{
    cl_wbuf_put(b, s, strlen(s));
}

#define CL_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)
#define CL_WBUF_LIT(b, lit) cl_wbuf_put((b), (lit), sizeof(lit) - 1)

/* -- numbers --------------------------------------------------------------------------------- */

/* "00" "01" … "99": integers are written two digits at a time (one digit per division was a
 * quarter of the JSONL writer: every claim has seven integers, most of them 7- or 8-digit
 * offsets). */
extern const char cl_digit_pairs[201];

static inline char *cl_w_lead(char *o, uint32_t v)   /* v < 100: one digit or two */
{
    if (v < 10) {
        *o = (char)('0' + v);
        return o + 1;
    }
    memcpy(o, cl_digit_pairs + 2 * v, 2);
    return o + 2;
}

/* Digits without a division: T is the number divided by a power of 100, in fixed point with 32
 * bits after the point, so each multiplication of its fraction by 100 brings the next two
 * digits before the point. */
static inline char *cl_w_next2(char *o, uint64_t *t)
{
    *t = (*t & 0xFFFFFFFFu) * 100;
    memcpy(o, cl_digit_pairs + 2 * (*t >> 32), 2);
    return o + 2;
}

/* X / 100^K as such a T, for X < 100^(K + 1) and K = 1, 2, 3, from M = 2^52 / 100^K rounded
 * up: too large by less than 70 in the last place, which the K multiplications by 100 keep
 * below 0.02 of the last digit (tried for every X below 10^8). */
static inline uint64_t cl_w_fixed(uint32_t x, uint64_t m)
{
    return ((x * m) >> 20) + 1;
}

char *cl_w_uint_big(char *o, uint64_t v);

/* An integer in plain digits, as cJSON prints one below 10^15 ("%1.15g") and printf's %llu
 * does: every offset, line, column, id and count. At most CL_UINT_MAX bytes. */
#define CL_UINT_MAX 20
static inline char *cl_w_uint(char *o, uint64_t v)
{
    uint64_t t;
    if (v < 100)
        return cl_w_lead(o, (uint32_t)v);
    if (v < 10000) {
        t = cl_w_fixed((uint32_t)v, 45035996273705u);
        o = cl_w_lead(o, (uint32_t)(t >> 32));
        return cl_w_next2(o, &t);
    }
    if (v < 1000000) {
        t = cl_w_fixed((uint32_t)v, 450359962738u);
        o = cl_w_lead(o, (uint32_t)(t >> 32));
        o = cl_w_next2(o, &t);
        return cl_w_next2(o, &t);
    }
    if (v < 100000000) {
        t = cl_w_fixed((uint32_t)v, 4503599628u);
        o = cl_w_lead(o, (uint32_t)(t >> 32));
        o = cl_w_next2(o, &t);
        o = cl_w_next2(o, &t);
        return cl_w_next2(o, &t);
    }
    return cl_w_uint_big(o, v);
}

/* An exact decimal literal, the bytes of cl_dec_format. At most CL_DEC_MAX bytes. */
#define CL_DEC_MAX 65   /* a sign and cl_dec_format's 64 */
char *cl_w_dec(char *o, cl_dec d);

/* Integers and decimals straight into B. */
void cl_wbuf_uint(cl_wbuf *b, uint64_t v);
void cl_wbuf_dec(cl_wbuf *b, cl_dec d);

#endif
