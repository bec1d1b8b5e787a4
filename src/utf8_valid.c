/* utf8_valid.c — is a whole buffer valid UTF-8? The fast yes/no that decode asks first (nearly
 * every input is valid, and then the exact counts of utf8_scan in decode.c are not needed).
 *
 * It must agree exactly with cl_utf8_len (utf8.h). A scalar walk over cl_utf8_len does, and
 * serves every CPU (about 4 instructions a byte of Chinese, against 6.7 for utf8_scan); on
 * x86-64 a SIMD pass, AVX2 or else SSSE3 as the CPU has them, does most of the buffer first
 * (0.8 and 1.9 instructions a byte). It is the lookup algorithm of Keiser and Lemire
 * ("Validating UTF-8 in less than one instruction per byte", 2021; simdjson's): each byte is
 * checked with the byte before it through three 16-entry tables, and with the two before that
 * for a continuation a lead wants. tests/test_utf8_valid.c holds every level to cl_utf8_len. */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* -- scalar -------------------------------------------------------------------------------- */

/* Whether S[I..N) is valid, starting at a character boundary I: two Chinese characters or
 * eight ASCII bytes at a time, anything else by cl_utf8_len. */
static bool valid_from(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        while (i + 8 <= n && cl_utf8_two_plain3(s + i))
            i += 6;
        while (i + 8 <= n && (cl_load_le64(s + i) & 0x8080808080808080u) == 0)
            i += 8;
        if (i == n)
            break;
        size_t len = cl_utf8_len(s + i, n - i);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

/* -- SIMD (x86-64) ------------------------------------------------------------------------- */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SIMD 1
#include <immintrin.h>

/* Error classes of a byte pair (previous byte, this byte). Each table below maps a nibble to
 * the classes a pair with that nibble may be in; a pair is in the classes all three tables
 * give it, and is bad when that is any. TWO_CONTS (two continuation bytes) is the exception:
 * required where a lead two or three bytes back wants a third or fourth byte, bad elsewhere. */
enum {
    TOO_SHORT = 1 << 0,   /* lead or ASCII, then no continuation where a lead needs one */
    TOO_LONG = 1 << 1,    /* ASCII, then a continuation */
    OVERLONG_3 = 1 << 2,  /* E0 80..9F */
    TOO_LARGE = 1 << 3,   /* F4 90..BF, F5..FF 90..BF: above U+10FFFF */
    SURROGATE = 1 << 4,   /* ED A0..BF */
    OVERLONG_2 = 1 << 5,  /* C0 or C1, then a continuation */
    TOO_LARGE_1000 = 1 << 6,   /* F5..FF 80..8F */
    OVERLONG_4 = 1 << 6,  /* F0 80..8F (shares the bit: F0 and F5.. differ in byte_1_low) */
    TWO_CONTS = 1 << 7,
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,   /* the classes decided by the high nibbles */
};

/* By the high nibble of the previous byte. */
static const uint8_t byte_1_high[16] = {
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,   /* 0... */
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                        /* 10.. */
    TOO_SHORT | OVERLONG_2,                                                            /* C. */
    TOO_SHORT,                                                                         /* D. */
    TOO_SHORT | OVERLONG_3 | SURROGATE,                                                /* E. */
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,                               /* F. */
};

/* By the low nibble of the previous byte. */
static const uint8_t byte_1_low[16] = {
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,     /* .0 */
    CARRY | OVERLONG_2,                               /* .1 */
    CARRY, CARRY,                                     /* .2 .3 */
    CARRY | TOO_LARGE,                                /* .4 */
    CARRY | TOO_LARGE | TOO_LARGE_1000,               /* .5 */
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,               /* .8 */
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,   /* .D */
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
};

/* By the high nibble of this byte. */
static const uint8_t byte_2_high[16] = {
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,   /* 80..8F */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                     /* 90..9F */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                      /* A0..BF */
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
};

/* The two kernels below are one algorithm at two widths. Each checks the blocks at S + I (I >= 3,
 * so the three bytes before a block can be loaded, unaligned, instead of carried over) while a
 * whole block fits, and returns where it stopped: at N's last whole block, or at the first
 * block with an error. Every byte before that position has passed its checks. */

__attribute__((target("ssse3")))
static size_t skip_valid_ssse3(const unsigned char *s, size_t n, size_t i)
{
    const __m128i t1h = _mm_loadu_si128((const __m128i *)byte_1_high);
    const __m128i t1l = _mm_loadu_si128((const __m128i *)byte_1_low);
    const __m128i t2h = _mm_loadu_si128((const __m128i *)byte_2_high);
    const __m128i nib = _mm_set1_epi8(0x0F);
    for (; i + 16 <= n; i += 16) {
        __m128i cur = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i p1 = _mm_loadu_si128((const __m128i *)(s + i - 1));
        __m128i p2 = _mm_loadu_si128((const __m128i *)(s + i - 2));
        __m128i p3 = _mm_loadu_si128((const __m128i *)(s + i - 3));
        __m128i bad = _mm_and_si128(
            _mm_and_si128(_mm_shuffle_epi8(t1h, _mm_and_si128(_mm_srli_epi16(p1, 4), nib)),
                          _mm_shuffle_epi8(t1l, _mm_and_si128(p1, nib))),
            _mm_shuffle_epi8(t2h, _mm_and_si128(_mm_srli_epi16(cur, 4), nib)));
        /* high bit set where a lead two (E0..) or three (F0..) bytes back wants a continuation */
        __m128i want = _mm_or_si128(_mm_subs_epu8(p2, _mm_set1_epi8(0xE0 - 0x80)),
                                    _mm_subs_epu8(p3, _mm_set1_epi8(0xF0 - 0x80)));
        bad = _mm_xor_si128(bad, _mm_and_si128(want, _mm_set1_epi8((char)0x80)));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(bad, _mm_setzero_si128())) != 0xFFFF)
            break;   /* (ptest is SSE4.1) */
    }
    return i;
}

