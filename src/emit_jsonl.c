/* emit_jsonl.c — the claims as JSON Lines, written straight into a buffer, without cJSON trees.
 *
 * Building one cJSON tree per claim and printing it was half of the whole pipeline's time
 * (cJSON prints every number with sprintf("%1.15g") and reads it back with sscanf). This writer
 * produces the same bytes as the cJSON one (cl_write_jsonl_cjson in emit_json.c, which
 * tests/jsonl_same.c compares it with): same key order, integers as cJSON prints them, values
 * as exact decimal literals, strings escaped as cJSON does (only " \ and bytes below 0x20; UTF-8
 * is left as is), and, as emit_json.c's text_string does, NUL and each byte of an invalid UTF-8
 * sequence as U+FFFD.
 *
 * Line and column come from a cursor local to the call, so the document is only read. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "emit.h"
#include "utf8.h"

#define FLUSH_AT (1 << 16)   /* write to the FILE in chunks of about this size */

/* -- the output buffer ----------------------------------------------------------------------- */

/* Room for a whole claim is made once (claim_bound), so the writers below store without checks:
 * each takes the output position and returns the position after what it wrote. */
typedef struct {
    char *p;
    size_t len, cap;
    FILE *out;
    bool failed;
} jbuf;

static bool reserve(jbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->cap - b->len >= n)
        return true;
    size_t cap = b->cap ? b->cap : FLUSH_AT * 2;
    while (cap - b->len < n) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

static void flush(jbuf *b)
{
    if (!b->failed && b->len && fwrite(b->p, 1, b->len, b->out) != b->len)
        b->failed = true;
    b->len = 0;
}

#define LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

/* -- values ---------------------------------------------------------------------------------- */

/* An integer as cJSON prints a number ("%1.15g"): plain digits below 10^15, which covers every
 * offset, line, column and id (offsets are 32-bit). At most 20 bytes. */
