/* emit_tokens.c — the raw token stream with spans and values: what a rule author reads first.
 *
 * One token a line, tab separated: start end line:col TYPE text attributes. Spaces and
 * newlines are left out. Written into the writer core's buffer; line and column from a cursor
 * that moves forwards with the tokens (textpos.h). */
#include "emit.h"
#include "lexer.h"
#include "units.h"

static const char *const kw_class_names[] = {  /* ORDER KW */
    "BASE", "CMP", "DIR", "COP", "DISTR", "ALL", "TOTAL", "DONE", "HAS", "MODAL", "TO", "ACHV",
    "RANK", "VERB", "SCOPE", "APPROX", "LE", "AND", "NAME", "WORD", "FULL"};

/* The token's bytes: tab, line breaks and NUL as \t \n \r \0; an invalid byte as \xHH. At most
 * four bytes a byte. */
static char *w_text(char *o, const cl_doc *doc, const cl_rawtok *t)
{
    static const char hex[] = "0123456789ABCDEF";
    for (uint32_t i = t->start; i < t->end; i++) {
        char c = doc->source[i];   /* as written (the lexer read the shadow) */
        if (c == '\t' || c == '\n' || c == '\r' || c == '\0') {
            *o++ = '\\';
            *o++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '0';
        } else if (t->type == CL_RT_INVALID) {
            *o++ = '\\';
            *o++ = 'x';
            *o++ = hex[(unsigned char)c >> 4];
            *o++ = hex[c & 15];
        } else {
            *o++ = c;
        }
    }
    return o;
}

static char *w_int(char *o, long v)   /* printf's %d */
{
    if (v < 0) {
        *o++ = '-';
        return cl_w_uint(o, (uint64_t)-v);
    }
    return cl_w_uint(o, (uint64_t)v);
}

static char *w_str(char *o, const char *s)   /* printf's %s, which prints NULL as (null) */
{
    s = s ? s : "(null)";
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
}

static char *w_attributes(char *o, const cl_doc *doc, const cl_rawtok *t)
{
    switch (t->type) {
    case CL_RT_NUM: case CL_RT_PCT: case CL_RT_FRAC: case CL_RT_ORD:
        if (t->overflow) {
            o = CL_LIT(o, "overflow");
        } else {
            o = CL_LIT(o, "value=");
            o = cl_w_dec(o, t->num);
        }
        if (t->has_hi) {
            o = CL_LIT(o, " value_hi=");
            o = cl_w_dec(o, t->num_hi);
        }
        if (t->cn)
            o = CL_LIT(o, " chinese");
        return o;
    case CL_RT_UNIT:
        o = CL_LIT(o, "unit=");
        o = w_str(o, cl_units[t->id].canonical);
        o = CL_LIT(o, " exp10=");
        return w_int(o, cl_units[t->id].exp10);
    case CL_RT_MULT:
        o = CL_LIT(o, "exp10=");
        return w_int(o, t->id);
    case CL_RT_SUFFIX:
        o = CL_LIT(o, "approx=");
        return w_str(o, cl_approx_name((cl_approx)t->id));
    case CL_RT_LIST:
        o = CL_LIT(o, "level=");
        return w_int(o, t->id);
    case CL_RT_KW:
        o = CL_LIT(o, "class=");
        return w_str(o, kw_class_names[t->id]);
    case CL_RT_NAME: {   /* the normalised spelling, when it differs: PM₁₀ norm=PM10 */
        char norm[128];
        const unsigned char *s = (const unsigned char *)doc->text + t->start;
        size_t n = cl_name_normalise(s, s + (t->end - t->start), norm, sizeof norm);
        if (*s != '[' && *s != '#' && (n != t->end - t->start || memcmp(norm, s, n) != 0)) {
            o = CL_LIT(o, "norm=");
            o = w_str(o, norm);
        }
        return o;
    }
    default:
        return o;
    }
}

int cl_tokens_write(cl_wbuf *b, const cl_doc *doc)
{
    cl_textpos pos;
    cl_textpos_init(&pos, doc->source, doc->source_len);
    cl_lexer lx;
    cl_lexer_init(&lx, doc->text, doc->len);
    cl_rawtok t;
    while (cl_lex(&lx, &t) != CL_RT_END) {
        if (t.type == CL_RT_SPACE || t.type == CL_RT_NEWLINE)
            continue;
        cl_rawtok shown = t;   /* where it is in the input: past the glosses the shadow left out */
        if (doc->glosses.len)
            shown.start = cl_doc_source_at(doc, t.start), shown.end = cl_doc_source_at(doc, t.end);
        char *o = cl_wbuf_room(b, 4 * (size_t)(shown.end - shown.start) + 512);
        if (!o)
            break;
        uint32_t line, column;
        cl_textpos_at(&pos, shown.start, &line, &column);
        o = cl_w_uint(o, shown.start);
        *o++ = '\t';
        o = cl_w_uint(o, shown.end);
        *o++ = '\t';
        o = cl_w_uint(o, line);
        *o++ = ':';
        o = cl_w_uint(o, column);
        *o++ = '\t';
        o = w_str(o, cl_rt_name(t.type));
        *o++ = '\t';
        o = w_text(o, doc, &shown);
        *o++ = '\t';
        o = w_attributes(o, doc, &t);
        *o++ = '\n';
        cl_wbuf_end(b, o);
    }
    return b->failed ? -1 : 0;
}

int cl_write_tokens(const cl_doc *doc, FILE *out)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_tokens_write(&b, doc);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
