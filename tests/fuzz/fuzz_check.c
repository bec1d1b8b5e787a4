/* fuzz_check.c — libFuzzer target: any bytes parsed, then `claimc check` (cl_check and both
 * forms of cl_write_findings), with an oracle on the findings.
 *
 * For each input the oracle checks that
 *   - cl_check returns NULL exactly when it reports no finding;
 *   - every finding has a code, a level in range, a NUL-terminated message, a sentence span
 *     inside the text, at most CL_FINDING_CLAIMS claims that exist, at most CL_FINDING_FIGURES
 *     named figures, and comes in document order;
 *   - the JSONL form is one JSON object a line per finding, with that code and severity, valid
 *     UTF-8; the text form is one line per finding ending with its [code].
 * A failed check aborts (oracle.h), so libFuzzer saves the input as a crash reproducer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "oracle.h"

typedef struct {
    const cl_finding *f;
    size_t n;
    bool text;
} findings;

static int write_findings(const cl_doc *doc, FILE *out, const void *arg)
{
    const findings *fs = arg;
    return cl_write_findings(doc, fs->f, fs->n, out, fs->text);
}

static void check_finding_line(const cJSON *o, size_t i, void *arg)
{
    const findings *fs = arg;
    CHECK(i < fs->n, "more JSONL lines than %zu findings", fs->n);
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
    const cJSON *sev = cJSON_GetObjectItemCaseSensitive(o, "severity");
    CHECK(cJSON_IsString(code) && strcmp(code->valuestring, fs->f[i].code) == 0,
          "line %zu: code is not %s", i + 1, fs->f[i].code);
    CHECK(cJSON_IsString(sev) && strcmp(sev->valuestring, cl_find_level_name(fs->f[i].level)) == 0,
          "line %zu: severity is not %s", i + 1, cl_find_level_name(fs->f[i].level));
}

static void check_findings(const cl_doc *doc, const cl_finding *f, size_t n)
{
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(f[i].code && *f[i].code, "finding %zu has no code", i);
        CHECK((unsigned)f[i].level <= CL_FIND_ERROR, "finding %zu: level %d", i, (int)f[i].level);
        CHECK(memchr(f[i].message, '\0', sizeof f[i].message) != NULL,
              "finding %zu: message not NUL-terminated", i);
        check_span(doc, f[i].sentence, "finding sentence");
        CHECK(f[i].sentence.start >= prev, "finding %zu out of document order", i);
        prev = f[i].sentence.start;
        CHECK(f[i].nclaims <= CL_FINDING_CLAIMS, "finding %zu: %zu claims", i, f[i].nclaims);
        for (size_t k = 0; k < f[i].nclaims; k++)
            CHECK(cl_doc_claim(doc, f[i].claims[k]) != NULL, "finding %zu: claim %zu of %zu", i,
                  f[i].claims[k], cl_doc_claim_count(doc));
        CHECK(f[i].nfigures <= CL_FINDING_FIGURES, "finding %zu: %zu figures", i, f[i].nfigures);
        for (size_t k = 0; k < f[i].nfigures; k++)
            CHECK(f[i].figures[k].name != NULL, "finding %zu: figure %zu has no name", i, k);
    }
}

static void one_input(const uint8_t *data, size_t size)
{
    cl_doc *doc = cl_parse("fuzz", data, size);
    if (!doc)
        return;   /* out of memory: allowed by the API */
    size_t n = 12345;
    cl_finding *f = cl_check(doc, &n);
    CHECK((f == NULL) == (n == 0), "cl_check: %zu findings, array %p", n, (void *)f);
    check_findings(doc, f, n);

    findings fs = {f, n, false};
    size_t len;
    char *s = render_with(doc, write_findings, &fs, &len);
    size_t lines = check_json_lines(s, len, "findings JSONL", check_finding_line, &fs);
    CHECK(lines == n, "%zu JSONL lines for %zu findings", lines, n);
    free(s);

    fs.text = true;
    s = render_with(doc, write_findings, &fs, &len);
    check_utf8(s, len, "findings text");
    lines = 0;
    for (const char *p = s, *e = s + len; p < e; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        CHECK(nl != NULL && lines < n, "findings text: line %zu", lines + 1);
        size_t code = strlen(f[lines].code);
        CHECK((size_t)(nl - p) > code + 2 && nl[-1] == ']' &&
                  memcmp(nl - 1 - code, f[lines].code, code) == 0,
              "findings text line %zu does not end with [%s]", lines + 1, f[lines].code);
        p = nl + 1;
    }
    CHECK(lines == n, "%zu text lines for %zu findings", lines, n);
    free(s);
    free(f);
    cl_doc_free(doc);
}

FUZZ_TARGET(one_input)
