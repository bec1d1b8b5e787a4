/* script.c — traditional characters (繁體): what a text is written in, and a simplified shadow
 * of it for the rules.
 *
 * Every rule of claimc (the lexer's tables, the filter's and the builder's words) is written
 * in simplified characters. A text with traditional characters is read through a shadow: a
 * copy in which each traditional code point is replaced by its simplified form (OpenCC's t2s
 * table, one character at a time, compiled in by tools/script_table.c). Both forms of every
 * character in the table take three bytes of UTF-8, so the shadow has the input's length and
 * every span the rules find points at the same bytes of the input, which the output quotes
 * (doc->source). Pinyin glosses after characters (增長(zhǎng), gloss.c) are the one thing the
 * shadow leaves out; the driver maps spans past them (ast.h, doc->glosses). Character by character is enough for claims: t2s is nearly a function of the
 * character (萬 -> 万, 億 -> 亿, 項 -> 项); its phrase table only settles a few characters
 * whose simplified form depends on the word (乾隆 / 乾燥), none of them a keyword or a unit.
 *
 * Every report is read through here, and most have no traditional character: one pass over
 * the text looks up each three-byte code point's class (traditional, simplified, neither) and
 * counts them, copying the text into the shadow only at the first traditional one. On AVX2
 * the pass takes up to eight code points in a row at a time with one gather from the class
 * table (about three instructions a character, against thirteen one at a time). Only
 * three-byte code points can be traditional (CJK, U+3400 on). The same pass finds a gloss:
 * one can only open where a run of three-byte code points ends. */
#include <string.h>

#include "ast.h"
#include "gloss.h"
#include "script.h"
#include "utf8.h"

static inline unsigned class_of(unsigned cp)
{
    return cl_script_classes[cp >> 4] >> (cp & 15) * 2 & 3;
}

/* The simplified form of the traditional code point C, or 0 when it has another length (the
 * character is then kept): its place among the traditional forms is its word's count plus the
 * traditional bits below it in the word. */
static inline unsigned simplified_of(unsigned c)
{
    uint32_t below = cl_script_classes[c >> 4] & 0x55555555u & ((1u << (c & 15) * 2) - 1);
    return cl_t2s_to[cl_t2s_rank[c >> 4] + (unsigned)__builtin_popcount(below)];
}

/* What one pass over a text finds. */
typedef struct {
    cl_doc *doc;
    unsigned char *shadow;   /* made at the first traditional character */
    size_t trad, simp;       /* characters only traditional, only simplified */
} tally;

/* The shadow: a copy of the text, made once a traditional character is found. */
static bool make_shadow(tally *t)
{
    t->shadow = cl_arena_alloc_raw(&t->doc->arena, t->doc->len + 1);
    if (!t->shadow)
        return false;
    memcpy(t->shadow, t->doc->text, t->doc->len + 1);   /* with the NUL sentinel */
    return true;
}

/* The traditional character at P (three bytes of the input) into the shadow, which exists.
 * Inline, so that the SIMD pass calls nothing and has the popcnt instruction. */
