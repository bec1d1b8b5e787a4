/* subject_bounds.c — where a subject starts and ends. The filter cuts the prose before a value
 * at every keyword, and a keyword is often a part of the noun phrase (VOCs在线监测设备, PM10均值,
 * 罚款金额, 省控及以上断面, 细颗粒物（PM2.5）平均浓度). Here the subject's ends are moved to word
 * boundaries that friso's lexicon knows, over such keywords to the phrase's start, and off the
 * verbs and adverbs of grammar/subject_words.tsv. Only the few words around a subject are
 * looked at: the clause before it is lexed again only when its start looks cut. */
#include <string.h>

#include "lexer.h"
#include "lexicon.h"
#include "subject.h"
#include "text.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

extern const cl_word cl_subject_lead[], cl_subject_tail[], cl_subject_end[], cl_subject_head[];
/* The code points the lists' words begin with, and END and TAIL words end with (generated):
 * most places start no listed word, and the lists are not read there. */
extern const uint64_t cl_subject_lead_firsts[64], cl_subject_tail_firsts[64],
    cl_subject_head_firsts[64], cl_subject_end_lasts[64];

#define CP 3            /* bytes of a CJK code point */
#define NEAR (2 * CP)   /* how far a word across a cut is looked for: words of up to four
                         * characters, two on either side (均|值, 雷|达, 以|上, 排放|标准) */

static size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

static bool cjk_at(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c >= 0xE4 && c <= 0xE9;
}

/* The word of LIST (whose first code points are FIRSTS) that S starts with (within N bytes),
 * or NULL. */
static const cl_word *starts_with(const char *s, size_t n, const cl_word *list, const uint64_t *firsts)
{
    size_t k = cl_cp_len((unsigned char)s[0]);
    if (k > n || !cl_char_bit(firsts, s, k))
        return NULL;
    for (const cl_word *w = list; w->s; w++)   /* the first code point's last byte first */
        if (w->n <= n && w->n >= k && w->s[k - 1] == s[k - 1] && memcmp(s, w->s, w->n) == 0)
            return w;
    return NULL;
}

static bool is_head(const char *s, size_t n)
{
    const cl_word *w = n ? starts_with(s, n, cl_subject_head, cl_subject_head_firsts) : NULL;
    return w && w->n == n;
}

/* -- the clause before a subject, lexed again ---------------------------------------------------- */

typedef enum { PIECE_WATER, PIECE_SOFT, PIECE_HARD } piece_type;
typedef struct { uint32_t start, end; piece_type type; int kw; } piece;   /* kw: class, or -1 */

/* Prose (water), a keyword that may stand inside a noun phrase (soft: a verb, a completion or
 * direction word, 及, 均, 达 …), or anything that ends a phrase (hard: punctuation, numbers,
 * dates, scope and comparison words, 的). Brackets are prose here: 细颗粒物（PM2.5）. */
static piece_type piece_of(const cl_rawtok *t)
{
    switch (t->type) {
    case CL_RT_FILLER: case CL_RT_NAME: case CL_RT_QUOTE: case CL_RT_TITLE: case CL_RT_SPACE:
        return PIECE_WATER;
    case CL_RT_NUM:   /* 一般, 三江: a Chinese numeral in a word */
        return t->cn ? PIECE_WATER : PIECE_HARD;
    case CL_RT_KW:
        switch ((cl_kw_class)t->id) {
        case CL_KW_NAME: case CL_KW_WORD:
            return PIECE_WATER;
        case CL_KW_VERB: case CL_KW_DONE: case CL_KW_DIR: case CL_KW_TOTAL: case CL_KW_AND:
        case CL_KW_ALL: case CL_KW_COP: case CL_KW_HAS: case CL_KW_FULL: case CL_KW_DISTR:
            return PIECE_SOFT;
        default:
            return PIECE_HARD;
        }
    default:
        return PIECE_HARD;
    }
}

/* Where the clause holding AT starts: after the last clause or sentence mark or line break
 * before it, looked for in the text (at most CLAUSE_MAX bytes back, on a code point), so that
 * the answer is the same whether the sentence was parsed whole or in pieces (filter.c,
 * cut_sentence). */
