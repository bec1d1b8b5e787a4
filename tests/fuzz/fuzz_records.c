/* fuzz_records.c — libFuzzer target: any bytes as a `claimc --input jsonl` file, through the
 * CLI's engine (cl_run in src/cli.c: the record reader, the parse, the JSONL writer, the pool).
 *
 * For each input the oracle checks that
 *   - the output is JSON Lines of Claim objects, valid UTF-8;
 *   - it holds exactly the claims of the records, counted independently: each line that cJSON
 *     reads as an object with a string "text" parsed alone by cl_parse; a record with a string
 *     "id" of valid UTF-8 labels its claims ("doc") with it, in record order;
 *   - for one input in three, --jobs 3 (worker threads, a window of 12) writes the same bytes
 *     as --jobs 1.
 * A failed check aborts (oracle.h), so libFuzzer saves the input as a crash reproducer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "cli.h"
#include "oracle.h"

static char path[] = "/tmp/claimc-fuzz-records.XXXXXX";
static int fd = -1;

static void remove_file(void)
{
    unlink(path);
}

/* The input as a file of its own: cl_run reads files by name. */
static void put_file(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = mkstemp(path);
        CHECK(fd >= 0, "mkstemp %s", path);
        atexit(remove_file);
    }
    CHECK(ftruncate(fd, 0) == 0 && pwrite(fd, data, size, 0) == (ssize_t)size,
          "writing %zu bytes to %s", size, path);
}

static char *run(int jobs, size_t *len)
{
    cl_cli_options opt = {.format = CL_FMT_JSONL, .jsonl_input = true, .quiet = true, .jobs = jobs};
    char *files[] = {path};
    char *buf = NULL;
    cl_output out = {.file = open_memstream(&buf, len), .shown = "memory"};
    CHECK(out.file != NULL, "open_memstream");
    cl_run(&opt, files, 1, &out);   /* false for a bad record: allowed */
    CHECK(out.err == 0, "a write to memory failed");
    CHECK(fclose(out.file) == 0, "fclose of a memory stream");
    return buf;
}

/* What each record should yield: its claim count and its label when the id is a string. */
typedef struct {
    size_t claims;
    char *label;
} expect;

static expect *expected(const uint8_t *data, size_t size, size_t *nrec)
{
    expect *e = NULL;
    size_t n = 0;
    for (size_t at = 0; at < size;) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t end = nl ? (size_t)(nl - data) + 1 : size;   /* getline keeps the newline */
        cJSON *rec = cJSON_ParseWithLength((const char *)data + at, end - at);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text");
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(rec, "id");
        if (cJSON_IsString(text)) {
            cl_doc *doc = cl_parse("record", text->valuestring, strlen(text->valuestring));
            CHECK(doc != NULL, "out of memory");
            e = realloc(e, (n + 1) * sizeof *e);
            CHECK(e != NULL, "out of memory");
            e[n].claims = cl_doc_claim_count(doc);
            /* a label of invalid UTF-8 goes out with U+FFFD in it: not compared */
            bool utf8 = cJSON_IsString(id) &&
                        utf8_bad_at((const unsigned char *)id->valuestring,
                                    strlen(id->valuestring)) == strlen(id->valuestring);
            e[n].label = utf8 ? strdup(id->valuestring) : NULL;
            n++;
            cl_doc_free(doc);
        }
        cJSON_Delete(rec);
        at = end;
    }
    *nrec = n;
    return e;
}

typedef struct {
    const expect *e;
    size_t nrec, rec, left;   /* the record the next line belongs to, and its claims left */
} cursor;

static void check_record_line(const cJSON *o, size_t i, void *arg)
{
    cursor *c = arg;
    while (c->rec < c->nrec && c->left == 0 && ++c->rec < c->nrec)
        c->left = c->e[c->rec].claims;
    CHECK(c->rec < c->nrec && c->left > 0, "claim line %zu is more than the records hold", i + 1);
    c->left--;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
    const cJSON *doc = cJSON_GetObjectItemCaseSensitive(o, "doc");
    CHECK(cJSON_IsString(type) && strcmp(type->valuestring, "Claim") == 0,
          "line %zu is not a Claim", i + 1);
    const char *label = c->e[c->rec].label;
    CHECK(!label || (cJSON_IsString(doc) && strcmp(doc->valuestring, label) == 0),
          "line %zu: doc is not record %zu's id \"%s\"", i + 1, c->rec + 1, label);
}

static void one_input(const uint8_t *data, size_t size)
{
    put_file(data, size);
    size_t len;
    char *out = run(1, &len);

    size_t nrec, want = 0;
    expect *e = expected(data, size, &nrec);
    for (size_t i = 0; i < nrec; i++)
        want += e[i].claims;
    cursor c = {e, nrec, 0, nrec ? e[0].claims : 0};
    size_t lines = check_json_lines(out, len, "JSONL", check_record_line, &c);
    CHECK(lines == want, "%zu claim lines; the records hold %zu claims", lines, want);
    for (size_t i = 0; i < nrec; i++)
        free(e[i].label);
    free(e);

    if (size % 3 == 0) {
        size_t len3;
        char *out3 = run(3, &len3);
        CHECK(len3 == len && memcmp(out3, out, len) == 0,
              "--jobs 3 wrote %zu bytes, --jobs 1 %zu, or other bytes", len3, len);
        free(out3);
    }
    free(out);
}

FUZZ_TARGET(one_input)
