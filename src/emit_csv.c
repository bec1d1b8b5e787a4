/* emit_csv.c — claims as CSV, one row per claim, for spreadsheets and SQL loaders.
 *
 * RFC 4180: CRLF row ends; a field with a comma, a quote, CR or LF is quoted and its quotes
 * doubled. Values are the exact decimal literals JSON prints; a JSON null is an empty field.
 * A progress claim has done and total instead of value; its unit, unit_text and approx are
 * those of done. The last column, meta, holds an --input jsonl record's other fields as a
 * JSON object (empty for none): one column whatever the records hold. A NUL byte in the text becomes U+FFFD, as in JSON. Written into the writer
 * core's buffer (wbuf.h); line and column come from a cursor over the document. */
#include <stdlib.h>

#include "emit.h"

static const char header[] =
    "doc,id,kind,modality,subject,value,value_hi,unit,unit_text,approx,done,total,direction,"
    "baseline,section,line,column,start,end,text,indicator,meta\r\n";

int cl_write_csv_header(FILE *out)
{
    return fputs(header, out) < 0 ? -1 : 0;
}

/* The room a field of N bytes may take: every byte a quote doubled or a NUL as U+FFFD. */
#define FIELD_MAX(n) (3 * (n) + 3)

/* One field, after its comma: quoted when it holds , " CR or LF. */
static char *w_field(char *o, const char *s, size_t n)
{
    size_t i = 0;
    bool quote = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            quote = true;
        else if (c != '\0')
            continue;
        break;
    }
    if (i == n) {   /* the usual case: nothing to quote, nothing to replace */
        memcpy(o, s, n);
        return o + n;
    }
    for (size_t k = i; !quote && k < n; k++)
        quote = s[k] == ',' || s[k] == '"' || s[k] == '\r' || s[k] == '\n';
    if (quote)
        *o++ = '"';
    memcpy(o, s, i);
    o += i;
    for (; i < n; i++) {
        if (s[i] == '"')
            o = CL_LIT(o, "\"\"");
        else if (s[i] == '\0')
            o = CL_LIT(o, "\xEF\xBF\xBD");
        else
            *o++ = s[i];
    }
    if (quote)
        *o++ = '"';
    return o;
}

static char *w_str(char *o, const char *s)   /* a name, or empty for NULL */
{
    *o++ = ',';
    return s ? w_field(o, s, strlen(s)) : o;
}

static char *w_span(char *o, const cl_doc *doc, cl_span s)
{
    *o++ = ',';
    return w_field(o, doc->source + s.start, cl_span_len(s));
}

static char *w_dec(char *o, bool has, cl_dec d)
{
    *o++ = ',';
    return has ? cl_w_dec(o, d) : o;
}

static char *w_uint(char *o, uint64_t v)
{
    *o++ = ',';
    return cl_w_uint(o, v);
}

/* The heading path, outermost first, joined with " > " (the JSONL `section` list): the same
 * for every claim of a section, so the last one is kept. */
typedef struct {
    char *p;
    size_t len, cap;
    const cl_section *section;
    bool valid;
} joined_path;

static bool join_path(joined_path *j, const cl_doc *doc, const cl_section *s)
{
    if (j->valid && j->section == s)
        return true;
    const cl_section *chain[64], *sec = s;
    int n = 0;
    size_t need = 1;
    for (; s && n < 64; s = s->parent) {
        chain[n++] = s;
        need += cl_span_len(cl_section_title(s)) + 3;
    }
    if (need > j->cap) {
        char *p = realloc(j->p, need);
        if (!p)
            return false;
        j->p = p;
        j->cap = need;
    }
    j->len = 0;
    while (n-- > 0) {
        cl_span t = cl_section_title(chain[n]);
        memcpy(j->p + j->len, doc->source + t.start, cl_span_len(t));
        j->len += cl_span_len(t);
        if (n > 0) {
            memcpy(j->p + j->len, " > ", 3);
            j->len += 3;
        }
    }
    j->section = sec;
    j->valid = true;
    return true;
}

