/* utf8.h — the one UTF-8 validity rule of claimc: decoding, and the writers that must never
 * emit invalid UTF-8, all ask it. (The fuzz target's oracle keeps its own, on purpose.) */
#ifndef CL_UTF8_H
#define CL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at S (at most N bytes, N >= 1): 1 for ASCII, else 2
 * to 4, or 0 when invalid (overlong forms, surrogates, code points above U+10FFFF). */
static inline size_t cl_utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    if (len > n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return len;
}

/* Whether all N bytes at S are valid UTF-8 by the rule above: every sequence has a nonzero
 * length (so a sequence cut by the end of S is invalid). SIMD where the CPU has it. */
bool cl_utf8_valid(const unsigned char *s, size_t n);

/* The same using no SIMD beyond LEVEL (0 none, 1 SSSE3, 2 AVX2), and the level this CPU has:
 * for the test that holds every level to cl_utf8_len. */
bool cl_utf8_valid_at(const unsigned char *s, size_t n, int level);
int cl_utf8_simd_level(void);

/* -- fast paths for the common case, Chinese text: they answer yes only where cl_utf8_len would
 * accept, and leave everything else to it ----------------------------------------------------- */

/* The eight bytes at S as a little-endian number, on any machine. */
static inline uint64_t cl_load_le64(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* Whether the first six of the eight bytes at S are two valid three-byte sequences led by E1..EC,
 * EE or EF: most Chinese text. (Leads E0 and ED allow only some continuations: those are left
 * to cl_utf8_len.) */
static inline bool cl_utf8_two_plain3(const unsigned char *s)
{
    uint64_t w = cl_load_le64(s);
    if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u)   /* 1110.... 10...... 10...... twice */
        return false;
    unsigned leads = 1u << (w & 15) | 1u << (w >> 24 & 15);   /* the leads' low nibbles */
    return (leads & (1u << 0x0 | 1u << 0xD)) == 0;
}

/* The same for one sequence at S (three bytes readable). */
static inline bool cl_utf8_plain3(const unsigned char *s)
{
    return s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && (s[1] & 0xC0) == 0x80 &&
           (s[2] & 0xC0) == 0x80;
}

/* The code point of the three-byte form at S, or 0 for any other byte (ASCII, another length,
 * a stray continuation). Not a validity check: an overlong form decodes below U+0800 and a
 * surrogate to D800..DFFF, which callers looking for Chinese characters never list. */
static inline unsigned cl_utf8_cp3(const unsigned char *s)
{
    if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

/* How many bytes from the start of S[0..N) are valid UTF-8 with no ASCII byte that STOP (128
 * entries) marks non-zero: the run a writer copies as it is (two CJK characters a step). */
static inline size_t cl_utf8_run(const unsigned char *s, size_t n, const char *stop)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (stop[c])
                break;
            i++;
        } else if (n - i >= 8 && cl_utf8_two_plain3(s + i)) {
            i += 6;
        } else if (n - i >= 3 && cl_utf8_plain3(s + i)) {
            i += 3;
        } else {
            size_t len = cl_utf8_len(s + i, n - i);
            if (!len)
                break;
            i += len;
        }
    }
    return i;
}

#endif
