/* cli.c — read inputs, parse them on a pool of threads, write results in input order.
 *
 * The main thread reads inputs into a bounded window of work items; workers parse and render
 * each item into memory; the main thread writes finished items in order. Memory is bounded by
 * the window (jobs * 4 documents), whatever the number of inputs. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "claimc.h"
#include "cli.h"
#include "pipeline.h"
#include "emit.h"
#include "meta.h"
#include "readfile.h"

typedef struct {
    char *name;
    unsigned char *data;
    size_t len;
    char *read_error;      /* the input could not be read: the message */
    char *meta;            /* --input jsonl: the record's other fields (meta.h), or NULL */
    struct cl_chunk *out, *out_last;   /* rendered output not yet written (--jobs: cl_pool) */
    char *err;             /* diagnostics */
    size_t err_len;
    bool failed;
    bool done;
    size_t seq;            /* input number: keeps HTML element ids unique across inputs */
} cl_item;

/* -- reading inputs -------------------------------------------------------------------------- */

static char *dup_printf(const char *fmt, const char *a, const char *b)
{
    size_t n = (size_t)snprintf(NULL, 0, fmt, a, b) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, fmt, a, b);
    return s;
}

static void read_file(const char *path, cl_item *item)
{
    char why[256];
    item->name = strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (!cl_read_path(path, &item->data, &item->len, why, sizeof why))
        item->read_error = strdup(why);
}

/* --input jsonl: one record {"id": ..., "text": ...} a line, read from a stream. */
typedef struct {
    FILE *in;
    const char *source;
    long line;
    char *buf;
    size_t cap;
} cl_records;

static bool next_record(cl_records *r, cl_item *item)
{
    ssize_t n = getline(&r->buf, &r->cap, r->in);
    if (n < 0)
        return false;
    r->line++;
    char where[64];
    snprintf(where, sizeof where, "%ld", r->line);
    cJSON *rec = cJSON_ParseWithLength(r->buf, (size_t)n);
    const cJSON *id = rec ? cJSON_GetObjectItemCaseSensitive(rec, "id") : NULL;
    const cJSON *text = rec ? cJSON_GetObjectItemCaseSensitive(rec, "text") : NULL;
    if (cJSON_IsString(id))
        item->name = strdup(id->valuestring);
    else if (cJSON_IsNumber(id)) {
        char num[32];
        snprintf(num, sizeof num, "%.17g", id->valuedouble);
        item->name = strdup(num);
    } else
        item->name = dup_printf("%s:%s", r->source, where);
    item->meta = cl_meta_of_record(rec);
    if (!cJSON_IsString(text)) {
        item->read_error = dup_printf("%s%s", "not a record {\"id\": ..., \"text\": \"...\"}", "");
    } else {
        item->len = strlen(text->valuestring);
        item->data = (unsigned char *)strdup(text->valuestring);
    }
    cJSON_Delete(rec);
    return true;
}

/* -- one item: parse and render into memory -------------------------------------------------- */

static void report(FILE *err, const cl_doc *doc, const cl_diag *d)
{
    uint32_t line, col;
    cl_doc_position(doc, d->span.start, &line, &col);
    /* a converted input's offsets are into its UTF-8 text; decode messages add the file's */
    bool converted = strcmp(cl_doc_encoding(doc), "utf-8") != 0;
    fprintf(err, "%s:%u:%u: %s: %s (byte %u%s) [%s]\n", cl_doc_name(doc), line, col,
            d->severity == CL_SEV_ERROR ? "error" : "warning", d->message, d->span.start,
            converted ? " of the UTF-8 text" : "", d->code);
}

/* The auditor's findings, through a FILE in memory (cl_write_findings writes to a FILE). */
static int render_check(const cl_cli_options *opt, const cl_doc *doc, cl_item *item, cl_wbuf *out)
{
    size_t n, len = 0;
    char *text = NULL;
    FILE *f = open_memstream(&text, &len);
    cl_finding *found = cl_check(doc, &n);
    for (size_t i = 0; found && i < n; i++)   /* claimc check fails on a finding this serious */
        item->failed |= (int)found[i].level >= opt->fail_level;
    int rc = f ? cl_write_findings(doc, found, n, f, opt->format == CL_FMT_CHECK_TEXT) : -1;
    if (f && fclose(f) != 0)
        rc = -1;
    cl_wbuf_put(out, text, len);
    free(text);
    free(found);
    return rc;
}

