/* indicator.c — a subject's canonical indicator (indicator.h). */
#include <string.h>

#include "indicator.h"
#include "lexicon.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

extern const char cl_indicator_names[];
extern const cl_indicator_slot cl_indicator_slots[];
extern const int cl_indicator_max_chars;
/* The pairs of code points that begin and end a name (every name has two or more), as bits of
 * their hash (tools/gen_indicators.awk): nearly all of a subject's ranges of code points begin
 * or end with no name's pair, and are not looked up. (Single code points were no filter: the
 * names start with half of a subject's characters.) */
extern const uint64_t cl_indicator_firsts[1024], cl_indicator_lasts[1024];

#define SLOTS 4096u      /* tools/gen_indicators.awk */
#define CAP 96           /* bytes of a normalised subject looked at: its end, where heads are
                          * (32 Chinese characters; the longest name has 15) */

/* 33^k mod 2^24, k = 0..CAP: the hash of a range from the hashes of two prefixes */
static const uint32_t pow33[CAP + 1] = {
    0x000001, 0x000021, 0x000441, 0x008c61, 0x121881, 0x5528a1, 0xfa3cc1, 0x41d4e1,
    0x7c7101, 0x0a9121, 0x5cb541, 0xf35d61, 0x5f0981, 0x4039a1, 0x476dc1, 0x3525e1,
    0xd9e201, 0x162221, 0xda6641, 0x272e61, 0x0cfa81, 0xac4aa1, 0x359ec1, 0xe976e1,
    0x185301, 0x22b321, 0x791741, 0x9bff61, 0x1beb81, 0x995ba1, 0xc4cfc1, 0x5ec7e1,
    0x37c401, 0x304421, 0x38c841, 0x51d061, 0x8bdc81, 0x076ca1, 0xf500c1, 0x9518e1,
    0x383501, 0x3ed521, 0x197941, 0x48a161, 0x5ccd81, 0xf67da1, 0xc631c1, 0x8c69e1,
    0x19a601, 0x4e6621, 0x1b2a41, 0x807261, 0x8ebe81, 0x668ea1, 0x3862c1, 0x44bae1,
    0xdc1701, 0x5ef721, 0x3ddb41, 0xf94361, 0x21af81, 0x579fa1, 0x4b93c1, 0xbe0be1,
    0x7f8801, 0x708821, 0x818c41, 0xb31461, 0x15a081, 0xc9b0a1, 0xffc4c1, 0xf85ce1,
    0x03f901, 0x831921, 0xe63d41, 0xade561, 0x6a9181, 0xbcc1a1, 0x54f5c1, 0xf3ade1,
    0x696a01, 0x96aa21, 0x6bee41, 0xe9b661, 0x208281, 0x30d2a1, 0x4b26c1, 0xaffee1,
    0xafdb01, 0xab3b21, 0x129f41, 0x668761, 0x377381, 0x25e3a1, 0xe257c1, 0x2d4fe1,
    0xd74c01,
};

/* A subject normalised and cut into code points, with what the search needs of each. */
typedef struct {
    char buf[CAP];
    size_t len, seg, m;          /* bytes; bytes cut into code points; code points */
    size_t starts[CAP + 1];      /* each code point's first byte; starts[m] = len */
    uint32_t pre[CAP + 1];       /* pre[k]: the hash of the bytes before code point k */
    bool last[CAP];              /* a name may end with code point k (and the one before) */
    uint8_t firsts[CAP];         /* the code points a name may begin with (and the next), in order */
    size_t nfirst;
} cut;

/* The hash of code points [A, E) of C: pre[e] = pre[a] * 33^(bytes) + hash, mod 2^24. */
static uint32_t range_hash(const cut *c, size_t a, size_t e)
{
    return (c->pre[e] - c->pre[a] * pow33[c->starts[e] - c->starts[a]]) & 0xFFFFFFu;
}

/* The next code point of C is its K bytes at AT: its prefix hash, and whether the pair it
 * ends may begin or end a name. */
static inline void add_point(cut *c, size_t at, size_t k)
{
    size_t m = c->m++;
    c->starts[m] = at;
    c->starts[m + 1] = at + k;
    c->pre[m + 1] = cl_hash33(c->pre[m], c->buf + at, k);
    c->last[m] = false;
    if (m == 0)
        return;
    uint32_t h = range_hash(c, m - 1, m + 1) % 65536;
    c->firsts[c->nfirst] = (uint8_t)(m - 1);   /* kept when its bit is set: no branch to miss */
    c->nfirst += cl_indicator_firsts[h >> 6] >> (h & 63) & 1;
    c->last[m] = cl_indicator_lasts[h >> 6] >> (h & 63) & 1;
}

