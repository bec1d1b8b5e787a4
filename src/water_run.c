/* water_run.c — the lexer's fast path over prose: the end of a run of water (water.h). */
#include <string.h>

#include "water.h"

/* Whether the forms C and D (24 bits each) continue a token: a probe of the open-addressed
 * table of pairs. */
static bool live_pair(uint32_t c, uint32_t d)
{
    uint64_t key = (uint64_t)c << 24 | d;
    for (uint32_t h = cl_water_hash(c, d);; h = (h + 1) & cl_water_live_mask) {
        if (cl_water_live_pairs[h] == key)
            return true;
        if (cl_water_live_pairs[h] == 0)
            return false;
    }
}

/* The N bytes at P (N = 2 or 4) as a little-endian number: one load where the byte order allows. */
static inline uint32_t little(const unsigned char *p, size_t n)
{
    uint32_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&w, p, n);
#else
    for (size_t i = n; i-- > 0;)
        w = w << 8 | p[i];
#endif
    return w;
}

/* P[0..2] as the low bytes of a word, P[0] lowest (the top byte is junk: every use masks it).
 * P[3] exists (at worst the NUL sentinel). */
static inline uint32_t three_bytes(const unsigned char *p) { return little(p, 4); }

/* P[0] | P[1] << 8: the index of cl_water.tail. */
static inline unsigned two_bytes(const unsigned char *p) { return little(p, 2); }

/* Whether W (three_bytes) is a three-byte form, 1110xxxx 10xxxxxx 10xxxxxx: cl_utf8_cp3's test. */
static inline bool form3(uint32_t w) { return (w & 0xC0C0F0u) == 0x8080E0u; }

/* Whether the form at Q (its last two bytes KEY), which starts a rule only before certain next
 * code points, is water before the one at Q + 3: a next code point of another length ends the
 * run, and so does E0 80 80 (U+0000 written long), as it did when the fast path decoded it to 0. */
static bool water_before(const unsigned char *q, unsigned key)
{
    uint32_t v = three_bytes(q + 3) & 0xFFFFFFu;
    if (!form3(v) || v == 0x8080E0u)
        return false;
    return !cl_water_maybe_pair(key, v) || !live_pair(three_bytes(q) & 0xFFFFFFu, v);
}

const unsigned char *cl_water_run(const unsigned char *p, const unsigned char *lim)
{
    if (lim - p < 3)
        return p;
    const unsigned char *q = p, *last = lim - 3;   /* the last place a form fits */
    do {
        unsigned key = two_bytes(q + 1);
        uint64_t bits = cl_water.tail[key];
        unsigned shift = cl_water.lead[*q];
        if (!(bits >> shift & 1) &&
            (!(bits >> (shift + 16) & 1) || q + 3 > last || !water_before(q, key)))
            break;
        q += 3;
    } while (q <= last);
    return q;
}
