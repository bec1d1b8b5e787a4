/* subject.c — what a claim is about: its subject's span, from the prose the filter kept around
 * each signal token (cl_stok.left, .right), trimmed of particles, split over lists (O3、NO2、CO
 * 分别…), or taken from the claim it continues. */
#include <string.h>

#include "lexicon.h"
#include "subject.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

#define CP 3   /* bytes of a CJK code point */

static bool has_text(cl_span s) { return s.end > s.start; }

static size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

/* A subject that names a metric: 达标率, 优良天数比例, 年均浓度 … */
bool cl_subject_names_metric(const cl_doc *doc, cl_span s)
{
    return cl_text_ends_any(doc->text + s.start, span_len(s), cl_words_metric_suffixes) > 0;
}

/* Whether a word of trim_subject's lead list may start at S, and of its trail list end there:
 * most subjects have neither, and then a pass over the lists (34 compares) changes nothing.
 * A filter, not a test: the three bytes of a code point hash to one bit of 1024 that the list's
 * characters set (a few others share their bits and take the exact pass in vain); decoding
 * the code point for a switch cost more than the rest of trim_subject. */
#define U8_RAW3(cp) ((uint32_t)(0xE0u | (cp) >> 12) | (uint32_t)(0x80u | ((cp) >> 6 & 0x3Fu)) << 8 | \
                     (uint32_t)(0x80u | ((cp) & 0x3Fu)) << 16)
#define RAW3_HASH(raw) (((uint32_t)(raw) * 0x9E3779B1u) >> 22)   /* 10 bits */
#define CP_IN_ROW(row, cp) \
    ((RAW3_HASH(U8_RAW3((uint32_t)(cp))) >> 6) == (row) \
         ? (uint64_t)1 << (RAW3_HASH(U8_RAW3((uint32_t)(cp))) & 63) : 0)
#define LEAD_ROW(r) (CP_IN_ROW(r, u'　') | CP_IN_ROW(r, u'的') | CP_IN_ROW(r, u'在') | \
    CP_IN_ROW(r, u'对') | CP_IN_ROW(r, u'将') | CP_IN_ROW(r, u'把') | CP_IN_ROW(r, u'并') | \
    CP_IN_ROW(r, u'又') | CP_IN_ROW(r, u'也') | CP_IN_ROW(r, u'还') | CP_IN_ROW(r, u'已') | \
    CP_IN_ROW(r, u'共') | CP_IN_ROW(r, u'均') | CP_IN_ROW(r, u'都') | CP_IN_ROW(r, u'正') | \
    CP_IN_ROW(r, u'以') | CP_IN_ROW(r, u'其') | CP_IN_ROW(r, u'等'))
#define TRAIL_ROW(r) (CP_IN_ROW(r, u'　') | CP_IN_ROW(r, u'的') | CP_IN_ROW(r, u'已') | \
    CP_IN_ROW(r, u'共') | CP_IN_ROW(r, u'均') | CP_IN_ROW(r, u'都') | CP_IN_ROW(r, u'正') | \
    CP_IN_ROW(r, u'为') | CP_IN_ROW(r, u'达') | CP_IN_ROW(r, u'中') | CP_IN_ROW(r, u'由') | \
    CP_IN_ROW(r, u'从'))
#define ROWS16(ROW) {ROW(0), ROW(1), ROW(2), ROW(3), ROW(4), ROW(5), ROW(6), ROW(7), ROW(8), \
    ROW(9), ROW(10), ROW(11), ROW(12), ROW(13), ROW(14), ROW(15)}
static const uint64_t lead_bits[16] = ROWS16(LEAD_ROW);
static const uint64_t trail_bits[16] = ROWS16(TRAIL_ROW);

static inline bool raw3_in(const uint64_t *bits, const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t h = RAW3_HASH(u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16);
    return bits[h >> 6] >> (h & 63) & 1;
}

