/* water.h — the lexer's maps of water: the three-byte code points that start no rule of
 * grammar/lexer.re, or start one only before certain next code points. tools/water_table.awk
 * reads them off re2c's DFA into build/water_table.c.
 *
 * The maps are keyed by the bytes of the form, not by the code point, so the lexer's fast path
 * (src/water_run.c) never decodes one: an entry by the last two bytes (one load), a bit of it
 * by the lead byte. */
#ifndef CL_WATER_H
#define CL_WATER_H

#include <stdbool.h>
#include <stdint.h>

/* The maps, in one object: the fast path reaches all of them from one address.
 *
 * tail: by the form's last two bytes (entry b1 | b2 << 8), bit n when the form (0xE0 + n) b1 b2
 *   starts no rule, bit 16 + n when it starts one only before certain next code points (环
 *   before 保, not 比). Entries of bytes that are not continuation bytes are 0, so the fast
 *   path never tests the form itself.
 * lead: n for a lead byte 0xE0 + n, 32 for any other byte, so that an entry of tail shifted by
 *   it (as 64 bits) leaves no bit.
 * cond, next_sig: whether a conditional form with the tail KEY may go on into a token before a
 *   form D: bit d % 64 (the low six bits of d's third byte) of next_sig[cond[KEY]]. Most
 *   conditional code points are followed by one that continues no token: this says so before
 *   the probe of the pairs. Their tails are few (at most 255): cond numbers them from 1. */
#define CL_WATER_TAILS 0x10000
struct cl_water_maps {
    uint8_t lead[256];
    uint64_t next_sig[256];
    uint32_t tail[CL_WATER_TAILS];
    uint8_t cond[CL_WATER_TAILS];
};
extern const struct cl_water_maps cl_water;

static inline bool cl_water_maybe_pair(unsigned key, uint32_t d)
{
    return cl_water.next_sig[cl_water.cond[key]] >> (d >> 16 & 63) & 1;
}

/* The pairs of forms (c, d) that continue a token: c << 24 | d in an open-addressed table. */
extern const uint64_t cl_water_live_pairs[];
extern const uint32_t cl_water_live_mask;   /* its slots - 1; 0 marks an empty slot */

/* Where the probe for the pair of forms C and D starts in cl_water_live_pairs (the forms'
 * bytes differ little in their low bits: the folds spread them). tools/water_table.awk
 * computes the same. */
static inline uint32_t cl_water_hash(uint32_t c, uint32_t d)
{
    uint32_t x = c * 97u + d * 7u;
    return (x + (x >> 11) + (x >> 22)) & cl_water_live_mask;
}

/* The end of the run of water at P: code points that start no rule, and those that start one
 * only before a next code point that does not come (环 before 保, not 比). A code point of
 * another length ends the run (the DFA's business), and so does LIM; *LIM is the NUL sentinel. */
const unsigned char *cl_water_run(const unsigned char *p, const unsigned char *lim);

#endif
