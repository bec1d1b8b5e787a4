/* extract.c — a document's claims and diagnostics as buffers, and many files parsed on the
 * library's own threads, results handed back in input order: what a binding (the Python
 * package) needs to get --format jsonl's records without FILE streams or threads of its own. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "pipeline.h"
#include "emit.h"
#include "meta.h"
#include "readfile.h"
#include "wbuf.h"

void cl_result_free(cl_result *r)
{
    if (!r)
        return;
    free(r->jsonl);
    free(r->diags);
    memset(r, 0, sizeof *r);
}

/* One diagnostic line: {"severity", "code", "message", "start", "line", "column"}. */
static void put_diag(FILE *f, const char *severity, const char *code, const char *message,
                     uint32_t start, uint32_t line, uint32_t column)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "severity", severity);
    cJSON_AddStringToObject(o, "code", code);
    cJSON_AddStringToObject(o, "message", message);
    cJSON_AddNumberToObject(o, "start", start);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", column);
    char *s = cJSON_PrintUnformatted(o);
    if (s)
        fprintf(f, "%s\n", s);
    cJSON_free(s);
    cJSON_Delete(o);
}

static void put_diags(const cl_doc *doc, cl_result *out)
{
    if (cl_doc_diag_count(doc) == 0)   /* most documents: no memstream (a calloc of 8 KiB) */
        return;
    FILE *f = open_memstream(&out->diags, &out->diags_len);
    if (!f)
        return;
    for (size_t i = 0; i < cl_doc_diag_count(doc); i++) {
        const cl_diag *d = cl_doc_diag(doc, i);
        uint32_t line, column;
        cl_doc_position(doc, d->span.start, &line, &column);
        put_diag(f, d->severity == CL_SEV_ERROR ? "error" : "warning", d->code, d->message,
                 d->span.start, line, column);
    }
    fclose(f);
}

/* The writer core's sink for a result: its chunks appended to out->jsonl, kept NUL-terminated.
 * (A memstream cost a tenth of the parse: stdio's byte loop and a realloc per chunk.) */
static bool append_jsonl(void *arg, const char *p, size_t n)
{
    cl_result *out = arg;
    size_t need = out->jsonl_len + n + 1;
    if (need < n)
        return false;
    char *grown = realloc(out->jsonl, need);
    if (!grown)
        return false;
    memcpy(grown + out->jsonl_len, p, n);
    grown[need - 1] = 0;
    out->jsonl = grown;
    out->jsonl_len = need - 1;
    return true;
}

/* Parse DATA (given away, with a byte to spare) as --format jsonl does, streaming. */
static int extract_adopt(const char *name, unsigned char *data, size_t len, const char *meta,
                         cl_result *out)
{
    memset(out, 0, sizeof *out);
    cl_wbuf b;
    cl_wbuf_init_sink(&b, append_jsonl, out);
    cl_jsonl_writer *w = cl_jsonl_open_buf(&b);
    if (!w || !append_jsonl(out, "", 0)) {   /* an empty result is "", as a memstream's was */
        cl_jsonl_close(w);
        free(data);
        cl_result_free(out);
        return -1;
    }
    cl_jsonl_meta(w, meta);
    cl_doc *doc = cl_parse_adopt_each(name, data, len, cl_jsonl_take, w);
    int rc = cl_jsonl_close(w);
    rc = cl_wbuf_close(&b) < 0 ? -1 : rc;
    if (!doc || rc < 0) {
        cl_doc_free(doc);
        cl_result_free(out);
        return -1;
    }
    put_diags(doc, out);
    out->failed = cl_doc_failed(doc);
    cl_doc_free(doc);
    return 0;
}

int cl_extract(const char *name, const void *data, size_t len, const char *meta, cl_result *out)
{
    memset(out, 0, sizeof *out);
    bool ok = true;
    char *compact = meta ? cl_meta_compact(meta, &ok) : NULL;
    unsigned char *copy = ok && len < SIZE_MAX ? malloc(len + 1) : NULL;
    if (!copy) {
        free(compact);
        return -1;
    }
    if (len)
        memcpy(copy, data, len);
    int rc = extract_adopt(name ? name : "-", copy, len, compact, out);
    free(compact);
    return rc;
}

