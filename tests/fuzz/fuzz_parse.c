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
 *   - cl_write_csv gives one CRLF row of as many fields as its header per claim (RFC 4180);
 *   - cl_write_html gives valid UTF-8; cl_write_tokens runs (it must only not crash);
 *   - the sentences come in order, inside the text, and hand out the claims consecutively.
 * libFuzzer's buffer is exactly SIZE bytes, with no NUL after it: cl_parse reading one byte too
 * far is an ASan report. A failed check aborts (oracle.h), so libFuzzer saves the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "pipeline.h"
#include "emit.h"
#include "oracle.h"

static void check_quantity(const cl_doc *doc, const cl_quantity *q, const char *what)
{
    check_span(doc, q->span, what);
    check_span(doc, q->unit_text, what);
}

/* The writers, as fuzz_writer (oracle.h). */
static int write_json_pretty(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_json(d, o, true); }
static int write_json_compact(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_json(d, o, false); }
static int write_jsonl(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_jsonl(d, o); }
static int write_tokens(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_tokens(d, o); }
static int write_csv(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_csv(d, o); }
static int write_html(const cl_doc *d, FILE *o, const void *a) { (void)a; return cl_write_html(d, o, 7); }

static char *render(const cl_doc *doc, fuzz_writer fn, size_t *len)
{
    return render_with(doc, fn, NULL, len);
}

static void check_json_document(const cl_doc *doc, const char *s, size_t len)
{
    check_utf8(s, len, "JSON");
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

/* One JSONL line: a Claim whose line and column are what cl_doc_position says. */
static void check_claim_line(const cJSON *o, size_t i, void *arg)
{
    const cl_doc *doc = arg;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(o, "type");
    CHECK(cJSON_IsString(type) && strcmp(type->valuestring, "Claim") == 0,
          "JSONL line %zu is not a Claim", i + 1);
    /* the writer's cursor (one pass ahead, skipping CR searches before the first CR the
     * filter saw) against cl_doc_position's index: two ways to the same line and column */
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(o, "span");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(span, "start");
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(span, "line");
    const cJSON *column = cJSON_GetObjectItemCaseSensitive(span, "column");
    CHECK(cJSON_IsNumber(start) && cJSON_IsNumber(line) && cJSON_IsNumber(column),
          "JSONL line %zu has no span position", i + 1);
    uint32_t want_line, want_column;
    cl_doc_position(doc, (uint32_t)start->valuedouble, &want_line, &want_column);
    CHECK((uint32_t)line->valuedouble == want_line && (uint32_t)column->valuedouble == want_column,
          "JSONL line %zu: offset %u at %u:%u, cl_doc_position says %u:%u", i + 1,
          (unsigned)start->valuedouble, (unsigned)line->valuedouble,
          (unsigned)column->valuedouble, want_line, want_column);
}

static void check_jsonl(const cl_doc *doc, const char *s, size_t len)
{
    size_t lines = check_json_lines(s, len, "JSONL", check_claim_line, (void *)doc);
    CHECK(lines == cl_doc_claim_count(doc), "%zu JSONL lines for %zu claims", lines,
          cl_doc_claim_count(doc));
}

/* RFC 4180 as a loader reads it: every row ends with CRLF outside quotes and has as many
 * fields as the header; one row per claim. */
static size_t csv_header_fields(void)
{
    char *h = NULL;
    size_t n = 0, fields = 1;
    FILE *f = open_memstream(&h, &n);
    CHECK(f && cl_write_csv_header(f) == 0 && fclose(f) == 0, "the CSV header");
    for (size_t i = 0; i < n; i++)
        fields += h[i] == ',';
    free(h);
    return fields;
}

static void check_csv(const cl_doc *doc, const char *s, size_t len)
{
    static size_t FIELDS;   /* the header's (emit_csv.c); the fuzzer runs on one thread */
    if (!FIELDS)
        FIELDS = csv_header_fields();
    size_t rows = 0, fields = 1;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < len && s[i + 1] == '"')
                i++;
            else if (c == '"')
                quoted = false;
        } else if (c == '"') {
            CHECK(i == 0 || s[i - 1] == ',' || s[i - 1] == '\n', "CSV quote inside a field at %zu", i);
            quoted = true;
        } else if (c == ',') {
            fields++;
        } else if (c == '\r') {
            CHECK(i + 1 < len && s[i + 1] == '\n', "CSV: CR without LF at %zu", i);
            CHECK(fields == FIELDS, "CSV row %zu has %zu fields", rows + 1, fields);
            rows++;
            fields = 1;
            i++;
        } else {
            CHECK(c != '\n', "CSV: LF outside quotes at %zu", i);
        }
    }
    CHECK(!quoted && fields == 1, "CSV ends inside a row");
    CHECK(rows == cl_doc_claim_count(doc), "%zu CSV rows for %zu claims", rows,
          cl_doc_claim_count(doc));
}

/* Sentences in order, inside the text, their claims consecutive and all of them. */
static void check_sentences(const cl_doc *doc)
{
    size_t n = cl_doc_sentence_count(doc), next_claim = 0;
    uint32_t prev_end = 0;
    cl_sentence_view v;
    for (size_t i = 0; i < n; i++) {
        CHECK(cl_doc_sentence(doc, i, &v), "sentence %zu of %zu missing", i, n);
        check_span(doc, v.span, "sentence");
        CHECK(v.span.start >= prev_end, "sentence %zu starts before the last one ends", i);
        prev_end = v.span.end;
        CHECK(v.first_claim == next_claim || v.claim_count == 0,
              "sentence %zu's claims start at %zu, not %zu", i, v.first_claim, next_claim);
        next_claim += v.claim_count;
    }
    CHECK(!cl_doc_sentence(doc, n, &v), "a sentence past the last");
    CHECK(next_claim <= cl_doc_claim_count(doc), "sentences hold %zu claims of %zu", next_claim,
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

static void one_input(const uint8_t *data, size_t size)
{
    /* both entry points: a copy (cl_parse), or the buffer given away and parsed in place
     * (cl_parse_adopt, what the CLI does), chosen by the input's length */
    cl_doc *doc;
    if (size % 2) {
        unsigned char *room = malloc(size + 1);
        if (!room)
            return;
        memcpy(room, data, size);
        doc = cl_parse_adopt("fuzz", room, size);
    } else {
        doc = cl_parse("fuzz", data, size);
    }
    if (!doc)
        return;   /* out of memory: allowed by the API */
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
    s = render(doc, write_csv, &len);
    check_csv(doc, s, len);
    free(s);
    s = render(doc, write_html, &len);
    check_utf8(s, len, "HTML");
    free(s);
    check_sentences(doc);

    cl_doc_free(doc);
}

FUZZ_TARGET(one_input)