static inline bool may_lead(const cl_doc *doc, cl_span s)
{
    const char *p = doc->text + s.start;
    if (*p == ' ' || *p == '\t')
        return true;
    return s.end - s.start >= 3 && raw3_in(lead_bits, p);
}

static inline bool may_trail(const cl_doc *doc, cl_span s)
{
    const char *p = doc->text + s.end;
    if (p[-1] == ' ' || p[-1] == '\t')
        return true;
    return s.end - s.start >= 3 && raw3_in(trail_bits, p - 3);
}

/* Whether a word of the lexicon longer than N bytes ends where S ends, within S, and does not
 * start inside a word before it (占比|为: 比为 is a word, but 比 belongs to 占比). */
static bool word_ends_at(const cl_doc *doc, cl_span s, size_t n)
{
    for (size_t k = n + 3; k <= 18 && k <= span_len(s); k += 3)
        if (cl_lexicon_has(doc->text + s.end - k, k))
            return k + 3 > span_len(s) || !cl_lexicon_has(doc->text + s.end - k - 3, 6);
    return false;
}

/* Trim particles and spaces that are not part of a subject: 的 在 对 … at either end, never
 * the first or last character of a word (以上, 共享, 雷达). Not inlined: its frame would make
 * every call of cl_subject_trim pay for it, and most return at once. */
__attribute__((noinline))
static cl_span trim_slow(const cl_doc *doc, cl_span s)
{
    static const cl_word lead[] = {CL_WORD(" "), CL_WORD("\t"), CL_WORD("　"), CL_WORD("的"),
        CL_WORD("在"), CL_WORD("对"), CL_WORD("将"), CL_WORD("把"), CL_WORD("并"), CL_WORD("又"),
        CL_WORD("也"), CL_WORD("还"), CL_WORD("已"), CL_WORD("共"), CL_WORD("均"), CL_WORD("都"),
        CL_WORD("正"), CL_WORD("以"), CL_WORD("其中"), CL_WORD("等")};
    static const cl_word trail[] = {CL_WORD(" "), CL_WORD("\t"), CL_WORD("　"), CL_WORD("的"),
        CL_WORD("已"), CL_WORD("共"), CL_WORD("均"), CL_WORD("都"), CL_WORD("正"), CL_WORD("为"),
        CL_WORD("达"), CL_WORD("中"), CL_WORD("由"), CL_WORD("从")};
    bool again = true;
    while (again && has_text(s)) {
        again = false;
        for (size_t i = 0, any = may_lead(doc, s); any && i < sizeof lead / sizeof lead[0]; i++) {
            const cl_word *w = &lead[i];
            if (s.end - s.start > w->n && w->s[0] == doc->text[s.start] &&
                memcmp(doc->text + s.start, w->s, w->n) == 0 &&
                cl_lexicon_longest(doc->text + s.start, span_len(s)) <= w->n) {   /* not 以上 */
                s.start += w->n;
                again = true;
            }
        }
        for (size_t i = 0, any = has_text(s) && may_trail(doc, s);
             any && i < sizeof trail / sizeof trail[0]; i++) {
            const cl_word *w = &trail[i];
            if (s.end - s.start > w->n && w->s[w->n - 1] == doc->text[s.end - 1] &&
                memcmp(doc->text + s.end - w->n, w->s, w->n) == 0 &&
                !word_ends_at(doc, s, w->n)) {   /* not 雷达, 集中 */
                s.end -= w->n;
                again = true;
            }
        }
    }
    return s;
}

/* Most subjects start and end with neither list's words: decided without a call. */
cl_span cl_subject_trim(const cl_doc *doc, cl_span s)
{
    if (!has_text(s) || (!may_lead(doc, s) && !may_trail(doc, s)))
        return s;
    return trim_slow(doc, s);
}

