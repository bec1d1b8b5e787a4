/* fuzz_parse.c — libFuzzer target: any bytes through decode, lexer, filter, parser, claim
 * builder and every emitter, with an oracle stronger than "did not crash".
 *
 * For each input the oracle checks that
 *   - the document's text is NUL-terminated at cl_doc_text_len (the lexer's sentinel);
 *   - every span (claim, subject, quantity, unit text, done/total, baseline, section marker and
 *     title, diagnostic) lies inside the text: 0 <= start <= end <= cl_doc_text_len;
 *   - cl_write_json (pretty and compact) gives one JSON document that cJSON parses, with nothing
 *     after it, whose stats.claims equals cl_doc_claim_count;
 *   - cl_write_jsonl gives exactly one line per claim, each a JSON object cJSON parses, whose
 *     span's line and column are what cl_doc_position says;
 *   - the streaming parse of --format jsonl (cl_parse_adopt_each) writes exactly those bytes;
 *   - all of that output is valid UTF-8 (a downstream json.loads would reject anything else);
 *   - cl_write_tokens runs (its text is not JSON; it must only not crash).
 * A failed check aborts, so libFuzzer saves the input as a crash reproducer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "doc.h"
#include "emit.h"

#define CHECK(cond, ...)                                                                     \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "fuzz_parse: oracle failed: %s: ", #cond);                      \
            fprintf(stderr, __VA_ARGS__);                                                    \
            fputc('\n', stderr);                                                             \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

static void check_span(const cl_doc *doc, cl_span s, const char *what)
{
    size_t len = cl_doc_text_len(doc);
    CHECK(s.start <= s.end && s.end <= len, "%s span [%u, %u) outside text of %zu bytes", what,
          s.start, s.end, len);
}

static void check_quantity(const cl_doc *doc, const cl_quantity *q, const char *what)
{
    check_span(doc, q->span, what);
    check_span(doc, q->unit_text, what);
}

/* Strict UTF-8 (no overlongs, surrogates or code points above U+10FFFF). */
static size_t utf8_bad_at(const unsigned char *s, size_t len)
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

/* Write with FN into memory; returns the bytes (NUL-terminated) and their length. */
typedef int (*writer)(const cl_doc *doc, FILE *out, int mode);
static int write_json_pretty(const cl_doc *d, FILE *o, int m) { (void)m; return cl_write_json(d, o, true); }
static int write_json_compact(const cl_doc *d, FILE *o, int m) { (void)m; return cl_write_json(d, o, false); }
static int write_jsonl(const cl_doc *d, FILE *o, int m) { (void)m; return cl_write_jsonl(d, o); }
static int write_tokens(const cl_doc *d, FILE *o, int m) { (void)m; return cl_write_tokens(d, o); }

static char *render(const cl_doc *doc, writer fn, size_t *len)
{
    char *buf = NULL;
    *len = 0;
    FILE *out = open_memstream(&buf, len);
    CHECK(out != NULL, "open_memstream");
    int rc = fn(doc, out, 0);
    CHECK(fclose(out) == 0, "fclose of a memory stream");
    CHECK(rc == 0, "writer returned %d", rc);
    return buf;
}

static void check_json_document(const cl_doc *doc, const char *s, size_t len)
{
    CHECK(utf8_bad_at((const unsigned char *)s, len) == len, "JSON output is not UTF-8 at byte %zu",
          utf8_bad_at((const unsigned char *)s, len));
    CHECK(len > 0 && s[len - 1] == '\n', "JSON output does not end with a newline");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(s, &end, false);
    CHECK(root != NULL, "JSON output does not parse near byte %td",
          cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() - s : -1);
    CHECK(strspn(end, " \t\r\n") == strlen(end), "text after the JSON document");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    CHECK(cJSON_IsString(type) && strcmp(type->valuestring, "Document") == 0, "not a Document");
    const cJSON *stats = cJSON_GetObjectItemCaseSensitive(root, "stats");
    const cJSON *claims = cJSON_GetObjectItemCaseSensitive(stats, "claims");
    CHECK(cJSON_IsNumber(claims) && (size_t)claims->valuedouble == cl_doc_claim_count(doc),
          "stats.claims differs from cl_doc_claim_count %zu", cl_doc_claim_count(doc));
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(root, "diagnostics");
    CHECK(cJSON_IsArray(diags) && (size_t)cJSON_GetArraySize(diags) == cl_doc_diag_count(doc),
          "diagnostics array differs from cl_doc_diag_count %zu", cl_doc_diag_count(doc));
    cJSON_Delete(root);
}

