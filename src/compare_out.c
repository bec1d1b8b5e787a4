/* compare_out.c — claimc compare's command line and its outputs: an aligned table for a
 * terminal, CSV (RFC 4180) and JSON for tools. The table is built by compare.c. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "compare.h"
#include "jtext.h"
#include "readfile.h"
#include "utf8.h"

/* -- cell texts ------------------------------------------------------------------------------ */

static char *dec_text(cl_dec d, char *buf)
{
    return cl_dec_format(d, buf);
}

/* "-5.9%", "+2.3个百分点", "flat" for 持平: the change as written, with its sign. */
static void change_text(const cl_doc *doc, const cl_claim *c, char *buf, size_t n)
{
    if (!c->quantity.has_value) {
        snprintf(buf, n, "%s", c->direction == CL_DIR_FLAT ? "flat" : "?");
        return;
    }
    const char *sign = c->direction == CL_DIR_UP ? "+" : c->direction == CL_DIR_DOWN ? "-" : "";
    cl_span raw = c->quantity.span;
    snprintf(buf, n, "%s%.*s", sign, (int)(raw.end - raw.start), cl_doc_text(doc) + raw.start);
}

/* X to the place STEP (a power of ten), as a plain decimal. */
static void at_place(char *buf, size_t n, double x, double step)
{
    if (step >= 1)
        snprintf(buf, n, "%.0f", round(x / step) * step);
    else
        snprintf(buf, n, "%.*f", (int)lround(-log10(step)), x);
}

/* "within rounding: implies 26.2 (26.18-26.32) for hongshan-2023's 26.3". */
static void check_text(const cl_compare *t, size_t d, const cl_change_check *k, char *buf, size_t n)
{
    if (k->status == CL_CHECK_NONE) {
        buf[0] = '\0';
        return;
    }
    static const char *const words[] = {"", "agrees", "within rounding", "DISAGREES"};
    char implied[48], low[48], high[48], stated[48];
    at_place(implied, sizeof implied, k->implied, k->step);
    at_place(low, sizeof low, k->low, k->step / 10);
    at_place(high, sizeof high, k->high, k->step / 10);
    at_place(stated, sizeof stated, k->stated, k->step);
    snprintf(buf, n, "%s: implies %s (%s-%s) for %s's %s%s", words[k->status], implied, low,
             high, t->names[d - 1], stated, k->as_points ? ", the change read as points" : "");
}

static void cell_text(const cl_doc *doc, const cl_cell *c, char *buf, size_t n)
{
    char v[CL_DEC_BUFSIZE], ch[96] = "";
    if (!c->level) {
        snprintf(buf, n, "-");
        return;
    }
    if (c->change) {
        char s[80];
        change_text(doc, c->change, s, sizeof s);
        snprintf(ch, sizeof ch, " (%s)", s);
    }
    if (c->count > 1)
        snprintf(buf, n, "%s%s +%zu", dec_text(c->level->quantity.value, v), ch, c->count - 1);
    else
        snprintf(buf, n, "%s%s", dec_text(c->level->quantity.value, v), ch);
}

static bool shown(const cl_compare *t, const cl_row *r, bool all)
{
    return all || cl_compare_row_docs(r, t->ndocs) >= 2;
}

/* -- the terminal table ---------------------------------------------------------------------- */

