/* test_utf8_valid.c — cl_utf8_valid says exactly what cl_utf8_len says.
 *
 * The reference: a buffer is valid when walking it with cl_utf8_len never meets a length of 0.
 * Every SIMD level this CPU has (and the scalar one) must agree with it on: the corpus and the
 * bad-input suite (whole, and random slices that cut characters); random bytes; random valid
 * text, then with one or two bytes corrupted, then cut at every length near its end; and each
 * edge sequence (first and last code points of each length, surrogates, overlongs, too large,
 * truncated) at every byte position of every length 0..70, at every alignment 0..15. Each
 * buffer is copied to the end of its own allocation, so the sanitizer build catches a read past
 * the end. */
#include <dirent.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xorshift.h"

static int failures, levels;
static uint32_t ascii_pct = 30;   /* of random characters: ASCII, or mostly CJK */
static long cases, valid_cases;

static bool reference(const unsigned char *s, size_t n)
{
    for (size_t i = 0, len; i < n; i += len)
        if ((len = cl_utf8_len(s + i, n - i)) == 0)
            return false;
    return true;
}

static void dump(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n && i < 96; i++)
        printf(" %02X", s[i]);
    printf(n > 96 ? " ...\n" : "\n");
}

/* Every level against the reference, with S at alignment OFF. */
static void check_at(const char *what, const unsigned char *s, size_t n, size_t off)
{
    unsigned char *block = malloc(off + n + (off + n == 0));
    if (!block) {
        printf("FAIL unit/utf8_valid out of memory\n");
        exit(1);
    }
    memset(block, 0xF0, off);   /* leads before S: a read of them would show as an error */
    memcpy(block + off, s, n);
    bool want = reference(block + off, n);
    cases++;
    valid_cases += want;
    for (int level = 0; level < levels; level++) {
        bool got = cl_utf8_valid_at(block + off, n, level);
        if (got != want && ++failures <= 20) {
            printf("  %s: level %d says %s, cl_utf8_len %s; %zu bytes at alignment %zu:", what,
                   level, got ? "valid" : "invalid", want ? "valid" : "invalid", n, off);
            dump(s, n);
        }
    }
    if (cl_utf8_valid(block + off, n) != want && ++failures <= 20)
        printf("  %s: cl_utf8_valid disagrees with cl_utf8_len (%zu bytes)\n", what, n);
    free(block);
}

static void check(const char *what, const unsigned char *s, size_t n)
{
    check_at(what, s, n, rnd(16));
}

/* -- random text --------------------------------------------------------------------------- */

static size_t encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | cp >> 6);
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | cp >> 12);
        out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | cp >> 18);
    out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A random valid character: ASCII_PCT in 100 ASCII, else mostly CJK as in the reports, often
 * an edge one. */
static size_t random_char(unsigned char *out)
{
    static const uint32_t edges[] = {0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xFFF, 0x1000, 0xCFFF,
                                     0xD000, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x3FFFF,
                                     0x40000, 0xFFFFF, 0x100000, 0x10FFFF, 0x3000, 0xFF0C};
    uint32_t r = rnd(100), cp;
    if (rnd(100) < ascii_pct)
        cp = rnd(0x80);
    else if (r < 55)
        cp = 0x4E00 + rnd(0x5200);   /* CJK */
    else if (r < 62)
        cp = 0x80 + rnd(0x780);
    else if (r < 72)
        cp = 0x800 + rnd(0xD800 - 0x800);
    else if (r < 76)
        cp = 0xE000 + rnd(0x2000);
    else if (r < 86)
        cp = 0x10000 + rnd(0x100000);
    else
        cp = edges[rnd(sizeof edges / sizeof edges[0])];
    return encode(cp, out);
}

/* Valid characters at OUT up to exactly N bytes (ASCII where the next one would not fit). */
static void fill(unsigned char *out, size_t n)
{
    unsigned char c[4];
    for (size_t k = 0; k < n;) {
        size_t len = random_char(c);
        if (len > n - k) {
            c[0] = (unsigned char)rnd(0x80);
            len = 1;
        }
        memcpy(out + k, c, len);
        k += len;
    }
}

