/* oracle.h — what every libFuzzer target of tests/fuzz/ checks beyond "did not crash".
 *
 * Header-only (static functions): each target is one translation unit linked with the
 * sanitised library, and uses what it needs of this. A failed CHECK prints the condition and
 * aborts, so libFuzzer saves the input as a crash reproducer. */
#ifndef CL_FUZZ_ORACLE_H
#define CL_FUZZ_ORACLE_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "claimc.h"

#define CHECK(cond, ...)                                                                     \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz: oracle failed: %s: ", #cond);                            \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

static inline void check_span(const cl_doc *doc, cl_span s, const char *what)
{
    size_t len = cl_doc_text_len(doc);
    CHECK(s.start <= s.end && s.end <= len, "%s span [%u, %u) outside text of %zu bytes", what,
          s.start, s.end, len);
}

/* Strict UTF-8 (no overlongs, surrogates or code points above U+10FFFF): the offset of the
 * first bad byte, or LEN. */
static inline size_t utf8_bad_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) { n = 2; lo = 0xA0; }
        else if (c == 0xED) { n = 2; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) { n = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) { n = 3; hi = 0x8F; }
        else return i;
        if (i + n >= len || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

static inline void check_utf8(const char *s, size_t len, const char *what)
{
    size_t bad = utf8_bad_at((const unsigned char *)s, len);
    CHECK(bad == len, "%s output is not UTF-8 at byte %zu", what, bad);
}

/* A writer into memory: FN(DOC, OUT, ARG) writes, and its bytes come back NUL-terminated
 * (free them), with their length in *LEN. The writer must succeed on a memory stream. */
typedef int (*fuzz_writer)(const cl_doc *doc, FILE *out, const void *arg);

static inline char *render_with(const cl_doc *doc, fuzz_writer fn, const void *arg, size_t *len)
{
    char *buf = NULL;
    *len = 0;
    FILE *out = open_memstream(&buf, len);
    CHECK(out != NULL, "open_memstream");
    int rc = fn(doc, out, arg);
    CHECK(fclose(out) == 0, "fclose of a memory stream");
    CHECK(rc == 0, "writer returned %d", rc);
    return buf;
}

/* Each of the LEN bytes at S is a line that cJSON parses as one object, with nothing after it;
 * VISIT (when given) sees each object. Returns the number of lines. */
static inline size_t check_json_lines(const char *s, size_t len, const char *what,
                                      void (*visit)(const cJSON *o, size_t line, void *arg),
                                      void *arg)
{
    check_utf8(s, len, what);
    size_t lines = 0;
    for (const char *p = s, *e = s + len; p < e; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        CHECK(nl != NULL, "%s line %zu has no newline", what, lines + 1);
        const char *end = NULL;
        cJSON *o = cJSON_ParseWithLengthOpts(p, (size_t)(nl - p), &end, false);
        CHECK(cJSON_IsObject(o), "%s line %zu is not a JSON object", what, lines + 1);
        CHECK(end == nl, "%s line %zu has text after its object", what, lines + 1);
        if (visit)
            visit(o, lines, arg);
        cJSON_Delete(o);
        p = nl + 1;
    }
    return lines;
}

/* -- the super-linear guard ------------------------------------------------------------------- */

/* One input may use FUZZ_CPU_MS milliseconds of CPU (default 4000; the slowest 64 KiB input
 * of the seeds takes under 1 s in any target). CPU time, not wall time as libFuzzer's
 * -timeout: a fuzzer at nice 19 on a busy machine waits for minutes without a finding, while
 * a path quadratic in the input's length (64 KiB squared is 4e9) still overruns. Overrunning
 * aborts, so libFuzzer keeps the input as a crash. */
static void fuzz_cpu_overrun(int sig)
{
    (void)sig;
    static const char msg[] = "fuzz: the input used more than FUZZ_CPU_MS of CPU time: a "
                              "super-linear path?\n";
    if (write(2, msg, sizeof msg - 1) < 0) { /* abort regardless */ }
    abort();
}

static inline void fuzz_cpu_limit(bool on)
{
    static long ms = -1;
    if (ms < 0) {
        const char *e = getenv("FUZZ_CPU_MS");
        ms = e && atol(e) > 0 ? atol(e) : 4000;
        signal(SIGVTALRM, fuzz_cpu_overrun);
    }
    struct itimerval t = {{0, 0}, {on ? ms / 1000 : 0, on ? ms % 1000 * 1000 : 0}};
    setitimer(ITIMER_VIRTUAL, &t, NULL);
}

/* FUZZ_TARGET(fn): LLVMFuzzerTestOneInput runs fn(data, size) under the CPU limit. */
#define FUZZ_TARGET(fn)                                                                      \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);                            \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                             \
    {                                                                                        \
        fuzz_cpu_limit(true);                                                                \
        fn(data, size);                                                                      \
        fuzz_cpu_limit(false);                                                               \
        return 0;                                                                            \
    }

#endif
