/* lexbench.c — in-process timings of claimc's stages on one input, for `make bench`.
 *
 *   lexbench [-r RUNS] [-s] [-o STAGE] FILE
 *
 * Reads FILE once (reading is not timed), then times, RUNS times each, on the same buffer:
 *   lex       cl_lex over the whole text until END (the lexer alone)
 *   pipeline  what --format jsonl does per document once the file is read into a buffer:
 *             cl_parse_adopt_each writing each claim's JSON line to a /dev/null FILE as soon as
 *             it is final, then cl_doc_free (the buffer is a fresh copy of the input made before
 *             each run, not timed)
 * and with -s the stages in between, so the pipeline's time can be split:
 *   pipeline_tree  the same through a whole document: cl_parse_adopt, then cl_write_jsonl
 *   decode    cl_decode alone (encoding detection, UTF-8 check, copy into the arena)
 *   filter    lexer + token filter, sentence by sentence (no grammar, no claims)
 *   parse     cl_parse alone (lexer, filter, grammar, claim builder), keeping the document
 *   parse_each  the pipeline without the writer: cl_parse_adopt_each dropping each claim
 *   emit      cl_write_jsonl alone, on a document parsed once
 *   emit_cjson the same JSON Lines through cJSON trees (oracle_write_jsonl, the reference)
 *   emit_json cl_write_json (compact) alone, on the same document
 * -o STAGE runs that stage alone (for a profiler: valgrind --tool=callgrind lexbench -o emit F).
 * The stages run in rounds, each once a round (lex, pipeline, ..., lex, pipeline, ...): this
 * machine's speed drifts by 10% and more within seconds, and two series run one after the other
 * would each catch a different phase of the drift.
 * Prints one JSON object: bytes, tokens, and for each stage its run times, the median wall time
 * and MB/s (MB = 10^6 bytes), the median CPU time of the thread and MB/s by it (what one core
 * does, also when other processes share the machine), and ratio = pipeline MB/s / lexer MB/s:
 * the median over the pairs of runs of each pair's ratio (cpu_ratio: by CPU time), with the
 * lowest and highest pair (cpu_ratio_range), and the ratio of the fastest run of each
 * (cpu_ratio_fastest).
 *
 * The input must be UTF-8 (as the corpus is): the lexer alone is given the bytes as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimc.h"
#include "decode.h"
#include "pipeline.h"
#include "emit.h"
#include "oracle.h"
#include "filter.h"
#include "lexer.h"
#include "sentence.h"

#define MAX_RUNS 101

static double now(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
    double s[MAX_RUNS];
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap + 1);
    for (size_t r; buf && (r = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';   /* the lexer's sentinel */
    *len = n;
    return buf;
}

/* -- the stages ------------------------------------------------------------------------------ */

typedef struct {
    const char *text;
    size_t len;
    FILE *devnull;
    const cl_doc *parsed;   /* for the emit stages */
    unsigned char *fresh;   /* a copy of text made before each timed run, for cl_parse_adopt */
    unsigned long long tokens;
} bench_input;

static int stage_lex(bench_input *in)
{
    cl_lexer lx;
    cl_rawtok t;
    unsigned long long n = 0;
    cl_lexer_init(&lx, in->text, in->len);
    while (cl_lex(&lx, &t) != CL_RT_END)
        n++;
    in->tokens = n;
    return 0;
}

/* As --format jsonl does: JSON Lines written while the parse goes (cli.c, process). */
static int stage_pipeline(bench_input *in)
{
    cl_jsonl_writer *w = cl_jsonl_open(in->devnull);
    if (!w)
        return -1;
    cl_doc *doc = cl_parse_adopt_each("bench", in->fresh, in->len, cl_jsonl_take, w);
    in->fresh = NULL;
    int rc = cl_jsonl_close(w);
    if (!doc)
        return -1;
    cl_doc_free(doc);
    return rc;
}

/* The whole document first, then its JSON Lines: what a library user of cl_parse_adopt does. */
static int stage_pipeline_tree(bench_input *in)
{
    cl_doc *doc = cl_parse_adopt("bench", in->fresh, in->len);
    in->fresh = NULL;
    if (!doc)
        return -1;
    int rc = cl_write_jsonl(doc, in->devnull);
    cl_doc_free(doc);
    return rc;
}

