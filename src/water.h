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

#endif