#define CLAUSE_MAX 600
static uint32_t clause_start(const cl_doc *doc, uint32_t at)
{
    static const char *const marks[] = {"，", "；", "。", "：", "！", "？", "、", NULL};
    const unsigned char *text = (const unsigned char *)doc->text;
    uint32_t lo = at > CLAUSE_MAX ? at - CLAUSE_MAX : 0;
    for (uint32_t i = at; i > lo;) {
        unsigned char c = text[i - 1];
        if (i >= lo + CP && text[i - 3] >= 0xE4 && text[i - 3] <= 0xE9 && (text[i - 2] & 0xC0) == 0x80 &&
            (c & 0xC0) == 0x80) {   /* a Chinese character, no mark: over it at once */
            i -= CP;
            continue;
        }
        if (c == ',' || c == ';' || c == ':' || c == '\n' || c == '\r' || c == '!' || c == '?')
            return i;
        /* the last byte of a full-width mark? (they all lead with E3 or EF) */
        if (c >= 0x80 && c <= 0xBF && i >= 3 && (text[i - 3] == 0xE3 || text[i - 3] == 0xEF)) {
            for (const char *const *m = marks; *m; m++)
                if (memcmp(text + i - 3, *m, 3) == 0)
                    return i;
        }
        i--;
    }
    while (lo < at && (text[lo] & 0xC0) == 0x80)
        lo++;
    return lo;
}

/* The last (up to) three pieces of the clause before AT, the last first; the number found. */
static int pieces_before(const cl_ctx *ctx, uint32_t at, piece out[3])
{
    uint32_t from = clause_start(ctx->doc, at);
    if (from >= at || at > ctx->doc->len)
        return 0;
    cl_lexer lx;
    cl_rawtok t;
    cl_lexer_init(&lx, ctx->doc->text + from, ctx->doc->len - from);
    int n = 0;
    while (cl_lex(&lx, &t) != CL_RT_END) {
        piece p = {from + t.start, from + t.end, piece_of(&t), t.type == CL_RT_KW ? t.id : -1};
        if (p.start >= at)
            break;
        if (p.end > at) {   /* a token the subject starts inside */
            p.end = at;
            p.type = PIECE_WATER;
        }
        if (p.type == PIECE_WATER && n > 0 && out[0].type == PIECE_WATER && out[0].end == p.start) {
            out[0].end = p.end;
            continue;
        }
        out[2] = out[1];
        out[1] = out[0];
        out[0] = p;
        n += n < 3;
    }
    return n;
}

static bool soft_class(int kw)
{
    switch (kw) {
    case CL_KW_DIR: case CL_KW_COP: case CL_KW_DISTR: case CL_KW_ALL: case CL_KW_TOTAL:
    case CL_KW_DONE: case CL_KW_HAS: case CL_KW_AND: case CL_KW_FULL:
        return true;
    default:
        return false;
    }
}

/* Whether a keyword that may stand inside a noun phrase (a copula, a direction or completion
 * word, 均, 及 …; not a clause's verb) ends (END) or starts (!END) at AT: only there may a cut
 * fall inside a word the lexicon knows. Read from the text by the lexer (from four characters
 * back, or at AT), never from the sentence's tokens, which a long sentence parsed in pieces
 * does not all have. */
static bool soft_token_at(const cl_ctx *ctx, uint32_t at, bool end)
{
    const cl_doc *doc = ctx->doc;
    if (at >= doc->len)
        return false;
    uint32_t from = at;
    if (end) {
        uint32_t c = clause_start(doc, at);
        from = at - c > 4 * CP ? at - 4 * CP : c;
        while (from < at && ((unsigned char)doc->text[from] & 0xC0) == 0x80)
            from++;
    }
    cl_lexer lx;
    cl_rawtok t;
    cl_lexer_init(&lx, doc->text + from, doc->len - from);
    while (cl_lex(&lx, &t) != CL_RT_END) {
        uint32_t s = from + t.start, e = from + t.end;
        if (!end || e >= at)
            return (end ? e == at : s == at) && t.type == CL_RT_KW && soft_class(t.id);
    }
    return false;
}

static cl_span prose_before(const cl_ctx *ctx, uint32_t at);

cl_span cl_subject_prose_before(const cl_ctx *ctx, uint32_t at)
{
    cl_span s = prose_before(ctx, at);   /* 同比增支…: not the space after a comma */
    while (s.end > s.start && (ctx->doc->text[s.start] == ' ' || ctx->doc->text[s.start] == '\t'))
        s.start++;
    while (s.end > s.start && (ctx->doc->text[s.end - 1] == ' ' || ctx->doc->text[s.end - 1] == '\t'))
        s.end--;
    return s.end > s.start ? s : cl_span_of(0, 0);
}