static int render(const cl_cli_options *opt, const cl_doc *doc, cl_item *item, cl_wbuf *out)
{
    switch (opt->format) {
    case CL_FMT_JSONL: return cl_jsonl_write(out, doc);
    case CL_FMT_TOKENS: return cl_tokens_write(out, doc);
    case CL_FMT_CSV: return cl_csv_write(out, doc);
    case CL_FMT_HTML: return cl_html_write(out, doc, item->seq);
    case CL_FMT_CHECK:
    case CL_FMT_CHECK_TEXT: return render_check(opt, doc, item, out);
    default: return cl_json_write(out, doc, opt->pretty);
    }
}

/* Parse ITEM and render it into OUT: the caller's buffer, reused from item to item, whose
 * bytes go to the output FILE (the serial path) or to the writing thread in chunks (--jobs). */
static void process(const cl_cli_options *opt, cl_item *item, cl_wbuf *out)
{
    out->failed = false;
    FILE *err = open_memstream(&item->err, &item->err_len);
    if (!err) {
        item->failed = true;
        return;
    }
    if (item->read_error) {
        fprintf(err, "%s: error: %s\n", item->name, item->read_error);
        item->failed = true;
    } else {
        /* read_stream left room for the sentinel: the document keeps the buffer. JSON Lines
         * are written as the parse goes: the claims of a document are never all in memory. */
        cl_jsonl_writer *lines = NULL;
        cl_csv_writer *rows = NULL;
        cl_json_stream *doc_json = NULL;
        cl_outline_fn outline;
        cl_doc *doc;
        if (opt->format == CL_FMT_JSONL && (lines = cl_jsonl_open_buf(out))) {
            cl_jsonl_meta(lines, item->meta);
            doc = cl_parse_adopt_each(item->name, item->data, item->len, cl_jsonl_take, lines);
        } else if (opt->format == CL_FMT_JSON &&
                   (doc_json = cl_json_stream_open(out, opt->pretty, item->meta, &outline))) {
            /* the Document too is written as the parse goes */
            doc = cl_parse_adopt_outline(item->name, item->data, item->len, &outline);
        } else if (opt->format == CL_FMT_CSV && (rows = cl_csv_open_buf(out))) {
            cl_csv_meta(rows, item->meta);   /* rows too are written as the parse goes */
            doc = cl_parse_adopt_each(item->name, item->data, item->len, cl_csv_take, rows);
        } else if ((doc = opt->format == CL_FMT_HTML
                              ? cl_parse_adopt_claims(item->name, item->data, item->len)
                              : cl_parse_adopt(item->name, item->data, item->len)) &&
                   item->meta) {
            cl_doc_set_meta(doc, item->meta);
        }
        item->data = NULL;
        if (!doc) {
            cl_jsonl_close(lines);
            cl_csv_close(rows);
            cl_json_stream_close(doc_json, NULL);
            fprintf(err, "%s: error: out of memory\n", item->name);
            item->failed = true;
        } else {
            int rc = lines ? cl_jsonl_close(lines) : rows ? cl_csv_close(rows)
                   : doc_json ? cl_json_stream_close(doc_json, doc) : render(opt, doc, item, out);
            cl_wbuf_flush(out);
            if (rc < 0 || out->failed)
                item->failed = true;
            for (size_t i = 0; i < cl_doc_diag_count(doc); i++)
                report(err, doc, cl_doc_diag(doc, i));
            item->failed |= cl_doc_failed(doc);
            cl_doc_free(doc);
        }
    }
    fclose(err);
    free(item->data);
    item->data = NULL;
}

/* -- the progress bar: stderr, a terminal, several files (main decides) --------------------- */

typedef struct {
    bool on;
    size_t total, done;
    bool drawn;
    struct timespec last;
} cl_progress;

static void progress_clear(cl_progress *p)
{
    if (p->on && p->drawn) {
        fputs("\r\033[K", stderr);
        p->drawn = false;
    }
}

