/* indicator.c — a subject's canonical indicator (indicator.h). */
#include <string.h>

#include "indicator.h"
#include "lexicon.h"
#include "text.h"
#include "units.h"

extern const char cl_indicator_names[];
extern const cl_indicator_slot cl_indicator_slots[];
extern const int cl_indicator_max_chars;
/* The code points that begin and end a name, as bits (tools/gen_indicators.awk): most of a
 * subject's pairs of code points are no name's ends, and are not looked up. */
extern const uint64_t cl_indicator_firsts[64], cl_indicator_lasts[64];

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

/* The subject as the table's names are written (tools/gen_indicators.awk, normalise): no
 * brackets or what they hold, no spaces, Latin letters and digits half-width and in capitals,
 * sub- and superscript digits plain (PM₂.₅ -> PM2.5), PM_{2.5} -> PM2.5. Returns the length. */
static size_t normalise(const unsigned char *s, size_t n, char *out)
{
    size_t k = 0;
    int depth = 0;
    for (size_t i = 0; i < n && k + 4 < CAP; ) {
        unsigned char c = s[i];
        if (c >= 0xE4 && c <= 0xE9 && i + 3 <= n && !depth) {   /* a Chinese character, as is */
            out[k++] = (char)c;
            out[k++] = (char)s[i + 1];
            out[k++] = (char)s[i + 2];
            i += 3;
            continue;
        }
        unsigned len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len > n)
            break;
        uint32_t cp = len == 1 ? c : len == 2 ? (uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F)
                    : len == 3 ? (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F)
                               : 0;
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
        if (cp == '(') {
            depth++;
            continue;
        }
        if (cp == ')') {
            depth -= depth > 0;
            continue;
        }
        if (depth || cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '_' || cp == '{' || cp == '}')
            continue;
        if (cp < 0x80) {
            out[k++] = (char)(cp >= 'a' && cp <= 'z' ? cp - 32 : cp);
        } else {
            for (unsigned j = 0; j < len; j++)   /* one to three bytes: no call */
                out[k++] = (char)s[i - len + j];
        }
    }
    return k;
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
 * (生态环境领域, 房地产行业). */
static bool narrowed(const char *s, size_t n)
{
    static const cl_word parts[] = {CL_WORD("领域"), CL_WORD("行业"), CL_WORD("板块"), CL_WORD("方面")};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (n >= parts[i].n && memcmp(s + n - parts[i].n, parts[i].s, parts[i].n) == 0)
            return true;
    return false;
}

/* Whether the N bytes after a name inside a subject make it a measure of that name's metric,
 * another indicator (重度及以上污染天数比例, 地区生产总值增速, 税收收入占比). */
static bool measure_of(const char *s, size_t n)
{
    static const cl_word measures[] = {CL_WORD("比例"), CL_WORD("比率"), CL_WORD("比重"),
        CL_WORD("占比"), CL_WORD("增速"), CL_WORD("增幅"), CL_WORD("率"), CL_WORD("占")};
    for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++)
        if (n >= measures[i].n && memcmp(s, measures[i].s, measures[i].n) == 0)
            return true;
    return false;
}

const char *cl_indicator_of(const char *s, size_t n, cl_kind kind, int dim, const char *unit)
{
    char buf[CAP];
    if (n > CAP - 8) {   /* the end of a long subject: its head */
        size_t from = n - (CAP - 8);
        while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        s += from;
        n -= from;
    }
    size_t len = normalise((const unsigned char *)s, n, buf);
    size_t starts[CAP + 1];
    bool first[CAP], last[CAP];   /* by code point: may begin a name, may end one */
    uint32_t pre[CAP + 1];   /* hashes of the prefixes */
    size_t m = 0;
    bool any_last = false;
    pre[0] = 0;
    for (size_t i = 0; i < len; ) {   /* code point by code point */
        size_t k = cl_cp_len((unsigned char)buf[i]), e = i + k <= len ? i + k : len;
        uint32_t h = 0;
        for (size_t j = i; j < e; j++) {
            h = (h * 33 + (unsigned char)buf[j]) & 0xFFFFFFu;
            pre[j + 1] = (pre[j] * 33 + (unsigned char)buf[j]) & 0xFFFFFFu;
        }
        h %= 4096;
        first[m] = cl_indicator_firsts[h >> 6] >> (h & 63) & 1;
        last[m] = cl_indicator_lasts[h >> 6] >> (h & 63) & 1;
        any_last |= last[m];
        starts[m++] = i;
        i = e;
    }
    starts[m] = len;
    if (!any_last)
        return NULL;
    size_t most = (size_t)cl_indicator_max_chars;
    /* the hash of bytes [a, e): pre[e] = pre[a] * 33^(e - a) + hash, mod 2^24 */
#define RANGE_HASH(a, e) ((pre[e] - pre[a] * pow33[(e) - (a)]) & 0xFFFFFFu)
    /* the longest name the subject ends with, unless a domain narrows it (生态环境领域固定资产投资
     * is not fixed_asset_investment) */
    for (size_t a = m > most ? m - most : 0; a < m && last[m - 1]; a++) {
        int r = first[a] ? lookup(buf + starts[a], len - starts[a], RANGE_HASH(starts[a], len)) : -1;
        if (r >= 0 && fits(cl_indicator_rows[r].kind, kind, dim, unit))
            return narrowed(buf, starts[a]) ? NULL : cl_indicator_rows[r].id;
    }
    /* the longest name inside it (of two code points or more) */
    for (size_t w = m - 1 < most ? m - 1 : most; w >= 2 && m > 2; w--)
        for (size_t a = 0; a + w <= m; a++) {
            if (!first[a] || !last[a + w - 1])
                continue;
            int r = lookup(buf + starts[a], starts[a + w] - starts[a], RANGE_HASH(starts[a], starts[a + w]));
            if (r >= 0 && fits(cl_indicator_rows[r].kind, kind, dim, unit) &&
                !measure_of(buf + starts[a + w], len - starts[a + w]))
                return cl_indicator_rows[r].id;
        }
#undef RANGE_HASH
    return NULL;
}

const char *cl_indicator_named(const char *id)
{
    for (int i = 0; i < cl_indicator_count; i++)
        if (strcmp(cl_indicator_rows[i].id, id) == 0)
            return cl_indicator_rows[i].id;
    return NULL;
}
