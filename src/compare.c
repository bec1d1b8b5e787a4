/* compare.c — the table of claimc compare: rows by indicator (the subject where no indicator),
 * a cell per document, and the check of each stated change against the level the report
 * before gives, within the rounding of the digits as written.
 *
 * `2024: 24.7 μg/m³, 同比下降5.9%` implies 24.7 / (1 - 0.059) = 26.25 for 2023. Written to one
 * decimal, 24.7 stands for [24.65, 24.75) and 5.9% for [5.85, 5.95), so 2023 may have been
 * anything in [26.18, 26.32]: a 2023 report saying 26.3 is within rounding (26.2 rounded the
 * same way would agree exactly); one saying 27.0 disagrees. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "compare.h"
#include "utf8.h"

/* -- the row a claim belongs to -------------------------------------------------------------- */

/* A code point of a subject as it is compared: spaces and the braces of PM_{2.5} dropped (0),
 * subscript and full-width digits and the full-width point as ASCII. */
static unsigned fold(unsigned cp)
{
    if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '_' || cp == '{' || cp == '}')
        return 0;
    if (cp >= 0x2080 && cp <= 0x2089)
        return '0' + (cp - 0x2080);
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return '0' + (cp - 0xFF10);
    if (cp == 0xFF0E)
        return '.';
    return cp;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 63)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 63));
        o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 63));
    o[2] = (char)(0x80 | ((cp >> 6) & 63)); o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

static unsigned decode_at(const unsigned char *s, size_t len)
{
    if (len == 1) return s[0];
    if (len == 2) return (unsigned)(s[0] & 31) << 6 | (s[1] & 63);
    if (len == 3) return (unsigned)(s[0] & 15) << 12 | (unsigned)(s[1] & 63) << 6 | (s[2] & 63);
    return (unsigned)(s[0] & 7) << 18 | (unsigned)(s[1] & 63) << 12 | (unsigned)(s[2] & 63) << 6 |
           (s[3] & 63);
}

/* The key of C's row, malloc'd: the claim's indicator when the claim has one (the canonical
 * id of grammar/indicators.tsv), else its subject folded as above, so that
 * "PM_{2.5} 年均浓度" and "PM2.5年均浓度" meet. NULL for a claim with neither. */
static char *claim_key(const cl_doc *doc, const cl_claim *c)
{
    if (c->indicator)   /* the canonical id lines up reports that name a metric differently */
        return strdup(c->indicator);
    /* read as the rules read it (simplified, pinyin glosses left out): 地區(qū)生產(chǎn)總值 meets 地区生产总值 */
    uint32_t start = cl_doc_shadow_at(doc, c->subject.start), end = cl_doc_shadow_at(doc, c->subject.end);
    size_t n = end > start ? end - start : 0;
    if (!n)
        return NULL;
    const unsigned char *s = (const unsigned char *)doc->text + start;
    char *key = malloc(n + 1), *o = key;
    if (!key)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t len = cl_utf8_len(s + i, n - i);
        if (!len) {   /* a broken byte: kept as is, so keys still tell subjects apart */
            *o++ = (char)s[i++];
            continue;
        }
        unsigned cp = fold(decode_at(s + i, len));
        if (cp)
            o += put_utf8(o, cp);   /* never longer than the sequence it replaces */
        i += len;
    }
    *o = '\0';
    if (o == key) {
        free(key);
        return NULL;
    }
    return key;
}

/* -- a value and the rounding of its digits as written ---------------------------------------- */

static double value_of(const cl_quantity *q)
{
    return cl_dec_to_double(q->value);
}

/* Half the last place of Q's numeral as written (28.0 → 0.05, 1.58亿元 → 0.005亿 = 500000),
 * in the canonical unit: from the first run of ASCII digits in its raw text and the ratio of
 * the value to that numeral (the 万/亿 multiplier). A numeral in other digits (三十, full
 * width): half a unit of its last non-zero place. */
