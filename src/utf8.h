/* utf8.h — the one UTF-8 validity rule of claimc: decoding, and the writers that must never
 * emit invalid UTF-8, all ask it. (The fuzz target's oracle keeps its own, on purpose.) */
#ifndef CL_UTF8_H
#define CL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