/* One row: a column is one line here, and one name in the header above. */
static char *w_row(char *o, const cl_doc *doc, const cl_claim *c, size_t id, uint32_t line,
                   uint32_t column, const joined_path *path, const char *meta)
{
    bool progress = c->kind == CL_PROGRESS;
    const cl_quantity *q = progress ? &c->done : &c->quantity;
    o = w_field(o, doc->name, strlen(doc->name));
    o = w_uint(o, id);
    o = w_str(o, cl_kind_name(c->kind));
    o = w_str(o, c->modality == CL_TARGET ? "target" : "actual");
    o = w_span(o, doc, c->subject);
    o = w_dec(o, !progress && q->has_value, q->value);
    o = w_dec(o, !progress && q->has_hi, q->value_hi);
    o = w_str(o, q->has_value ? q->unit : NULL);
    o = w_span(o, doc, q->unit_text);
    o = w_str(o, cl_approx_name(q->approx));
    o = w_dec(o, progress && c->done.has_value, c->done.value);
    o = w_dec(o, progress && c->total.has_value, c->total.value);
    o = w_str(o, c->kind == CL_CHANGE ? cl_direction_name(c->direction) : NULL);
    o = w_span(o, doc, c->kind == CL_CHANGE ? c->baseline : (cl_span){0, 0});
    *o++ = ',';
    o = w_field(o, path->p, path->len);
    o = w_uint(o, line);
    o = w_uint(o, column);
    o = w_uint(o, c->span.start);
    o = w_uint(o, c->span.end);
    o = w_span(o, doc, c->span);
    o = w_str(o, c->indicator);   /* the canonical indicator (grammar/indicators.tsv), or empty */
    o = w_str(o, meta);   /* the record's fields as JSON (meta.c), or empty */
    return CL_LIT(o, "\r\n");
}

/* Rows one claim at a time: from a parsed document (cl_csv_write), or as a streaming parse
 * hands the claims out (cl_parse_adopt_each, for --format csv), so a document's claims are
 * never all in memory. */
struct cl_csv_writer {
    cl_wbuf *b;
    const cl_doc *doc;
    const char *meta;    /* cl_csv_meta's, else the document's own */
    cl_textpos pos;
    joined_path path;
};

cl_csv_writer *cl_csv_open_buf(cl_wbuf *b)
{
    cl_csv_writer *w = calloc(1, sizeof *w);
    if (w)
        w->b = b;
    return w;
}

void cl_csv_meta(cl_csv_writer *w, const char *meta)
{
    w->meta = meta;
}

bool cl_csv_take(void *writer, const cl_doc *doc, const cl_claim *c, size_t id)
{
    cl_csv_writer *w = writer;
    if (w->doc != doc) {   /* the first claim of a document */
        w->doc = doc;
        cl_textpos_init(&w->pos, doc->source, doc->source_len);
        w->path.valid = false;
    }
    w->pos.first_cr = doc->first_cr;   /* a streaming parse may have lexed a CR since */
    const char *meta = w->meta ? w->meta : doc->meta;
    if (!join_path(&w->path, doc, c->section)) {
        w->b->failed = true;
        return false;
    }
    size_t text = strlen(doc->name) + w->path.len + cl_span_len(c->subject) +
                  cl_span_len(c->span) + cl_span_len(c->quantity.unit_text) +
                  cl_span_len(c->done.unit_text) + cl_span_len(c->baseline);
    const char *unit = c->kind == CL_PROGRESS ? c->done.unit : c->quantity.unit;
    text += (unit ? strlen(unit) : 0) + (meta ? strlen(meta) : 0) +
            (c->indicator ? strlen(c->indicator) : 0);
    char *o = cl_wbuf_room(w->b, FIELD_MAX(text) + 20 * CL_DEC_MAX + 512);
    if (!o)
        return false;
    uint32_t line, column;
    cl_textpos_at(&w->pos, c->span.start, &line, &column);
    cl_wbuf_end(w->b, w_row(o, doc, c, id, line, column, &w->path, meta));
    return !w->b->failed;
}

int cl_csv_close(cl_csv_writer *w)
{
    if (!w)
        return -1;
    cl_wbuf_flush(w->b);
    int rc = w->b->failed ? -1 : 0;
    free(w->path.p);
    free(w);
    return rc;
}

int cl_csv_write(cl_wbuf *b, const cl_doc *doc)
{
    cl_csv_writer *w = cl_csv_open_buf(b);
    if (!w)
        return -1;
    for (size_t i = 0; i < doc->claims.len; i++)
        if (!cl_csv_take(w, doc, cl_doc_claim(doc, i), i))
            break;
    return cl_csv_close(w);
}

int cl_write_csv(const cl_doc *doc, FILE *out)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_csv_write(&b, doc);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