/* Columns a string takes on a terminal: East Asian wide characters two. */
static size_t width(const char *s, size_t n)
{
    size_t w = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = cl_utf8_len(u + i, n - i);
        unsigned cp = len == 3 ? (unsigned)(u[i] & 15) << 12 | (unsigned)(u[i + 1] & 63) << 6 | (u[i + 2] & 63)
                               : 0;
        w += len == 4 || (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                     (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                     (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                     (cp >= 0xFFE0 && cp <= 0xFFE6) ? 2 : 1;
        i += len ? len : 1;
    }
    return w;
}

static void pad(FILE *out, const char *s, size_t n, size_t to)
{
    fwrite(s, 1, n, out);
    for (size_t w = width(s, n); w < to; w++)
        fputc(' ', out);
}

enum { CELL = 256 };

/* The table's texts, row by row: indicator, unit, a cell per document, the checks. */
static char *row_field(const cl_compare *t, const cl_row *r, size_t col, char *buf)
{
    if (col == 0) {
        const char *s;
        size_t n;
        cl_compare_label(t, r, &s, &n);
        snprintf(buf, CELL, "%.*s%s", (int)n, s, r->target ? " [target]" : "");
    } else if (col == 1) {
        snprintf(buf, CELL, "%s", r->unit);
    } else if (col < 2 + t->ndocs) {
        cell_text(t->docs[col - 2], &r->cells[col - 2], buf, CELL);
    } else {   /* the checks of every document against the one before */
        buf[0] = '\0';
        for (size_t d = 1; d < t->ndocs; d++) {
            char k[CELL];
            check_text(t, d, &r->cells[d].check, k, sizeof k);
            if (k[0])
                snprintf(buf + strlen(buf), CELL - strlen(buf), "%s%s", buf[0] ? "; " : "", k);
        }
    }
    return buf;
}

static int write_table(const cl_compare *t, bool all, FILE *out)
{
    size_t ncols = 3 + t->ndocs, *w = calloc(ncols, sizeof *w);
    if (!w)
        return -1;
    char buf[CELL];
    const char *heads[] = {"indicator", "unit"};
    for (size_t c = 0; c < ncols; c++) {
        const char *h = c < 2 ? heads[c] : c < 2 + t->ndocs ? t->names[c - 2] : "check";
        w[c] = width(h, strlen(h));
    }
    for (size_t k = 0; k < t->nrows; k++)
        for (size_t c = 0; c + 1 < ncols && shown(t, &t->rows[k], all); c++) {
            row_field(t, &t->rows[k], c, buf);
            size_t x = width(buf, strlen(buf));
            w[c] = x > w[c] ? x : w[c];
        }
    for (size_t c = 0; c < ncols; c++) {
        const char *h = c < 2 ? heads[c] : c < 2 + t->ndocs ? t->names[c - 2] : "check";
        pad(out, h, strlen(h), c + 1 < ncols ? w[c] + 2 : 0);
    }
    fputc('\n', out);
    for (size_t k = 0; k < t->nrows; k++) {
        if (!shown(t, &t->rows[k], all))
            continue;
        size_t last = ncols - 1;   /* the last column with text: no spaces after it */
        while (last > 0 && !row_field(t, &t->rows[k], last, buf)[0])
            last--;
        for (size_t c = 0; c <= last; c++) {
            row_field(t, &t->rows[k], c, buf);
            pad(out, buf, strlen(buf), c < last ? w[c] + 2 : 0);
        }
        fputc('\n', out);
    }
    free(w);
    return ferror(out) ? -1 : 0;
}

/* -- CSV ------------------------------------------------------------------------------------- */

static void csv(FILE *out, const char *s, bool first)
{
    if (!first)
        fputc(',', out);
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static int write_csv(const cl_compare *t, bool all, FILE *out)
{
    char buf[CELL], v[CL_DEC_BUFSIZE];
    csv(out, "indicator", true);
    csv(out, "unit", false);
    csv(out, "modality", false);
    for (size_t d = 0; d < t->ndocs; d++) {
        csv(out, t->names[d], false);
        snprintf(buf, sizeof buf, "%s change", t->names[d]);
        csv(out, buf, false);
        if (d) {
            snprintf(buf, sizeof buf, "%s check", t->names[d]);
            csv(out, buf, false);
            snprintf(buf, sizeof buf, "%s implied", t->names[d]);
            csv(out, buf, false);
        }
    }
    fputs("\r\n", out);
    for (size_t k = 0; k < t->nrows; k++) {
        const cl_row *r = &t->rows[k];
        if (!shown(t, r, all))
            continue;
        const char *s;
        size_t n;
        cl_compare_label(t, r, &s, &n);
        snprintf(buf, sizeof buf, "%.*s", (int)n, s);
        csv(out, buf, true);
        csv(out, r->unit, false);
        csv(out, r->target ? "target" : "actual", false);
        for (size_t d = 0; d < t->ndocs; d++) {
            const cl_cell *c = &r->cells[d];
            csv(out, c->level ? dec_text(c->level->quantity.value, v) : "", false);
            buf[0] = '\0';
            if (c->change)
                change_text(t->docs[d], c->change, buf, sizeof buf);
            csv(out, buf, false);
            if (d) {
                csv(out, c->check.status ? cl_check_name(c->check.status) : "", false);
                buf[0] = '\0';
                if (c->check.status)
                    at_place(buf, sizeof buf, c->check.implied, c->check.step / 100);
                csv(out, buf, false);
            }
        }
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}

/* -- JSON ------------------------------------------------------------------------------------ */

static cJSON *span_text(const cl_doc *doc, cl_span s)
{
    return cl_json_text(cl_doc_text(doc) + s.start, s.end > s.start ? s.end - s.start : 0);
}

static double rounded(double x, double step)
{
    return round(x / step) * step;
}

static cJSON *cell_json(const cl_compare *t, size_t d, const cl_cell *c)
{
    if (!c->level)
        return cJSON_CreateNull();
    char v[CL_DEC_BUFSIZE];
    const cl_doc *doc = t->docs[d];
    cJSON *o = cJSON_CreateObject();
    uint32_t line, col;
    cJSON_AddItemToObject(o, "value", cJSON_CreateRaw(dec_text(c->level->quantity.value, v)));
    cJSON_AddNumberToObject(o, "count", (double)c->count);
    cJSON_AddItemToObject(o, "text", span_text(doc, c->level->span));
    cl_doc_position(doc, c->level->span.start, &line, &col);
    cJSON_AddNumberToObject(o, "line", line);
    if (c->change) {
        cJSON *ch = cJSON_AddObjectToObject(o, "change");
        const cl_quantity *q = &c->change->quantity;
        cJSON_AddStringToObject(ch, "direction", cl_direction_name(c->change->direction));
        cJSON_AddItemToObject(ch, "value", q->has_value ? cJSON_CreateRaw(dec_text(q->value, v))
                                                        : cJSON_CreateNull());
        cJSON_AddItemToObject(ch, "unit", q->has_value ? cJSON_CreateString(q->unit) : cJSON_CreateNull());
        cJSON_AddItemToObject(ch, "baseline", c->change->baseline.end > c->change->baseline.start
                                                  ? span_text(doc, c->change->baseline)
                                                  : cJSON_CreateNull());
        cJSON_AddItemToObject(ch, "text", span_text(doc, c->change->span));
    }
    if (c->check.status) {
        const cl_change_check *k = &c->check;
        cJSON *j = cJSON_AddObjectToObject(o, "check");
        cJSON_AddStringToObject(j, "status", cl_check_name(k->status));
        cJSON_AddStringToObject(j, "against", t->names[d - 1]);
        cJSON_AddNumberToObject(j, "stated", rounded(k->stated, k->step));
        cJSON_AddNumberToObject(j, "implied", rounded(k->implied, k->step / 100));
        cJSON_AddNumberToObject(j, "low", rounded(k->low, k->step / 100));
        cJSON_AddNumberToObject(j, "high", rounded(k->high, k->step / 100));
        cJSON_AddNumberToObject(j, "place", k->step);
        cJSON_AddBoolToObject(j, "as_points", k->as_points);
    }
    return o;
}

static int write_json(const cl_compare *t, bool all, FILE *out)
{
    cJSON *o = cJSON_CreateObject(), *docs = cJSON_AddArrayToObject(o, "documents");
    for (size_t d = 0; d < t->ndocs; d++)
        cJSON_AddItemToArray(docs, cl_json_text(cl_doc_name(t->docs[d]), strlen(cl_doc_name(t->docs[d]))));
    cJSON *rows = cJSON_AddArrayToObject(o, "rows");
    for (size_t k = 0; k < t->nrows; k++) {
        const cl_row *r = &t->rows[k];
        if (!shown(t, r, all))
            continue;
        cJSON *row = cJSON_CreateObject();
        cJSON_AddStringToObject(row, "indicator", r->key);
        cJSON_AddItemToObject(row, "subject", span_text(t->docs[r->first_doc], r->first->subject));
        cJSON_AddStringToObject(row, "unit", r->unit);
        cJSON_AddStringToObject(row, "modality", r->target ? "target" : "actual");
        cJSON *cells = cJSON_AddArrayToObject(row, "cells");
        for (size_t d = 0; d < t->ndocs; d++)
            cJSON_AddItemToArray(cells, cell_json(t, d, &r->cells[d]));
        cJSON_AddItemToArray(rows, row);
    }
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    int rc = s && fputs(s, out) >= 0 && fputc('\n', out) != EOF ? 0 : -1;
    cJSON_free(s);
    return rc;
}

int cl_compare_write(const cl_compare *t, cl_compare_format f, bool all, FILE *out)
{
    return f == CL_CMP_CSV ? write_csv(t, all, out) : f == CL_CMP_JSON ? write_json(t, all, out)
                                                                      : write_table(t, all, out);
}

/* -- the command ------------------------------------------------------------------------------ */

static const char usage[] =
    "usage: claimc compare [OPTIONS] FILE FILE...\n"
    "The claims of several reports side by side: one row per indicator (the subject where no\n"
    "indicator is known), one column per report, values in canonical units (CNY, %, t, ug/m3).\n"
    "Give the reports oldest first: a change a report states (同比下降5.9%) is checked against\n"
    "the level the report before it gives, within the rounding of the digits as written:\n"
    "  agrees           the implied level, rounded as the earlier report writes it, is its level\n"
    "  within rounding  not equal, but the ranges the digits allow overlap\n"
    "  DISAGREES        they do not\n"
    "\n"
    "  -f, --format FMT   table (default: aligned, for a terminal), csv (RFC 4180), json\n"
    "      --all          also the rows only one report has\n"
    "  -h, --help         this text\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read or parsed cleanly, 2 usage error.\n";

/* A column's name: the file's name without directory and extension (malloc'd). */
static char *short_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, base, n);
        s[n] = '\0';
    }
    return s;
}

int cl_compare_main(int argc, char **argv)
{
    cl_compare_format fmt = CL_CMP_TABLE;
    bool all = false;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"all", no_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        if (c == 'f' && strcmp(optarg, "table") == 0) fmt = CL_CMP_TABLE;
        else if (c == 'f' && strcmp(optarg, "csv") == 0) fmt = CL_CMP_CSV;
        else if (c == 'f' && strcmp(optarg, "json") == 0) fmt = CL_CMP_JSON;
        else if (c == 'a') all = true;
        else if (c == 'h') { fputs(usage, stdout); return 0; }
        else {
            if (c == 'f')
                fprintf(stderr, "claimc compare: unknown format '%s' (table, csv, json)\n", optarg);
            fprintf(stderr, "Try 'claimc compare --help'.\n");
            return 2;
        }
    }
    size_t n = argc > optind ? (size_t)(argc - optind) : 0;
    if (n < 2) {
        fprintf(stderr, "claimc compare: give two reports or more, oldest first\n"
                        "Try 'claimc compare --help'.\n");
        return 2;
    }
    cl_doc **docs = calloc(n, sizeof *docs);
    const char **names = calloc(n, sizeof *names);
    int status = 0;
    for (size_t i = 0; docs && names && i < n; i++) {
        const char *path = argv[optind + (int)i];
        unsigned char *data;
        size_t len;
        char why[256];
        if (!(names[i] = short_name(path)))
            break;
        if (!cl_read_path(path, &data, &len, why, sizeof why)) {
            fprintf(stderr, "%s: error: %s\n", path, why);
            status = 1;
            data = NULL;
            len = 0;
        }
        docs[i] = data ? cl_parse_adopt(path, data, len) : cl_parse(path, "", 0);
        if (!docs[i]) {
            fprintf(stderr, "%s: error: out of memory\n", path);
            status = 1;
            break;
        }
        for (size_t k = 0; k < cl_doc_diag_count(docs[i]); k++) {
            const cl_diag *d = cl_doc_diag(docs[i], k);
            uint32_t line, col;
            cl_doc_position(docs[i], d->span.start, &line, &col);
            fprintf(stderr, "%s:%u:%u: %s: %s (byte %u) [%s]\n", path, line, col,
                    d->severity == CL_SEV_ERROR ? "error" : "warning", d->message, d->span.start, d->code);
        }
        status |= cl_doc_failed(docs[i]);
    }
    cl_compare t;
    if (!docs || !names || !docs[n - 1] || !cl_compare_build(&t, docs, names, n)) {
        fprintf(stderr, "claimc compare: out of memory\n");
        status = 1;
    } else {
        if (cl_compare_write(&t, fmt, all, stdout) < 0 || fflush(stdout) != 0)
            status = 1;
        cl_compare_free(&t);
    }
    for (size_t i = 0; docs && i < n; i++)
        cl_doc_free(docs[i]);
    for (size_t i = 0; names && i < n; i++)
        free((char *)names[i]);
    free(docs);
    free(names);
    return status;
}
