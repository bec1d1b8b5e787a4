/* linear.c — the super-linear guard's second half: time per byte stays flat as inputs grow.
 *
 *   linear FILE...   (make test-linear: the committed fuzz corpus, then the corpus reports)
 *
 * The FILEs concatenated and cut at 64 KiB make a block B; B and B repeated 16 times (1 MiB)
 * go through the pipeline and every writer the CLI has (parse, JSON, JSON Lines, claimc
 * check), in three shapes: as they are, as one line (no line breaks), and as one sentence (no
 * line breaks and no sentence punctuation: the longest stretch the grammar and the claim
 * builder ever see). The same bytes sixteen times over cost sixteen times as much when every
 * stage is linear; a path quadratic in a line or a sentence costs 256 times as much. Each
 * size is timed in CPU time over repeated runs (the best of three rounds, the sizes in
 * turn), and the check fails when 1 MiB costs more than MAX_RATIO times as much per byte as
 * 64 KiB. The libFuzzer targets' CPU limit
 * (oracle.h) catches the same on the fuzzers' own inputs, up to 64 KiB. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "claimc.h"

enum { BLOCK = 64 * 1024, TIMES = 16 };
/* Linear is x1 in principle. In practice the JSON writer's cJSON tree (tens of MB for 1 MiB
 * of text) outgrows the caches, and 1 MiB measured up to x3.1 per byte on this project's VM
 * (not more at 4 MiB or 16 MiB: no growth). A quadratic path is x16. */
#define MAX_RATIO 5.0
#define ROUNDS 3

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Everything the CLI does with one input, its output thrown away. */
static void pipeline(const char *data, size_t len, FILE *sink)
{
    cl_doc *doc = cl_parse("linear", data, len);
    if (!doc) {
        fprintf(stderr, "linear: out of memory\n");
        exit(2);
    }
    cl_write_json(doc, sink, false);
    cl_write_jsonl(doc, sink);
    size_t n;
    cl_finding *f = cl_check(doc, &n);
    cl_write_findings(doc, f, n, sink, false);
    free(f);
    cl_doc_free(doc);
}

/* CPU time per byte over enough runs to spend ~0.25 s: a VM's process clock may tick only
 * every few milliseconds, longer than one run of 64 KiB takes. */
static double per_byte(const char *data, size_t len, FILE *sink)
{
    double t0 = cpu_now(), spent = 0;
    int runs = 0;
    while (runs < 2 || spent < 0.25) {
        pipeline(data, len, sink);
        runs++;
        spent = cpu_now() - t0;
    }
    return spent / runs / (double)len;
}

/* Drop line breaks, and with SENTENCES sentence punctuation too (。！？；, .!?;). */
static size_t reshape(char *s, size_t len, int shape)
{
    static const char *const stops[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B"};
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (shape >= 1 && (s[i] == '\n' || s[i] == '\r')) {
            i++;
            continue;
        }
        if (shape >= 2) {
            if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ';') {
                i++;
                continue;
            }
            bool stop = false;
            for (size_t k = 0; k < 4 && !stop; k++)
                stop = i + 3 <= len && memcmp(s + i, stops[k], 3) == 0;
            if (stop) {
                i += 3;
                continue;
            }
        }
        s[o++] = s[i++];
    }
    return o;
}

static void too_slow(int sig)
{
    (void)sig;
    fputs("FAIL linear: a run used more than 60 s of CPU time: super-linear\n", stdout);
    exit(1);
}

int main(int argc, char **argv)
{
    /* the block: the files one after another, cut at BLOCK */
    char *block = malloc(BLOCK);
    size_t have = 0;
    for (int i = 1; i < argc && have < BLOCK; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        have += fread(block + have, 1, BLOCK - have, f);
        fclose(f);
    }
    if (have < BLOCK / 2) {
        printf("FAIL linear: only %zu bytes of input, want %d\n", have, BLOCK);
        return 1;
    }
    FILE *sink = fopen("/dev/null", "w");
    signal(SIGXCPU, too_slow);
    signal(SIGVTALRM, too_slow);
    static const char *const names[] = {"as is", "one line", "one sentence"};
    int failed = 0;
    for (int shape = 0; shape < 3; shape++) {
        char *small = malloc(have);
        memcpy(small, block, have);
        size_t n = reshape(small, have, shape);
        char *big = malloc(n * TIMES);
        for (int k = 0; k < TIMES; k++)
            memcpy(big + (size_t)k * n, small, n);
        struct itimerval limit = {{0, 0}, {60, 0}};
        setitimer(ITIMER_VIRTUAL, &limit, NULL);
        double a = 1e9, b = 1e9;   /* the best of ROUNDS, the two sizes in turn */
        for (int r = 0; r < ROUNDS; r++) {
            double x = per_byte(small, n, sink), y = per_byte(big, n * TIMES, sink);
            a = x < a ? x : a;
            b = y < b ? y : b;
        }
        double ratio = b / a;
        bool ok = ratio <= MAX_RATIO;
        failed |= !ok;
        printf("%s linear %s: %.1f ns/byte at %zu KiB, %.1f at %zu KiB: x%.2f (at most %.1f)\n",
               ok ? "PASS" : "FAIL", names[shape], a * 1e9, n / 1024, b * 1e9, n * TIMES / 1024,
               ratio, MAX_RATIO);
        free(small);
        free(big);
    }
    fclose(sink);
    free(block);
    return failed;
}