static inline void simplify_at(tally *t, const unsigned char *p)
{
    unsigned to = simplified_of(cl_utf8_cp3(p));
    if (to >= 0x800) {
        unsigned char *o = t->shadow + (p - (const unsigned char *)t->doc->text);
        o[0] = (unsigned char)(0xE0 | to >> 12);
        o[1] = (unsigned char)(0x80 | (to >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (to & 0x3F));
    }
}

static inline unsigned cp_of(uint64_t w)   /* a three-byte sequence in the low bytes of W */
{
    return (unsigned)((w & 0x0Fu) << 12 | (w & 0x3F00u) >> 2 | (w & 0x3F0000u) >> 16);
}

/* A pass without SIMD over [P, END), for the end of any text and all of it on a CPU without
 * AVX2: ASCII eight bytes a step, two Chinese characters a step where neither is traditional,
 * anything else one code point at a time. COUNT: count both scripts and simplify the
 * traditional characters (the shadow exists), returning END; else return the first traditional
 * character, or END. */
static const unsigned char *walk_scalar(tally *t, const unsigned char *p, const unsigned char *end,
                                        bool count)
{
    while (end - p >= 3) {
        if (end - p >= 8) {
            uint64_t q = cl_load_le64(p);
            if ((q & 0x8080808080808080u) == 0) {
                p += 8;
                continue;
            }
            if ((q & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u) {   /* 1110.... 10...... 10...... twice */
                unsigned a = class_of(cp_of(q)), b = class_of(cp_of(q >> 24));
                if (!((a | b) & CL_SCRIPT_TRAD)) {
                    t->simp += count ? (a >> 1) + (b >> 1) : 0;
                    p += 6;
                    continue;
                }
            }
        }
        unsigned c = cl_utf8_cp3(p);
        if (!c) {
            p++;
            continue;
        }
        unsigned k = class_of(c);
        if (k & CL_SCRIPT_TRAD) {
            if (!count)
                return p;
            t->trad++;
            simplify_at(t, p);
        } else {
            t->simp += count ? k >> 1 : 0;
        }
        p += 3;
    }
    return end;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SIMD 1
#include <immintrin.h>
#define SIMD_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt")))

static bool have_simd(void)
{
    return cl_utf8_simd_level() >= 2 && __builtin_cpu_supports("bmi2");
}

/* The three-byte code points in a row at P (0 to 8 of them: P is a character boundary, 32 bytes
 * readable), each one's class bits in its 32-bit lane of *CLS. */
SIMD_TARGET static inline unsigned run_at(const unsigned char *p, __m256i *cls)
{
    /* bytes 0-15 to the low half, 12-27 to the high one, so that each half has four whole
     * sequences of bytes 0-23; then each sequence's three bytes into a lane of its own */
    const __m256i halves = _mm256_setr_epi32(0, 1, 2, 3, 3, 4, 5, 6);
    const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,
                                            0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
    __m256i d = _mm256_shuffle_epi8(_mm256_permutevar8x32_epi32(_mm256_loadu_si256((const __m256i *)p), halves), spread);
    __m256i is3 = _mm256_cmpeq_epi32(_mm256_and_si256(d, _mm256_set1_epi32(0xC0C0F0)),
                                     _mm256_set1_epi32(0x8080E0));   /* 1110.... 10...... 10...... */
    unsigned n = (unsigned)__builtin_ctz(~(unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(is3)));
    if (n == 0)
        return 0;
    /* the code point: the payload bits of the lead and the first continuation as one 16-bit
     * number (lead * 64 + cont), then that * 64 + the last continuation's */
    __m256i bits = _mm256_and_si256(d, _mm256_set1_epi32(0x3F3F0F));
    __m256i pairs = _mm256_maddubs_epi16(bits, _mm256_set1_epi32(0x00010140));
    __m256i cp = _mm256_madd_epi16(pairs, _mm256_set1_epi32(0x00010040));
    /* every lane's index is below 4096, even in the lanes after the run: no read out of the table */
    __m256i words = _mm256_i32gather_epi32((const int *)cl_script_classes, _mm256_srli_epi32(cp, 4), 4);
    *cls = _mm256_srlv_epi32(words, _mm256_slli_epi32(_mm256_and_si256(cp, _mm256_set1_epi32(15)), 1));
    return n;
}

/* Where the next three-byte lead after P is, within 32 bytes (32 readable): past ASCII and
 * sequences of other lengths at once. */
SIMD_TARGET static inline const unsigned char *next_lead(const unsigned char *p)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    unsigned leads = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
        _mm256_and_si256(v, _mm256_set1_epi8((char)0xF0)), _mm256_set1_epi8((char)0xE0))) >> 1;
    return p + (leads ? (unsigned)__builtin_ctz(leads) + 1 : 32);
}

/* The classes of the run's N characters: bit 1 (traditional, SHIFT 31) or 2 (simplified, 30) of
 * each lane, a bit a character. */
SIMD_TARGET static inline unsigned lanes_of(__m256i cls, int shift, unsigned n)
{
    return _bzhi_u32((unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(cls, shift))), n);
}

/* The first traditional character from P on, eight code points a step where they run; or
 * where fewer than 32 bytes are left; or where a run ends in a bracket that may open a pinyin
 * gloss (a gloss follows a character: a ( after the run, or a letter after （ ending it), which
 * the caller looks at (gloss.h, cl_gloss_near) and goes on after. Nothing counted: most texts
 * have none, and then the counts are not asked for. A byte before P is readable, or P starts
 * a three-byte code point. */