/* A byte likely to matter: the bounds of each range of cl_utf8_len, or any byte. */
static unsigned char tricky_byte(void)
{
    static const unsigned char bytes[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                          0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                                          0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
    return rnd(2) ? bytes[rnd(sizeof bytes)] : (unsigned char)rnd(256);
}

static void random_buffers(void)
{
    unsigned char buf[1024];
    for (int t = 0; t < 20000; t++) {   /* random bytes, from all or from the tricky ones */
        size_t n = rnd(t < 10000 ? 80 : 600);
        for (size_t i = 0; i < n; i++)
            buf[i] = t % 2 ? tricky_byte() : (unsigned char)rnd(256);
        check("random bytes", buf, n);
    }
    for (int t = 0; t < 40000; t++) {   /* valid text; one or two bytes corrupted; cut */
        size_t n = rnd(t < 20000 ? 100 : 1000);
        ascii_pct = t % 3 ? 30 : 95;
        fill(buf, n);
        check("valid text", buf, n);
        for (size_t cut = n > 8 ? n - 8 : 0; cut < n; cut++)
            check("valid text cut", buf, cut);
        if (n == 0)
            continue;
        for (int k = 1 + (int)rnd(2); k > 0; k--) {
            size_t at = rnd((uint32_t)n);
            buf[at] = tricky_byte();
        }
        check("corrupted text", buf, n);
    }
}

/* Each edge sequence at every position P of every length N <= 70 (cut where it overhangs N),
 * in random valid text, at every alignment. */
static void edge_sequences(void)
{
    static const char *const seqs[] = {
        "\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xE4\xB8\xAD", "\xED\x9F\xBF",
        "\xEE\x80\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF0\x9F\x98\x80",
        "\xF3\xBF\xBF\xBF",                                                   /* valid */
        "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF4\xBF\xBF\xBF",  /* surrogates, > U+10FFFF */
        "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80",
        "\xF0\x8F\xBF\xBF",                                                   /* overlong */
        "\xF5\x80\x80\x80", "\xF7\xBF\xBF\xBF", "\xF8\x88\x80\x80\x80", "\xFE", "\xFF",
        "\x80", "\xBF", "\xE4\xB8\xAD\xAD", "\xC2\x41", "\xE4\x41\x80", "\xE4\xB8\xC0",
        "\xF0\x9F\xC0\x80", "\xC2\xE4\xB8\xAD",                            /* bad bytes, bad structure */
    };
    unsigned char buf[80];
    for (size_t e = 0; e < sizeof seqs / sizeof seqs[0]; e++) {
        size_t len = strlen(seqs[e]);
        char name[32] = "edge";
        for (size_t k = 0; k < len; k++)
            snprintf(name + 4 + 3 * k, sizeof name - 4 - 3 * k, " %02X", (unsigned char)seqs[e][k]);
        for (size_t off = 0; off < 16; off++)
            for (size_t n = 0; n <= 70; n++)
                for (size_t p = 0; p <= n; p++) {
                    ascii_pct = (p + n) % 3 ? 30 : 95;
                    fill(buf, p);
                    memcpy(buf + p, seqs[e], len);
                    if (p + len < n)
                        fill(buf + p + len, n - p - len);
                    check_at(name, buf, n, off);
                }
    }
}

/* -- files --------------------------------------------------------------------------------- */

static unsigned char *read_file(const char *path, size_t *len)
{
    struct stat st;   /* a directory opens and seeks too (corpus/genres/), to a bogus size */
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL)
            *len = fread(buf, 1, (size_t)size, f);
    }
    fclose(f);
    return buf;
}

/* Every file of DIR whole, then slices that start and end anywhere (mid-character too). */
static int files_in(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        char path[1024];
        size_t len = 0;
        if (ent->d_name[0] == '.' || snprintf(path, sizeof path, "%s/%s", dir, ent->d_name) >= (int)sizeof path)
            continue;
        unsigned char *text = read_file(path, &len);
        if (!text)
            continue;
        n++;
        check(path, text, len);
        for (int t = 0; t < 300 && len > 0; t++) {
            size_t from = rnd((uint32_t)len), to = from + rnd((uint32_t)(len - from) + 1);
            check(path, text + from, to - from);
        }
        free(text);
    }
    closedir(d);
    return n;
}

int main(void)
{
    levels = cl_utf8_simd_level() + 1;
    int files = files_in("corpus") + files_in("tests/bad");
    if (files == 0) {
        failures++;
        printf("  no files read from corpus/ and tests/bad/ (run from the top directory)\n");
    }
    random_buffers();
    edge_sequences();
    printf("%s unit/utf8_valid (%ld cases, %ld valid, %d files, levels 0..%d, %d failed)\n",
           failures ? "FAIL" : "PASS", cases, valid_cases, files, levels - 1, failures);
    return failures != 0;
}
