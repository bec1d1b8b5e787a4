/* test_script.c — src/script.c's pass, with and without AVX2, against a plain walk.
 *
 * The reference walks the text a byte at a time as script.c did before its SIMD pass: a
 * three-byte sequence (cl_utf8_cp3) is a character whose class the table gives, anything else
 * is stepped over; a traditional character is replaced by its simplified form, found here by
 * counting the table's traditional code points from U+0000 (not by script.c's ranks). Each
 * level must give the same script name and the same shadow (pinyin glosses left out, found
 * here byte by byte) on: the traditional bulletin of
 * corpus/genres/ and the mixed text of tests/script/, whole and cut at random; random text of
 * ASCII, other lengths and Chinese characters of each class, whole, cut and with bytes
 * corrupted; every short text at the end of its allocation, so the sanitizer build catches a
 * read past it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "gloss.h"
#include "script.h"
#include "utf8.h"
#include "xorshift.h"

static int failures;
static long cases;
static uint16_t to_of[0x10000];          /* the reference's simplified forms */
static uint16_t by_class[4][0x10000];    /* code points of each class, for random text */
static size_t class_count[4];

static unsigned class_of(unsigned cp) { return cl_script_classes[cp >> 4] >> (cp & 15) * 2 & 3; }

static void tables(void)
{
    size_t k = 0;
    for (unsigned c = 0; c < 0x10000; c++) {
        unsigned cls = class_of(c);
        if (cls & CL_SCRIPT_TRAD)
            to_of[c] = cl_t2s_to[k++];
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
            by_class[cls][class_count[cls]++] = (uint16_t)c;
    }
}

static const char *reference(unsigned char *s, size_t n)
{
    size_t trad = 0, simp = 0;
    for (size_t i = 0; i + 3 <= n;) {
        unsigned c = cl_utf8_cp3(s + i);
        if (!c) {
            i++;
            continue;
        }
        if (class_of(c) & CL_SCRIPT_TRAD) {
            trad++;
            if (to_of[c] >= 0x800) {
                s[i] = (unsigned char)(0xE0 | to_of[c] >> 12);
                s[i + 1] = (unsigned char)(0x80 | (to_of[c] >> 6 & 0x3F));
                s[i + 2] = (unsigned char)(0x80 | (to_of[c] & 0x3F));
            }
        } else {
            simp += class_of(c) >> 1;
        }
        i += 3;
    }
    if (!trad)
        return "simplified";
    return simp * 10 < trad ? "traditional" : trad * 10 < simp ? "simplified" : "mixed";
}

/* The pinyin glosses after Chinese characters left out of the reference's shadow S, byte by
 * byte (script.c finds them in its SIMD pass, gloss.c strips them with memchr); its length. */
static size_t strip_glosses(unsigned char *s, size_t n)
{
    size_t w = 0;
    for (size_t r = 0; r < n;) {
        size_t g = w >= 3 && cl_gloss_cjk_at(s + w - 3) ? cl_gloss_len(s + r, s + n) : 0;
        if (g)
            r += g;
        else
            s[w++] = s[r++];
    }
    s[w] = 0;
    return w;
}

/* Each level against the reference on the N bytes at S, copied to the end of an allocation
 * (with the NUL sentinel a decoded text has). */
static void check(const char *what, const unsigned char *s, size_t n)
{
    unsigned char *text = malloc(n + 1), *want = malloc(n + 1);
    if (!text || !want) {
        printf("FAIL unit/script out of memory\n");
        exit(1);
    }
    memcpy(text, s, n);
    text[n] = 0;
    memcpy(want, text, n + 1);
    const char *script = reference(want, n);
    size_t want_len = strip_glosses(want, n);
    cases++;
    bool bad = false;
    for (int level = 0; level <= 2; level += 2) {
        cl_doc doc = {.text = (const char *)text, .len = n};
        bool ok = cl_script_prepare_at(&doc, level);
        bool same = doc.len == want_len && memcmp(doc.text, want, want_len + 1) == 0;
        if (!ok || strcmp(doc.script, script) != 0 || doc.source != (const char *)text || !same) {
            bad = true;
            if (failures < 20)
                printf("  %s (%zu bytes), level %d: script %s, want %s; shadow %s\n", what, n,
                       level, doc.script, script, same ? "same" : "differs");
        }
        cl_arena_free(&doc.arena);
    }
    failures += bad;
    free(text);
    free(want);
}