/* Count-like quantities name their things either side: 检查企业564家 | 132个长江入河排污口 */
cl_span cl_subject_of(const cl_ctx *ctx, const cl_stok *q)
{
    bool counted = q->unit_row >= 0 ? cl_units[q->unit_row].dim == CL_DIM_COUNT : !q->bare;
    if (counted && has_text(q->right) && q->right.end - q->right.start > 3) {
        cl_span s = q->right;   /* 23.65万农村人口的饮水安全: the things counted end at 的 */
        size_t at = cl_text_find(ctx->doc->text + s.start, span_len(s), "的");
        if (at >= 6 && at < span_len(s))
            s.end = s.start + (uint32_t)at;
        return s;   /* not 28项中: a lone character names nothing */
    }
    return has_text(q->left) ? q->left : q->right;
}

/* Split the prose of token AT's clause at 、和及 into parts (O3、NO2、CO分别…). Returns the
 * number of parts, or 0 when a quantity stands in the clause (its subject serves instead). */
#define CL_SPLIT_WINDOW 256

int cl_subject_split(const cl_ctx *ctx, int at, cl_span *out, int max)
{
    const cl_stok *d = &ctx->toks[at];
    int k = 0;
    uint32_t start = d->clause;
    /* the clause's tokens, if no more than CL_SPLIT_WINDOW: a list is that short, and the
     * bound keeps a sentence of many 分别 and 均 linear */
    int from = at > CL_SPLIT_WINDOW ? at - CL_SPLIT_WINDOW : 0;
    if (from > 0 && ctx->toks[from - 1].span.start >= d->clause)
        return 0;
    for (int i = from; i < at; i++) {
        const cl_stok *t = &ctx->toks[i];
        if (t->span.start < d->clause)
            continue;
        if (t->sig == CL_SIG_QTY)
            return 0;
        if (t->sig == CL_SIG_ENUM || t->sig == CL_SIG_AND) {
            if (k + 1 >= max)
                return 0;
            out[k++] = cl_subject_trim(ctx->doc, cl_span_of(start, t->span.start));
            start = t->span.end;
        }
    }
    out[k++] = cl_subject_trim(ctx->doc, cl_span_of(start, d->left.end > d->span.start ? d->span.start
                                                                   : (has_text(d->left) ? d->left.end : d->span.start)));
    for (int i = 0; i < k; i++)
        if (!has_text(out[i]))
            return 0;
    return k;
}

/* Whether the K parts of a list name one head that the last part holds (城、乡居民人均可支配收入,
 * 轻、重工业占比): every part before the last is one Chinese character, a qualifier of the head
 * that the last part's first character qualifies too, and each value is the whole phrase's.
 * Not a list of things (生猪、牛、羊、家禽: 生猪 is two characters; 鸡、鸭、鹅: no head). */
static bool shares_head(const cl_doc *doc, const cl_span *parts, int k)
{
    for (int i = 0; i + 1 < k; i++)
        if (span_len(parts[i]) != CP || (unsigned char)doc->text[parts[i].start] < 0xE4)
            return false;
    return span_len(parts[k - 1]) >= 4 * CP;   /* the head: three characters at least (not 羊|存栏) */
}

/* Whether the three bytes at P are the character C. */
static bool cp_is(const char *p, const char *c)
{
    return p[2] == c[2] && p[0] == c[0] && p[1] == c[1];
}

/* A list of 、 whose parts outnumber its values (新能源汽车、智能家用电器和音像器材、智能手机 分别
 * …3 values): an item of two joined by 和, 及 or 与 is one item. Merges such parts, from the
 * first, while there are more than N; the number of parts left. */
static int merge_joined(const cl_doc *doc, cl_span *parts, int k, int n)
{
    for (int i = 0; i + 1 < k && k > n;) {
        const char *gap = doc->text + parts[i].end;
        if (parts[i + 1].start - parts[i].end == CP && (cp_is(gap, "和") || cp_is(gap, "及") || cp_is(gap, "与"))) {
            parts[i].end = parts[i + 1].end;
            memmove(parts + i + 1, parts + i + 2, (size_t)(k - i - 2) * sizeof *parts);
            k--;
        } else {
            i++;
        }
    }
    return k;
}

