/* test_lexicon.c — the compiled word list (src/lexicon.c, build/lexicon_table.c) answers as the
 * word list itself does.
 *
 * The reference is friso-dict's list (the Makefile's LEXICON, read here again: the words of 2-6
 * Chinese characters, sorted, searched by bsearch) with the words grammar/lexicon_extra.txt adds. cl_lexicon_has must know every word, and
 * agree with the list on every run of 2-6 characters of the corpus reports; cl_lexicon_longest
 * and cl_lexicon_cut must give what a walk over the list's answers gives at every place of
 * them. Any compact encoding of the table (fingerprints in the slots, fewer slots) is held to
 * this. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

#define LEXICON "/usr/share/friso/dict/UTF-8/lex-main.lex"
#define LEXICON_EXTRA "grammar/lexicon_extra.txt"

static char **words;
static size_t nwords;
static int failures;
static long checks;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool cjk_word(const char *w, size_t n)
{
    if (n < 6 || n > 18 || n % 3)
        return false;
    for (size_t i = 0; i < n; i += 3)
        if ((unsigned char)w[i] < 0xE4 || (unsigned char)w[i] > 0xE9)
            return false;
    return true;
}

/* Adds the words of one list (lines "word" or "word/...", # comments skipped by cjk_word). */
static bool load_list(const char *path)
{
    static size_t cap;
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "/\r\n")] = '\0';
        if (!cjk_word(line, strlen(line)))
            continue;
        if (nwords == cap && !(words = realloc(words, (cap = cap ? 2 * cap : 1 << 16) * sizeof *words)))
            exit(1);
        words[nwords++] = strdup(line);
    }
    fclose(f);
    return true;
}

static bool load(void)
{
    if (!load_list(LEXICON) || !load_list(LEXICON_EXTRA))
        return false;
    qsort(words, nwords, sizeof *words, cmp_str);
    return nwords > 0;
}

static bool listed(const char *s, size_t n)
{
    char key[32];
    if (!cjk_word(s, n))
        return false;
    memcpy(key, s, n);
    key[n] = '\0';
    const char *k = key;
    return bsearch(&k, words, nwords, sizeof *words, cmp_str) != NULL;
}

static void expect(bool ok, const char *what, const char *s, size_t n)
{
    checks++;
    if (!ok && ++failures <= 10)
        printf("  %s: %.*s\n", what, (int)n, s);
}

/* cl_lexicon_longest and cl_lexicon_cut by the list, for text T at AT. */
static size_t longest_ref(const char *t, size_t n)
{
    for (size_t k = n < 18 ? n - n % 3 : 18; k >= 6; k -= 3)
        if (listed(t, k))
            return k;
    return 0;
}

static uint32_t cut_ref(const char *text, uint32_t lo, uint32_t at, uint32_t hi)
{
    uint32_t best = at;
    for (uint32_t b = at; b >= lo + 3 && at - (b - 3) < 18;) {
        b -= 3;
        if ((unsigned char)text[b] < 0xE4 || (unsigned char)text[b] > 0xE9)
            break;
        for (uint32_t e = at + 3; e <= hi && e - b <= 18; e += 3)
            if (listed(text + b, e - b))
                best = b;
    }
    return best;
}

static void report(const char *path)
{
    FILE *f = fopen(path, "rb");
    static char text[1 << 16];
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    if (!n) {
        printf("FAIL unit/lexicon cannot read %s\n", path);
        failures++;
        return;
    }
    for (size_t i = 0; i + 3 <= n; i++) {
        if ((unsigned char)text[i] < 0xE4 || (unsigned char)text[i] > 0xE9)
            continue;
        for (size_t k = 6; k <= 18 && i + k <= n; k += 3)
            expect(cl_lexicon_has(text + i, k) == listed(text + i, k), "has", text + i, k);
        expect(cl_lexicon_longest(text + i, n - i) == longest_ref(text + i, n - i), "longest", text + i, 6);
        if (i >= 6 && i + 6 <= n) {
            uint32_t at = (uint32_t)i, hi = at;
            /* the words' ends: on Chinese characters after AT, two at most */
            while (hi < at + 6 && (unsigned char)text[hi] >= 0xE4 && (unsigned char)text[hi] <= 0xE9)
                hi += 3;
            expect(cl_lexicon_cut(text, at - 6, at, (uint32_t)i + 6) == cut_ref(text, at - 6, at, hi), "cut",
                   text + i - 6, 12);
        }
    }
}

/* cl_lexicon_tail: a comparison keyword (比 与) that ends a word is no keyword (可比, 占比),
 * unless the characters before it make a word of their own read first (增速|比, 电量|比). */
static void tails(void)
{
    static const struct { const char *text, *key; bool tail; } cases[] = {
        {"按可比价格计算", "比", true}, {"研发投入占比提高", "比", true},
        {"增速比全省平均水平低", "比", false}, {"全社会用电量比上年增长", "比", false},
        {"全市比上年增长", "比", false}, {"文化旅游体育与传媒支出", "与", false},
        {"比上年增长", "比", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        uint32_t at = (uint32_t)(strstr(t, cases[i].key) - t);
        expect(cl_lexicon_tail(t, 0, at) == cases[i].tail, "tail", t, strlen(t));
    }
}

int main(void)
{
    if (!load()) {
        printf("FAIL unit/lexicon cannot read the word lists %s, %s\n", LEXICON, LEXICON_EXTRA);
        return 1;
    }
    for (size_t i = 0; i < nwords; i++)
        expect(cl_lexicon_has(words[i], strlen(words[i])), "a listed word unknown", words[i], strlen(words[i]));
    report("corpus/ezhou-2024-plan.txt");
    report("corpus/hongshan-2024-report.txt");
    report("corpus/genres/huangping-2022-budget.txt");
    tails();
    if (failures)
        printf("FAIL unit/lexicon %d of %ld checks differ from the word list\n", failures, checks);
    else
        printf("PASS unit/lexicon %ld checks (%zu words) agree with the word list\n", checks, nwords);
    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    free(words);
    return failures != 0;
}