/* A file: read whole and parsed in place; a file that cannot be read is one error line. */
static void extract_file(const char *path, cl_result *out)
{
    unsigned char *data;
    size_t len;
    char why[256];
    if (cl_read_path(path, &data, &len, why, sizeof why)) {
        if (extract_adopt(path, data, len, NULL, out) == 0)
            return;
        snprintf(why, sizeof why, "out of memory");
    }
    memset(out, 0, sizeof *out);
    FILE *f = open_memstream(&out->diags, &out->diags_len);
    if (f) {
        put_diag(f, "error", "cannot-read", why, 0, 1, 1);
        fclose(f);
    }
    out->failed = true;
}

/* -- the batch: workers take inputs in order, at most WINDOW ahead of the caller ------------- */

typedef struct {
    cl_result result;
    bool done;
} slot;

struct cl_batch {
    char **paths;
    size_t n;
    slot *slots;
    size_t taken;          /* inputs below this were taken by a worker */
    size_t handed;         /* results below this were handed to the caller */
    size_t window;
    bool closing;
    pthread_mutex_t lock;
    pthread_cond_t work, ready;
    pthread_t *threads;
    int started;
};

static void *worker(void *arg)
{
    cl_batch *b = arg;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (!b->closing && b->taken < b->n && b->taken >= b->handed + b->window)
            pthread_cond_wait(&b->work, &b->lock);
        if (b->closing || b->taken >= b->n)
            break;
        size_t i = b->taken++;
        pthread_mutex_unlock(&b->lock);
        extract_file(b->paths[i], &b->slots[i].result);
        pthread_mutex_lock(&b->lock);
        b->slots[i].done = true;
        pthread_cond_broadcast(&b->ready);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

cl_batch *cl_batch_open(const char *const *paths, size_t n, int jobs)
{
    cl_batch *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (jobs <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (int)cores : 1;
    }
    if ((size_t)jobs > n)
        jobs = n ? (int)n : 1;
    b->n = n;
    b->window = (size_t)jobs * 8;
    b->paths = calloc(n ? n : 1, sizeof *b->paths);
    b->slots = calloc(n ? n : 1, sizeof *b->slots);
    b->threads = calloc((size_t)jobs, sizeof *b->threads);
    bool ok = b->paths && b->slots && b->threads;
    for (size_t i = 0; ok && i < n; i++)
        ok = (b->paths[i] = strdup(paths[i])) != NULL;
    if (!ok) {
        cl_batch_close(b);
        return NULL;
    }
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->work, NULL);
    pthread_cond_init(&b->ready, NULL);
    for (; b->started < jobs; b->started++)
        if (pthread_create(&b->threads[b->started], NULL, worker, b) != 0)
            break;
    return b;
}

bool cl_batch_next(cl_batch *b, cl_result *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&b->lock);
    if (b->handed >= b->n) {
        pthread_mutex_unlock(&b->lock);
        return false;
    }
    slot *s = &b->slots[b->handed];
    if (b->started == 0 && !s->done && b->taken == b->handed) {   /* no worker: do it here */
        b->taken++;
        pthread_mutex_unlock(&b->lock);
        extract_file(b->paths[b->handed], &s->result);
        pthread_mutex_lock(&b->lock);
        s->done = true;
    }
    while (!s->done)
        pthread_cond_wait(&b->ready, &b->lock);
    *out = s->result;
    memset(&s->result, 0, sizeof s->result);
    b->handed++;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->lock);
    return true;
}

void cl_batch_close(cl_batch *b)
{
    if (!b)
        return;
    if (b->threads && b->slots && b->paths) {
        pthread_mutex_lock(&b->lock);
        b->closing = true;
        pthread_cond_broadcast(&b->work);
        pthread_mutex_unlock(&b->lock);
        for (int i = 0; i < b->started; i++)
            pthread_join(b->threads[i], NULL);
        pthread_mutex_destroy(&b->lock);
        pthread_cond_destroy(&b->work);
        pthread_cond_destroy(&b->ready);
    }
    for (size_t i = 0; b->slots && i < b->n; i++)
        cl_result_free(&b->slots[i].result);
    for (size_t i = 0; b->paths && i < b->n; i++)
        free(b->paths[i]);
    free(b->paths);
    free(b->slots);
    free(b->threads);
    free(b);
}
