/* check_findings.c — claimc check's shared parts: words and numbers of the text, and the
 * findings the rules add. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "check_findings.h"

/* -- text and numbers ------------------------------------------------------------------------ */

bool cl_ck_has_word(const cl_doc *doc, uint32_t start, uint32_t end, const char *w)
{
    /* the text the rules read: simplified, without pinyin glosses (超額(é)完成 is 超额完成) */
    const char *t = doc->text;
    if (doc->glosses.len) {
        start = cl_doc_shadow_at(doc, start);
        end = cl_doc_shadow_at(doc, end);
    }
    size_t n = strlen(w);
    for (uint32_t i = start; i + n <= end; i++)
        if (memcmp(t + i, w, n) == 0)
            return true;
    return false;
}

const char *cl_ck_first_word(const cl_doc *doc, uint32_t start, uint32_t end,
                              const char *const *words)
{
    for (; *words; words++)
        if (cl_ck_has_word(doc, start, end, *words))
            return *words;
    return NULL;
}

double cl_ck_val(const cl_quantity *q)
{
    return cl_dec_to_double(q->value);
}

/* Half a unit in the last written place: 88% -> 0.5, 94.7% -> 0.05 (rounding slack). */
double cl_ck_slack(const cl_quantity *q)
{
    return q->value.exp >= 0 ? 0.5 : 0.5 * pow(10.0, q->value.exp);
}

double cl_ck_round2(double x)
{
    return round(x * 100.0) / 100.0;
}

/* A computed figure for a message: at most two decimals, no trailing zeros. */
const char *cl_ck_fmt(double x, char buf[32])
{
    snprintf(buf, 32, "%.2f", cl_ck_round2(x));
    char *p = buf + strlen(buf) - 1;
    while (*p == '0')
        *p-- = '\0';
    if (*p == '.')
        *p = '\0';
    return buf;
}

/* A stated quantity for a message: its exact value and canonical unit. */
const char *cl_ck_fmt_q(const cl_quantity *q, char buf[96])
{
    char num[CL_DEC_BUFSIZE];
    snprintf(buf, 96, "%s%s", cl_dec_format(q->value, num), q->unit);
    return buf;
}

/* -- findings -------------------------------------------------------------------------------- */

cl_finding *cl_ck_add(checker *ck, const char *code, cl_find_level level, const char *fmtstr,
                       ...)
{
    if (ck->n == ck->cap) {
        size_t cap = ck->cap ? ck->cap * 2 : 16;
        cl_finding *nf = realloc(ck->f, cap * sizeof *nf);
        if (!nf) {
            ck->oom = true;
            return NULL;
        }
        ck->f = nf;
        ck->cap = cap;
    }
    cl_finding *f = &ck->f[ck->n++];
    memset(f, 0, sizeof *f);
    f->code = code;
    f->level = level;
    f->sentence = ck->s.span;
    va_list ap;
    va_start(ap, fmtstr);
    vsnprintf(f->message, sizeof f->message, fmtstr, ap);
    va_end(ap);
    return f;
}

/* Was CODE already reported for claims A and B (indices in the sentence)? */
bool cl_ck_reported(const checker *ck, const char *code, size_t a, size_t b)
{
    for (size_t i = ck->n; i-- > 0 && ck->f[i].sentence.start == ck->s.span.start;)
        if (strcmp(ck->f[i].code, code) == 0 && ck->f[i].nclaims >= 2 &&
            ck->f[i].claims[0] == ck->first + a && ck->f[i].claims[1] == ck->first + b)
            return true;
    return false;
}

void cl_ck_with_claim(checker *ck, cl_finding *f, size_t k)
{
    if (f && f->nclaims < CL_FINDING_CLAIMS)
        f->claims[f->nclaims++] = ck->first + k;
}

void cl_ck_figure(cl_finding *f, const char *name, double value)
{
    if (f && f->nfigures < CL_FINDING_FIGURES)
        f->figures[f->nfigures++] = (cl_figure){name, NULL, cl_ck_round2(value)};
}

void cl_ck_figure_text(cl_finding *f, const char *name, const char *text)
{
    if (f && f->nfigures < CL_FINDING_FIGURES)
        f->figures[f->nfigures++] = (cl_figure){name, text, 0};
}