static bool drop_claim(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    (void)arg, (void)doc, (void)claim, (void)id;
    return true;
}

/* The pipeline without the writer: the claims are handed out and dropped. */
static int stage_parse_each(bench_input *in)
{
    cl_doc *doc = cl_parse_adopt_each("bench", in->fresh, in->len, drop_claim, NULL);
    in->fresh = NULL;
    if (!doc)
        return -1;
    cl_doc_free(doc);
    return 0;
}

static int stage_parse(bench_input *in)
{
    cl_doc *doc = cl_parse("bench", in->text, in->len);
    if (!doc)
        return -1;
    cl_doc_free(doc);
    return 0;
}

/* What cl_parse does before the lexer: the encoding check and the copy into the arena. */
static int stage_decode(bench_input *in)
{
    cl_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return -1;
    int rc = cl_decode(doc, (const unsigned char *)in->text, in->len, NULL) ? 0 : -1;
    cl_doc_free(doc);
    return rc;
}

static int stage_filter(bench_input *in)
{
    cl_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return -1;
    doc->text = in->text;
    doc->len = in->len;
    doc->name = "bench";
    doc->encoding = "utf-8";
    cl_filter *f = malloc(sizeof *f);
    if (!f) {
        free(doc);
        return -1;
    }
    cl_filter_init(f, doc);
    cl_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.doc = doc;
    for (;;) {
        cl_span marker;
        int level = 0;
        ctx.ntoks = ctx.ndrafts = 0;
        if (cl_filter_sentence(f, &ctx, &marker, &level) == CL_EV_END || ctx.oom)
            break;
    }
    free(ctx.toks);
    free(ctx.drafts);
    free(f);
    cl_doc_free(doc);
    return 0;
}

static int stage_emit(bench_input *in)
{
    return cl_write_jsonl(in->parsed, in->devnull);
}

static int stage_emit_cjson(bench_input *in)
{
    return oracle_write_jsonl(in->parsed, in->devnull);
}

static int stage_emit_json(bench_input *in)
{
    return cl_write_json(in->parsed, in->devnull, false);
}

typedef struct {
    const char *name;
    int (*run)(bench_input *);
    bool split;   /* only with -s */
} stage;

static const stage stages[] = {
    {"lex", stage_lex, false},
    {"pipeline", stage_pipeline, false},
    {"pipeline_tree", stage_pipeline_tree, true},
    {"decode", stage_decode, true},
    {"filter", stage_filter, true},
    {"parse", stage_parse, true},
    {"parse_each", stage_parse_each, true},
    {"emit", stage_emit, true},
    {"emit_cjson", stage_emit_cjson, true},
    {"emit_json", stage_emit_json, true},
};
#define NSTAGES (sizeof stages / sizeof stages[0])

/* Time one run of STAGE. */
static int time_run(bench_input *in, const stage *st, double *wall, double *cpu)
{
    if (st->run == stage_pipeline || st->run == stage_pipeline_tree || st->run == stage_parse_each) {
        in->fresh = malloc(in->len + 1);   /* the file as read: not timed */
        if (!in->fresh) {
            perror("lexbench");
            return -1;
        }
        memcpy(in->fresh, in->text, in->len + 1);
    }
    double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID);
    if (st->run(in) < 0) {
        fprintf(stderr, "lexbench: stage %s failed\n", st->name);
        return -1;
    }
    *cpu = now(CLOCK_THREAD_CPUTIME_ID) - c0;
    *wall = now(CLOCK_MONOTONIC) - t0;
    return 0;
}

