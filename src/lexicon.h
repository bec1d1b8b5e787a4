/* lexicon.h — which runs of Chinese characters are words: a hash set of the 169,000 words of
 * friso-dict's lexicon (2-6 characters), compiled into the library by make (build/lexicon_table.c).
 * Read-only data: no set-up, no state, safe from any thread. The subject resolver asks it
 * where words begin and end around a subject, never to segment whole sentences. */
#ifndef CL_LEXICON_H
#define CL_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The hash of the generated tables (tools/charbits.awk, cb_hash): H continued over N bytes.
 * Three bytes a step (h * 33^3 + ...: the same number mod 2^24), as Chinese characters come:
 * the subject resolver hashes a few at every claim. */
static inline uint32_t cl_hash33(uint32_t h, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 3 <= n; i += 3)
        h = (h * 35937u + u[i] * 1089u + u[i + 1] * 33u + u[i + 2]) & 0xFFFFFFu;
    for (; i < n; i++)
        h = (h * 33 + u[i]) & 0xFFFFFFu;
    return h;
}

/* The length of the UTF-8 code point whose first byte is C (1 for a stray byte). */
static inline size_t cl_cp_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Whether the code point at S (N bytes) is in SET, a set of 4096 bits a generator made
 * (tools/charbits.awk, cb_bitset of cb_char_bit). */
static inline bool cl_char_bit(const uint64_t *set, const char *s, size_t n)
{
    uint32_t h = cl_hash33(0, s, n) % 4096;
    return set[h >> 6] >> (h & 63) & 1;
}

/* Whether the N bytes at S are a word of the lexicon. */
bool cl_lexicon_has(const char *s, size_t n);
/* The length in bytes of the longest word at S within N bytes, or 0 when none (a lone
 * character, or no Chinese character at S). */
size_t cl_lexicon_longest(const char *s, size_t n);
/* Where a word of TEXT that begins in [LO, AT) and ends in (AT, HI] begins (the earliest such
 * start), or AT when none crosses AT: whether a cut at AT falls inside a word. */
uint32_t cl_lexicon_cut(const char *text, uint32_t lo, uint32_t at, uint32_t hi);
/* Whether the character at AT of TEXT (AT >= LO) ends a word of two characters with the one
 * before it, and no word of the characters before ends at that one (增速比 reads 增速|比, not
 * 增|速比): 可比, 占比, 对比 — a keyword inside a longer word is no keyword. */
bool cl_lexicon_tail(const char *text, uint32_t lo, uint32_t at);

#endif
