/* cli.c — read inputs, parse them on a pool of threads, write results in input order.
 *
 * The main thread reads inputs into a bounded window of work items; workers parse and render
 * each item into memory; the main thread writes finished items in order. Memory is bounded by
 * the window (jobs * 4 documents), whatever the number of inputs. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "claimc.h"
#include "cli.h"
#include "doc.h"
#include "emit.h"
#include "meta.h"
#include "readfile.h"

typedef struct {
    char *name;
    unsigned char *data;
    size_t len;
    char *read_error;      /* the input could not be read: the message */
    char *meta;            /* --input jsonl: the record's other fields (meta.h), or NULL */
    char *out, *err;       /* rendered output and diagnostics */
    size_t out_len, err_len;
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

static int render(const cl_cli_options *opt, const cl_doc *doc, cl_item *item, FILE *out)
{
    switch (opt->format) {
    case CL_FMT_JSONL: return cl_write_jsonl(doc, out);
    case CL_FMT_TOKENS: return cl_write_tokens(doc, out);
    case CL_FMT_CSV: return cl_write_csv(doc, out);
    case CL_FMT_HTML: return cl_write_html(doc, out, item->seq);
    case CL_FMT_CHECK:
    case CL_FMT_CHECK_TEXT: {
        size_t n;
        cl_finding *f = cl_check(doc, &n);
        for (size_t i = 0; i < n; i++)   /* claimc check fails on a finding this serious */
            item->failed |= (int)f[i].level >= opt->fail_level;
        int rc = cl_write_findings(doc, f, n, out, opt->format == CL_FMT_CHECK_TEXT);
        free(f);
        return rc;
    }
    default: return cl_write_json(doc, out, opt->pretty);
    }
}

/* Parse ITEM and render it into memory, or straight into DIRECT when it is next in line (the
 * serial path): a 200 MB input then never holds its whole output in memory as well. */