int main(int argc, char **argv)
{
    int runs = 5;
    bool split = false;
    const char *path = NULL, *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-s") == 0)
            split = true;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            split = true, only = argv[++i];
        else if (argv[i][0] == '-' || path) {
            fprintf(stderr, "usage: lexbench [-r RUNS] [-s] [-o STAGE] FILE\n");
            return 2;
        } else
            path = argv[i];
    }
    if (!path || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: lexbench [-r RUNS (1-%d)] [-s] [-o STAGE] FILE\n", MAX_RUNS);
        return 2;
    }

    bench_input in = {0};
    in.text = read_all(path, &in.len);
    if (!in.text) {
        perror(path);
        return 1;
    }
    in.devnull = fopen("/dev/null", "w");
    if (!in.devnull) {
        perror("/dev/null");
        return 1;
    }
    bool emit_stages = split && (!only || strncmp(only, "emit", 4) == 0);
    cl_doc *parsed = emit_stages ? cl_parse("bench", in.text, in.len) : NULL;
    in.parsed = parsed;

    printf("{\"file\":\"%s\",\"bytes\":%zu,\"runs\":%d", path, in.len, runs);
    static double wall[NSTAGES][MAX_RUNS], cpu[NSTAGES][MAX_RUNS];
    bool chosen[NSTAGES];
    for (size_t s = 0; s < NSTAGES; s++)
        chosen[s] = !(stages[s].split && !split) && !(only && strcmp(only, stages[s].name) != 0);
    /* run r of every chosen stage before run r + 1 of any: the lexer and the pipeline in turns,
     * and the stages the pipeline's time is split into see the same phases of the drift */
    for (int r = 0; r < runs; r++)
        for (size_t s = 0; s < NSTAGES; s++)
            if (chosen[s] && time_run(&in, &stages[s], &wall[s][r], &cpu[s][r]) < 0)
                return 1;
    double mbs[NSTAGES] = {0}, cpu_mbs[NSTAGES] = {0};
    for (size_t s = 0; s < NSTAGES; s++) {
        if (!chosen[s])
            continue;
        double m = median(wall[s], runs), cm = median(cpu[s], runs);
        mbs[s] = m > 0 ? (double)in.len / 1e6 / m : 0;
        cpu_mbs[s] = cm > 0 ? (double)in.len / 1e6 / cm : 0;
        printf(",\"%s\":{\"median_s\":%.6f,\"mb_per_s\":%.2f,\"cpu_median_s\":%.6f,"
               "\"cpu_mb_per_s\":%.2f,\"runs_s\":[",
               stages[s].name, m, mbs[s], cm, cpu_mbs[s]);
        for (int r = 0; r < runs; r++)
            printf("%s%.6f", r ? "," : "", wall[s][r]);
        printf("],\"cpu_runs_s\":[");
        for (int r = 0; r < runs; r++)
            printf("%s%.6f", r ? "," : "", cpu[s][r]);
        printf("]}");
    }
    /* pipeline MB/s / lexer MB/s = lexer time / pipeline time, pair by pair */
    double ratio[MAX_RUNS], cpu_ratio[MAX_RUNS];
    int pairs = chosen[0] && chosen[1] ? runs : 0;
    double lo = 0, hi = 0;
    for (int r = 0; r < pairs; r++) {
        ratio[r] = wall[1][r] > 0 ? wall[0][r] / wall[1][r] : 0;
        cpu_ratio[r] = cpu[1][r] > 0 ? cpu[0][r] / cpu[1][r] : 0;
        lo = r == 0 || cpu_ratio[r] < lo ? cpu_ratio[r] : lo;
        hi = r == 0 || cpu_ratio[r] > hi ? cpu_ratio[r] : hi;
    }
    /* and of the fastest runs: what each does when the machine lets it (noise only adds time) */
    double fastest_lex = 0, fastest_pipeline = 0;
    for (int r = 0; r < pairs; r++) {
        fastest_lex = r == 0 || cpu[0][r] < fastest_lex ? cpu[0][r] : fastest_lex;
        fastest_pipeline = r == 0 || cpu[1][r] < fastest_pipeline ? cpu[1][r] : fastest_pipeline;
    }
    printf(",\"tokens\":%llu,\"ratio\":%.4f,\"cpu_ratio\":%.4f,\"cpu_ratio_range\":[%.4f,%.4f],"
           "\"cpu_ratio_fastest\":%.4f}\n",
           in.tokens, pairs ? median(ratio, pairs) : 0, pairs ? median(cpu_ratio, pairs) : 0, lo, hi,
           fastest_pipeline > 0 ? fastest_lex / fastest_pipeline : 0);
    cl_doc_free(parsed);
    fclose(in.devnull);
    free((char *)in.text);
    return 0;
}