static double half_place(const cl_doc *doc, const cl_quantity *q)
{
    const char *raw = cl_doc_text(doc) + q->span.start, *end = cl_doc_text(doc) + q->span.end;
    const char *p = raw;
    while (p < end && !(*p >= '0' && *p <= '9'))
        p++;
    double v = value_of(q);
    if (p < end) {
        double numeral = 0, scale = 1;
        int decimals = -1;
        for (; p < end && ((*p >= '0' && *p <= '9') || (*p == '.' && decimals < 0) || *p == ','); p++) {
            if (*p == ',')
                continue;
            if (*p == '.') {
                decimals = 0;
                continue;
            }
            numeral = numeral * 10 + (*p - '0');
            if (decimals >= 0) {
                decimals++;
                scale *= 10;
            }
        }
        numeral /= scale;
        if (numeral > 0)
            return 0.5 / scale * (v / numeral);
    }
    return q->value.exp < 0 ? 0.5 * pow(10, q->value.exp) : 0.5;
}

/* -- the check ----------------------------------------------------------------------------- */

static double implied(double level, double r, int sign, bool relative)
{
    return relative ? level / (1 + sign * r / 100) : level - sign * r;
}

/* The level before, from LEVEL (± HL) and a change of R (± HR) in direction SIGN; false when
 * the change cannot be undone (a fall of 100% or more). */
static bool implied_range(double level, double hl, double r, double hr, int sign, bool relative,
                          double *point, double *low, double *high)
{
    if (relative && 1 + sign * (r + hr) / 100 <= 0)
        return false;
    *point = implied(level, r, sign, relative);
    *low = *high = *point;
    for (int a = -1; a <= 1; a += 2)
        for (int b = -1; b <= 1; b += 2) {
            double x = implied(level + a * hl, r + b * hr < 0 ? 0 : r + b * hr, sign, relative);
            *low = x < *low ? x : *low;
            *high = x > *high ? x : *high;
        }
    return true;
}

/* The change C (in the document of LEVEL) against BEFORE, the level of the report before. */
static cl_change_check check_change(const cl_doc *before_doc, const cl_claim *before,
                             const cl_doc *doc, const cl_claim *level, const cl_claim *c)
{
    cl_change_check k = {.status = CL_CHECK_NONE};
    const cl_quantity *cq = &c->quantity;
    int sign = c->direction == CL_DIR_UP ? 1 : c->direction == CL_DIR_DOWN ? -1 : 0;
    if (c->direction != CL_DIR_FLAT && (!sign || !cq->has_value || cq->has_hi))
        return k;   /* 改善 says no direction; a range of changes is not checked */
    double lv = value_of(&level->quantity), hl = half_place(doc, &level->quantity);
    double r = c->direction == CL_DIR_FLAT || !cq->has_value ? 0 : value_of(cq);
    double hr = c->direction == CL_DIR_FLAT || !cq->has_value ? 0 : half_place(doc, cq);
    bool pct = cq->has_value && strcmp(cq->unit, "%") == 0;
    bool pp = cq->has_value && strcmp(cq->unit, "pp") == 0;
    bool same_unit = cq->has_value && strcmp(cq->unit, level->quantity.unit) == 0;
    if (c->direction != CL_DIR_FLAT && !pct && !pp && !same_unit)
        return k;   /* a change in another unit than the level's */
    k.stated = value_of(&before->quantity);
    double hs = half_place(before_doc, &before->quantity);
    k.step = 2 * hs;
    /* a % change of a level in %: a relative change, or percentage points as reports often
     * mean; the reading that agrees best is taken */
    int readings = pct && strcmp(level->quantity.unit, "%") == 0 ? 2 : 1;
    for (int t = 0; t < readings; t++) {
        bool relative = pct && t == 0;
        double point, low, high;
        if (!implied_range(lv, hl, r, hr, sign ? sign : 1, relative, &point, &low, &high))
            continue;
        double step = 2 * hs, rounded = round(point / step) * step;
        cl_check_status s = fabs(rounded - k.stated) < hs * 0.01 ? CL_CHECK_AGREES
                          : (low <= k.stated + hs && high >= k.stated - hs) ? CL_CHECK_ROUNDING
                                                                              : CL_CHECK_DISAGREES;
        if (k.status == CL_CHECK_NONE || s < k.status) {
            k.status = s;
            k.as_points = pct && !relative;
            k.implied = point;
            k.low = low;
            k.high = high;
        }
    }
    return k;
}

/* -- building the table ---------------------------------------------------------------------- */

