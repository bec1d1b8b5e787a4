/* text.c — looking for words from short fixed lists in UTF-8 text (see text.h). */
#include <stdint.h>
#include <string.h>

#include "text.h"

/* A position is tried against the words only when its first bytes hash to a bit that one of
 * the words set: the first two bytes for a two-byte word, the first three (a whole Chinese
 * code point) for a longer one. Two bytes alone barely tell Chinese characters apart (most
 * share a lead byte): heading titles cost a memcmp every other character. */
static unsigned pair_hash(unsigned char a, unsigned char b) { return (a * 5u + b) & 255u; }
static unsigned triple_hash(uint32_t three) { return (three * 0x9E3779B1u) >> 22; }  /* 10 bits */
#define TEST(bits, h) ((bits)[(h) >> 6] >> ((h) & 63) & 1)
#define SET(bits, h) ((bits)[(h) >> 6] |= (uint64_t)1 << ((h) & 63))

/* The three bytes at S as one number, the first in the low byte; with ROOM (a fourth byte may
 * be read) one load. */
static uint32_t three_at(const unsigned char *s, bool room)
{
    if (!room)
        return s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
    uint32_t w;
    memcpy(&w, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap32(w);
#endif
    return w & 0xFFFFFFu;
}

void cl_word_set_init(cl_word_set *set, const cl_word *words)
{
    memset(set, 0, sizeof *set);
    set->words = words;
    for (const cl_word *w = words; w->s; w++) {
        const unsigned char *b = (const unsigned char *)w->s;
        if (w->n == 1) {
            set->any_byte = true;
        } else if (w->n == 2) {
            SET(set->pairs, pair_hash(b[0], b[1]));
            set->any_pair = true;
        } else {
            SET(set->triples, triple_hash(three_at(b, false)));
        }
    }
}

bool cl_text_has_set(const char *s, size_t n, const cl_word_set *set)
{
    const cl_word *words = set->words;
    if (set->any_byte)
        for (const cl_word *w = words; w->s; w++)
            if (w->n == 1 && memchr(s, w->s[0], n))
                return true;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, step; i + 1 < n; i += step) {
        bool whole = i + 2 < n;   /* three bytes to look at */
        uint32_t v = whole ? three_at(u + i, i + 3 < n) : 0;
        /* a word starts where a code point does: past a whole three-byte sequence at once */
        step = (v & 0xC0C0F0u) == 0x8080E0u ? 3 : 1;
        bool maybe = (whole && TEST(set->triples, triple_hash(v))) ||
                     (set->any_pair && TEST(set->pairs, pair_hash(u[i], u[i + 1])));
        if (!maybe)
            continue;
        for (const cl_word *w = words; w->s; w++)
            if (w->n > 1 && w->n <= n - i && s[i + 1] == w->s[1] && memcmp(s + i, w->s, w->n) == 0)
                return true;
    }
    return false;
}

bool cl_text_has_any(const char *s, size_t n, const cl_word *words)
{
    cl_word_set set;
    cl_word_set_init(&set, words);
    return cl_text_has_set(s, n, &set);
}

/* The last byte of a Chinese word is a continuation byte, rare at any one place: memchr finds
 * the places it stands and memcmp checks the rest there. memmem prepares a two-way search on
 * every call, which costs more than the whole search of a clause. */
size_t cl_text_find(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (k == 0 || k > n)
        return k == 0 ? 0 : n;
    const char *end = s + n;
    for (const char *p = s + k - 1; p < end; p++) {
        p = memchr(p, word[k - 1], (size_t)(end - p));
        if (!p)
            return n;
        if (memcmp(p - (k - 1), word, k - 1) == 0)
            return (size_t)(p - (k - 1) - s);
    }
    return n;
}

bool cl_text_has(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    return k == 0 || (k <= n && cl_text_find(s, n, word) < n);
}

size_t cl_text_ends_any(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (k <= n && (*words)[k - 1] == s[n - 1] && memcmp(s + n - k, *words, k) == 0)
            return k;
    }
    return 0;
}

#define CP 3   /* the bytes of （ and ）, as of every CJK code point */

uint32_t cl_bracket_open(const char *text, uint32_t at, uint32_t lo)
{
    bool wide = at >= lo + CP && memcmp(text + at - CP, "）", CP) == 0;
    if (!wide && !(at > lo && text[at - 1] == ')'))
        return at;
    for (uint32_t i = at - (wide ? CP : 1); i > lo; i--) {
        if (text[i - 1] == '(')
            return i - 1;
        if (text[i - 1] == ')' || (i >= lo + CP && memcmp(text + i - CP, "）", CP) == 0))
            return at;
        if (i >= lo + CP && memcmp(text + i - CP, "（", CP) == 0)
            return i - CP;
    }
    return at;
}
