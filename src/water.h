/* water.h — the lexer's maps of water: the three-byte code points that start no rule of
 * grammar/lexer.re, or start one only before certain next code points. tools/water_table.awk
 * reads them off re2c's DFA into build/water_table.c.
 *
 * The maps are keyed by the bytes of the form, not by the code point, so the lexer's fast path
 * never decodes one: with the form E? 8? 8? as the low bytes of W (its first byte lowest, as a
 * little-endian load gives them), the word is W & 0x3F0F (the low four bits of the lead, the
 * low six of the second byte) and the bit the low six bits of the third byte. */
#ifndef CL_WATER_H
#define CL_WATER_H

#include <stdbool.h>
#include <stdint.h>

#define CL_WATER_WORDS 0x3F10

extern const uint64_t cl_water_bits[CL_WATER_WORDS];          /* start no rule */
extern const uint64_t cl_water_unless_next[CL_WATER_WORDS];   /* ... unless the next continues */
extern const uint64_t cl_water_live_pairs[];   /* those continuations: c << 24 | d, the forms' */
extern const uint32_t cl_water_live_mask;      /* 24 bits (W & 0xFFFFFF); 0 marks an empty slot */

/* The same two maps by the form's last two bytes, for the fast path (one load for both, no
 * test of the form): entry b1 | b2 << 8 has bit n set when the form (0xE0 + n) b1 b2 is in
 * cl_water_bits, bit 16 + n when it is in cl_water_unless_next; cl_water_lead[b0] is n for a
 * lead byte 0xE0 + n and 32 for any other byte, whose shift of an entry (as 64 bits) leaves no
 * bit. Entries of bytes that are not continuation bytes are 0. */
#define CL_WATER_TAILS 0x10000
extern const uint32_t cl_water_tail[CL_WATER_TAILS];
extern const uint8_t cl_water_lead[256];

/* Most conditional code points are followed by one that continues no token: a signature says
 * so before the probe. Word c % 1024 of it has bit d % 64 set for every pair of code points
 * (c, d) in cl_water_live_pairs; read off the forms, c % 1024 is the low six bits of the third
 * byte and the low four of the second, and d % 64 the low six of d's third byte. */
#define CL_WATER_SIGS 1024
extern const uint64_t cl_water_pair_sig[CL_WATER_SIGS];

static inline bool cl_water_maybe_pair(uint32_t c, uint32_t d)
{
    return cl_water_pair_sig[(c >> 16 & 0x3Fu) | (c >> 2 & 0x3C0u)] >> (d >> 16 & 63) & 1;
}

/* Where the probe for the pair of forms C and D starts in cl_water_live_pairs (the forms'
 * bytes differ little in their low bits: the folds spread them). tools/water_table.awk
 * computes the same. */
static inline uint32_t cl_water_hash(uint32_t c, uint32_t d)
{
    uint32_t x = c * 97u + d * 7u;
    return (x + (x >> 11) + (x >> 22)) & cl_water_live_mask;
}

/* Whether MAP holds the three-byte form in W's low bytes. */
static inline bool cl_water_has(const uint64_t *map, uint32_t w)
{
    return map[w & 0x3F0Fu] >> (w >> 16 & 63) & 1;
}

/* The end of the run of water at P: code points that start no rule, and those that start one
 * only before a next code point that does not come (环 before 保, not 比). A code point of
 * another length ends the run (the DFA's business), and so does LIM; *LIM is the NUL sentinel. */
const unsigned char *cl_water_run(const unsigned char *p, const unsigned char *lim);

#endif
