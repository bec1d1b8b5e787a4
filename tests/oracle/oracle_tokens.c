/* emit_tokens.c — the raw token stream with spans and values: what a rule author reads first.
 *
 * The test oracle: the writer as it was before the writer core (src/emit_*.c), kept to
 * check the core's bytes (tests/writers_same.c). Not part of the library.
 *
 * One token a line, tab separated: start end line:col TYPE text attributes. Spaces and
 * newlines are left out. */
#include <string.h>

#include "oracle.h"
#include "ast.h"
#include "lexer.h"
#include "units.h"

static const char *const kw_class_names[] = {  /* ORDER KW */
    "BASE", "CMP", "DIR", "COP", "DISTR", "ALL", "TOTAL", "DONE", "HAS", "MODAL", "TO", "ACHV",
    "RANK", "VERB", "SCOPE", "APPROX", "LE", "AND", "NAME", "WORD", "FULL"};

static void print_text(FILE *out, const cl_doc *doc, const cl_rawtok *t)
{
    for (uint32_t i = t->start; i < t->end; i++) {
        char c = doc->source[i];
        if (c == '\t' || c == '\n' || c == '\r' || c == '\0')
            fputs(c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\0", out);
        else if (t->type == CL_RT_INVALID)
            fprintf(out, "\\x%02X", (unsigned char)c);
        else
            fputc(c, out);
    }
}

/* Line and column of token starts, in order: walked forward from the previous token instead of
 * asking cl_doc_position() for each (which walks up to a checkpoint's 4096 bytes every time and
 * took 80 % of the run). The counting rule is ast.c's: LF, CR LF or a lone CR ends a line; the
 * column counts code points. */
typedef struct { uint32_t offset, line, column; } position;

static void position_to(const cl_doc *doc, position *p, uint32_t offset)
{
    for (; p->offset < offset; p->offset++) {
        unsigned char c = (unsigned char)doc->source[p->offset];
        if (c == '\n' || (c == '\r' && doc->source[p->offset + 1] != '\n')) {
            p->line++;
            p->column = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            p->column++;
        }
    }
}

int oracle_write_tokens(const cl_doc *doc, FILE *out)
{
    position pos = {0, 1, 1};
    cl_lexer lx;
    cl_lexer_init(&lx, doc->text, doc->len);
    cl_rawtok t;
    char buf[64];
    while (cl_lex(&lx, &t) != CL_RT_END) {
        if (t.type == CL_RT_SPACE || t.type == CL_RT_NEWLINE)
            continue;
        cl_rawtok shown = t;   /* in the input: past the pinyin glosses the shadow left out */
        shown.start = cl_doc_source_at(doc, t.start);
        shown.end = cl_doc_source_at(doc, t.end);
        position_to(doc, &pos, shown.start);
        fprintf(out, "%u\t%u\t%u:%u\t%s\t", shown.start, shown.end, pos.line, pos.column,
                cl_rt_name(t.type));
        print_text(out, doc, &shown);
        fputc('\t', out);
        switch (t.type) {
        case CL_RT_NUM: case CL_RT_PCT: case CL_RT_FRAC: case CL_RT_ORD:
            if (t.overflow)
                fputs("overflow", out);
            else
                fprintf(out, "value=%s", cl_dec_format(t.num, buf));
            if (t.has_hi)
                fprintf(out, " value_hi=%s", cl_dec_format(t.num_hi, buf));
            if (t.cn)
                fputs(" chinese", out);
            break;
        case CL_RT_UNIT:
            fprintf(out, "unit=%s exp10=%d", cl_units[t.id].canonical, cl_units[t.id].exp10);
            break;
        case CL_RT_MULT:
            fprintf(out, "exp10=%d", t.id);
            break;
        case CL_RT_SUFFIX:
            fprintf(out, "approx=%s", cl_approx_name((cl_approx)t.id));
            break;
        case CL_RT_LIST:
            fprintf(out, "level=%d", t.id);
            break;
        case CL_RT_KW:
            fprintf(out, "class=%s", kw_class_names[t.id]);
            break;
        case CL_RT_NAME: {   /* the normalised spelling, when it differs: PM₁₀ norm=PM10 */
            char norm[128];
            const unsigned char *s = (const unsigned char *)doc->text + t.start;
            size_t n = cl_name_normalise(s, s + (t.end - t.start), norm, sizeof norm);
            if (*s != '[' && *s != '#' && (n != t.end - t.start || memcmp(norm, s, n) != 0))
                fprintf(out, "norm=%s", norm);
            break;
        }
        default:
            break;
        }
        if (fputc('\n', out) == EOF)
            return -1;
    }
    return 0;
}