static cl_span prose_before(const cl_ctx *ctx, uint32_t at)
{
    piece p[3] = {{0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}};
    int k = pieces_before(ctx, at, p);
    if (k && p[0].type == PIECE_WATER && p[0].end == at)
        return cl_span_of(p[0].start, at);
    if (k > 1 && p[0].type == PIECE_SOFT && p[0].end == at && p[1].type == PIECE_WATER &&
        p[1].end == p[0].start)   /* 一般公共预算收入增幅|比年目标: a keyword ends the phrase */
        return cl_span_of(p[1].start, at);
    if (k && p[0].type == PIECE_SOFT && p[0].end == at &&
        is_head(ctx->doc->text + p[0].start, p[0].end - p[0].start))
        return cl_span_of(p[0].start, at);   /* ，增速|高于全市平均水平: a measure word alone */
    return cl_span_of(0, 0);
}

/* The last word of the lexicon in [LO, END): where it starts, or END when none ends there. */
static uint32_t last_word(const cl_doc *doc, uint32_t lo, uint32_t end)
{
    for (uint32_t k = 4 * CP; k >= 2 * CP; k -= CP)
        if (end >= lo + k && cl_lexicon_has(doc->text + end - k, k))
            return end - k;
    return end;
}

#define ACTION_WATER (4 * CP)   /* the object or qualifier of an action: 监督性|监测, 环评|审批 */

cl_span cl_subject_before_verb(const cl_ctx *ctx, uint32_t at, bool action)
{
    const char *text = ctx->doc->text;
    while (at > 0 && text[at - 1] == ' ')
        at--;
    piece p[3] = {{0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}};
    int k = pieces_before(ctx, at, p);
    if (k < 1 || p[0].end != at || p[0].kw < 0)
        return cl_span_of(0, 0);
    bool link = false;
    for (const cl_word *w = cl_words_subject_through; w->s && !link; w++)
        link = w->n == p[0].end - p[0].start && memcmp(text + p[0].start, w->s, w->n) == 0;
    bool water = k > 1 && p[1].type == PIECE_WATER && p[1].end == p[0].start;
    if (link)
        return water ? cl_subject_resolve(ctx, cl_span_of(p[1].start, p[0].start)) : cl_span_of(0, 0);
    if (!action || p[0].kw != CL_KW_VERB)
        return cl_span_of(0, 0);
    /* 关停取缔105家, 环评审批82个, 罚款376万元: the action is what is counted or paid */
    uint32_t start = p[0].start;
    if (water)
        start = p[0].start - p[1].start <= ACTION_WATER ? p[1].start : last_word(ctx->doc, p[1].start, p[0].start);
    else if (k > 1 && p[1].kw == CL_KW_VERB && p[1].end == p[0].start)
        start = p[1].start;   /* 立案|查处 */
    return cl_subject_resolve(ctx, cl_span_of(start, p[0].end));
}

/* A word of the lexicon that crosses AT, beginning within NEAR before it and inside [LO, ...):
 * where it begins, or AT. */
static uint32_t word_across(const cl_doc *doc, uint32_t lo, uint32_t at, uint32_t hi)
{
    if (at < lo + CP || at + CP > hi || !cjk_at(doc->text + at) || !cjk_at(doc->text + at - CP))
        return at;
    return cl_lexicon_cut(doc->text, at - NEAR > lo && at > NEAR ? at - NEAR : lo, at,
                          hi < at + NEAR ? hi : at + NEAR);
}

/* Whether the code point at P is the three-byte character C (last byte first: it differs most). */
static inline bool cp_is(const char *p, const char *c)
{
    return p[2] == c[2] && p[0] == c[0] && p[1] == c[1];
}

/* Whether S follows 和, 及 or 与 that joins it to the noun before it into one phrase (社会保障和
 * 就业支出, 蔬菜及食用菌产量, 发展与改革事务): so when the value that follows is the phrase's
 * alone, not one of a list's (A和B分别…, A及B均…). */
static bool joins_phrase(const cl_ctx *ctx, cl_span s)
{
    const char *p = ctx->doc->text + s.start - CP;
    if (!cp_is(p, "和") && !cp_is(p, "及") && !cp_is(p, "与"))
        return false;
    for (int i = 0; i < ctx->ntoks; i++) {
        const cl_stok *t = &ctx->toks[i];
        if (t->span.start < s.end)
            continue;
        return t->sig != CL_SIG_DISTR && t->sig != CL_SIG_ALL && t->sig != CL_SIG_ENUM &&
               t->sig != CL_SIG_AND;
    }
    return false;
}

