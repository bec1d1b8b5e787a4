/* script.c — traditional characters (繁體): what a text is written in, and a simplified shadow
 * of it for the rules.
 *
 * Every rule of claimc (the lexer's tables, the filter's and the builder's words) is written
 * in simplified characters. A text with traditional characters is read through a shadow: a
 * copy in which each traditional code point is replaced by its simplified form (OpenCC's t2s
 * table, one character at a time, compiled in by tools/script_table.c). Both forms of every
 * character in the table take three bytes of UTF-8, so the shadow has the input's length and
 * every span the rules find points at the same bytes of the input, which the output quotes
 * (doc->source). Character by character is enough for claims: t2s is nearly a function of the
 * character (萬 -> 万, 億 -> 亿, 項 -> 项); its phrase table only settles a few characters
 * whose simplified form depends on the word (乾隆 / 乾燥), none of them a keyword or a unit.
 *
 * Most texts have no traditional character: one pass with a bitmap test per three-byte code
 * point says so, and they are read as they are. */
#include <string.h>

#include "ast.h"
#include "script.h"
#include "utf8.h"

static inline bool bit_of(const uint8_t *bits, unsigned cp) { return bits[cp >> 3] >> (cp & 7) & 1; }

static inline unsigned cp_of(uint64_t w)   /* a three-byte sequence in the low bytes of W */
{
    return (unsigned)((w & 0x0Fu) << 12 | (w & 0x3F00u) >> 2 | (w & 0x3F0000u) >> 16);
}

/* The first traditional character from P on, or END: every report is read through here, so
 * two code points a step in the runs of CJK that make up nearly all of one (a test of eight
 * bytes says both are three-byte sequences), ASCII eight bytes a step; the rest, and the end,
 * one byte at a time. Only three-byte code points can be traditional (CJK, U+3400 on). */
static const unsigned char *first_traditional(const unsigned char *p, const unsigned char *end)
{
    while (end - p >= 8) {
        uint64_t q;
        memcpy(&q, p, 8);
        if ((q & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u) {
            if ((unsigned)bit_of(cl_trad_bits, cp_of(q)) | (unsigned)bit_of(cl_trad_bits, cp_of(q >> 24)))
                break;
            p += 6;
        } else if ((q & 0xC0C0F0u) == 0x8080E0u) {
            if (bit_of(cl_trad_bits, cp_of(q)))
                break;
            p += 3;
        } else {
            p += (q & 0x8080808080808080u) ? 1 : 8;
        }
    }
    for (; end - p >= 3; p++) {   /* the last bytes, or the step that found one */
        unsigned c = cl_utf8_cp3(p);
        if (c && bit_of(cl_trad_bits, c))
            return p;
    }
    return end;
}

static unsigned simplified_of(unsigned c)
{
    size_t lo = 0, hi = cl_t2s_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cl_t2s_pairs[mid].from == c)
            return cl_t2s_pairs[mid].to;
        if (cl_t2s_pairs[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;   /* a traditional form whose simplified one has another length: kept */
}

/* Replace the traditional code points of S[FROM..LEN) by their simplified forms, counting the
 * characters that are only traditional and only simplified. */
static void simplify(unsigned char *s, size_t from, size_t len, size_t *trad, size_t *simp)
{
    size_t t = 0, sm = 0;
    for (size_t i = from; i + 3 <= len;) {
        unsigned c = cl_utf8_cp3(s + i);
        if (!c) {
            i++;
            continue;
        }
        if (bit_of(cl_trad_bits, c)) {
            t++;
            unsigned to = simplified_of(c);
            if (to >= 0x800) {
                s[i] = (unsigned char)(0xE0 | to >> 12);
                s[i + 1] = (unsigned char)(0x80 | (to >> 6 & 0x3F));
                s[i + 2] = (unsigned char)(0x80 | (to & 0x3F));
            }
        } else {
            sm += bit_of(cl_simp_bits, c);
        }
        i += 3;
    }
    *trad = t;
    *simp = sm;
}

/* Before the first traditional character, only simplified ones are counted. */
static size_t count_simplified(const unsigned char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 3 <= len;) {
        unsigned c = cl_utf8_cp3(s + i);
        n += c && bit_of(cl_simp_bits, c);
        i += c ? 3 : 1;
    }
    return n;
}

bool cl_script_prepare(cl_doc *doc)
{
    const unsigned char *text = (const unsigned char *)doc->text;
    doc->source = doc->text;
    doc->script = "simplified";
    const unsigned char *at = first_traditional(text, text + doc->len);
    if (at == text + doc->len)
        return true;
    unsigned char *shadow = cl_arena_alloc(&doc->arena, doc->len + 1);
    if (!shadow)
        return false;
    memcpy(shadow, text, doc->len + 1);   /* with the NUL sentinel */
    size_t from = (size_t)(at - text), trad, simp;
    simplify(shadow, from, doc->len, &trad, &simp);
    simp += count_simplified(text, from);
    /* a few characters of the other script are normal in either (quoted names, 后 in 皇后,
     * 余 the surname): a text is mixed only when both are common */
    doc->script = simp * 10 < trad ? "traditional" : trad * 10 < simp ? "simplified" : "mixed";
    doc->text = (const char *)shadow;
    return true;
}