static bool level_kind(cl_kind k)
{
    return k == CL_COUNT || k == CL_AMOUNT || k == CL_MONEY || k == CL_MEASURE || k == CL_RATE;
}

static cl_row *find_row(cl_compare *t, const char *key, const char *unit, bool target)
{
    for (size_t i = 0; i < t->nrows; i++) {
        cl_row *r = &t->rows[i];
        if (r->target == target && strcmp(r->key, key) == 0 && (!unit || strcmp(r->unit, unit) == 0))
            return r;
    }
    return NULL;
}

static cl_row *add_row(cl_compare *t, char *key, const char *unit, bool target, size_t doc,
                       const cl_claim *c)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        cl_row *rows = realloc(t->rows, cap * sizeof *rows);
        if (!rows)
            return NULL;
        t->rows = rows;
        t->cap = cap;
    }
    cl_cell *cells = calloc(t->ndocs, sizeof *cells);
    if (!cells)
        return NULL;
    cl_row *r = &t->rows[t->nrows++];
    *r = (cl_row){.key = key, .unit = unit, .target = target, .first_doc = doc, .first = c,
                  .cells = cells};
    return r;
}

/* The levels of document D: each the first of its row in D, or one more of it. */
static bool add_levels(cl_compare *t, size_t d)
{
    const cl_doc *doc = t->docs[d];
    for (size_t i = 0; i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        if (!level_kind(c->kind) || !c->quantity.has_value)
            continue;
        char *key = claim_key(doc, c);
        if (!key)
            continue;
        bool target = c->modality == CL_TARGET;
        cl_row *r = find_row(t, key, c->quantity.unit, target);
        if (r)
            free(key);
        else if (!(r = add_row(t, key, c->quantity.unit, target, d, c))) {
            free(key);
            return false;
        }
        if (!r->cells[d].count++)
            r->cells[d].level = c;
    }
    return true;
}

/* The changes of document D, each given to a row of its subject with a level in D. */
static void add_changes(cl_compare *t, size_t d)
{
    const cl_doc *doc = t->docs[d];
    for (size_t i = 0; i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        if (c->kind != CL_CHANGE)
            continue;
        char *key = claim_key(doc, c);
        if (!key)
            continue;
        for (size_t k = 0; k < t->nrows; k++) {
            cl_row *r = &t->rows[k];
            if (r->target == (c->modality == CL_TARGET) && strcmp(r->key, key) == 0 &&
                r->cells[d].level && !r->cells[d].change) {
                r->cells[d].change = c;
                break;
            }
        }
        free(key);
    }
}

bool cl_compare_build(cl_compare *t, cl_doc **docs, const char **names, size_t ndocs)
{
    memset(t, 0, sizeof *t);
    t->docs = docs;
    t->names = names;
    t->ndocs = ndocs;
    for (size_t d = 0; d < ndocs; d++) {
        if (!add_levels(t, d))
            return false;
        add_changes(t, d);
    }
    for (size_t k = 0; k < t->nrows; k++)
        for (size_t d = 1; d < ndocs; d++) {
            cl_cell *now = &t->rows[k].cells[d], *before = &t->rows[k].cells[d - 1];
            if (now->change && before->level)
                now->check = check_change(docs[d - 1], before->level, docs[d], now->level,
                                          now->change);
        }
    return true;
}

void cl_compare_free(cl_compare *t)
{
    for (size_t k = 0; k < t->nrows; k++) {
        free(t->rows[k].key);
        free(t->rows[k].cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

size_t cl_compare_row_docs(const cl_row *r, size_t ndocs)
{
    size_t n = 0;
    for (size_t d = 0; d < ndocs; d++)
        n += r->cells[d].level != NULL;
    return n;
}

const char *cl_check_name(cl_check_status s)
{
    static const char *const names[] = {NULL, "agrees", "within-rounding", "disagrees"};
    return names[s];
}

void cl_compare_label(const cl_compare *t, const cl_row *r, const char **s, size_t *n)
{
    if (r->first->indicator) {   /* the row's key: the same id in every report */
        *s = r->first->indicator;
        *n = strlen(*s);
        return;
    }
    const cl_span sub = r->first->subject;
    *s = cl_doc_text(t->docs[r->first_doc]) + sub.start;
    *n = sub.end - sub.start;
}
