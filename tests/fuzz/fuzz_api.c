/* fuzz_api.c — libFuzzer target: every function of include/claimc.h, with arbitrary lengths,
 * buffers that end where their length says (no NUL after them) and arbitrary arguments.
 *
 * Every buffer handed to the library is a malloc of exactly its length, so a read one byte
 * past it is an ASan report, and it is freed as soon as the call returns, so a document that
 * kept a pointer into it is a use after free. From the input:
 *   - the document's name (its first bytes, NUL-terminated, as the API asks) and its text (all
 *     of it, and a prefix of arbitrary length), parsed by cl_parse and by cl_parse_adopt;
 *   - a cl_dec (the last 12 bytes) for cl_dec_format and cl_dec_to_double;
 *   - offsets (pairs of bytes) for cl_doc_position;
 *   - cl_extract of the text (its JSON Lines must be cl_write_jsonl's), and, when the input
 *     starts with '{', the input as the record's metadata (cl_extract, cl_doc_set_meta).
 * The oracle: accessors agree with each other and stay in range; out-of-range indices give
 * NULL or false; positions grow with offsets; every name function answers every value;
 * cl_dec_format writes a JSON number within CL_DEC_BUFSIZE that reads back as
 * cl_dec_to_double; every writer returns -1 when its stream fails (as on a full disk).
 * A failed check aborts (oracle.h), so libFuzzer saves the input as a crash reproducer. */
#define _GNU_SOURCE   /* fopencookie: a stream whose every write fails */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "oracle.h"

static void *exact_copy(const void *data, size_t len)
{
    void *p = malloc(len ? len : 1);
    CHECK(p != NULL, "out of memory");
    if (len)
        memcpy(p, data, len);
    return p;
}

/* -- cl_dec ---------------------------------------------------------------------------------- */

/* A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (*s >= '0' && *s <= '9')
            s++;
    else
        return false;
    if (*s == '.') {
        if (!(*++s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

static void check_dec(cl_dec d)
{
    char *buf = malloc(CL_DEC_BUFSIZE);   /* exactly what the API promises to need */
    CHECK(buf != NULL, "out of memory");
    CHECK(cl_dec_format(d, buf) == buf, "cl_dec_format returns another buffer");
    CHECK(memchr(buf, '\0', CL_DEC_BUFSIZE) != NULL, "cl_dec_format: no NUL");
    CHECK(json_number(buf), "cl_dec_format(%llu, %d) = \"%s\" is no JSON number",
          (unsigned long long)d.mant, (int)d.exp, buf);
    double want = cl_dec_to_double(d), got = strtod(buf, NULL);
    if (isfinite(want) && isfinite(got) && fabs(want) > 1e-300 && fabs(want) < 1e300)
        CHECK(fabs(got - want) <= 1e-12 * fabs(want), "cl_dec_format(%llu, %d) = %s reads %.17g, "
              "cl_dec_to_double says %.17g", (unsigned long long)d.mant, (int)d.exp, buf, got, want);
    free(buf);
}

/* -- one document ---------------------------------------------------------------------------- */

static void check_names(void)
{
    for (int k = 0; k < CL_NKINDS; k++)
        CHECK(strcmp(cl_kind_name((cl_kind)k), "?") != 0, "kind %d has no name", k);
    CHECK(strcmp(cl_kind_name((cl_kind)CL_NKINDS), "?") == 0, "a name past the last kind");
    CHECK(strcmp(cl_kind_name((cl_kind)-1), "?") == 0, "a name for kind -1");
    CHECK(cl_direction_name(CL_DIR_NONE) == NULL, "a name for no direction");
    for (int d = CL_DIR_UP; d <= CL_DIR_IMPROVE; d++)
        CHECK(cl_direction_name((cl_direction)d) != NULL, "direction %d has no name", d);
    CHECK(cl_approx_name(CL_APPROX_NONE) == NULL, "a name for no approximation");
    for (int a = CL_APPROX_ABOUT; a <= CL_APPROX_AT_MOST; a++)
        CHECK(cl_approx_name((cl_approx)a) != NULL, "approximation %d has no name", a);
    for (int l = CL_FIND_INFO; l <= CL_FIND_ERROR; l++)
        CHECK(strcmp(cl_find_level_name((cl_find_level)l), "?") != 0, "level %d has no name", l);
    CHECK(cl_find_level_name((cl_find_level)INT_MAX) != NULL, "no answer for a level past the last");
}

static bool pos_le(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2)
{
    return l1 < l2 || (l1 == l2 && c1 <= c2);
}