__attribute__((target("avx2")))
static size_t skip_valid_avx2(const unsigned char *s, size_t n, size_t i)
{
    /* vpshufb looks up within each 128-bit half: the tables in both */
    const __m256i t1h = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_1_high));
    const __m256i t1l = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_1_low));
    const __m256i t2h = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)byte_2_high));
    const __m256i nib = _mm256_set1_epi8(0x0F);
    for (; i + 32 <= n; i += 32) {
        __m256i cur = _mm256_loadu_si256((const __m256i *)(s + i));
        __m256i p1 = _mm256_loadu_si256((const __m256i *)(s + i - 1));
        __m256i p2 = _mm256_loadu_si256((const __m256i *)(s + i - 2));
        __m256i p3 = _mm256_loadu_si256((const __m256i *)(s + i - 3));
        __m256i bad = _mm256_and_si256(
            _mm256_and_si256(_mm256_shuffle_epi8(t1h, _mm256_and_si256(_mm256_srli_epi16(p1, 4), nib)),
                             _mm256_shuffle_epi8(t1l, _mm256_and_si256(p1, nib))),
            _mm256_shuffle_epi8(t2h, _mm256_and_si256(_mm256_srli_epi16(cur, 4), nib)));
        __m256i want = _mm256_or_si256(_mm256_subs_epu8(p2, _mm256_set1_epi8(0xE0 - 0x80)),
                                       _mm256_subs_epu8(p3, _mm256_set1_epi8(0xF0 - 0x80)));
        bad = _mm256_xor_si256(bad, _mm256_and_si256(want, _mm256_set1_epi8((char)0x80)));
        if (!_mm256_testz_si256(bad, bad))
            break;
    }
    return i;
}

int cl_utf8_simd_level(void)
{
    return __builtin_cpu_supports("avx2") ? 2 : __builtin_cpu_supports("ssse3") ? 1 : 0;
}
#else
int cl_utf8_simd_level(void)
{
    return 0;
}
#endif

/* -- the whole buffer ---------------------------------------------------------------------- */

bool cl_utf8_valid_at(const unsigned char *s, size_t n, int level)
{
    /* the first characters by cl_utf8_len, so that the kernels may load three bytes back */
    size_t i = 0;
    while (i < 3 && i < n) {
        size_t len = cl_utf8_len(s + i, n - i);
        if (len == 0)
            return false;
        i += len;
    }
#ifdef HAVE_SIMD
    if (level > cl_utf8_simd_level())
        level = cl_utf8_simd_level();
    size_t end = level == 2 ? skip_valid_avx2(s, n, i) : level == 1 ? skip_valid_ssse3(s, n, i) : i;
    if (end > i) {
        /* The kernel checked each byte before END, not yet the continuations that the last
         * character may want at END and after: the walk goes on from that character's lead. */
        i = end - 1;
        while ((s[i] & 0xC0) == 0x80)
            i--;
    }
#else
    (void)level;
#endif
    return valid_from(s, n, i);
}

bool cl_utf8_valid(const unsigned char *s, size_t n)
{
    return cl_utf8_valid_at(s, n, 2);
}