/* Redrawn at most every 100 ms, and at the last file, so a fast run does not flood the tty. */
static void progress_step(cl_progress *p, const char *name)
{
    if (!p->on)
        return;
    p->done++;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (now.tv_sec - p->last.tv_sec) * 1000 + (now.tv_nsec - p->last.tv_nsec) / 1000000;
    if (p->drawn && ms < 100 && p->done < p->total)
        return;
    p->last = now;
    enum { WIDTH = 30 };
    size_t fill = p->total ? p->done * WIDTH / p->total : WIDTH;
    char bar[WIDTH + 1];
    for (size_t i = 0; i < WIDTH; i++)
        bar[i] = i < fill ? '#' : '-';
    bar[WIDTH] = '\0';
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    if (n > 32) {   /* the tail of a long name, cut at a character boundary */
        base += n - 32;
        while ((*base & 0xC0) == 0x80)
            base++;
    }
    fprintf(stderr, "\r\033[K[%s] %zu/%zu %3zu%% %s", bar, p->done, p->total,
            p->total ? p->done * 100 / p->total : 100, base);
    fflush(stderr);
    p->drawn = true;
}

/* After a write to OUT: the first write error's errno, while errno still says it (the stream
 * keeps only that one failed; a later fflush may have nothing left to fail on). */
static void note_write(cl_output *out)
{
    if (!out->err && ferror(out->file))
        out->err = errno ? errno : EIO;
}

/* ITEM's output is written (the serial path wrote it as it went, the pool's writer chunk by
 * chunk): its diagnostics, and its place in the progress bar. */
static bool finish(const cl_cli_options *opt, cl_item *item, cl_progress *bar)
{
    bool ok = !item->failed;
    if (!opt->quiet && item->err_len) {
        progress_clear(bar);   /* a diagnostic gets a line of its own */
        fwrite(item->err, 1, item->err_len, stderr);
    }
    progress_step(bar, item->name ? item->name : "");
    free(item->err);
    free(item->name);
    free(item->read_error);
    free(item->meta);
    memset(item, 0, sizeof *item);
    return ok;
}

/* -- the input sequence: files, or records of JSONL files ------------------------------------ */

typedef struct {
    char *const *files;
    int nfiles, next_file;
    bool jsonl;
    cl_records rec;
    bool rec_open;
    size_t count;          /* inputs handed out so far */
} cl_inputs;

static bool next_one(cl_inputs *in, cl_item *item, bool *failed);

static bool next_input(cl_inputs *in, cl_item *item, bool *failed)
{
    if (!next_one(in, item, failed))
        return false;
    item->seq = in->count++;
    return true;
}

static bool next_one(cl_inputs *in, cl_item *item, bool *failed)
{
    if (!in->jsonl) {
        if (in->next_file >= in->nfiles)
            return false;
        read_file(in->files[in->next_file++], item);
        return true;
    }
    for (;;) {
        if (in->rec_open && next_record(&in->rec, item))
            return true;
        if (in->rec_open && in->rec.in != stdin)
            fclose(in->rec.in);
        in->rec_open = false;
        if (in->next_file >= in->nfiles)
            return false;
        const char *path = in->files[in->next_file++];
        bool is_stdin = strcmp(path, "-") == 0;
        in->rec.in = is_stdin ? stdin : fopen(path, "r");
        in->rec.source = is_stdin ? "<stdin>" : path;
        in->rec.line = 0;
        if (!in->rec.in) {
            fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
            *failed = true;
            continue;
        }
        in->rec_open = true;
    }
}

/* -- the pool -------------------------------------------------------------------------------- */

/* Workers render into a buffer of their own, reused from item to item, whose bytes go to the
 * writing (main) thread in chunks of CHUNK bytes: taken from a free list and given back once
 * written, so no output is grown or copied as a whole (a growing open_memstream per document
 * faulted in fresh pages in memmove and memset: two jobs ran slower than one), and the oldest
 * item is written while it is parsed. An item that is not the oldest waits once MAX_CHUNKS
 * chunks are held: memory stays bounded whatever the inputs. */
#define CHUNK ((size_t)256 << 10)
#define MAX_CHUNKS_PER_JOB 64   /* 16 MiB */

typedef struct cl_chunk {
    struct cl_chunk *next;
    size_t len;
    char data[CHUNK];
} cl_chunk;