static void check_positions(const cl_doc *doc, const uint8_t *data, size_t size)
{
    uint32_t len = (uint32_t)cl_doc_text_len(doc), l0, c0, l1, c1;
    cl_doc_position(doc, 0, &l0, &c0);
    CHECK(l0 == 1 && c0 == 1, "offset 0 at %u:%u", l0, c0);
    cl_doc_position(doc, len, &l0, &c0);
    cl_doc_position(doc, UINT32_MAX, &l1, &c1);
    CHECK(l0 == l1 && c0 == c1, "past the end %u:%u, at the end %u:%u", l1, c1, l0, c0);
    for (size_t i = 0; i + 3 < size && i < 64; i += 4) {   /* pairs of offsets, out of order too */
        uint32_t a = (uint32_t)(data[i] | data[i + 1] << 8), b = (uint32_t)(data[i + 2] | data[i + 3] << 8);
        if (len)
            a %= len + 1, b %= len + 1;
        cl_doc_position(doc, a, &l0, &c0);
        cl_doc_position(doc, b, &l1, &c1);
        CHECK(l0 >= 1 && c0 >= 1 && l1 >= 1 && c1 >= 1, "a position below 1:1");
        CHECK(a > b || pos_le(l0, c0, l1, c1), "offset %u at %u:%u, offset %u at %u:%u", a, l0,
              c0, b, l1, c1);
    }
}

static void check_accessors(const cl_doc *doc, const char *name)
{
    CHECK(strcmp(cl_doc_name(doc), name) == 0, "name \"%s\", given \"%s\"", cl_doc_name(doc), name);
    CHECK(cl_doc_encoding(doc) != NULL, "no encoding");
    size_t len = cl_doc_text_len(doc);
    CHECK(cl_doc_text(doc)[len] == '\0', "text not NUL-terminated at %zu", len);
    (void)cl_doc_is_plan(doc);
    size_t n = cl_doc_claim_count(doc);
    for (size_t i = 0; i < n; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        CHECK(c != NULL, "claim %zu of %zu missing", i, n);
        check_span(doc, c->span, "claim");
        if (c->kind != CL_PROGRESS && c->quantity.has_value)
            check_dec(c->quantity.value);
    }
    CHECK(cl_doc_claim(doc, n) == NULL && cl_doc_claim(doc, SIZE_MAX) == NULL, "a claim past the last");
    bool error = false;
    for (size_t i = 0; i < cl_doc_diag_count(doc); i++) {
        const cl_diag *d = cl_doc_diag(doc, i);
        CHECK(d != NULL && d->code && d->message, "diagnostic %zu", i);
        error |= d->severity == CL_SEV_ERROR;
    }
    CHECK(cl_doc_diag(doc, cl_doc_diag_count(doc)) == NULL, "a diagnostic past the last");
    CHECK(cl_doc_failed(doc) == error, "cl_doc_failed says %d, the diagnostics %d",
          cl_doc_failed(doc), error);
    cl_sentence_view v;
    CHECK(!cl_doc_sentence(doc, cl_doc_sentence_count(doc), &v) && !cl_doc_sentence(doc, SIZE_MAX, &v),
          "a sentence past the last");
}

/* -- writers on a failing stream ------------------------------------------------------------- */

enum { W_JSON, W_COMPACT, W_JSONL, W_TOKENS, W_CSV, W_HTML, W_FINDINGS, W_FINDINGS_TEXT, W_COUNT };

static int write_one(const cl_doc *doc, FILE *out, const void *arg)
{
    int w = *(const int *)arg;
    switch (w) {
    case W_JSON: return cl_write_json(doc, out, true);
    case W_COMPACT: return cl_write_json(doc, out, false);
    case W_JSONL: return cl_write_jsonl(doc, out);
    case W_TOKENS: return cl_write_tokens(doc, out);
    case W_CSV: return cl_write_csv(doc, out);
    case W_HTML: return cl_write_html(doc, out, 0);
    default: {
        size_t n;
        cl_finding *f = cl_check(doc, &n);
        int rc = cl_write_findings(doc, f, n, out, w == W_FINDINGS_TEXT);
        free(f);
        return rc;
    }
    }
}

/* A disk that is full: every write fails with ENOSPC, unbuffered, so the first byte a writer
 * writes fails (as /dev/full does, without a system call per byte). */
static ssize_t write_nothing(void *cookie, const char *buf, size_t n)
{
    (void)cookie, (void)buf, (void)n;
    errno = ENOSPC;
    return 0;   /* fopencookie(3): 0 is the error (a negative value is not allowed) */
}

static FILE *full_stream(void)
{
    FILE *f = fopencookie(NULL, "w", (cookie_io_functions_t){.write = write_nothing});
    CHECK(f != NULL, "fopencookie");
    setvbuf(f, NULL, _IONBF, 0);
    return f;
}