#define NO_DIM (-1)   /* no quantity with a unit */

/* The unit dimension of the value after S (the first signal token from S's end on), or
 * NO_DIM when that is no quantity with a unit. */
static int dim_after(const cl_ctx *ctx, cl_span s)
{
    for (int i = 0; i < ctx->ntoks; i++) {
        const cl_stok *t = &ctx->toks[i];
        if (t->span.start < s.end)
            continue;
        return t->sig == CL_SIG_QTY && t->unit_row >= 0 ? (int)cl_units[t->unit_row].dim : NO_DIM;
    }
    return NO_DIM;
}

/* How many of the sentence's tokens end at AT or before: they are in text order. */
static int tokens_ending_by(const cl_ctx *ctx, uint32_t at)
{
    int lo = 0, hi = ctx->ntoks;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ctx->toks[mid].span.end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

#define BRACKET_MAX (10 * CP)   /* an abbreviation, a qualifier or a short aside: (GDP), （幼儿园）,
                                * (一、二类), (含投工投劳折资) */

/* Whether the N bytes at P are a bracketed pinyin gloss: (dá), (chǎn): Latin letters only. */
static bool is_gloss(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    if (n < 3 || u[0] != '(' || u[n - 1] != ')')
        return false;
    for (size_t i = 1; i + 1 < n; i++)
        if (!(u[i] >= 'a' && u[i] <= 'z') && !(u[i] >= 0xC3 && u[i] <= 0xCA) && !(u[i] >= 0x80 && u[i] <= 0xBF))
            return false;
    return true;
}

/* Where the name starts whose bracket closes right before AT (opened at LO or after, at *OPEN):
 * the prose before the bracket, from a word's start (近|岸海域: 近 is a keyword); AT when no
 * bracket closes there, it holds a value (全国(5.4%)), or it is a pinyin gloss ((dá)) where
 * GLOSS_OK is false. */
static uint32_t name_before_bracket(const cl_ctx *ctx, uint32_t at, uint32_t lo, bool gloss_ok, uint32_t *open)
{
    const char *text = ctx->doc->text;
    *open = cl_bracket_open(text, at, lo);
    if (*open == at || (!gloss_ok && is_gloss(text + *open, at - *open)))
        return at;
    for (int i = tokens_ending_by(ctx, *open); i < ctx->ntoks && ctx->toks[i].span.start < at; i++)
        if (ctx->toks[i].sig == CL_SIG_QTY)
            return at;
    cl_span name = cl_subject_prose_before(ctx, *open);
    if (name.end != *open || span_len(name) < 2 * CP)
        return at;
    uint32_t w = word_across(ctx->doc, name.start > NEAR ? name.start - NEAR : 0, name.start, name.end);
    if (w == name.start)
        return w;
    piece p[3] = {{0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}};
    return pieces_before(ctx, name.start, p) && p[0].start == w ? w : name.start;   /* 近岸, not 全县|地区: the word takes the whole keyword */
}

/* The subject's start moved back over a keyword that stands inside its noun phrase, to the
 * prose before it: when the subject's start is inside a word (均|值), the subject alone is no
 * phrase (设备, 金额: three characters at most), it opens with 以上/以下 after 及, or a bracket
 * closes right before it. */
static uint32_t extend_start(const cl_ctx *ctx, cl_span s)
{
    const char *text = ctx->doc->text;
    size_t n = span_len(s);
    bool across = word_across(ctx->doc, s.start > NEAR ? s.start - NEAR : 0, s.start, s.end) < s.start;
    bool cut = across && soft_token_at(ctx, s.start, true);   /* the lexicon first: it rarely answers yes */
    /* 农林牧渔服务|业总产值: a word across the start, which the subject's own words do not begin */
    bool inside = across && !cut && cjk_at(text + s.start) && !cl_lexicon_longest(text + s.start, n);
    bool short_ = n <= 3 * CP && cjk_at(text + s.start);
    bool head = n <= 2 * CP && is_head(text + s.start, n);   /* HEAD words: two characters */
    bool above = n > 2 * CP && (memcmp(text + s.start, "以上", 6) == 0 || memcmp(text + s.start, "以下", 6) == 0);
    bool bracket = s.start >= CP && (memcmp(text + s.start - CP, "）", CP) == 0 ||
                                                       text[s.start - 1] == ')');
    bool joined = s.start >= CP && joins_phrase(ctx, s);
    /* 服务|类价格指数: a suffix that ends the noun before it (类, 型) starts no phrase */
    bool bound = cjk_at(text + s.start) && n > CP && cl_subject_starts_any(text + s.start, CP, cl_words_subject_suffixes) &&
                 !cl_lexicon_longest(text + s.start, n);
    if (!cut && !short_ && !head && !above && !bracket && !joined && !inside && !bound)
        return s.start;
    if (bracket) {   /* 优良(一、二类)|水质面积比例: the list inside the bracket cut the prose */
        uint32_t open, start = name_before_bracket(ctx, s.start, s.start > BRACKET_MAX ? s.start - BRACKET_MAX : 0,
                                                   false, &open);
        if (start < s.start)
            return start;
    }
    for (int i = tokens_ending_by(ctx, s.start); i > 0 && ctx->toks[i - 1].span.end == s.start; i--)
        if (ctx->toks[i - 1].sig == CL_SIG_QTY || ctx->toks[i - 1].sig == CL_SIG_COMMA ||
            ctx->toks[i - 1].sig == CL_SIG_ENUM || ctx->toks[i - 1].sig == CL_SIG_BASE ||
            ctx->toks[i - 1].sig == CL_SIG_RANK || ctx->toks[i - 1].sig == CL_SIG_ORD)
            return s.start;   /* after a token that ends every phrase: nothing to lex */
    piece p[3] = {{0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}, {0, 0, PIECE_HARD, -1}};
    int k = pieces_before(ctx, s.start, p);
    if (k == 0)
        return s.start;
    if (p[0].type == PIECE_WATER) {   /* the start lies inside prose */
        if (bracket) {   /* back to the prose before the opening bracket, if it is there */
            for (uint32_t i = p[0].start; i + CP <= s.start; i++)
                if (memcmp(text + i, "（", CP) == 0 || text[i] == '(')
                    return p[0].start;
            return s.start;
        }
        if ((!cut && !short_ && !inside) || cl_lexicon_longest(text + s.start, n))
        return s.start;   /* 召开|支委会, 发现|问题: the subject starts with a word of its own */
    /* 投运服务|器: the word across the cut when it takes in the subject's first character */
    uint32_t w = word_across(ctx->doc, p[0].start, s.start, s.end);
    return w < s.start && cl_lexicon_has(text + w, s.start + CP - w) ? w : s.start;
    }
    /* 省级|收入, 市级|支出: a level of government names the item with a bare noun after it */
    if (p[0].kw == CL_KW_SCOPE && p[0].end == s.start && n <= 2 * CP && p[0].end - p[0].start >= 2 * CP &&
        cp_is(text + p[0].end - CP, "级"))
        return p[0].start;
    if ((p[0].type != PIECE_SOFT && !(joined && p[0].kw == CL_KW_CMP)) || p[0].end != s.start)
        return s.start;
    bool water = k > 1 && p[1].type == PIECE_WATER && p[1].end == p[0].start;
    if (above)
        return water ? p[1].start : s.start;
    /* with no prose before it, a keyword joins only as a part of a word (均|值, 整改|任务) that
     * is no verb and its short object (发现|问题; 服务|项目投资总额 is a compound), or as the verb
     * of an attribute (罚款金额) */
    bool verb = p[0].kw == CL_KW_VERB && n < 4 * CP;
    if (water && (cut || head || short_ || inside || (joined && (p[0].kw == CL_KW_AND || p[0].kw == CL_KW_CMP))))
        return p[1].start;
    /* 20132-组织|事务1231万元, 治理|河长477km: a verb and its bare object that open the phrase
     * name an item of money or an amount (not a tally's things: 检查|企业96家; never 完成, which
     * the contract keeps out of a subject: 完成投资1.24亿元 is 投资) */
    int dim = p[0].kw == CL_KW_VERB && n <= 2 * CP && !water ? dim_after(ctx, s) : NO_DIM;
    bool item = dim != NO_DIM && dim != CL_DIM_COUNT;
    if (head || item || bound || (cut && !verb))
        return p[0].start;
    /* 投运服务|器: a verb's keyword that starts the word the subject is cut from; the word,
     * never its last character (服务器) */
    if ((!cut && !short_ && !inside) || cl_lexicon_longest(text + s.start, n))
        return s.start;   /* 召开|支委会, 发现|问题: the subject starts with a word of its own */
    /* 投运服务|器: the word across the cut when it takes in the subject's first character */
    uint32_t w = word_across(ctx->doc, p[0].start, s.start, s.end);
    return w < s.start && cl_lexicon_has(text + w, s.start + CP - w) ? w : s.start;
}

/* -- verbs and adverbs at the ends ------------------------------------------------------------- */

/* Whether WORD at P is a word there, not the start of a longer one (处置 in 处置率). */
static bool whole_at(const char *p, size_t room, const cl_word *w)
{
    return cl_lexicon_longest(p, room) <= w->n;
}

/* Off the start: a verb that opens the clause before its object (出动执法人员). */
static cl_span strip_lead(const cl_doc *doc, cl_span s)
{
    for (int round = 0; round < 2; round++) {
        const char *p = doc->text + s.start;
        size_t n = span_len(s);
        const cl_word *w = cjk_at(p) ? starts_with(p, n, cl_subject_lead, cl_subject_lead_firsts) : NULL;
        if (!w || n < w->n + 2 * CP || !whole_at(p, n, w) ||
            is_head(p + w->n, n - w->n))
            break;
        s.start += (uint32_t)w->n;
    }
    return s;
}

/* Off the start: marks that join a code or a list number to a name and begin none
 * (20106-財政事務, 1、, 2）): a subject starts with what it names. Most subjects start with a
 * Chinese character (lead byte E4-E9), decided by the first byte. */
static cl_span strip_marks(const cl_doc *doc, cl_span s)
{
    static const char *const wide[] = {"－", "—", "：", "、", "）", "·", "．"};
    while (span_len(s) > 1) {
        const unsigned char *p = (const unsigned char *)doc->text + s.start;
        size_t n = 0;
        if (*p < 0x80) {
            n = *p && strchr("-_.:)]/", *p) ? 1 : 0;
        } else if (*p == 0xEF || *p == 0xE2 || *p == 0xE3 || *p == 0xC2) {
            for (size_t i = 0; i < sizeof wide / sizeof wide[0] && !n; i++) {
                size_t w = strlen(wide[i]);
                if (span_len(s) > w && memcmp(p, wide[i], w) == 0)
                    n = w;
            }
        }
        if (!n && (*p == '(' || (span_len(s) > 3 && memcmp(p, "（", 3) == 0))) {
            /* an aside opened before the subject and not closed in it: (其中经常性收入 */
            size_t w = *p == '(' ? 1 : 3;
            const char *q = doc->text + s.start + w;
            size_t rest = span_len(s) - w;
            if (!memchr(q, ')', rest) && cl_text_find(q, rest, "）") >= rest)
                n = w;
        }
        if (!n)
            break;
        s.start += (uint32_t)n;
    }
    return s;
}

/* Whether S starts right after a quantity: the things counted (132个长江入河排污口). */
static bool after_quantity(const cl_ctx *ctx, cl_span s)
{
    for (int i = tokens_ending_by(ctx, s.start); i > 0 && s.start - ctx->toks[i - 1].span.end <= 1; i--)
        if (ctx->toks[i - 1].sig == CL_SIG_QTY)
            return true;
    return false;
}

/* 339个地级及以上城市|平均优良天数比例: after a count of places, the metric is stated over them; it
 * starts after the last place word (grammar/words.tsv subject_places) that more than two
 * characters follow. */
cl_span cl_subject_after_places(const cl_ctx *ctx, const cl_stok *q, cl_span s)
{
    uintptr_t at = (uintptr_t)q, lo = (uintptr_t)ctx->toks;
    if (at < lo || at >= (uintptr_t)(ctx->toks + ctx->ntoks))
        return s;   /* a value made by the builder (与去年持平), not a token */
    int i = (int)((at - lo) / sizeof *q);   /* the token before S: a few back from Q's, when S is Q's own */
    for (int back = 0; i > 0 && ctx->toks[i - 1].span.end > s.start; i--)
        if (++back > 4)
            return s;
    if (i == 0 || s.start - ctx->toks[i - 1].span.end > 1 || ctx->toks[i - 1].sig != CL_SIG_QTY ||
        ctx->toks[i - 1].unit_row < 0 || cl_units[ctx->toks[i - 1].unit_row].dim != CL_DIM_COUNT)
        return s;
    const char *text = ctx->doc->text;
    uint32_t start = s.start;
    for (uint32_t at = s.start; at + 2 * CP < s.end; at += (uint32_t)cl_cp_len((unsigned char)text[at]))
        for (const cl_word *w = cl_words_subject_places; w->s; w++)
            if (text[at + 2] == w->s[2] && at + w->n + 2 * CP <= s.end && memcmp(text + at, w->s, w->n) == 0 &&
                word_across(ctx->doc, at, at + (uint32_t)w->n, s.end) == at + w->n)
                start = at + (uint32_t)w->n;   /* not 城市|污水: a word across its end */
    return cl_span_of(start, s.end);
}

/* Off the end: verbs and adverbs that end the subject (湖泊水质保持, 排污口正加快推进, 城镇调查失业率
 * 平均); after a quantity, a verb and all that follows it too (2家企业获批国家…). AFTER_QTY is
 * after_quantity(ctx, S) when the caller knows it already, else -1. */
static cl_span strip_tail(const cl_ctx *ctx, cl_span s, int after_qty)
{
    const cl_doc *doc = ctx->doc;
    const char *text = doc->text;
    bool counted = span_len(s) >= 4 * CP && (after_qty >= 0 ? after_qty : after_quantity(ctx, s));
    for (uint32_t i = s.start + 2 * CP; counted && i + 2 * CP <= s.end; i++) {
        if (!cjk_at(text + i))
            continue;
        uint32_t h = cl_hash33(0, text + i, CP) % 4096;   /* starts_with's test, without a call */
        const cl_word *w = cl_subject_tail_firsts[h >> 6] >> (h & 63) & 1
                               ? starts_with(text + i, s.end - i, cl_subject_tail, cl_subject_tail_firsts) : NULL;
        if (w && whole_at(text + i, s.end - i, w) && word_across(doc, s.start, i, s.end) == i) {
            s.end = i;
            break;
        }
        i += CP - 1;
    }
    for (int round = 0; round < 4 && span_len(s) > 2 * CP; round++) {
        const char *lastcp = text + s.end - 1;
        while (lastcp > text + s.start && ((unsigned char)*lastcp & 0xC0) == 0x80)
            lastcp--;
        if (!cl_char_bit(cl_subject_end_lasts, lastcp, (size_t)(text + s.end - lastcp)))
            break;
        const cl_word *hit = NULL;
        for (const cl_word *const *list = (const cl_word *const[]){cl_subject_end, cl_subject_tail, NULL};
             *list && !hit; list++)
            for (const cl_word *w = *list; w->s && !hit; w++)
                if (span_len(s) >= w->n + 2 * CP && w->s[w->n - 1] == text[s.end - 1] &&
                    memcmp(text + s.end - w->n, w->s, w->n) == 0 &&
                    word_across(doc, s.start, s.end - (uint32_t)w->n, s.end) == s.end - w->n)
                    hit = w;
        if (!hit)
            break;
        s.end -= (uint32_t)hit->n;
    }
    return s;
}

/* The subject's end on a word boundary: the subject read as words from its start, longest
 * first (friso's forward maximum matching), may end inside one (共享|海事|雷达 cut at 雷 by 达,
 * a copula elsewhere). The word is taken whole when a number or a space follows it, else
 * left out (失业率|平均 cut at 平). */
static uint32_t fix_end(const cl_ctx *ctx, cl_span s)
{
    const char *text = ctx->doc->text;
    uint32_t limit = ctx->doc->len > s.end + NEAR ? s.end + NEAR : (uint32_t)ctx->doc->len;
    if (word_across(ctx->doc, s.start, s.end, limit) == s.end || !soft_token_at(ctx, s.end, false))
        return s.end;   /* no word of the lexicon crosses it: nothing to read */
    uint32_t at = s.start, last = s.start;
    while (at < s.end) {
        last = at;
        if (!cjk_at(text + at)) {
            at++;
            continue;
        }
        size_t w = cl_lexicon_longest(text + at, limit - at);
        at += w ? (uint32_t)w : CP;
    }
    if (at == s.end || last == s.start || cl_lexicon_has(text + last, s.end - last))
        return s.end;   /* 平均|为: the lexicon has 平均为 too, but 平均 is a word */
    unsigned char c = (unsigned char)text[at];
    return (c >= '0' && c <= '9') || c == ' ' ? at : last;
}

/* The bytes of a pinyin gloss at P within N ((chǎn), (yè): traditional pages that gloss each
 * character), or 0. */
static size_t gloss_at(const char *p, size_t n)
{
    if (n < 3 || p[0] != '(' || !((p[1] >= 'a' && p[1] <= 'z') || (unsigned char)p[1] >= 0xC3))
        return 0;
    for (size_t i = 1; i < n && i < 12; i++)
        if (p[i] == ')')
            return i + 1;
    return 0;
}

/* Off the start: a subject and the verb 实现 or 完成 before its object (规上服务业实现营业收入,
 * 城中区完成地区生产总值, 第一产(chǎn)业(yè)实(shí)现(xiàn)增加值): what is measured is the object. */
static cl_span after_achieve(const cl_doc *doc, cl_span s)
{
    const char *text = doc->text;
    for (uint32_t i = s.start; i + 2 * CP <= s.end; i++) {
        const char *e5 = memchr(text + i, 0xE5, s.end - 2 * CP + 1 - i);   /* 实, 完: E5 AE */
        if (!e5)
            break;
        i = (uint32_t)(e5 - text);
        bool achieve = cp_is(text + i, "实");
        if (!achieve && !cp_is(text + i, "完"))
            continue;
        uint32_t j = i + CP;
        j += (uint32_t)gloss_at(text + j, s.end - j);
        if (j + CP > s.end || !cp_is(text + j, achieve ? "现" : "成"))
            continue;
        j += CP;
        j += (uint32_t)gloss_at(text + j, s.end - j);
        /* 完成 before a bare 投资 keeps what it is the investment of (房地产开发完成投资) */
        if (s.end - j >= (achieve ? 2 : 3) * CP && cjk_at(text + j))
            return cl_span_of(j, s.end);
    }
    return s;
}

/* -- a name that ends with a bracket --------------------------------------------------------- */

cl_span cl_subject_bracketed(const cl_ctx *ctx, uint32_t at, uint32_t clause)
{
    const char *text = ctx->doc->text;
    while (at > clause && text[at - 1] == ' ')
        at--;
    for (const cl_word *w = cl_words_subject_links; w->s; w++)   /* 地区生产总值(GDP)完成2252248万元 */
        if (at >= clause + w->n && memcmp(text + at - w->n, w->s, w->n) == 0) {
            at -= (uint32_t)w->n;
            break;
        }
    while (at > clause && text[at - 1] == ' ')
        at--;
    uint32_t open, start = name_before_bracket(ctx, at, at - clause > BRACKET_MAX ? at - BRACKET_MAX : clause,
                                               true, &open);   /* 限产(chǎn)停产(chǎn)15起 */
    if (start == at)
        return cl_span_of(0, 0);
    uint32_t close = at - (text[at - 1] == ')' ? 1 : CP), in = open + (text[open] == '(' ? 1 : CP);
    bool aside = false;   /* (含投工投劳折资): an aside, not a part of the name before it */
    for (const cl_word *w = cl_words_subject_asides; w->s && !aside; w++)
        aside = w->n <= close - in && memcmp(text + in, w->s, w->n) == 0;
    return cl_subject_resolve(ctx, cl_span_of(start, aside ? open : at));
}

cl_span cl_subject_resolve(const cl_ctx *ctx, cl_span s)
{
    if (!span_len(s))
        return s;
    s = cl_subject_trim(ctx->doc, s);
    if (!span_len(s))
        return s;
    cl_span was = s;
    for (int round = 0; round < 3; round++) {   /* 电力、热力、燃气及水生产和供应业增加值 */
        uint32_t start = extend_start(ctx, s);
        if (start == s.start)
            break;
        s.start = start;
        s = cl_subject_trim(ctx->doc, s);
    }
    s.end = fix_end(ctx, s);
    s = strip_lead(ctx->doc, strip_marks(ctx->doc, s));
    int counted = -1;   /* after_quantity(ctx, s), once known: it depends on s.start only */
    if (span_len(s) >= 4 * CP && memchr(ctx->doc->text + s.start, 0xE5, span_len(s))) {   /* 实, 完: E5 */
        counted = after_quantity(ctx, s);
        if (!counted) {   /* things counted end before the verb (10户规上企业实现…) */
            cl_span object = after_achieve(ctx->doc, s);
            counted = object.start == s.start ? counted : -1;
            s = object;
        }
    }
    s = strip_tail(ctx, s, counted);
    if (cl_subject_item_may(ctx->doc, s)) {
        uint32_t period;
        s = cl_subject_item_name(ctx->doc, s, &period);
        if (period < s.start) {   /* 政府性基金|上年结余: the fund's name before the period too */
            cl_span fund = cl_subject_prose_before(ctx, period);
            s.start = fund.end == period ? cl_subject_trim(ctx->doc, fund).start : period;
        }
    }
    return s.start == was.start && s.end == was.end ? s : cl_subject_trim(ctx->doc, s);
}
