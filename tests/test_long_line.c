/* test_long_line.c — a sentence too long for one piece is cut (filter.c, cut_here) without
 * losing a claim: the claims of long lines parsed in small pieces are those of the same lines
 * parsed whole, byte for byte as JSON Lines.
 *
 * The lines: the corpus reports flattened into one sentence (every sentence mark and line
 * break a comma), without commas, and as lists (、); each parsed with the cut window as small
 * as 16 tokens, and with no cut. Prints PASS/FAIL lines.
 *
 *   test_long_line [FILE...]     corpus/ and corpus/genres/ when no FILE is named */
#define _GNU_SOURCE   /* memmem */
#include <stdio.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include "claimc.h"
#include "pipeline.h"
#include "emit.h"
#include "filter.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';   /* replace_marks compares marks with strncmp, which stops at it */
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* TEXT with each of the marks in FROM (UTF-8 strings, NULL-terminated) replaced by TO. */
static char *replace_marks(const char *text, size_t len, const char *const *from, const char *to,
                           size_t *out_len)
{
    char *out = malloc(len * 2 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        const char *const *m = from;
        for (; *m; m++)
            if (strncmp(text + i, *m, strlen(*m)) == 0)
                break;
        if (*m) {
            memcpy(o, to, strlen(to));
            o += strlen(to);
            i += strlen(*m);
        } else {
            *o++ = text[i++];
        }
    }
    *out_len = (size_t)(o - out);
    return out;
}

static char *jsonl_of(const char *text, size_t len, size_t *out_len, size_t *diags)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, out_len);
    cl_doc *doc = cl_parse("line", text, len);
    if (!f || !doc || cl_write_jsonl(doc, f) < 0) {
        if (f)
            fclose(f);
        free(out);
        cl_doc_free(doc);
        return NULL;
    }
    *diags = cl_doc_diag_count(doc);
    cl_doc_free(doc);
    fclose(f);
    return out;
}

static int failed, cut_cases;

/* The lines without their section paths: a heading's title is the sentence after it, and its
 * first piece when the window is smaller than a title (CL_TITLE_MAX in heading.c). */
static size_t drop_sections(char *s, size_t n)
{
    static const char mark[] = ",\"doc\":\"line\",\"section\":";
    char *o = s;
    for (size_t i = 0; i < n;) {
        char *nl = memchr(s + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - s) : n;
        char *cut = memmem(s + i, end - i, mark, sizeof mark - 1);
        size_t keep = cut ? (size_t)(cut - (s + i)) : end - i;
        memmove(o, s + i, keep);
        o += keep;
        if (nl)
            *o++ = '\n';
        i = end + 1;
    }
    return (size_t)(o - s);
}

static void same_cut(const char *name, const char *text, size_t len, int soft, int hard)
{
    size_t whole_len, cut_len, whole_diags, cut_diags;
    cl_filter_cut_window(1 << 30, 1 << 30);
    char *whole = jsonl_of(text, len, &whole_len, &whole_diags);
    cl_filter_cut_window(soft, hard);
    char *cut = jsonl_of(text, len, &cut_len, &cut_diags);
    cl_filter_cut_window(CL_CUT_SOFT, CL_CUT_HARD);
    if (whole)
        whole_len = drop_sections(whole, whole_len);
    if (cut)
        cut_len = drop_sections(cut, cut_len);
    size_t claims = 0;
    for (size_t i = 0; whole && i < whole_len; i++)
        claims += whole[i] == '\n';
    if (!whole || !cut) {
        printf("FAIL long-line/%s/%d: out of memory\n", name, soft);
        failed++;
    } else if (claims < 10) {
        printf("FAIL long-line/%s/%d: nothing to test (%zu claims)\n", name, soft, claims);
        failed++;
    } else if (whole_len != cut_len || memcmp(whole, cut, whole_len) != 0) {
        const char *dump = getenv("LONG_LINE_DUMP");   /* a directory: both outputs go there */
        if (dump) {
            char path[512];
            snprintf(path, sizeof path, "%s/whole.jsonl", dump);
            FILE *w = fopen(path, "w");
            snprintf(path, sizeof path, "%s/cut.jsonl", dump);
            FILE *c = fopen(path, "w");
            if (w && c) {
                fwrite(whole, 1, whole_len, w);
                fwrite(cut, 1, cut_len, c);
            }
            if (w)
                fclose(w);
            if (c)
                fclose(c);
        }
        size_t i = 0;
        while (i < whole_len && i < cut_len && whole[i] == cut[i])
            i++;
        size_t from = i > 100 ? i - 100 : 0;
        printf("FAIL long-line/%s/%d: the claims differ at byte %zu: whole \"%.200s\" cut \"%.200s\"\n",
               name, soft, i, whole + from, cut + from);
        failed++;
    } else {
        printf("PASS long-line/%s/%d (%zu claims%s)\n", name, soft, claims,
               cut_diags > whole_diags ? ", cut" : ", no sentence long enough to cut");
        cut_cases += cut_diags > whole_diags;
    }
    free(whole);
    free(cut);
}

int main(int argc, char **argv)
{
    static const char *const sentence_marks[] = {"。", "；", ";", "！", "？", "\r\n", "\n", "\r", NULL};
    static const char *const commas[] = {"，", ",", NULL};
    glob_t g = {0};
    if (argc < 2 && glob("corpus/*.txt", 0, NULL, &g) == 0 &&   /* run from the top directory */
        glob("corpus/genres/*.txt", GLOB_APPEND, NULL, &g) == 0) {
        argc = (int)g.gl_pathc + 1;
        argv = g.gl_pathv - 1;
    }
    for (int a = 1; a < argc; a++) {
        size_t len, flat_len, bare_len, list_len;
        char *text = slurp(argv[a], &len);
        if (!text) {
            printf("FAIL long-line/%s: cannot read\n", argv[a]);
            failed++;
            continue;
        }
        const char *base = strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a];
        char name[256];
        char *flat = replace_marks(text, len, sentence_marks, "，", &flat_len);
        char *bare = flat ? replace_marks(flat, flat_len, commas, "", &bare_len) : NULL;
        char *list = flat ? replace_marks(flat, flat_len, commas, "、", &list_len) : NULL;
        for (int soft = 16; soft <= 48; soft *= 3) {
            snprintf(name, sizeof name, "%s-flat", base);
            if (flat)
                same_cut(name, flat, flat_len, soft, soft * 16);
            snprintf(name, sizeof name, "%s-no-comma", base);
            if (bare)
                same_cut(name, bare, bare_len, soft, soft * 16);
            snprintf(name, sizeof name, "%s-list", base);
            if (list)
                same_cut(name, list, list_len, soft, soft * 16);
        }
        free(text);
        free(flat);
        free(bare);
        free(list);
    }
    globfree(&g);
    if (!cut_cases) {   /* else the test could not fail */
        printf("FAIL long-line: no line was long enough to be cut\n");
        failed++;
    }
    return failed ? 1 : 0;
}