static void process(const cl_cli_options *opt, cl_item *item, FILE *direct)
{
    FILE *out = direct ? direct : open_memstream(&item->out, &item->out_len);
    FILE *err = open_memstream(&item->err, &item->err_len);
    if (!out || !err) {
        item->failed = true;
        if (out && out != direct) fclose(out);
        if (err) fclose(err);
        return;
    }
    if (item->read_error) {
        fprintf(err, "%s: error: %s\n", item->name, item->read_error);
        item->failed = true;
    } else {
        /* read_stream left room for the sentinel: the document keeps the buffer. JSON Lines
         * are written as the parse goes: the claims of a document are never all in memory. */
        cl_jsonl_writer *lines = NULL;
        cl_doc *doc;
        if (opt->format == CL_FMT_JSONL && (lines = cl_jsonl_open(out))) {
            cl_jsonl_meta(lines, item->meta);
            doc = cl_parse_adopt_each(item->name, item->data, item->len, cl_jsonl_take, lines);
        } else if ((doc = cl_parse_adopt(item->name, item->data, item->len)) && item->meta) {
            cl_doc_set_meta(doc, item->meta);
        }
        item->data = NULL;
        if (!doc) {
            cl_jsonl_close(lines);
            fprintf(err, "%s: error: out of memory\n", item->name);
            item->failed = true;
        } else {
            int rc = lines ? cl_jsonl_close(lines) : render(opt, doc, item, out);
            if (rc < 0)
                item->failed = true;
            for (size_t i = 0; i < cl_doc_diag_count(doc); i++)
                report(err, doc, cl_doc_diag(doc, i));
            item->failed |= cl_doc_failed(doc);
            cl_doc_free(doc);
        }
    }
    if (out != direct)
        fclose(out);
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

static bool finish(const cl_cli_options *opt, cl_item *item, FILE *out, cl_progress *bar)
{
    bool ok = !item->failed;
    if (item->out_len && fwrite(item->out, 1, item->out_len, out) != item->out_len)
        ok = false;
    if (!opt->quiet && item->err_len) {
        progress_clear(bar);   /* a diagnostic gets a line of its own */
        fwrite(item->err, 1, item->err_len, stderr);
    }
    progress_step(bar, item->name ? item->name : "");
    free(item->out);
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

typedef struct {
    const cl_cli_options *opt;
    cl_item *window;
    size_t size;            /* slots in the window */
    size_t head, filled;    /* items [head, filled) are in flight, by sequence number */
    size_t claimed;         /* items below this have been taken by a worker */
    bool closing;
    pthread_mutex_t lock;
    pthread_cond_t work, progress;
} cl_pool;

static void *worker(void *arg)
{
    cl_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->claimed == p->filled && !p->closing)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->claimed == p->filled && p->closing)
            break;
        cl_item *item = &p->window[p->claimed++ % p->size];
        pthread_mutex_unlock(&p->lock);
        process(p->opt, item, NULL);
        pthread_mutex_lock(&p->lock);
        item->done = true;
        pthread_cond_broadcast(&p->progress);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static bool run_serial(const cl_cli_options *opt, cl_inputs *in, FILE *out, cl_progress *bar)
{
    bool ok = true;
    cl_item item;
    memset(&item, 0, sizeof item);
    while (next_input(in, &item, &ok)) {
        process(opt, &item, out);
        ok &= finish(opt, &item, out, bar);
    }
    return ok;
}

/* The record reader's line buffer (getline's) goes with the inputs; returns OK. */
static bool inputs_done(cl_inputs *in, bool ok)
{
    free(in->rec.buf);
    in->rec.buf = NULL;
    return ok;
}

static bool run_items(const cl_cli_options *opt, char *const *files, int nfiles, FILE *out,
                      cl_progress *bar)
{
    cl_inputs in = {.files = files, .nfiles = nfiles, .jsonl = opt->jsonl_input};
    int jobs = opt->jobs;
    if (!in.jsonl && jobs > nfiles)
        jobs = nfiles;
    if (jobs <= 1)
        return inputs_done(&in, run_serial(opt, &in, out, bar));

    cl_pool p = {.opt = opt, .size = (size_t)jobs * 4};
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
        /* write the oldest item when it is done */
        cl_item *item = &p.window[p.head % p.size];
        pthread_mutex_lock(&p.lock);
        if (started == 0 && !item->done) {   /* no worker could start: do it here */
            p.claimed++;
            pthread_mutex_unlock(&p.lock);
            process(opt, item, NULL);
            pthread_mutex_lock(&p.lock);
            item->done = true;
        }
        while (!item->done)
            pthread_cond_wait(&p.progress, &p.lock);
        pthread_mutex_unlock(&p.lock);
        ok &= finish(opt, item, out, bar);
        p.head++;
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
    free(p.window);
    free(threads);
    return inputs_done(&in, ok);
}

/* What a format writes once around all inputs: the CSV header, the HTML page's head and tail. */
bool cl_run(const cl_cli_options *opt, char *const *files, int nfiles, FILE *out)
{
    cl_progress bar = {.on = opt->progress, .total = (size_t)nfiles};
    bool ok = true;
    if (opt->format == CL_FMT_CSV)
        ok = cl_write_csv_header(out) == 0;
    if (opt->format == CL_FMT_HTML) {
        bool one = nfiles == 1 && strcmp(files[0], "-") != 0 && !opt->jsonl_input;
        char count[32];
        snprintf(count, sizeof count, "%d %s", nfiles, opt->jsonl_input ? "record files" : "inputs");
        char *title = dup_printf("claimc: %s%s", one ? files[0] : count, "");
        ok = cl_write_html_head(out, title) == 0;
        free(title);
    }
    ok &= run_items(opt, files, nfiles, out, &bar);
    progress_clear(&bar);
    if (opt->format == CL_FMT_HTML)
        ok &= cl_write_html_tail(out) == 0;
    return ok;
}

/* -- atomic output --------------------------------------------------------------------------- */

/* Interrupted (Ctrl-C, kill): the temporary file goes, the old FILE stays. kill -9 cannot be
 * caught; it leaves FILE.tmp.XXXXXX beside an untouched FILE. */
static const char *volatile temp_to_remove;
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void remove_temp_and_die(int sig)
{
    if (temp_to_remove)
        unlink(temp_to_remove);   /* async-signal-safe, as are the two calls below */
    signal(sig, SIG_DFL);
    raise(sig);
}

bool cl_output_open(cl_output *o, const char *name)
{
    memset(o, 0, sizeof *o);
    if (!name || strcmp(name, "-") == 0) {
        o->file = stdout;
        return true;
    }
    struct stat st;
    if (stat(name, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* -o /dev/null, a FIFO: written in place (renaming over a device would replace it) */
        if (!(o->file = fopen(name, "w"))) {
            fprintf(stderr, "claimc: cannot write %s: %s\n", name, strerror(errno));
            return false;
        }
        return true;
    }
    o->final_name = strdup(name);
    o->temp_name = dup_printf("%s.tmp.%s", name, "XXXXXX");
    int fd = o->temp_name ? mkstemp(o->temp_name) : -1;
    /* mkstemp makes the file 0600; the output is an ordinary file: 0666 less the umask */
    mode_t mask = umask(0);
    umask(mask);
    if (fd < 0 || fchmod(fd, 0666 & ~mask) != 0 || !(o->file = fdopen(fd, "w"))) {
        fprintf(stderr, "claimc: cannot write %s: %s\n", name, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->temp_name);
        }
        free(o->final_name);
        free(o->temp_name);
        return false;
    }
    temp_to_remove = o->temp_name;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temp_and_die;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, NULL);
    return true;
}

bool cl_output_close(cl_output *o, bool keep)
{
    bool ok = fflush(o->file) == 0 && !ferror(o->file);
    if (o->file == stdout)
        return ok;
    if (!o->temp_name)   /* written in place */
        return fclose(o->file) == 0 && ok;
    ok = fsync(fileno(o->file)) == 0 && ok;   /* on disk before the rename makes it FILE */
    ok = fclose(o->file) == 0 && ok;
    (void)keep;   /* what was parsed is kept even when an input failed */
    temp_to_remove = NULL;
    if (ok && rename(o->temp_name, o->final_name) != 0) {
        fprintf(stderr, "claimc: cannot write %s: %s\n", o->final_name, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(o->temp_name);
    free(o->final_name);
    free(o->temp_name);
    return ok;
}