SIMD_TARGET static const unsigned char *find_avx2(const unsigned char *p, const unsigned char *end)
{
    const unsigned char *last = end - 32;   /* the last step's start (the caller saw 32 bytes) */
    while (p <= last) {
        __m256i cls;
        unsigned n = run_at(p, &cls);
        if (n != 0) {
            unsigned trad = lanes_of(cls, 31, n);
            if (trad)
                return p + 3 * (unsigned)__builtin_ctz(trad);
            /* a constant step where the run fills the step (a branch, predicted): the next load
             * need not wait for this one's lanes, a chain of some 15 cycles through vmovmskps
             * (microbenchmark: 1.1 -> 0.8 ms for 3 MB of reports) */
            if (n == 8) {
                p += 24;
                continue;
            }
            /* the run ends inside the step: what follows is no three-byte code point, so on
             * to the next lead at once (run_at there would find none) */
            p += 3 * n;
            if (p > last)
                break;
        }
        /* where a run ends: a gloss may open (no call in the loop: around one, the vector
         * constants would be reloaded at every step) */
        if (__builtin_expect(*p == '(' || p[-1] == 0x88, 0))
            return p;
        p = next_lead(p);
    }
    return p;
}

/* The counting pass over [P, END) as find_avx2 goes, simplifying the traditional characters
 * into the shadow (which exists); returns where fewer than 32 bytes are left. */
SIMD_TARGET static const unsigned char *count_avx2(tally *t, const unsigned char *p, const unsigned char *end)
{
    if (end - p < 32)
        return p;
    const unsigned char *last = end - 32;
    size_t simp = 0, trads = 0;
    while (p <= last) {
        __m256i cls;
        unsigned n = run_at(p, &cls);
        if (n == 0) {
            p = next_lead(p);
            continue;
        }
        unsigned trad = lanes_of(cls, 31, n);
        simp += (unsigned)__builtin_popcount(lanes_of(cls, 30, n) & ~trad);
        trads += (unsigned)__builtin_popcount(trad);
        for (; trad; trad &= trad - 1)
            simplify_at(t, p + 3 * (unsigned)__builtin_ctz(trad));
        p += n == 8 ? 24 : 3 * n;   /* a constant step where the run fills it, as in find_avx2 */
    }
    t->simp += simp;
    t->trad += trads;
    return p;
}
#endif

/* The counting pass over [P, END): SIMD where it can, then one code point at a time. */
static void count_pass(tally *t, const unsigned char *p, const unsigned char *end, bool simd)
{
#ifdef HAVE_SIMD
    if (simd)
        p = count_avx2(t, p, end);
#else
    (void)simd;
#endif
    walk_scalar(t, p, end, true);
}

bool cl_script_prepare_at(cl_doc *doc, int level)
{
    const unsigned char *text = (const unsigned char *)doc->text, *end = text + doc->len, *p = text;
    tally t = {.doc = doc};
    doc->source = doc->text;
    doc->source_len = doc->len;
    doc->script = "simplified";
    bool simd = false;
#ifdef HAVE_SIMD
    simd = level >= 2 && have_simd();
    if (simd && end - p >= 32) {
        p += cl_utf8_cp3(p) == 0;   /* so no stop is at TEXT (find_avx2 reads the byte before) */
        for (; (p = find_avx2(p, end)) <= end - 32 && cl_utf8_cp3(p) == 0; p++)
            if (cl_gloss_near(text, p, end))
                break;   /* [text, p) has neither a traditional character nor a gloss */
    }
#else
    (void)level;
#endif
    const unsigned char *first = walk_scalar(&t, p, end, false);
    bool glossed = cl_gloss_find(text, p - text >= 3 ? p - 3 : text, first) != NULL;
    if (first == end && !glossed)
        return true;
    if (!make_shadow(&t))
        return false;
    /* the simplified characters before the first traditional one, then the rest */
    count_pass(&t, text, first, simd);
    count_pass(&t, first, end, simd);
    /* a few characters of the other script are normal in either (quoted names, 后 in 皇后,
     * 余 the surname): a text is mixed only when both are common */
    doc->script = !t.trad ? "simplified"   /* read through a shadow only for its glosses */
                  : t.simp * 10 < t.trad ? "traditional" : t.trad * 10 < t.simp ? "simplified" : "mixed";
    doc->text = (const char *)t.shadow;
    /* pinyin glosses left out, in either script (a traditional text is looked through whole) */
    return cl_gloss_strip(doc, t.shadow);
}

bool cl_script_prepare(cl_doc *doc)
{
    return cl_script_prepare_at(doc, 2);
}