/* Cut the bytes of C not yet cut into code points by their lead bytes (cl_cp_len); one not
 * all there waits for the next bytes, or at the END is cut short. */
static void segment(cut *c, bool end)
{
    while (c->seg < c->len) {
        size_t k = cl_cp_len((unsigned char)c->buf[c->seg]);
        if (c->seg + k > c->len) {
            if (!end)
                return;
            k = c->len - c->seg;
        }
        add_point(c, c->seg, k);
        c->seg += k;
    }
}

/* Append the K bytes at P to C. */
static inline void put(cut *c, const unsigned char *p, size_t k)
{
    memcpy(c->buf + c->len, p, k);
    c->len += k;
    if (k == 3 && c->seg + 3 == c->len && *p >= 0xE0 && *p < 0xF0) {   /* the common case */
        add_point(c, c->seg, 3);
        c->seg += 3;
    } else {
        segment(c, false);
    }
}

/* The code point of the LEN bytes at S (0 for four), as normalise() reads it. */
static uint32_t cp_of(const unsigned char *s, unsigned len)
{
    return len == 1 ? s[0] : len == 2 ? (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F)
         : len == 3 ? (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F)
                    : 0;
}

/* Into C, the subject as the table's names are written (tools/gen_indicators.awk, normalise):
 * no brackets or what they hold, no spaces, Latin letters and digits half-width and in
 * capitals, sub- and superscript digits plain (PM₂.₅ -> PM2.5), PM_{2.5} -> PM2.5; cut into
 * code points as it is written (one pass over the subject). */
static void normalise(const unsigned char *s, size_t n, cut *c)
{
    int depth = 0;
    c->len = c->seg = c->m = c->nfirst = 0;
    c->pre[0] = 0;
    c->starts[0] = 0;
    for (size_t i = 0; i < n && c->len + 4 < CAP; ) {
        unsigned char b = s[i];
        if (b >= 0xE4 && b <= 0xE9 && i + 3 <= n && !depth) {   /* a Chinese character, as is */
            put(c, s + i, 3);
            i += 3;
            continue;
        }
        unsigned len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (i + len > n)
            break;
        uint32_t cp = cp_of(s + i, len);
        i += len;
        if (cp >= 0xFF01 && cp <= 0xFF5E)   /* full-width ASCII */
            cp -= 0xFEE0;
        else if (cp >= 0x2080 && cp <= 0x2089)   /* ₀-₉ */
            cp = '0' + (cp - 0x2080);
        else if (cp == 0x2070 || (cp >= 0x2074 && cp <= 0x2079))   /* ⁰ ⁴-⁹ */
            cp = '0' + (cp - 0x2070);
        else if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3)   /* ¹ ² ³ */
            cp = cp == 0xB9 ? '1' : '0' + (cp - 0xB0);
        else if (cp == 0x2093)   /* ₓ */
            cp = 'x';
        if (cp == '(' || cp == ')') {
            depth = cp == '(' ? depth + 1 : depth - (depth > 0);
            continue;
        }
        if (depth || cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '_' || cp == '{' || cp == '}')
            continue;
        unsigned char ascii = (unsigned char)(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
        put(c, cp < 0x80 ? &ascii : s + i - len, cp < 0x80 ? 1 : len);
    }
    segment(c, true);
}

/* The row of the name of N bytes at S, whose hash is H, or -1. */
static int lookup(const char *s, size_t n, uint32_t h)
{
    for (uint32_t k = h % SLOTS;; k = (k + 1) % SLOTS) {
        const cl_indicator_slot *e = &cl_indicator_slots[k];
        if (!e->row)
            return -1;
        if (e->len == n && memcmp(cl_indicator_names + e->off, s, n) == 0)
            return e->row - 1;
    }
}

/* Whether an indicator stated in KIND units may be what a claim of CK with UNIT measures:
 * a change or a rank is about any indicator (GDP增长5.2%); a level must be in its units. */
