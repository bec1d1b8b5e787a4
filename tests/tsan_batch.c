/* tsan_batch.c — the library's own threads and the Python binding's way in, for ThreadSanitizer.
 *
 *   tsan_batch FILE...   (tests/run_parallel.sh, built with -fsanitize=thread by mk/tsan.mk)
 *
 * The Python package (python/claimc) and its Dask partitions call cl_batch_open/next (files
 * parsed on the library's threads) and cl_extract (from several Python threads at once). Here:
 * cl_batch with 4 threads against 1, and cl_extract from 4 threads of ours against one after
 * another; the results must be the same bytes. A race is ThreadSanitizer's to report (exit
 * status 66); a difference prints a line and exits 1. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimc.h"

typedef struct {
    char *p;
    size_t len;
} text;

static void append(text *t, const char *p, size_t n)
{
    char *q = realloc(t->p, t->len + n + 1);
    if (!q) {
        fputs("tsan_batch: out of memory\n", stderr);
        exit(2);
    }
    memcpy(q + t->len, p, n);
    t->p = q;
    t->len += n;
}

static void take(text *t, cl_result *r)
{
    append(t, r->jsonl ? r->jsonl : "", r->jsonl_len);
    append(t, r->diags ? r->diags : "", r->diags_len);
    cl_result_free(r);
}

static text batch(char **paths, size_t n, int jobs)
{
    text t = {0};
    cl_batch *b = cl_batch_open((const char *const *)paths, n, jobs);
    cl_result r;
    while (b && cl_batch_next(b, &r))
        take(&t, &r);
    cl_batch_close(b);
    return t;
}

/* -- cl_extract from several threads --------------------------------------------------------- */

typedef struct {
    char **paths;
    size_t n, first, step;
    text *out;   /* one per path */
} share;

static void extract_one(const char *path, text *out)
{
    FILE *f = fopen(path, "rb");
    text data = {0};
    char buf[1 << 14];
    size_t k;
    while (f && (k = fread(buf, 1, sizeof buf, f)) > 0)
        append(&data, buf, k);
    if (f)
        fclose(f);
    cl_result r;
    if (cl_extract(path, data.p ? data.p : "", data.len, "{\"source\":\"tsan\"}", &r) == 0)
        take(out, &r);
    free(data.p);
}

static void *extract_share(void *arg)
{
    share *s = arg;
    for (size_t i = s->first; i < s->n; i += s->step)
        extract_one(s->paths[i], &s->out[i]);
    return NULL;
}

static text extract_all(char **paths, size_t n, int threads)
{
    text *each = calloc(n, sizeof *each);
    pthread_t tid[8];
    share sh[8];
    for (int i = 0; i < threads; i++) {
        sh[i] = (share){paths, n, (size_t)i, (size_t)threads, each};
        pthread_create(&tid[i], NULL, extract_share, &sh[i]);
    }
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    text t = {0};
    for (size_t i = 0; i < n; i++) {
        append(&t, each[i].p ? each[i].p : "", each[i].len);
        free(each[i].p);
    }
    free(each);
    return t;
}

static int same(const char *what, text a, text b)
{
    int ok = a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
    if (!ok)
        printf("tsan_batch: %s: %zu bytes against %zu, or other bytes\n", what, a.len, b.len);
    else if (a.len == 0)
        printf("tsan_batch: %s: no output at all\n", what);
    free(a.p);
    free(b.p);
    return ok && a.len ? 0 : 1;
}

int main(int argc, char **argv)
{
    char **paths = argv + 1;
    size_t n = (size_t)argc - 1;
    int bad = same("cl_batch with 4 threads against 1", batch(paths, n, 4), batch(paths, n, 1));
    bad |= same("cl_extract on 4 threads against 1", extract_all(paths, n, 4), extract_all(paths, n, 1));
    if (!bad)
        printf("tsan_batch: %zu files: cl_batch (4 threads) and cl_extract (4 threads) agree with one thread\n", n);
    return bad;
}
