/* lexicon.c — look-ups in the compiled word list (lexicon.h). */
#include <string.h>

#include "lexicon.h"

extern const char cl_lexicon_text[];
extern const uint32_t cl_lexicon_slots[];
extern const uint64_t cl_lexicon_pre2[], cl_lexicon_pre3[];

#define SLOTS 262144u       /* tools/gen_lexicon.awk: 2^18, a slot's top bits are the hash's */
#define MAX_BYTES 18        /* 6 code points */

/* A lead byte of a three-byte code point in U+4E00-U+9FFF (the lexicon's words are made of
 * nothing else). */
static inline bool cjk_at(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return c >= 0xE4 && c <= 0xE9;
}

static inline uint32_t step(uint32_t h, const char *s, size_t from, size_t to)
{
    return cl_hash33(h, s + from, to - from);
}

static inline bool bit(const uint64_t *set, uint32_t h)
{
    h &= 0xFFFFFu;
    return set[h >> 6] >> (h & 63) & 1;
}

/* Whether the N bytes at S (a multiple of 3, all CJK), whose first 6 hash to H2, are a word. */
static bool in_table(const char *s, size_t n, uint32_t h2)
{
    uint32_t h = step(h2, s, 6, n), key = (h / SLOTS) << 26 | (uint32_t)n / 3;
    for (uint32_t k = h % SLOTS;; k = (k + 1) % SLOTS) {
        uint32_t v = cl_lexicon_slots[k];
        if (!v)
            return false;
        if ((v & 0xFC000007u) == key && memcmp(cl_lexicon_text + (v >> 3 & 0x7FFFFFu), s, n) == 0)
            return true;
    }
}

/* How many bytes from S on (at most N) are whole CJK code points. */
static size_t cjk_run(const char *s, size_t n)
{
    size_t k = 0;
    while (k + 3 <= n && cjk_at(s + k))
        k += 3;
    return k;
}

bool cl_lexicon_has(const char *s, size_t n)
{
    if (n < 6 || n > MAX_BYTES || n % 3 || cjk_run(s, n) != n)
        return false;
    uint32_t h2 = step(0, s, 0, 6);
    if (!bit(cl_lexicon_pre2, h2) || (n > 6 && !bit(cl_lexicon_pre3, step(h2, s, 6, 9))))
        return false;   /* no word starts with these two (three) code points */
    return in_table(s, n, h2);
}

size_t cl_lexicon_longest(const char *s, size_t n)
{
    size_t room = cjk_run(s, n < MAX_BYTES ? n : MAX_BYTES);
    if (room < 6)
        return 0;
    uint32_t h2 = step(0, s, 0, 6);
    if (!bit(cl_lexicon_pre2, h2))
        return 0;
    if (room > 6 && bit(cl_lexicon_pre3, step(h2, s, 6, 9)))
        for (size_t k = room; k > 6; k -= 3)
            if (in_table(s, k, h2))
                return k;
    return in_table(s, 6, h2) ? 6 : 0;
}

uint32_t cl_lexicon_cut(const char *text, uint32_t lo, uint32_t at, uint32_t hi)
{
    uint32_t best = at;
    size_t after = cjk_run(text + at, hi > at ? hi - at : 0);
    for (uint32_t b = at; after && b >= lo + 3 && at - (b - 3) < MAX_BYTES; ) {
        b -= 3;
        if (!cjk_at(text + b))
            break;
        uint32_t h2 = step(0, text + b, 0, 6);
        if (!bit(cl_lexicon_pre2, h2))
            continue;
        bool longer = at + after - b > 6 && bit(cl_lexicon_pre3, step(h2, text + b, 6, 9));
        for (uint32_t e = at + 3; e <= at + after && e - b <= MAX_BYTES; e += 3)
            if ((e - b == 6 || longer) && in_table(text + b, e - b, h2))
                best = b;
    }
    return best;
}

bool cl_lexicon_tail(const char *text, uint32_t lo, uint32_t at)
{
    if (at < lo + 3 || !cl_lexicon_has(text + at - 3, 6))
        return false;   /* most keywords end no word: one look-up of two characters */
    uint32_t b = at - 3, from = b - lo > 6 ? b - 6 : lo;
    /* 增速比, 用电量比: the characters before make a word of their own (增速, 电量), read
     * first from the left, and leave the character at AT free (速比, 量比 are words too) */
    return cl_lexicon_cut(text, from, b, at) >= b;
}