static void check_writers(const cl_doc *doc, const char *title)
{
    for (int w = 0; w < W_COUNT; w++) {
        size_t len;
        free(render_with(doc, write_one, &w, &len));
        FILE *full = full_stream();
        int rc = write_one(doc, full, &w);
        fclose(full);
        CHECK(len == 0 || rc == -1, "writer %d wrote %zu bytes to /dev/full and returned %d", w,
              len, rc);
    }
    FILE *full = full_stream();
    CHECK(cl_write_csv_header(full) == -1, "the CSV header on /dev/full");
    CHECK(cl_write_html_head(full, title) == -1, "the HTML head on /dev/full");
    CHECK(cl_write_html_tail(full) == -1, "the HTML tail on /dev/full");
    fclose(full);
}

/* -- results as buffers: cl_extract, record metadata ---------------------------------------- */

static int write_jsonl(const cl_doc *doc, FILE *out, const void *arg)
{
    (void)arg;
    return cl_write_jsonl(doc, out);
}

/* cl_extract gives the JSON Lines cl_write_jsonl gives (without META), and diagnostics as JSON
 * Lines; META, when given, is JSON the library copies or rejects. */
static void check_extract(cl_doc *doc, const char *name, const uint8_t *data, size_t size,
                          const char *meta)
{
    void *text = exact_copy(data, size);
    cl_result r;
    int rc = cl_extract(name, text, size, meta, &r);
    free(text);
    if (rc != 0)
        return;   /* out of memory, or META no object */
    check_json_lines(r.jsonl ? r.jsonl : "", r.jsonl_len, "cl_extract JSONL", NULL, NULL);
    check_json_lines(r.diags ? r.diags : "", r.diags_len, "cl_extract diagnostics", NULL, NULL);
    if (!meta) {
        size_t len;
        char *want = render_with(doc, write_jsonl, NULL, &len);
        CHECK(len == r.jsonl_len && memcmp(want, r.jsonl, len) == 0,
              "cl_extract's JSONL (%zu bytes) is not cl_write_jsonl's (%zu)", r.jsonl_len, len);
        free(want);
    }
    CHECK(r.failed == cl_doc_failed(doc), "cl_extract failed %d, the document %d", r.failed,
          cl_doc_failed(doc));
    cl_result_free(&r);
}

static void check_meta(cl_doc *doc, const char *json)
{
    bool ok = cl_doc_set_meta(doc, json);
    const char *m = cl_doc_meta(doc);
    if (!ok || !m)
        return;
    cJSON *o = cJSON_Parse(m);
    CHECK(cJSON_IsObject(o), "cl_doc_meta is no JSON object: %s", m);
    cJSON_Delete(o);
    check_utf8(m, strlen(m), "cl_doc_meta");
}

static void check_doc(cl_doc *doc, const char *name, const uint8_t *data, size_t size, bool writers)
{
    CHECK(doc != NULL, "out of memory");   /* the inputs are small */
    check_accessors(doc, name);
    check_positions(doc, data, size);
    if (writers) {
        check_writers(doc, name);
        check_extract(doc, name, data, size, NULL);
        /* the input as metadata: a JSON object when it starts like one */
        char *json = malloc(size + 1);
        CHECK(json != NULL, "out of memory");
        memcpy(json, data, size);
        json[size] = '\0';
        if (size && data[0] == '{') {
            check_extract(doc, name, data, size, json);
            check_meta(doc, json);
        }
        free(json);
    }
    cl_doc_free(doc);
}

static void one_input(const uint8_t *data, size_t size)
{
    check_names();
    cl_doc_free(NULL);

    size_t name_len = size ? data[0] % 24 : 0;
    if (name_len > size)
        name_len = size;
    char *name = malloc(name_len + 1);
    CHECK(name != NULL, "out of memory");
    memcpy(name, data, name_len);
    name[name_len] = '\0';

    if (size >= 12) {
        cl_dec d;
        memcpy(&d.mant, data + size - 12, 8);
        memcpy(&d.exp, data + size - 4, 4);
        check_dec(d);
        d.exp %= 100;   /* the range documents have */
        check_dec(d);
    }

    /* the whole input, copied into a buffer of its size and freed at once */
    void *text = exact_copy(data, size);
    cl_doc *doc = cl_parse(name, text, size);
    free(text);
    check_doc(doc, name, data, size, true);

    /* a prefix of any length: a cut in the middle of a character, a line, a CRLF */
    size_t cut = size ? (size_t)data[size - 1] * 257 % (size + 1) : 0;
    text = exact_copy(data, cut);
    doc = cl_parse(name, text, cut);
    free(text);
    check_doc(doc, name, data, cut, false);

    /* given away, with the one byte of room the API asks for */
    unsigned char *room = malloc(cut + 1);
    CHECK(room != NULL, "out of memory");
    memcpy(room, data, cut);
    check_doc(cl_parse_adopt(name, room, cut), name, data, cut, false);

    free(name);
}

FUZZ_TARGET(one_input)