static size_t put3(unsigned char *o, unsigned c)
{
    o[0] = (unsigned char)(0xE0 | c >> 12);
    o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
}

/* What may follow a character in random text: pinyin glosses, and brackets that are none */
static const char *const brackets[] = {"(qū)", "(chang)(chang)", "（yè）", "(lv)", "(PM2.5)",
                                       "(km)", "(下同)", "(qu", "(an)("};

/* Random text of N bytes at most: runs of Chinese characters (each class, TRAD_PCT in 100 of
 * them traditional) between ASCII, two- and four-byte characters. */
static size_t random_text(unsigned char *o, size_t n, unsigned trad_pct)
{
    size_t k = 0;
    while (k + 4 <= n) {
        uint32_t r = rnd(100);
        if (r < 70) {
            unsigned cls = rnd(100) < trad_pct ? CL_SCRIPT_TRAD : rnd(3) ? 0 : CL_SCRIPT_SIMP;
            k += put3(o + k, by_class[cls][rnd((uint32_t)class_count[cls])]);
            uint32_t pick = rnd(sizeof brackets / sizeof brackets[0] * 2);
            const char *b = pick < sizeof brackets / sizeof brackets[0] ? brackets[pick] : NULL;
            if (r < 20 && b && k + strlen(b) + 4 <= n) {   /* after some: a gloss or a note */
                memcpy(o + k, b, strlen(b));
                k += strlen(b);
            }
        } else if (r < 90) {
            o[k++] = (unsigned char)(rnd(2) ? '0' + rnd(10) : rnd(0x80));
        } else if (r < 96) {
            unsigned c = 0x80 + rnd(0x780);
            o[k++] = (unsigned char)(0xC0 | c >> 6);
            o[k++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            memcpy(o + k, "\xF0\x9F\x98\x80", 4);
            k += 4;
        }
    }
    return k;
}

static void random_texts(void)
{
    static unsigned char buf[4096];
    for (int t = 0; t < 6000; t++) {
        size_t n = random_text(buf, 1 + rnd(t < 3000 ? 100 : sizeof buf), t % 4 == 0 ? 0 : rnd(100));
        check("random text", buf, n);
        check("random text cut", buf, rnd((uint32_t)n + 1));
        buf[rnd((uint32_t)n + 1)] = (unsigned char)rnd(256);   /* a stray byte anywhere */
        check("corrupted text", buf, n);
    }
}

static void file(const char *path)
{
    FILE *f = fopen(path, "rb");
    static unsigned char buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (!f || n == 0) {
        printf("FAIL unit/script cannot read %s\n", path);
        failures++;
        if (f)
            fclose(f);
        return;
    }
    fclose(f);
    check(path, buf, n);
    for (int t = 0; t < 200; t++) {
        size_t from = rnd((uint32_t)n);
        check(path, buf + from, rnd((uint32_t)(n - from) + 1));
    }
}

int main(void)
{
    tables();
    file("corpus/genres/bengbu-2024-stat_bulletin.txt");
    file("tests/script/mixed.txt");
    file("corpus/ezhou-2024-plan.txt");
    random_texts();
    if (failures)
        printf("FAIL unit/script %d of %ld cases differ from the plain walk\n", failures, cases);
    else
        printf("PASS unit/script %ld cases, scalar and AVX2 (%s) equal to the plain walk\n", cases,
               cl_utf8_simd_level() >= 2 ? "run" : "not on this CPU");
    return failures != 0;
}
