/* text.c — looking for words from short fixed lists in UTF-8 text (see text.h). */
#define _GNU_SOURCE   /* memmem */
#include <stdint.h>
#include <string.h>

#include "text.h"

#define MAX_WORDS 64

/* A position is tried against the words only when its first bytes hash to a bit that one of
 * the words set: the first two bytes for a two-byte word, the first three (a whole Chinese
 * code point) for a longer one. Two bytes alone barely tell Chinese characters apart (most
 * share a lead byte): heading titles cost a memcmp every other character. */
static unsigned pair_hash(unsigned char a, unsigned char b) { return (a * 5u + b) & 255u; }
static unsigned triple_hash(unsigned char a, unsigned char b, unsigned char c)
{
    return (a * 0x3Du + b * 0x11u + c) & 1023u;
}
#define TEST(bits, h) ((bits)[(h) >> 6] >> ((h) & 63) & 1)
#define SET(bits, h) ((bits)[(h) >> 6] |= (uint64_t)1 << ((h) & 63))

bool cl_text_has_any(const char *s, size_t n, const char *const *words)
{
    size_t len[MAX_WORDS];
    uint64_t pairs[4] = {0}, triples[16] = {0};
    bool any_pair = false;
    size_t count = 0;
    for (; words[count] && count < MAX_WORDS; count++) {
        const unsigned char *w = (const unsigned char *)words[count];
        len[count] = strlen(words[count]);
        if (len[count] == 1) {
            if (memchr(s, w[0], n))
                return true;
        } else if (len[count] == 2) {
            SET(pairs, pair_hash(w[0], w[1]));
            any_pair = true;
        } else {
            SET(triples, triple_hash(w[0], w[1], w[2]));
        }
    }
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, step; i + 1 < n; i += step) {
        /* a word starts where a code point does: past a whole three-byte sequence at once */
        step = u[i] >= 0xE0 && u[i] < 0xF0 && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
               (u[i + 2] & 0xC0) == 0x80 ? 3 : 1;
        bool maybe = (i + 2 < n && TEST(triples, triple_hash(u[i], u[i + 1], u[i + 2]))) ||
                     (any_pair && TEST(pairs, pair_hash(u[i], u[i + 1])));
        if (!maybe)
            continue;
        for (size_t k = 0; k < count; k++)
            if (len[k] > 1 && len[k] <= n - i && s[i + 1] == words[k][1] &&
                memcmp(s + i, words[k], len[k]) == 0)
                return true;
    }
    return words[count] ? cl_text_has_any(s, n, words + count) : false;   /* past MAX_WORDS */
}

bool cl_text_has(const char *s, size_t n, const char *word)
{
    return memmem(s, n, word, strlen(word)) != NULL;
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

bool cl_text_ends_with(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    return k <= n && memcmp(s + n - k, word, k) == 0;
}