typedef struct {
    const cl_cli_options *opt;
    cl_item *window;
    size_t size;            /* slots in the window */
    size_t head, filled;    /* items [head, filled) are in flight, by sequence number */
    size_t claimed;         /* items below this have been taken by a worker */
    bool closing;
    cl_chunk *free_chunks;  /* written, to be used again */
    size_t held, max_held;  /* chunks holding output not yet written */
    pthread_mutex_t lock;
    pthread_cond_t work, progress, room;
} cl_pool;

typedef struct {
    cl_pool *pool;
    cl_item *item;
} chunk_sink_arg;

/* A worker's bytes, appended to its item's chunks (cl_wbuf's sink). */
static bool chunk_sink(void *arg, const char *bytes, size_t n)
{
    chunk_sink_arg *a = arg;
    cl_pool *p = a->pool;
    cl_item *item = a->item;
    bool filled = false;   /* a chunk is full: the writer has something to write */
    pthread_mutex_lock(&p->lock);
    while (n) {
        while (p->held >= p->max_held && item != &p->window[p->head % p->size])
            pthread_cond_wait(&p->room, &p->lock);   /* the writer catches up */
        cl_chunk *c = item->out_last;
        if (!c || c->len == CHUNK) {
            if ((c = p->free_chunks))
                p->free_chunks = c->next;
            else if (!(c = malloc(sizeof *c))) {
                pthread_mutex_unlock(&p->lock);
                return false;
            }
            c->next = NULL;
            c->len = 0;
            filled |= item->out_last != NULL;
            if (item->out_last)
                item->out_last->next = c;
            else
                item->out = c;
            item->out_last = c;
            p->held++;
        }
        size_t k = CHUNK - c->len < n ? CHUNK - c->len : n;
        memcpy(c->data + c->len, bytes, k);
        c->len += k;
        bytes += k;
        n -= k;
    }
    if (filled)
        pthread_cond_broadcast(&p->progress);
    pthread_mutex_unlock(&p->lock);
    return true;
}

/* Write ITEM's output as its worker hands it over, until the item is done; called with the
 * lock held, returns with it held. False when writing failed. */
static bool write_item(cl_pool *p, cl_item *item, cl_output *out)
{
    bool ok = true;
    for (;;) {
        /* the chunks full so far (the last may still grow), or all once the item is done */
        cl_chunk *first = item->out, *last = item->done ? item->out_last : NULL;
        if (!item->done)
            for (cl_chunk *c = first; c && c->next; c = c->next)
                last = c;
        if (!last) {
            if (item->done)
                return ok;
            pthread_cond_wait(&p->progress, &p->lock);
            continue;
        }
        item->out = last->next;
        if (!item->out)
            item->out_last = NULL;
        last->next = NULL;
        pthread_mutex_unlock(&p->lock);
        size_t n = 0;
        for (cl_chunk *c = first; c; c = c->next, n++)
            if (ok && fwrite(c->data, 1, c->len, out->file) != c->len) {
                note_write(out);
                ok = false;
            }
        pthread_mutex_lock(&p->lock);
        last->next = p->free_chunks;
        p->free_chunks = first;
        p->held -= n;
        pthread_cond_broadcast(&p->room);
    }
}

static void *worker(void *arg)
{
    cl_pool *p = arg;
    chunk_sink_arg sink = {p, NULL};
    cl_wbuf out;
    cl_wbuf_init_sink(&out, chunk_sink, &sink);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->claimed == p->filled && !p->closing)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->claimed == p->filled && p->closing)
            break;
        cl_item *item = &p->window[p->claimed++ % p->size];
        pthread_mutex_unlock(&p->lock);
        sink.item = item;
        process(p->opt, item, &out);
        pthread_mutex_lock(&p->lock);
        item->done = true;
        pthread_cond_broadcast(&p->progress);
    }
    pthread_mutex_unlock(&p->lock);
    cl_wbuf_close(&out);
    return NULL;
}

