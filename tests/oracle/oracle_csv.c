/* emit_csv.c — claims as CSV, one row per claim, for spreadsheets and SQL loaders.
 *
 * The test oracle: the writer as it was before the writer core (src/emit_*.c), kept to
 * check the core's bytes (tests/writers_same.c). Not part of the library.
 *
 * RFC 4180: CRLF row ends; a field with a comma, a quote, CR or LF is quoted and its quotes
 * doubled. Values are the exact decimal literals JSON prints; a JSON null is an empty field.
 * A progress claim has done and total instead of value; its unit, unit_text and approx are
 * those of done. A NUL byte in the text becomes U+FFFD, as in JSON. */
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

static const char header[] =
    "doc,id,kind,modality,subject,value,value_hi,unit,unit_text,approx,done,total,direction,"
    "baseline,section,line,column,start,end,text,indicator,meta\r\n";

int oracle_write_csv_header(FILE *out)
{
    return fputs(header, out) < 0 ? -1 : 0;
}

static bool needs_quotes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return true;
    return false;
}

/* One field; a comma goes before every field but a row's first. */
static void field_n(FILE *out, const char *s, size_t n, bool first)
{
    if (!first)
        fputc(',', out);
    bool q = needs_quotes(s, n);
    if (q)
        fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputs("\"\"", out);
        else if (s[i] == '\0')
            fputs("\xEF\xBF\xBD", out);
        else
            fputc(s[i], out);
    }
    if (q)
        fputc('"', out);
}

static void field(FILE *out, const char *s)
{
    field_n(out, s ? s : "", s ? strlen(s) : 0, false);
}

static void field_span(FILE *out, const cl_doc *doc, cl_span s)
{
    field_n(out, cl_doc_text(doc) + s.start, s.end > s.start ? s.end - s.start : 0, false);
}

static void field_uint(FILE *out, unsigned long long v)
{
    fprintf(out, ",%llu", v);
}

static void field_dec(FILE *out, bool has, cl_dec d)
{
    char buf[CL_DEC_BUFSIZE];
    field(out, has ? cl_dec_format(d, buf) : NULL);
}

/* The heading path, outermost first, joined with " > " (the JSONL `section` list). */
static void field_section(FILE *out, const cl_doc *doc, const cl_section *s)
{
    const cl_section *chain[64];
    int n = 0;
    for (; s && n < 64; s = s->parent)
        chain[n++] = s;
    fputc(',', out);
    /* build the joined text first: quoting depends on all of it */
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return;
    while (n-- > 0) {
        cl_span t = chain[n]->title.end > chain[n]->title.start ? chain[n]->title
                                                                  : chain[n]->marker;
        fwrite(cl_doc_text(doc) + t.start, 1, t.end - t.start, m);
        if (n > 0)
            fputs(" > ", m);
    }
    fclose(m);
    field_n(out, buf, len, true);
    free(buf);
}

int oracle_write_csv(const cl_doc *doc, FILE *out)
{
    for (size_t i = 0; i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        bool progress = c->kind == CL_PROGRESS;
        const cl_quantity *q = progress ? &c->done : &c->quantity;
        field_n(out, cl_doc_name(doc), strlen(cl_doc_name(doc)), true);
        field_uint(out, i);
        field(out, cl_kind_name(c->kind));
        field(out, c->modality == CL_TARGET ? "target" : "actual");
        field_span(out, doc, c->subject);
        field_dec(out, !progress && q->has_value, q->value);
        field_dec(out, !progress && q->has_hi, q->value_hi);
        field(out, q->has_value ? q->unit : NULL);
        field_span(out, doc, q->unit_text);
        field(out, cl_approx_name(q->approx));
        field_dec(out, progress && c->done.has_value, c->done.value);
        field_dec(out, progress && c->total.has_value, c->total.value);
        field(out, c->kind == CL_CHANGE ? cl_direction_name(c->direction) : NULL);
        field_span(out, doc, c->kind == CL_CHANGE ? c->baseline : (cl_span){0, 0});
        field_section(out, doc, c->section);
        uint32_t line, column;
        cl_doc_position(doc, c->span.start, &line, &column);
        field_uint(out, line);
        field_uint(out, column);
        field_uint(out, c->span.start);
        field_uint(out, c->span.end);
        field_span(out, doc, c->span);
        field(out, c->indicator);
        field(out, doc->meta);
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}