static bool fits(const char *kind, cl_kind ck, int dim, const char *unit)
{
    if (ck == CL_CHANGE || ck == CL_RANK)
        return true;
    if (strcmp(unit, "CNY") == 0)   /* 资金5万: money without a unit row */
        dim = CL_DIM_MONEY;
    static const struct { const char *kind; int dim; } ok[] = {
        {"money", CL_DIM_MONEY}, {"percent", CL_DIM_PERCENT}, {"percent", CL_DIM_PP},
        {"permille", CL_DIM_PERCENT}, {"concentration", CL_DIM_CONC}, {"days", CL_DIM_COUNT},
        {"count", CL_DIM_COUNT}, {"people", CL_DIM_COUNT}, {"mass", CL_DIM_MASS},
        {"length", CL_DIM_LENGTH}, {"area", CL_DIM_AREA}, {"volume", CL_DIM_VOLUME},
        {"flow", CL_DIM_FLOW}, {"energy", CL_DIM_ENERGY}, {"power", CL_DIM_POWER},
        {"ratio", CL_DIM_PERCENT}, {"ratio", CL_DIM_MULTIPLE}, {"years", CL_DIM_TIME},
        {"index", -1}, {"ratio", -1}, {"years", -1}, {"people", -1}, {"count", -1}};
    if (strcmp(kind, "days") == 0)
        return strcmp(unit, "day") == 0;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (dim == ok[i].dim && strcmp(kind, ok[i].kind) == 0)
            return true;
    return false;
}

/* Whether the N bytes before a name narrow it to a part: a domain, a trade or a sector
 * (生态环境领域, 房地产行业; grammar/words.tsv indicator_domains). */
static bool narrowed(const char *s, size_t n)
{
    for (const cl_word *w = cl_words_indicator_domains; w->s; w++)
        if (n >= w->n && memcmp(s + n - w->n, w->s, w->n) == 0)
            return true;
    return false;
}

/* Whether the N bytes after a name inside a subject make it a measure of that name's metric,
 * another indicator (重度及以上污染天数比例, 地区生产总值增速; indicator_measures). */
static bool measure_of(const char *s, size_t n)
{
    for (const cl_word *w = cl_words_indicator_measures; w->s; w++)
        if (n >= w->n && memcmp(s, w->s, w->n) == 0)
            return true;
    return false;
}

/* The row of the name made of code points [A, E) of C, -1 when none. */
static int name_at(const cut *c, size_t a, size_t e)
{
    size_t from = c->starts[a];
    return lookup(c->buf + from, c->starts[e] - from, range_hash(c, a, e));
}

/* Whether a subject may name an indicator: false when it is made of Chinese characters only
 * (which normalise() leaves as they are) and no pair of them may begin a name, or none may end
 * one. Half of all subjects are such, and are then not cut at all. */
static bool may_name(const unsigned char *s, size_t n)
{
    if (n % 3)
        return true;
    for (size_t i = 0; i < n; i += 3)
        if (s[i] < 0xE4 || s[i] > 0xE9)
            return true;
    bool first = false, last = false;
    uint32_t prev = n ? cl_hash33(0, (const char *)s, 3) : 0;
    for (size_t i = 3; i + 3 <= n; i += 3) {
        uint32_t cur = cl_hash33(0, (const char *)s + i, 3);
        uint32_t h = ((prev * pow33[3] + cur) & 0xFFFFFFu) % 65536;   /* the pair's hash */
        first |= cl_indicator_firsts[h >> 6] >> (h & 63) & 1;
        last |= cl_indicator_lasts[h >> 6] >> (h & 63) & 1;
        if (first && last)
            return true;
        prev = cur;
    }
    return false;
}

const char *cl_indicator_of(const char *s, size_t n, cl_kind kind, int dim, const char *unit)
{
    if (n > CAP - 8) {   /* the end of a long subject: its head */
        size_t from = n - (CAP - 8);
        while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        s += from;
        n -= from;
    }
    if (!may_name((const unsigned char *)s, n))
        return NULL;
    cut c;
    normalise((const unsigned char *)s, n, &c);
    size_t m = c.m, most = (size_t)cl_indicator_max_chars;
    /* the longest name the subject ends with, unless a domain narrows it (生态环境领域固定资产投资
     * is not fixed_asset_investment) */
    for (size_t i = 0; i < c.nfirst && c.last[m - 1]; i++) {
        if (c.firsts[i] + most < m)
            continue;
        int r = name_at(&c, c.firsts[i], m);
        if (r >= 0 && fits(cl_indicator_rows[r].kind, kind, dim, unit))
            return narrowed(c.buf, c.starts[c.firsts[i]]) ? NULL : cl_indicator_rows[r].id;
    }
    /* the longest name inside it (of two code points or more), the leftmost of a length */
    for (size_t w = m - 1 < most ? m - 1 : most; w >= 2 && m > 2; w--)
        for (size_t i = 0; i < c.nfirst && c.firsts[i] + w <= m; i++) {
            size_t a = c.firsts[i];
            if (!c.last[a + w - 1])
                continue;
            int r = name_at(&c, a, a + w);
            if (r >= 0 && fits(cl_indicator_rows[r].kind, kind, dim, unit) &&
                !measure_of(c.buf + c.starts[a + w], c.starts[m] - c.starts[a + w]))
                return cl_indicator_rows[r].id;
        }
    return NULL;
}
