/* test_water.c — the lexer's fast path over prose changes no token.
 *
 * cl_lex skips runs of water (code points that start no rule, or start one only before a next
 * code point that does not come) as one FILLER, using tables that tools/water_table.awk reads
 * off the DFA. Lexed once with the fast path and once without (lx.runs = false), every text
 * here must give the same tokens, once each FILLER run is counted as its code points.
 *
 * Texts: the corpus, the evaluation sets, the rule tables, and for every code point that the
 * tables let into a run only conditionally, that code point before and after every keyword and
 * unit of the rule tables (where a wrong table would swallow the start of a keyword). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "water.h"

static int failures, texts;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* Compare the two lexings of TEXT token by token; a run of N code points stands for N
 * single-code-point FILLER tokens of the plain lexer. */
static void compare(const char *name, const char *text, size_t len)
{
    cl_lexer fast, plain;
    cl_lexer_init(&fast, text, len);
    cl_lexer_init(&plain, text, len);
    plain.runs = false;
    cl_rawtok f, p;
    texts++;
    for (;;) {
        cl_rt ft = cl_lex(&fast, &f);
        if (ft == CL_RT_FILLER && f.id > 1) {   /* a run: the plain lexer's FILLERs, one by one */
            uint32_t at = f.start;
            while (at < f.end) {
                cl_lex(&plain, &p);
                if (p.type != CL_RT_FILLER || p.start != at || p.end - p.start != 3) {
                    printf("  %s: the run %u-%u holds a %s token at %u-%u\n", name, f.start, f.end,
                           cl_rt_name(p.type), p.start, p.end);
                    failures++;
                    return;
                }
                at = p.end;
            }
            continue;
        }
        cl_rt pt = cl_lex(&plain, &p);
        if (ft != pt || f.start != p.start || f.end != p.end || f.id != p.id || f.attr != p.attr ||
            f.num.mant != p.num.mant || f.num.exp != p.num.exp || f.overflow != p.overflow) {
            printf("  %s: at %u the fast path gives %s %u-%u, the DFA alone %s %u-%u\n", name,
                   f.start, cl_rt_name(ft), f.start, f.end, cl_rt_name(pt), p.start, p.end);
            failures++;
            return;
        }
        if (ft == CL_RT_END)
            return;
    }
}

/* Every field with a non-ASCII character in the rule tables: the keywords and units. */
static size_t table_words(const char *path, char **words, size_t max)
{
    size_t len, n = 0;
    char *text = read_file(path, &len);
    if (!text)
        return 0;
    for (char *save = NULL, *w = strtok_r(text, "\t\n |", &save); w && n < max;
         w = strtok_r(NULL, "\t\n |", &save)) {
        bool cjk = false;
        for (const char *c = w; *c; c++)
            cjk = cjk || (unsigned char)*c >= 0x80;
        if (cjk && w[0] != '#')
            words[n++] = strdup(w);
    }
    free(text);
    return n;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        if (!*buf) {
            perror("test_water");
            exit(2);
        }
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
}

int main(void)
{
    static const char *const files[] = {
        "corpus/hongshan-2024-report.txt", "corpus/qianjiang-2024-summary.txt",
        "corpus/ezhou-2024-plan.txt", "tests/eval/corpus.jsonl", "tests/eval/own.jsonl",
        "tests/eval/heldout/heldout.jsonl", "tests/eval/blind/blind.jsonl",
        "tests/lexer/cases.tsv", "grammar/keywords.tsv", "grammar/units.tsv", NULL};
    for (const char *const *path = files; *path; path++) {
        size_t len;
        char *text = read_file(*path, &len);
        if (!text) {
            printf("  %s: cannot read (run from the top of the tree)\n", *path);
            failures++;
            continue;
        }
        compare(*path, text, len);
        free(text);
    }

    enum { MAX_WORDS = 4096 };
    static char *words[MAX_WORDS];
    size_t nwords = table_words("grammar/keywords.tsv", words, MAX_WORDS);
    nwords += table_words("grammar/units.tsv", words + nwords, MAX_WORDS - nwords);
    if (nwords < 100) {
        printf("  only %zu words in the rule tables\n", nwords);
        failures++;
    }
    int conditional = 0;
    for (unsigned cp = 0x800; cp < 0x10000; cp++) {
        char c[4] = {(char)(0xE0 | cp >> 12), (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F)), 0};
        uint32_t tail = cl_water.tail[(unsigned char)c[1] | (unsigned)(unsigned char)c[2] << 8];
        if (!(tail >> (16 + cl_water.lead[(unsigned char)c[0]]) & 1))
            continue;
        conditional++;
        char *buf = NULL;
        size_t len = 0, cap = 0;
        for (size_t i = 0; i < nwords; i++) {   /* 环境 环比 比环 环。: every way around a word */
            append(&buf, &len, &cap, c, 3);
            append(&buf, &len, &cap, words[i], strlen(words[i]));
            append(&buf, &len, &cap, c, 3);
            append(&buf, &len, &cap, "\xE3\x80\x82", 3);
        }
        char name[32];
        snprintf(name, sizeof name, "U+%04X around the words", cp);
        if (buf) {
            compare(name, buf, len);
            /* the same text ending with the code point, then with the last word: the fast
             * path's last steps before the end of the text */
            for (size_t cut = 3; cut <= 6 && cut < len; cut += 3) {
                char keep = buf[len - cut];
                buf[len - cut] = '\0';
                compare(name, buf, len - cut);
                buf[len - cut] = keep;
            }
        }
        free(buf);
    }
    if (conditional < 10) {
        printf("  only %d conditional code points in the tables\n", conditional);
        failures++;
    }
    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    printf("%s unit/lexer-water-runs (%d texts: the files, and %d conditional code points around "
           "%zu words; %d failed)\n", failures ? "FAIL" : "PASS", texts, conditional, nwords, failures);
    return failures != 0;
}
