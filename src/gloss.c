/* gloss.c — pinyin glosses after characters, left out of the text the rules read.
 *
 * Web copies of reports, most of them traditional-character mirror sites, put a character's
 * reading after it: 地區(qū)生產(chǎn)總值增長(zhǎng)6.5%, 常(chang)(chang)住人口(kou)312.87萬(wan)人. A gloss
 * splits the keywords (增長), units (萬人) and words the rules look for, so the shadow the rules
 * read (script.c) leaves the glosses out, and doc->glosses maps its offsets back to the input's,
 * which spans point into and output quotes (ast.c, cl_doc_source_at).
 *
 * A gloss is a bracket right after a Chinese character holding pinyin syllables and nothing
 * else: each syllable one of Mandarin's (grammar/pinyin.tsv), lowercase, with a tone mark or
 * none. So (PM2.5), (GDP), (km), (下同), (1-10月) and （试行） stay: an upper-case letter, a digit, a
 * character or a string of letters no syllables make is no gloss. */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "gloss.h"

#define MAX_LETTERS 24   /* four syllables of six letters: a reading, not a word of English */

bool cl_gloss_cjk_at(const unsigned char *p)
{
    if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return false;
    unsigned c = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

/* The letter a two-byte vowel with a tone mark (or ü) stands for, ü as v; 0 for another. */
static char toneless(unsigned c)
{
    switch (c) {
    case 0x0101: case 0x00E1: case 0x01CE: case 0x00E0: return 'a';   /* ā á ǎ à */
    case 0x0113: case 0x00E9: case 0x011B: case 0x00E8: return 'e';   /* ē é ě è */
    case 0x012B: case 0x00ED: case 0x01D0: case 0x00EC: return 'i';   /* ī í ǐ ì */
    case 0x014D: case 0x00F3: case 0x01D2: case 0x00F2: return 'o';   /* ō ó ǒ ò */
    case 0x016B: case 0x00FA: case 0x01D4: case 0x00F9: return 'u';   /* ū ú ǔ ù */
    case 0x01D6: case 0x01D8: case 0x01DA: case 0x01DC: case 0x00FC: return 'v';   /* ǖ ǘ ǚ ǜ ü */
    default: return 0;
    }
}

static bool is_syllable(const char *s, size_t n)
{
    size_t lo = 0, hi = cl_pinyin_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *t = cl_pinyin_syllables[mid];
        int d = strncmp(t, s, n);
        if (d == 0 && t[n] != '\0')
            d = 1;   /* T is longer: after S */
        if (d == 0)
            return true;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Whether the N letters at S are syllables one after another (zhongguo: zhong guo). */
static bool syllables(const char *s, size_t n)
{
    bool ok[MAX_LETTERS + 1] = {true};
    for (size_t i = 1; i <= n; i++)
        for (size_t k = 1; k <= 6 && k <= i && !ok[i]; k++)
            ok[i] = ok[i - k] && is_syllable(s + i - k, k);
    return n > 0 && ok[n];
}

static size_t open_at(const unsigned char *p, const unsigned char *end)
{
    if (p < end && *p == '(')
        return 1;
    return end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x88 ? 3 : 0;   /* （ */
}

static size_t close_at(const unsigned char *p, const unsigned char *end)
{
    if (p < end && *p == ')')
        return 1;
    return end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x89 ? 3 : 0;   /* ） */
}

/* One bracket of syllables at P: its length, or 0. */
static size_t one_gloss(const unsigned char *p, const unsigned char *end)
{
    const unsigned char *q = p + open_at(p, end);
    if (q == p)
        return 0;
    char word[MAX_LETTERS];
    size_t n = 0;
    for (;;) {
        if (q < end && (unsigned)(*q - 'a') < 26) {
            word[n++] = (char)*q++;
        } else if (end - q >= 2 && *q >= 0xC3 && *q <= 0xC7 && (q[1] & 0xC0) == 0x80 &&
                   (word[n] = toneless((unsigned)(*q & 0x1F) << 6 | (q[1] & 0x3F))) != 0) {
            n++;
            q += 2;
        } else if (q < end && *q == ' ' && n > 0 && q + 1 < end && q[1] != ' ') {
            if (!syllables(word, n))   /* a space ends a word: zhōng guó */
                return 0;
            n = 0;
            q++;
        } else {
            break;
        }
        if (n == MAX_LETTERS)
            return 0;
    }
    size_t close = close_at(q, end);
    return close && syllables(word, n) ? (size_t)(q + close - p) : 0;
}

size_t cl_gloss_len(const unsigned char *p, const unsigned char *end)
{
    size_t total = 0, n;
    while ((n = one_gloss(p + total, end)) > 0)
        total += n;
    return total;
}

const unsigned char *cl_gloss_near(const unsigned char *text, const unsigned char *p,
                                   const unsigned char *end)
{
    if (p < end && *p == '(')
        return p - text >= 3 && cl_gloss_cjk_at(p - 3) && cl_gloss_len(p, end) ? p : NULL;
    if (p - text >= 6 && open_at(p - 3, end) == 3 && cl_gloss_cjk_at(p - 6) &&
        cl_gloss_len(p - 3, end))
        return p - 3;
    return NULL;
}

/* The next ( or （ from P on, before END (END when none). *PAREN caches the next ( between calls
 * (NULL: not looked for yet), so a text with many （ and few ( is not searched again for (. */
static const unsigned char *next_open(const unsigned char *p, const unsigned char *end,
                                      const unsigned char **paren)
{
    if (!*paren || *paren < p) {
        *paren = memchr(p, '(', (size_t)(end - p));
        if (!*paren)
            *paren = end;
    }
    const unsigned char *b = p;
    while ((b = memchr(b, 0xEF, (size_t)(*paren - b))) != NULL) {
        if (open_at(b, end) == 3)
            return b;
        b++;
    }
    return *paren;
}

const unsigned char *cl_gloss_find(const unsigned char *text, const unsigned char *from,
                                   const unsigned char *end)
{
    const unsigned char *paren = NULL;
    for (const unsigned char *p = from; (p = next_open(p, end, &paren)) < end; p++)
        if (p - text >= 3 && cl_gloss_cjk_at(p - 3) && cl_gloss_len(p, end))
            return p;
    return NULL;
}

bool cl_gloss_strip(cl_doc *doc, unsigned char *shadow)
{
    const unsigned char *r = shadow, *end = shadow + doc->len, *paren = NULL;
    unsigned char *w = shadow;
    bool ok = true;
    for (const unsigned char *p; (p = next_open(r, end, &paren)) < end;) {
        /* the bytes before the bracket stay; the character before it is the last one kept */
        memmove(w, r, (size_t)(p - r));
        w += p - r;
        r = p;
        size_t n = w - shadow >= 3 && cl_gloss_cjk_at(w - 3) ? cl_gloss_len(p, end) : 0;
        if (!n) {
            *w++ = *r++;   /* a bracket that is no gloss: kept, and the search goes on after it */
            continue;
        }
        cl_gloss_break *b = cl_vec_push(&doc->arena, &doc->glosses, sizeof *b);
        if (!b) {   /* out of memory: the rest read with its glosses (the map holds) */
            ok = false;
            break;
        }
        r += n;
        b->at = (uint32_t)(w - shadow);
        b->shift = (uint32_t)(r - w);   /* every byte left out so far */
    }
    memmove(w, r, (size_t)(end - r));
    w += end - r;
    *w = '\0';
    doc->len = (size_t)(w - shadow);
    return ok;
}