/* The last item of a list without the category 等 closes it with (智能手机等升级消费类商品 ->
 * 智能手机): the values are the items'. Not 等 inside a word (等级, 平等). */
static cl_span before_etc(const cl_doc *doc, cl_span s)
{
    const char *text = doc->text;
    for (uint32_t at = s.start + CP; at + 3 * CP <= s.end; at += (uint32_t)cl_cp_len((unsigned char)text[at]))
        if (cp_is(text + at, "等") && !cl_lexicon_longest(text + at, s.end - at) &&
            !cl_lexicon_has(text + at - CP, 2 * CP))
            return cl_span_of(s.start, at);
    return s;
}

static bool split_subjects(const cl_ctx *ctx, int distr, int n, cl_span *out)
{
    cl_span parts[65];
    int k = cl_subject_split(ctx, distr, parts, 65);
    if (k == 1 && has_text(ctx->toks[distr].left)) {   /* 城乡居民人均可支配收入分别增长5%和7.5%:
                                                       * one name of several things, right before */
        for (int i = 0; i < n; i++)
            out[i] = ctx->toks[distr].left;
        return true;
    }
    if (k > n)
        k = merge_joined(ctx->doc, parts, k, n);
    if (k != n)
        return false;
    parts[k - 1] = before_etc(ctx->doc, parts[k - 1]);
    if (shares_head(ctx->doc, parts, k)) {
        for (int i = 0; i < n; i++)
            out[i] = cl_span_of(parts[0].start, parts[k - 1].end);
        return true;
    }
    memcpy(out, parts, (size_t)n * sizeof *out);
    return true;
}

/* Subjects for the values of a distributive draft. */
void cl_subject_distributive(cl_ctx *ctx, int distr, int n, size_t first_claim,
                                  cl_span *out)
{
    for (int i = 0; i < n; i++)
        out[i] = cl_span_of(0, 0);
    if (split_subjects(ctx, distr, n, out))
        return;
    /* PM₁₀ 年均浓度 50μg/m³，PM_{2.5} 年均浓度 28μg/m³，分别同比下降 7.4%和 6.7% */
    size_t have = ctx->doc->claims.len - first_claim;
    int carried = ctx->continued ? ctx->ncarried : 0;   /* a cut sentence: the pieces before */
    if (have + (size_t)carried >= (size_t)n) {
        for (int i = 0; i < n; i++) {
            size_t back = (size_t)(n - i);   /* the BACK-th claim from the last */
            out[i] = back <= have ? CL_VEC_AT(ctx->doc->claims, cl_claim,
                                              ctx->doc->claims.len - back).subject
                                  : ctx->carried[carried - (int)(back - have)];
        }
        return;
    }
    const cl_stok *d = &ctx->toks[distr];
    for (int i = 0; i < n; i++)
        out[i] = d->left;
}

/* The subject of a change or level when the words right before it name none: the subject of
 * the last claim of the sentence (优良率为82.3%，同比提升2.3%). */
cl_span cl_subject_previous(const cl_ctx *ctx, size_t first_claim)
{
    if (ctx->doc->claims.len > first_claim)
        return CL_VEC_AT(ctx->doc->claims, cl_claim, ctx->doc->claims.len - 1).subject;
    return ctx->continued && ctx->ncarried ? ctx->carried[ctx->ncarried - 1]   /* a cut sentence */
                                           : cl_span_of(0, 0);
}

bool cl_subject_starts_any(const char *p, size_t n, const cl_word *list)
{
    for (const cl_word *w = list; w->s; w++)   /* the first character's last byte first */
        if (w->n <= n && w->s[2] == p[2] && memcmp(p, w->s, w->n) == 0)
            return true;
    return false;
}