static char *w_uint(char *o, uint64_t v)
{
    char tmp[20];
    int n = 0;
    do {
        tmp[sizeof tmp - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(o, tmp + sizeof tmp - n, (size_t)n);
    return o + n;
}

/* An exact decimal literal, as emit_json.c's cJSON_CreateRaw prints it. At most 64 bytes. */
#define DEC_MAX 64
static char *w_dec(char *o, cl_dec d)
{
    cl_dec_format(d, o);
    return o + strlen(o);
}

/* What each ASCII byte needs: 0 copied as is; cJSON's two-character escape for " \ \b \f \n \r
 * \t; 'u' \u00xx (lower case) for the other bytes below 0x20; 'z' U+FFFD for NUL (cJSON strings
 * end at NUL). */
static const char ascii_class[128] = {
    ['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
    ['\t'] = 't', [0x00] = 'z',
    [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u', [0x06] = 'u',
    [0x07] = 'u', [0x0B] = 'u', [0x0E] = 'u', [0x0F] = 'u', [0x10] = 'u', [0x11] = 'u',
    [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u',
    [0x18] = 'u', [0x19] = 'u', [0x1A] = 'u', [0x1B] = 'u', [0x1C] = 'u', [0x1D] = 'u',
    [0x1E] = 'u', [0x1F] = 'u',
};

/* N bytes of S as a JSON string, always valid UTF-8: as text_string and cJSON print it.
 * At most STRING_MAX(N) bytes. */
#define STRING_MAX(n) ((n) * 6 + 2)   /* the worst case: every byte a \u00xx */
static char *w_string(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    *o++ = '"';
    size_t run = 0;   /* bytes since the last change, copied in one go */
    for (size_t i = 0; i < n;) {
        char k;
        unsigned char c = u[i];
        if (c < 0x80) {
            if (!(k = ascii_class[c])) {
                i++;
                continue;
            }
        } else if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
                   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            i += 3;   /* the common case, CJK: a three-byte sequence with no special range */
            continue;
        } else {      /* a valid sequence is copied; each byte of an invalid one is U+FFFD */
            size_t len = cl_utf8_len(u + i, n - i);
            if (len) {
                i += len;
                continue;
            }
            k = 'z';
        }
        memcpy(o, s + run, i - run);
        o += i - run;
        if (k == 'z') {
            o = LIT(o, "\xEF\xBF\xBD");
        } else if (k == 'u') {
            o = LIT(o, "\\u00");
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        } else {
            *o++ = '\\';
            *o++ = k;
        }
        run = ++i;
    }
    memcpy(o, s + run, n - run);
    o += n - run;
    *o++ = '"';
    return o;
}

static char *w_span(char *o, const cl_doc *doc, cl_span s)
{
    return w_string(o, doc->text + s.start, s.end - s.start);
}

static char *w_span_or_null(char *o, const cl_doc *doc, cl_span s)
{
    return s.end > s.start ? w_span(o, doc, s) : LIT(o, "null");
}

static char *w_name_or_null(char *o, const char *name)
{
    return name ? w_string(o, name, strlen(name)) : LIT(o, "null");
}

/* -- line and column ------------------------------------------------------------------------- */

/* The answers of cl_doc_position, from a cursor that moves both ways, a move costing the distance
 * moved (and the line's length when moving back over a line break), never a rescan from the
 * start. As there, a line ends at LF, at CRLF or at a lone CR (the byte after a CR decides; the
 * text ends with a NUL), and the column is 1 + the code points since the line began, CR not
 * counted. */
void cl_textpos_init(cl_textpos *p, const char *text, size_t len)
{
    p->text = (const unsigned char *)text;
    p->len = len;
    p->offset = 0;
    p->line = p->column = 1;
}

/* The bytes of S[0..N) that start a code point (are not 10xxxxxx), eight at a time. */
static uint32_t code_points(const unsigned char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101u;
    size_t i = 0;
    uint64_t k = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t cont = (x >> 7) & ~(x >> 6) & ones;   /* 1 in each continuation byte */
        k += 8 - ((cont * ones) >> 56);
    }
    for (; i < n; i++)
        k += (s[i] & 0xC0) != 0x80;
    return (uint32_t)k;
}

static bool is_break(const unsigned char *c)
{
    return c[0] == '\n' || (c[0] == '\r' && c[1] != '\n');
}

/* The line breaks in [S, E), and the columns after the last of them (or from S, if none). */
static void measure(const unsigned char *s, const unsigned char *e, uint32_t *breaks,
                    uint32_t *columns)
{
    const unsigned char *from = s, *c;
    uint32_t n = 0, crs = 0;
    for (const unsigned char *p = s; p < e && (c = memchr(p, '\n', (size_t)(e - p))); p = c + 1) {
        n++;
        from = c + 1;
    }
    for (const unsigned char *p = s; p < e && (c = memchr(p, '\r', (size_t)(e - p))); p = c + 1)
        if (c[1] != '\n') {
            n++;
            if (c + 1 > from)
                from = c + 1;
        }
    for (const unsigned char *p = from; p < e && (c = memchr(p, '\r', (size_t)(e - p)));
         p = c + 1)
        crs++;   /* the CR of a CRLF whose LF is at E: no column */
    *breaks = n;
    *columns = code_points(from, (size_t)(e - from)) - crs;
}

void cl_textpos_at(cl_textpos *p, size_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > p->len)
        offset = p->len;
    uint32_t breaks, columns;
    if (offset >= p->offset) {
        measure(p->text + p->offset, p->text + offset, &breaks, &columns);
        p->line += breaks;
        p->column = breaks ? 1 + columns : p->column + columns;
    } else {
        measure(p->text + offset, p->text + p->offset, &breaks, &columns);
        if (!breaks) {
            p->column -= columns;
        } else {
            p->line -= breaks;
            size_t start = offset;   /* back to the start of the line */
            while (start > 0 && !is_break(p->text + start - 1))
                start--;
            measure(p->text + start, p->text + offset, &breaks, &columns);
            p->column = 1 + columns;
        }
    }
    p->offset = offset;
    *line = p->line;
    *column = p->column;
}

/* -- the claim ------------------------------------------------------------------------------- */

/* The headings from the outermost down, as cl_section_path_json takes them (64 at most). */
static int section_chain(const cl_section *s, const cl_section **chain)
{
    int n = 0;
    for (; s && n < 64; s = s->parent)
        chain[n++] = s;
    return n;
}

static cl_span section_title(const cl_section *s)
{
    return s->title.end > s->title.start ? s->title : s->marker;
}

static size_t span_len(cl_span s)
{
    return s.end > s.start ? s.end - s.start : 0;
}

/* An upper bound of the bytes the claim takes: its strings at their worst, and 2 KB for the
 * keys, numbers (at most 20 bytes), decimals (DEC_MAX) and names, which need under 1 KB. */
static size_t claim_bound(const cl_doc *doc, const cl_claim *c, const cl_section *const *chain,
                          int depth)
{
    size_t text = span_len(c->span) + span_len(c->subject) + span_len(c->baseline) +
                  strlen(doc->name);
    const cl_quantity *qs[] = {&c->quantity, &c->done, &c->total};
    for (int i = 0; i < 3; i++)
        text += span_len(qs[i]->unit_text) + span_len(qs[i]->span) +
                (qs[i]->unit ? strlen(qs[i]->unit) : 0);
    for (int i = 0; i < depth; i++)
        text += span_len(section_title(chain[i])) + 1;
    return 2048 + STRING_MAX(text) + 16 * (size_t)depth;
}

static char *w_span_object(char *o, cl_textpos *pos, cl_span s, bool with_position)
{
    o = LIT(o, "{\"start\":");
    o = w_uint(o, s.start);
    o = LIT(o, ",\"end\":");
    o = w_uint(o, s.end);
    if (with_position) {
        uint32_t line, column;
        cl_textpos_at(pos, s.start, &line, &column);
        o = LIT(o, ",\"line\":");
        o = w_uint(o, line);
        o = LIT(o, ",\"column\":");
        o = w_uint(o, column);
    }
    return LIT(o, "}");
}

static char *w_quantity(char *o, const cl_doc *doc, cl_textpos *pos, const cl_quantity *q)
{
    o = LIT(o, "{\"type\":\"Quantity\",\"value\":");
    o = q->has_value ? w_dec(o, q->value) : LIT(o, "null");
    if (q->has_hi) {
        o = LIT(o, ",\"value_hi\":");
        o = w_dec(o, q->value_hi);
    }
    if (!q->has_value) {
        o = LIT(o, ",\"unit\":null");
    } else if (q->unit) {   /* cJSON drops a key whose string is NULL */
        o = LIT(o, ",\"unit\":");
        o = w_string(o, q->unit, strlen(q->unit));
    }
    o = LIT(o, ",\"unit_text\":");
    o = w_span_or_null(o, doc, q->unit_text);
    o = LIT(o, ",\"approx\":");
    o = w_name_or_null(o, cl_approx_name(q->approx));
    o = LIT(o, ",\"raw\":");
    o = w_span_or_null(o, doc, q->span);
    o = LIT(o, ",\"span\":");
    o = w_span_object(o, pos, q->span, false);
    return LIT(o, "}");
}

static char *w_claim(char *o, const cl_doc *doc, cl_textpos *pos, const cl_claim *c, size_t id)
{
    o = LIT(o, "{\"type\":\"Claim\",\"id\":");
    o = w_uint(o, id);
    o = LIT(o, ",\"kind\":");
    o = w_name_or_null(o, cl_kind_name(c->kind));
    o = c->modality == CL_TARGET ? LIT(o, ",\"modality\":\"target\"")
                                 : LIT(o, ",\"modality\":\"actual\"");
    o = LIT(o, ",\"span\":");
    o = w_span_object(o, pos, c->span, true);
    o = LIT(o, ",\"text\":");
    o = w_span(o, doc, c->span);
    o = LIT(o, ",\"subject\":");
    o = w_span_or_null(o, doc, c->subject);
    if (c->kind == CL_PROGRESS) {
        o = LIT(o, ",\"done\":");
        o = w_quantity(o, doc, pos, &c->done);
        o = LIT(o, ",\"total\":");
        o = w_quantity(o, doc, pos, &c->total);
    } else {
        o = LIT(o, ",\"quantity\":");
        o = w_quantity(o, doc, pos, &c->quantity);
    }
    if (c->kind == CL_CHANGE) {
        o = LIT(o, ",\"direction\":");
        o = w_name_or_null(o, cl_direction_name(c->direction));
        o = LIT(o, ",\"baseline\":");
        o = w_span_or_null(o, doc, c->baseline);
    }
    if (c->distributive)
        o = LIT(o, ",\"distributive\":true");
    return o;
}

/* The tail of a claim's line: "doc" and "section", the same for every claim of a section (a
 * heading's title may be a whole sentence: escaping it again for each claim was a tenth of
 * this writer's time, so cl_write_jsonl keeps the last one). */
static char *w_tail(char *o, const cl_doc *doc, const cl_section *const *chain, int depth)
{
    o = LIT(o, ",\"doc\":");
    o = w_string(o, doc->name, strlen(doc->name));
    o = LIT(o, ",\"section\":[");
    for (int i = depth - 1; i >= 0; i--) {
        o = w_span(o, doc, section_title(chain[i]));
        if (i)
            *o++ = ',';
    }
    return LIT(o, "]}\n");
}

int cl_write_jsonl(const cl_doc *doc, FILE *out)
{
    jbuf b = {.out = out};
    cl_textpos pos;
    cl_textpos_init(&pos, doc->text, doc->len);
    char *tail = NULL;             /* w_tail of tail_section, tail_len bytes */
    size_t tail_len = 0;
    const cl_section *tail_section = NULL;
    for (size_t i = 0; i < doc->claims.len; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        const cl_section *chain[64];
        int depth = section_chain(c->section, chain);
        if (!tail || c->section != tail_section) {
            free(tail);
            size_t bound = 64 + STRING_MAX(strlen(doc->name));
            for (int k = 0; k < depth; k++)
                bound += STRING_MAX(span_len(section_title(chain[k]))) + 1;
            tail = malloc(bound);
            if (!tail) {
                b.failed = true;
                break;
            }
            tail_len = (size_t)(w_tail(tail, doc, chain, depth) - tail);
            tail_section = c->section;
        }
        if (!reserve(&b, claim_bound(doc, c, chain, depth)))
            break;
        char *o = w_claim(b.p + b.len, doc, &pos, c, i);
        memcpy(o, tail, tail_len);
        b.len = (size_t)(o + tail_len - b.p);
        if (b.len >= FLUSH_AT)
            flush(&b);
    }
    flush(&b);
    free(tail);
    free(b.p);
    return b.failed ? -1 : 0;
}