static void check_jsonl(const cl_doc *doc, const char *s, size_t len)
{
    CHECK(utf8_bad_at((const unsigned char *)s, len) == len, "JSONL output is not UTF-8 at byte %zu",
          utf8_bad_at((const unsigned char *)s, len));
    size_t lines = 0;
    for (const char *p = s, *e = s + len; p < e; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        CHECK(nl != NULL, "JSONL line %zu has no newline", lines + 1);
        const char *end = NULL;
        cJSON *o = cJSON_ParseWithLengthOpts(p, (size_t)(nl - p), &end, false);
        CHECK(cJSON_IsObject(o), "JSONL line %zu is not a JSON object", lines + 1);
        CHECK(end == nl, "JSONL line %zu has text after its object", lines + 1);
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
        CHECK(cJSON_IsString(type) && strcmp(type->valuestring, "Claim") == 0,
              "JSONL line %zu is not a Claim", lines + 1);
        /* the writer's cursor (one pass ahead, skipping CR searches before the first CR the
         * filter saw) against cl_doc_position's index: two ways to the same line and column */
        const cJSON *span = cJSON_GetObjectItemCaseSensitive(o, "span");
        const cJSON *start = cJSON_GetObjectItemCaseSensitive(span, "start");
        const cJSON *line = cJSON_GetObjectItemCaseSensitive(span, "line");
        const cJSON *column = cJSON_GetObjectItemCaseSensitive(span, "column");
        CHECK(cJSON_IsNumber(start) && cJSON_IsNumber(line) && cJSON_IsNumber(column),
              "JSONL line %zu has no span position", lines + 1);
        uint32_t want_line, want_column;
        cl_doc_position(doc, (uint32_t)start->valuedouble, &want_line, &want_column);
        CHECK((uint32_t)line->valuedouble == want_line && (uint32_t)column->valuedouble == want_column,
              "JSONL line %zu: offset %u at %u:%u, cl_doc_position says %u:%u", lines + 1,
              (unsigned)start->valuedouble, (unsigned)line->valuedouble,
              (unsigned)column->valuedouble, want_line, want_column);
        cJSON_Delete(o);
        p = nl + 1;
    }
    CHECK(lines == cl_doc_claim_count(doc), "%zu JSONL lines for %zu claims", lines,
          cl_doc_claim_count(doc));
}

static void check_doc(const cl_doc *doc)
{
    size_t len = cl_doc_text_len(doc);
    const char *text = cl_doc_text(doc);
    CHECK(text != NULL && text[len] == '\0', "text is not NUL-terminated at %zu", len);
    CHECK(cl_doc_encoding(doc) != NULL, "no encoding");
    CHECK(len <= UINT32_MAX - 1, "text too long for 32-bit spans");
    for (size_t i = 0; i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        CHECK(c != NULL, "claim %zu missing", i);
        check_span(doc, c->span, "claim");
        check_span(doc, c->subject, "subject");
        check_span(doc, c->baseline, "baseline");
        if (c->kind == CL_PROGRESS) {
            check_quantity(doc, &c->done, "done");
            check_quantity(doc, &c->total, "total");
        } else {
            check_quantity(doc, &c->quantity, "quantity");
        }
        CHECK((unsigned)c->kind <= CL_RANK, "claim kind %d", (int)c->kind);
        int depth = 0;
        for (const cl_section *s = c->section; s; s = s->parent) {
            check_span(doc, s->marker, "section marker");
            check_span(doc, s->title, "section title");
            CHECK(++depth < 10000, "section parent chain loops");
        }
    }
    for (size_t i = 0; i < cl_doc_diag_count(doc); i++) {
        const cl_diag *d = cl_doc_diag(doc, i);
        check_span(doc, d->span, "diagnostic");
        CHECK(d->code && d->message, "diagnostic %zu without code or message", i);
    }
    /* positions, asked for out of order too (the cursor cache must rewind) */
    uint32_t line, col;
    cl_doc_position(doc, (uint32_t)len, &line, &col);
    cl_doc_position(doc, 0, &line, &col);
    CHECK(line == 1 && col == 1, "offset 0 is at %u:%u", line, col);
    cl_doc_position(doc, UINT32_MAX, &line, &col);
}

/* What --format jsonl writes while it parses must be what the whole document gives. */
static void check_streamed(const uint8_t *data, size_t size, const char *want, size_t want_len)
{
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    unsigned char *room = malloc(size + 1);
    cl_jsonl_writer *w = f ? cl_jsonl_open(f) : NULL;
    if (!room || !w) {   /* out of memory: nothing to compare */
        free(room);
        cl_jsonl_close(w);
        if (f && fclose(f) == 0)
            free(out);
        return;
    }
    memcpy(room, data, size);
    cl_doc *doc = cl_parse_adopt_each("fuzz", room, size, cl_jsonl_take, w);
    int rc = cl_jsonl_close(w);
    CHECK(fclose(f) == 0 && rc == 0, "the streaming writer failed");
    if (doc) {
        CHECK(out_len == want_len && memcmp(out, want, want_len) == 0,
              "streamed JSONL (%zu bytes) differs from the document's (%zu bytes)", out_len,
              want_len);
        CHECK(cl_doc_claim_count(doc) == 0, "a streamed document kept its claims");
    }
    cl_doc_free(doc);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* both entry points: a copy (cl_parse), or the buffer given away and parsed in place
     * (cl_parse_adopt, what the CLI does), chosen by the input's length */
    cl_doc *doc;
    if (size % 2) {
        unsigned char *room = malloc(size + 1);
        if (!room)
            return 0;
        memcpy(room, data, size);
        doc = cl_parse_adopt("fuzz", room, size);
    } else {
        doc = cl_parse("fuzz", data, size);
    }
    if (!doc)
        return 0;   /* out of memory: allowed by the API */
    check_doc(doc);

    size_t len;
    char *s = render(doc, write_json_pretty, &len);
    check_json_document(doc, s, len);
    free(s);
    s = render(doc, write_json_compact, &len);
    check_json_document(doc, s, len);
    free(s);
    s = render(doc, write_jsonl, &len);
    check_jsonl(doc, s, len);
    if (s)
        check_streamed(data, size, s, len);
    free(s);
    s = render(doc, write_tokens, &len);
    free(s);

    cl_doc_free(doc);
    return 0;
}