static bool run_serial(const cl_cli_options *opt, cl_inputs *in, cl_output *out, cl_progress *bar)
{
    bool ok = true;
    cl_item item;
    memset(&item, 0, sizeof item);
    cl_wbuf direct;   /* straight to OUT: a 200 MB input never holds its output in memory */
    cl_wbuf_init(&direct, out->file);
    while (next_input(in, &item, &ok)) {
        process(opt, &item, &direct);
        note_write(out);
        ok &= finish(opt, &item, bar);
    }
    ok &= cl_wbuf_close(&direct) == 0;
    note_write(out);
    return ok;
}

/* The record reader's line buffer (getline's) goes with the inputs; returns OK. */
static bool inputs_done(cl_inputs *in, bool ok)
{
    free(in->rec.buf);
    in->rec.buf = NULL;
    return ok;
}

static bool run_items(const cl_cli_options *opt, char *const *files, int nfiles, cl_output *out,
                      cl_progress *bar)
{
    cl_inputs in = {.files = files, .nfiles = nfiles, .jsonl = opt->jsonl_input};
    int jobs = opt->jobs;
    if (!in.jsonl && jobs > nfiles)
        jobs = nfiles;
    if (jobs <= 1)
        return inputs_done(&in, run_serial(opt, &in, out, bar));

    cl_pool p = {.opt = opt, .size = (size_t)jobs * 4, .max_held = (size_t)jobs * MAX_CHUNKS_PER_JOB};
    p.window = calloc(p.size, sizeof *p.window);
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (!p.window || !threads) {
        free(p.window);
        free(threads);
        return inputs_done(&in, run_serial(opt, &in, out, bar));
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.progress, NULL);
    pthread_cond_init(&p.room, NULL);
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;

    bool ok = true, more = true;
    while (more || p.head < p.filled) {
        /* fill the window */
        while (more && p.filled - p.head < p.size) {
            cl_item item;
            memset(&item, 0, sizeof item);
            more = next_input(&in, &item, &ok);
            if (!more)
                break;
            pthread_mutex_lock(&p.lock);
            p.window[p.filled % p.size] = item;
            p.filled++;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.lock);
        }
        if (p.head == p.filled)
            break;
        /* write the oldest item as it is rendered */
        cl_item *item = &p.window[p.head % p.size];
        pthread_mutex_lock(&p.lock);
        if (started == 0 && !item->done) {   /* no worker could start: do it here */
            p.claimed++;
            pthread_mutex_unlock(&p.lock);
            chunk_sink_arg sink = {&p, item};
            cl_wbuf here;
            cl_wbuf_init_sink(&here, chunk_sink, &sink);
            process(opt, item, &here);
            cl_wbuf_close(&here);
            pthread_mutex_lock(&p.lock);
            item->done = true;
        }
        ok &= write_item(&p, item, out);
        pthread_mutex_unlock(&p.lock);
        ok &= finish(opt, item, bar);
        pthread_mutex_lock(&p.lock);
        p.head++;
        pthread_cond_broadcast(&p.room);   /* the next item is the oldest now */
        pthread_mutex_unlock(&p.lock);
    }
    pthread_mutex_lock(&p.lock);
    p.closing = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.progress);
    pthread_cond_destroy(&p.room);
    for (cl_chunk *c = p.free_chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(p.window);
    free(threads);
    return inputs_done(&in, ok);
}

/* What a format writes once around all inputs: the CSV header, the HTML page's head and tail. */
bool cl_run(const cl_cli_options *opt, char *const *files, int nfiles, cl_output *out)
{
    cl_progress bar = {.on = opt->progress, .total = (size_t)nfiles};
    bool ok = true;
    if (opt->format == CL_FMT_CSV)
        ok = cl_write_csv_header(out->file) == 0;
    if (opt->format == CL_FMT_HTML) {
        bool one = nfiles == 1 && strcmp(files[0], "-") != 0 && !opt->jsonl_input;
        char count[32];
        snprintf(count, sizeof count, "%d %s", nfiles, opt->jsonl_input ? "record files" : "inputs");
        char *title = dup_printf("claimc: %s%s", one ? files[0] : count, "");
        ok = cl_write_html_head(out->file, title) == 0;
        free(title);
    }
    note_write(out);
    ok &= run_items(opt, files, nfiles, out, &bar);
    progress_clear(&bar);
    if (opt->format == CL_FMT_HTML)
        ok &= cl_write_html_tail(out->file) == 0;
    note_write(out);
    return ok;
}
