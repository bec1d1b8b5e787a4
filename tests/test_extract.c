/* test_extract.c — cl_extract and cl_batch (src/extract.c): the same JSONL as cl_write_jsonl,
 * meta in each record, batches in input order whatever the threads, unreadable files as one
 * cannot-read diagnostic, a batch closed early. Run from the repository (reads corpus/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimc.h"

static int failures;

static void check(bool ok, const char *what)
{
    printf("%s extract %s\n", ok ? "PASS" : "FAIL", what);
    failures += !ok;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    *len = 0;
    if (!f)
        return NULL;
    FILE *m = open_memstream(&buf, len);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(m);
    fclose(f);
    return buf;
}

/* What cl_write_jsonl writes for the document. */
static char *reference(const char *name, const char *data, size_t len, size_t *out_len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, out_len);
    cl_doc *doc = cl_parse(name, data, len);
    cl_write_jsonl(doc, m);
    cl_doc_free(doc);
    fclose(m);
    return buf;
}

static const char *const corpus[] = {"corpus/ezhou-2024-plan.txt", "corpus/hongshan-2024-report.txt",
                                     "corpus/qianjiang-2024-summary.txt"};
#define NCORPUS 3

int main(void)
{
    char *want[NCORPUS];
    size_t want_len[NCORPUS];
    bool same = true;
    for (int i = 0; i < NCORPUS; i++) {
        size_t len;
        char *data = slurp(corpus[i], &len);
        if (!data) {
            check(false, "corpus readable (run from the repository)");
            return 1;
        }
        want[i] = reference(corpus[i], data, len, &want_len[i]);
        cl_result r;
        same &= cl_extract(corpus[i], data, len, NULL, &r) == 0 && r.jsonl_len == want_len[i] &&
                memcmp(r.jsonl, want[i], want_len[i]) == 0 && !r.failed && r.diags_len == 0;
        cl_result_free(&r);
        free(data);
    }
    check(same, "cl_extract = cl_write_jsonl on the corpus");

    cl_result r;
    const char *text = "全年完成植树造林1.2万亩，空气优良率达90%。";
    bool ok = cl_extract("r", text, strlen(text), "{\"id\": 7, \"city\": \"鄂州\"}", &r) == 0;
    const char *meta = ",\"doc\":\"r\",\"meta\":{\"id\":7,\"city\":\"鄂州\"},\"section\":[]}\n";
    size_t lines = 0;
    for (char *p = r.jsonl; ok && (p = strstr(p, meta)); p++)
        lines++;
    check(ok && lines == 2, "meta in every record, after doc");
    cl_result_free(&r);
    check(cl_extract("r", text, strlen(text), "[1, 2]", &r) == -1 && !r.jsonl,
          "meta that is no object refused");
    ok = cl_extract("bad", "\xff\xfe\x00", 3, NULL, &r) == 0;
    cl_result_free(&r);
    const char *broken = "共\xc0\xaf 12个。";
    ok &= cl_extract("bad", broken, strlen(broken), NULL, &r) == 0 && r.failed &&
          strstr(r.diags, "\"code\":\"invalid-utf8\",") && strstr(r.diags, "\"start\":3,");
    check(ok, "diagnostics with code and byte offset");
    cl_result_free(&r);

    /* a batch: corpus x 20, a missing file and a directory among them, on 3 threads */
    enum { N = NCORPUS * 20 + 2 };
    const char *paths[N];
    for (int i = 0; i < N; i++)
        paths[i] = corpus[i % NCORPUS];
    paths[7] = "no/such/file.txt";
    paths[N - 1] = "tests";
    for (int jobs = 1; jobs <= 3; jobs += 2) {
        cl_batch *b = cl_batch_open(paths, N, jobs);
        size_t k = 0;
        ok = b != NULL;
        while (ok && cl_batch_next(b, &r)) {
            if (k == 7 || k == N - 1)
                ok = r.failed && r.jsonl_len == 0 && strstr(r.diags, "\"code\":\"cannot-read\"");
            else
                ok = !r.failed && r.jsonl_len == want_len[k % NCORPUS] &&
                     memcmp(r.jsonl, want[k % NCORPUS], r.jsonl_len) == 0;
            cl_result_free(&r);
            k++;
        }
        cl_batch_close(b);
        check(ok && k == N, jobs == 1 ? "batch in order, 1 thread" : "batch in order, 3 threads");
    }
    cl_batch *b = cl_batch_open(paths, N, 2);
    ok = b && cl_batch_next(b, &r);
    cl_result_free(&r);
    cl_batch_close(b);   /* the rest is dropped: no leak, no hang */
    b = cl_batch_open(paths, 0, 2);
    ok &= b && !cl_batch_next(b, &r);
    cl_batch_close(b);
    check(ok, "batch closed early, and an empty batch");
    for (int i = 0; i < NCORPUS; i++)
        free(want[i]);
    return failures != 0;
}
