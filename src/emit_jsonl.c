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
 * Line and column come from a cursor local to the writer, so the document is only read. The
 * writer takes claims one at a time: from a parsed document (cl_write_jsonl), or as a streaming
 * parse hands them out (cl_parse_adopt_each, for --format jsonl). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "emit.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2 1   /* as the CPU has it (__builtin_cpu_supports) */
#include <immintrin.h>
#endif

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

/* "00" "01" … "99": integers are written two digits at a time (one digit per division was a
 * quarter of this writer: every claim has seven integers, most of them 7- or 8-digit offsets). */
static const char digit_pairs[201] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static char *w_lead(char *o, uint32_t v)   /* v < 100: one digit or two */
{
    if (v < 10) {
        *o = (char)('0' + v);
        return o + 1;
    }
    memcpy(o, digit_pairs + 2 * v, 2);
    return o + 2;
}

/* Digits without a division: T is the number divided by a power of 100, in fixed point with 32
 * bits after the point, so each multiplication of its fraction by 100 brings the next two
 * digits before the point. */
static char *w_next2(char *o, uint64_t *t)
{
    *t = (*t & 0xFFFFFFFFu) * 100;
    memcpy(o, digit_pairs + 2 * (*t >> 32), 2);
    return o + 2;
}

/* X / 100^K as such a T, for X < 100^(K + 1) and K = 1, 2, 3, from M = 2^52 / 100^K rounded
 * up: too large by less than 70 in the last place, which the K multiplications by 100 keep
 * below 0.02 of the last digit (tried for every X below 10^8). */
static uint64_t fixed(uint32_t x, uint64_t m)
{
    return ((x * m) >> 20) + 1;
}

static char *w_uint_big(char *o, uint64_t v);

/* An integer as cJSON prints a number ("%1.15g"): plain digits below 10^15, which covers every
 * offset, line, column and id (offsets are 32-bit). At most 20 bytes. */
static char *w_uint(char *o, uint64_t v)
{
    uint64_t t;
    if (v < 100)
        return w_lead(o, (uint32_t)v);
    if (v < 10000) {
        t = fixed((uint32_t)v, 45035996273705u);
        o = w_lead(o, (uint32_t)(t >> 32));
        return w_next2(o, &t);
    }
    if (v < 1000000) {
        t = fixed((uint32_t)v, 450359962738u);
        o = w_lead(o, (uint32_t)(t >> 32));
        o = w_next2(o, &t);
        return w_next2(o, &t);
    }
    if (v < 100000000) {
        t = fixed((uint32_t)v, 4503599628u);
        o = w_lead(o, (uint32_t)(t >> 32));
        o = w_next2(o, &t);
        o = w_next2(o, &t);
        return w_next2(o, &t);
    }
    return w_uint_big(o, v);
}

static char *w_uint_big(char *o, uint64_t v)   /* from a 100 MB document on: digit by digit */
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

/* An exact decimal literal, as emit_json.c's cJSON_CreateRaw prints it (cl_dec_format): the
 * usual forms are written here, without cl_dec_format's copies and the strlen after it — an
 * integer (digits, then EXP zeros) and digits with the point among them; a leading "0.", and
 * widths where cl_dec_format turns to exponents, are left to it. At most 64 bytes. */
#define DEC_MAX 64
static char *w_dec(char *o, cl_dec d)
{
    if (d.mant == 0)
        return LIT(o, "0");
    if (d.exp >= 0 && d.exp <= 16) {   /* 20 digits and 16 zeros: far from the 63 bytes */
        char *e = w_uint(o, d.mant);
        memset(e, '0', (size_t)d.exp);
        return e + d.exp;
    }
    if (d.exp < 0) {
        char *e = w_uint(o, d.mant);
        long frac = -(long)d.exp;
        if (e - o > frac) {   /* a digit before the point */
            memmove(e - frac + 1, e - frac, (size_t)frac);
            e[-frac] = '.';
            return e + 1;
        }
    }
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

static bool is_cont(unsigned char c)   /* 10xxxxxx */
{
    return (c & 0xC0) == 0x80;
}

/* The leads of three-byte sequences, E1..EC and EE..EF, that need no more than two continuation
 * bytes to be valid: most of CJK. (E0 and ED allow narrower ranges: cl_utf8_len decides those.) */
/* How many bytes from the start of S[0..N) a JSON string takes as they are: ASCII with no
 * escape, and valid UTF-8 sequences. */
static size_t as_is(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (ascii_class[c])
                break;
            i++;
        } else if (n - i >= 8 && cl_utf8_two_plain3(s + i)) {
            i += 6;
        } else if (n - i >= 3 && cl_utf8_plain3(s + i)) {
            i += 3;
        } else {
            size_t len = cl_utf8_len(s + i, n - i);
            if (!len)
                break;
            i += len;
        }
    }
    return i;
}

/* The byte C where as_is stopped: its escape, or U+FFFD for NUL and for each byte that is not
 * part of a valid sequence. */
static char *w_escaped(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char k = c < 0x80 ? ascii_class[c] : 'z';
    if (k == 'z')
        return LIT(o, "\xEF\xBF\xBD");
    if (k == 'u') {
        o = LIT(o, "\\u00");
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
        return o;
    }
    *o++ = '\\';
    *o++ = k;
    return o;
}

/* N bytes of S as a JSON string, always valid UTF-8: as text_string and cJSON print it. It is
 * N + 2 bytes long exactly when S was copied as is. At most STRING_MAX(N) bytes. */
#define STRING_MAX(n) ((n) * 6 + 2)   /* the worst case: every byte a \u00xx */
static char *w_string(char *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    *o++ = '"';
    for (size_t i = 0;;) {
        size_t k = as_is(u + i, n - i);
        memcpy(o, s + i, k);
        o += k;
        i += k;
        if (i == n)
            break;
        o = w_escaped(o, u[i++]);
    }
    *o++ = '"';
    return o;
}

static size_t span_len(cl_span s)
{
    return s.end > s.start ? s.end - s.start : 0;
}

#ifdef __SSE2__
/* Whether all N bytes at S (N rounded up to 16 readable) are as is, as as_is says, found by a
 * narrower rule: ASCII from 0x20 but " and \, and the sequences of two bytes led by C2..DF
 * and of three led by E1..EC, EE, EF (most Chinese text), whose continuation bytes are where
 * the leads say and nowhere else; anything else (E0, ED, four bytes, escapes, damage) is left
 * to as_is. Each block of 16 is copied to O as it is looked at (O has room for N rounded up to
 * 16). */
static bool copy_plain(char *o, const unsigned char *s, size_t n)
{
    const __m128i cont_end = _mm_set1_epi8(-64), lead2_from = _mm_set1_epi8(-63),
                  lead3_from = _mm_set1_epi8(-32), lead3_end = _mm_set1_epi8(-16),
                  xED = _mm_set1_epi8(-19), ascii_from = _mm_set1_epi8(0x1F),
                  quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    uint32_t carry = 0;   /* continuation bytes the leads of the block before need in this one */
    for (size_t i = 0; i < n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        _mm_storeu_si128((__m128i *)(o + i), v);
        __m128i cont = _mm_cmplt_epi8(v, cont_end);                       /* 80..BF */
        __m128i lead2 = _mm_and_si128(_mm_cmpgt_epi8(v, lead2_from),      /* C2..DF */
                                      _mm_cmplt_epi8(v, lead3_from));
        __m128i lead3 = _mm_andnot_si128(_mm_cmpeq_epi8(v, xED),          /* E1..EF but ED */
                                         _mm_and_si128(_mm_cmpgt_epi8(v, lead3_from),
                                                       _mm_cmplt_epi8(v, lead3_end)));
        __m128i ascii = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                      _mm_cmpeq_epi8(v, backslash)),
                                         _mm_cmpgt_epi8(v, ascii_from));   /* 20..7F but " \ */
        __m128i lead = _mm_or_si128(lead2, lead3);
        uint32_t in = n - i < 16 ? (1u << (n - i)) - 1 : 0xFFFFu;   /* the bytes of S */
        uint32_t good = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(cont, lead), ascii));
        uint32_t need = carry | ((uint32_t)_mm_movemask_epi8(lead) & in) << 1 |
                        ((uint32_t)_mm_movemask_epi8(lead3) & in) << 2;
        if ((~good & in) || (need & 0xFFFFu) != ((uint32_t)_mm_movemask_epi8(cont) & in))
            return false;
        carry = need >> 16;
    }
    return carry == 0;   /* no sequence cut by the end */
}
#endif

/* A span of the document. Copied as is, when copy_plain finds it so and the text has the bytes
 * its blocks read. */
static char *w_text(char *o, const cl_doc *doc, cl_span s)
{
#ifdef __SSE2__
    size_t n = s.end - s.start;
    if (s.end >= s.start && s.start + ((n + 15) & ~(size_t)15) <= doc->len &&
        copy_plain(o + 1, (const unsigned char *)doc->text + s.start, n)) {
        o[0] = '"';
        o[n + 1] = '"';
        return o + n + 2;
    }
#endif
    return w_string(o, doc->text + s.start, s.end - s.start);
}

/* A piece S of the claim's text, or null when S is empty. CLEAN is the claim's text when it
 * was copied as is (valid UTF-8, nothing to escape), else empty: a piece of it that begins and
 * ends on code point boundaries is copied as is too, without a second look (subject, raw and
 * unit text lie in the claim's text; looking at them again was half of w_string's time). */
static char *w_piece_or_null(char *o, const cl_doc *doc, cl_span clean, cl_span s)
{
    const unsigned char *text = (const unsigned char *)doc->text;
    if (s.end <= s.start)
        return LIT(o, "null");
    if (s.start < clean.start || s.end > clean.end || is_cont(text[s.start]) ||
        (s.end < clean.end && is_cont(text[s.end])))
        return w_text(o, doc, s);
    size_t n = s.end - s.start;
    *o++ = '"';
    if (n <= 16 && s.start + 16 <= doc->len)   /* most are short: copied inline, as 16 bytes */
        memcpy(o, text + s.start, 16);          /* (claim_bound leaves room) */
    else
        memcpy(o, text + s.start, n);
    o += n;
    *o++ = '"';
    return o;
}

/* -- names ---------------------------------------------------------------------------------- */

/* Kind, unit, approx and direction names are a few constant strings written over and over: each
 * is kept as its JSON string, found by its address (the names outlive the call), and is neither
 * measured nor looked at again (that was a tenth of this writer's time). A name with anything
 * to escape, or too long for a slot, is written each time. */
#define NAME_BITS 7
#define NAME_SLOTS (1 << NAME_BITS)   /* at most 3/4 of them used: short probes, a free slot */
#define NAME_JSON 48                  /* the JSON string of a kept name, quotes included */
typedef struct {
    const char *name;   /* NULL: a free slot */
    size_t len;
    char json[NAME_JSON];
} jname;

typedef struct {
    jname slot[NAME_SLOTS];
    int kept;
} jnames;

/* Keep NAME in the free slot E, if it can be kept. */
static const jname *keep_name(jnames *m, jname *e, const char *name)
{
    size_t n = strlen(name);
    if (m->kept >= NAME_SLOTS / 4 * 3 || n + 2 > NAME_JSON ||
        as_is((const unsigned char *)name, n) != n)
        return NULL;
    e->json[0] = '"';
    memcpy(e->json + 1, name, n);
    e->json[n + 1] = '"';
    e->len = n + 2;
    e->name = name;
    m->kept++;
    return e;
}

static size_t name_hash(const char *name)   /* Fibonacci hashing of the address */
{
    return (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> (64 - NAME_BITS));
}

/* NAME's slot, filled at the first look; NULL when NAME is not kept. */
static const jname *name_slot(jnames *m, const char *name)
{
    size_t h = name_hash(name);
    while (m->slot[h].name != name) {
        if (!m->slot[h].name)
            return keep_name(m, &m->slot[h], name);
        h = (h + 1) % NAME_SLOTS;
    }
    return &m->slot[h];
}

/* NAME's slot, or NULL: name_slot with its usual case, the first slot, inline. */
static const jname *kept_name(jnames *m, const char *name)
{
    const jname *e = &m->slot[name_hash(name)];
    return e->name == name ? e : name_slot(m, name);
}

/* NAME as a JSON string, or null for none. A kept name copies its whole slot (a fixed size is
 * copied inline; claim_bound leaves room): only LEN bytes of it count. */
static char *w_name(char *o, jnames *m, const char *name)
{
    if (!name)
        return LIT(o, "null");
    const jname *e = kept_name(m, name);
    if (!e)
        return w_string(o, name, strlen(name));
    memcpy(o, e->json, NAME_JSON);
    return o + e->len;
}

/* What NAME adds to a claim's bound beyond the 2 KB there: nothing for a kept name. */
static size_t name_bound(jnames *m, const char *name)
{
    return name && !kept_name(m, name) ? STRING_MAX(strlen(name)) : 0;
}

/* -- line and column ------------------------------------------------------------------------- */

/* The answers of cl_doc_position, from a cursor that moves both ways, a move costing the distance
 * moved (and the line's length when moving back over a line break), never a rescan from the
 * start. As there, a line ends at LF, at CRLF or at a lone CR (the byte after a CR decides; the
 * text ends with a NUL), and the column is 1 + the code points since the line began, CR not
 * counted. */
/* How far past the place asked for a cursor looks for the next line break: far enough that
 * the claims of a line find it known, near enough that searching past the last claim costs
 * little. */
#define LOOK_AHEAD 4096

void cl_textpos_init(cl_textpos *p, const char *text, size_t len)
{
    p->text = (const unsigned char *)text;
    p->len = len;
    p->offset = 0;
    p->line = p->column = 1;
    p->next_lf = p->next_cr = 0;
    p->look_ahead = LOOK_AHEAD;
    p->first_cr = 0;
}

/* The sum of the eight bytes of V. */
static uint32_t sum_bytes(uint64_t v)
{
    v = (v & 0x00FF00FF00FF00FFu) + ((v >> 8) & 0x00FF00FF00FF00FFu);   /* four sums < 2^16 */
    return (uint32_t)((v * 0x0001000100010001u) >> 48);
}

/* 1 in each byte of X that is a continuation byte (10xxxxxx: bit 7 set, bit 6 clear). */
static uint64_t cont_bytes(uint64_t x)
{
    return (x & ~(x << 1) & 0x8080808080808080u) >> 7;
}

/* The bytes of S[0..N) that start a code point (are not 10xxxxxx). TEXT is where the readable
 * bytes begin (S lies in TEXT): a rest shorter than a block is read as the end of a block that
 * ends at S + N, when TEXT has the bytes before it. With SSE2 sixteen bytes at a time, the counts
 * adding up in the bytes of ACC, summed once per 255 blocks (before a byte can overflow); else
 * eight at a time, the counts adding up in the eight bytes of LANES, summed once per 127 steps. */
#ifdef __SSE2__
/* 16 zeros, then 16 bytes 0xFF: the 16 bytes from TAIL_MASK + R keep the last R of a block */
static const unsigned char tail_mask[32] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

static size_t sum_sad(__m128i sad)   /* the two sums _mm_sad_epu8 leaves */
{
    return (size_t)(uint32_t)_mm_cvtsi128_si32(sad) +
           (size_t)(uint32_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(sad, sad));
}
#endif

static uint32_t code_points(const unsigned char *text, const unsigned char *s, size_t n)
{
    size_t i = 0, conts = 0;
#ifdef __SSE2__
    /* the bytes that start a code point are the ones above -65 (BF) as signed bytes */
    const __m128i above = _mm_set1_epi8(-65), zero = _mm_setzero_si128();
    size_t starts = 0;
    while (n - i >= 32) {   /* two blocks a step: a byte of ACC gains at most 2 */
        size_t steps = (n - i) / 32 < 127 ? (n - i) / 32 : 127;
        __m128i acc = zero;
        for (size_t k = 0; k < steps; k++, i += 32) {
            __m128i a = _mm_cmpgt_epi8(_mm_loadu_si128((const __m128i *)(s + i)), above);
            __m128i b = _mm_cmpgt_epi8(_mm_loadu_si128((const __m128i *)(s + i + 16)), above);
            acc = _mm_sub_epi8(acc, _mm_add_epi8(a, b));
        }
        starts += sum_sad(_mm_sad_epu8(acc, zero));
    }
    if (i < n && (size_t)(s + n - text) >= 16) {   /* the rest: one block, perhaps a part */
        __m128i acc = zero;
        if (n - i >= 16) {
            acc = _mm_cmpgt_epi8(_mm_loadu_si128((const __m128i *)(s + i)), above);
            i += 16;
        }
        if (i < n) {   /* the last N - I bytes of the block that ends at S + N */
            __m128i v = _mm_loadu_si128((const __m128i *)(s + n - 16));
            __m128i keep = _mm_loadu_si128((const __m128i *)(tail_mask + (n - i)));
            acc = _mm_add_epi8(acc, _mm_and_si128(_mm_cmpgt_epi8(v, above), keep));
        }
        starts += sum_sad(_mm_sad_epu8(_mm_sub_epi8(zero, acc), zero));
        i = n;
    }
    conts = i - starts;
#else
    (void)text;
    while (n - i >= 16) {
        size_t steps = (n - i) / 16 < 127 ? (n - i) / 16 : 127;
        uint64_t lanes = 0;
        for (size_t k = 0; k < steps; k++, i += 16)
            lanes += cont_bytes(cl_load_le64(s + i)) + cont_bytes(cl_load_le64(s + i + 8));
        conts += sum_bytes(lanes);
    }
#endif
    if (n - i >= 8) {
        conts += sum_bytes(cont_bytes(cl_load_le64(s + i)));
        i += 8;
    }
    for (; i < n; i++)
        conts += is_cont(s[i]);
    return (uint32_t)(n - conts);
}

static bool is_break(const unsigned char *c)
{
    return c[0] == '\n' || (c[0] == '\r' && c[1] != '\n');
}

/* The line breaks in [S, E), and the columns after the last of them (or from S, if none). */
static void measure(const unsigned char *text, const unsigned char *s, const unsigned char *e,
                    uint32_t *breaks, uint32_t *columns)
{
    const unsigned char *from = s, *c;
    uint32_t n = 0;
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
    *breaks = n;
    /* A CR after the last break has no column. It can only be the byte before E, the CR of a
     * CRLF whose LF is at E: a lone CR is a break, and so is the LF of a CRLF inside [S, E). */
    *columns = code_points(text, from, (size_t)(e - from)) - (e > from && e[-1] == '\r');
}

#ifdef HAVE_AVX2
#define AVX2 __attribute__((target("avx2,popcnt")))

/* The bytes of A then B that are set (0xFF), as the bits of a word. */
AVX2 static uint64_t bits_of(__m256i a, __m256i b)
{
    return (uint32_t)_mm256_movemask_epi8(a) | (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
}

/* A step of 64 bytes that holds LFs (bits LFS, not 0), whose code points start at bits STARTS:
 * the lines it ends, and the code points after the last LF (a line begins there). */
AVX2 static void count_from_last_lf(uint64_t lfs, uint64_t starts, uint32_t *breaks,
                                    size_t *columns)
{
    int last = 63 - __builtin_clzll(lfs);
    *breaks += (uint32_t)__builtin_popcountll(lfs);
    *columns = last == 63 ? 0 : (size_t)__builtin_popcountll(starts >> (last + 1));
}

/* measure() where no CR lies in [S, S + N), with AVX2: the LFs, and the code points after the
 * last, in one pass of 64 bytes a step, the code points adding up in the bytes of ACC as in
 * code_points until a step holds an LF. The rest is read as the end of the step that ends at
 * S + N, when TEXT (where the readable bytes begin) has it. (A memchr per line, then
 * code_points from the line's start, read most bytes twice in two calls a claim: 2.4% of the
 * pipeline's time by perf, against 1.4% this way.) */
AVX2 static void measure_lf(const unsigned char *text, const unsigned char *s, size_t n,
                            uint32_t *breaks, uint32_t *columns)
{
    const __m256i above = _mm256_set1_epi8(-65), lf = _mm256_set1_epi8('\n'),
                  zero = _mm256_setzero_si256();
    size_t i = 0, starts = 0;
    uint32_t lfs = 0;
    while (n - i >= 64) {   /* a byte of ACC gains at most 2 a step */
        size_t steps = (n - i) / 64 < 127 ? (n - i) / 64 : 127;
        __m256i acc = zero;
        for (size_t k = 0; k < steps; k++, i += 64) {
            __m256i a = _mm256_loadu_si256((const __m256i *)(s + i));
            __m256i b = _mm256_loadu_si256((const __m256i *)(s + i + 32));
            __m256i la = _mm256_cmpeq_epi8(a, lf), lb = _mm256_cmpeq_epi8(b, lf);
            __m256i sa = _mm256_cmpgt_epi8(a, above), sb = _mm256_cmpgt_epi8(b, above);
            __m256i any = _mm256_or_si256(la, lb);
            if (_mm256_testz_si256(any, any)) {
                acc = _mm256_sub_epi8(acc, _mm256_add_epi8(sa, sb));
                continue;
            }
            count_from_last_lf(bits_of(la, lb), bits_of(sa, sb), &lfs, &starts);
            acc = zero;
        }
        __m256i sad = _mm256_sad_epu8(acc, zero);
        starts += sum_sad(_mm_add_epi64(_mm256_castsi256_si128(sad),
                                        _mm256_extracti128_si256(sad, 1)));
    }
    if (i < n && (size_t)(s + n - text) >= 64) {   /* the last N - I bytes of a step */
        uint64_t keep = ~(uint64_t)0 << (64 - (n - i));
        __m256i a = _mm256_loadu_si256((const __m256i *)(s + n - 64));
        __m256i b = _mm256_loadu_si256((const __m256i *)(s + n - 32));
        uint64_t m = bits_of(_mm256_cmpeq_epi8(a, lf), _mm256_cmpeq_epi8(b, lf)) & keep;
        uint64_t st = bits_of(_mm256_cmpgt_epi8(a, above), _mm256_cmpgt_epi8(b, above)) & keep;
        if (m)
            count_from_last_lf(m, st, &lfs, &starts);
        else
            starts += (size_t)__builtin_popcountll(st);
        i = n;
    }
    for (; i < n; i++) {   /* a text shorter than a step */
        if (s[i] == '\n') {
            lfs++;
            starts = 0;
        } else {
            starts += !is_cont(s[i]);
        }
    }
    *breaks = lfs;
    *columns = (uint32_t)starts;
}
#endif

/* The first C in [FROM, TO + the cursor's look-ahead), or where the search stopped: no C
 * before it. */
static size_t next_byte(const cl_textpos *p, size_t from, size_t to, int c)
{
    size_t limit = (to > from ? to : from) + p->look_ahead;
    if (limit > p->len)
        limit = p->len;
    const unsigned char *at = from < limit ? memchr(p->text + from, c, limit - from) : NULL;
    return at ? (size_t)(at - p->text) : limit > from ? limit : from;
}

/* measure() from the cursor forwards, to OFFSET. The line breaks come from where the cursor
 * knows the next LF and CR may be, so memchr looks at each byte once however many claims a
 * line holds (two memchr calls per claim were a third of this writer's time). */
static void measure_ahead(cl_textpos *p, size_t offset, uint32_t *breaks, uint32_t *columns)
{
#ifdef HAVE_AVX2
    if (offset <= p->first_cr && __builtin_cpu_supports("avx2") &&
        __builtin_cpu_supports("popcnt")) {   /* most documents have no CR */
        measure_lf(p->text, p->text + p->offset, offset - p->offset, breaks, columns);
        return;
    }
#endif
    const unsigned char *t = p->text;
    size_t from = p->offset;
    uint32_t n = 0;
    if (p->next_lf < p->offset)   /* the cursor was moved (cl_doc_position, or back) */
        p->next_lf = p->offset;
    if (p->next_cr < p->offset)
        p->next_cr = p->offset;
    if (p->next_cr < p->first_cr)   /* most documents have no CR: none is looked for */
        p->next_cr = p->first_cr < offset ? p->first_cr : offset;
    while (p->next_lf < offset) {
        size_t at = p->next_lf;
        if (t[at] == '\n') {
            n++;
            from = at + 1;
            at++;
        }
        p->next_lf = next_byte(p, at, offset, '\n');
    }
    while (p->next_cr < offset) {
        size_t at = p->next_cr;
        if (t[at] == '\r') {
            if (t[at + 1] != '\n') {   /* a lone CR */
                n++;
                if (at + 1 > from)
                    from = at + 1;
            }
            at++;
        }
        p->next_cr = next_byte(p, at, offset, '\r');
    }
    *breaks = n;
    /* as in measure(): a CR right before OFFSET is the CR of a CRLF, and has no column */
    *columns = code_points(p->text, p->text + from, offset - from) -
               (offset > from && p->text[offset - 1] == '\r');
}

void cl_textpos_at(cl_textpos *p, size_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > p->len)
        offset = p->len;
    uint32_t breaks, columns;
    if (offset >= p->offset) {
        measure_ahead(p, offset, &breaks, &columns);
        p->line += breaks;
        p->column = breaks ? 1 + columns : p->column + columns;
    } else {
        p->next_lf = p->next_cr = offset;   /* the breaks known were ahead of the old place */
        measure(p->text, p->text + offset, p->text + p->offset, &breaks, &columns);
        if (!breaks) {
            p->column -= columns;
        } else {
            p->line -= breaks;
            size_t start = offset;   /* back to the start of the line */
            while (start > 0 && !is_break(p->text + start - 1))
                start--;
            measure(p->text, p->text + start, p->text + offset, &breaks, &columns);
            p->column = 1 + columns;
        }
    }
    p->offset = offset;
    *line = p->line;
    *column = p->column;
}

/* -- the claim ------------------------------------------------------------------------------- */

static const cl_span no_span = {0, 0};

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

/* What the claims share: the document, the line and column cursor, the names kept. */
typedef struct {
    const cl_doc *doc;
    cl_textpos pos;
    jnames names;
} jctx;

static char *w_quantity(char *o, jctx *x, cl_span clean, const cl_quantity *q)
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
        o = w_name(o, &x->names, q->unit);
    }
    o = LIT(o, ",\"unit_text\":");
    o = w_piece_or_null(o, x->doc, clean, q->unit_text);
    o = LIT(o, ",\"approx\":");
    o = w_name(o, &x->names, cl_approx_name(q->approx));
    o = LIT(o, ",\"raw\":");
    o = w_piece_or_null(o, x->doc, clean, q->span);
    o = LIT(o, ",\"span\":");
    o = w_span_object(o, &x->pos, q->span, false);
    return LIT(o, "}");
}

/* ,"indicator":ID or null: ids are snake_case ASCII (tools/gen_indicators.awk checks), short
 * enough for claim_bound's 2 KB of keys and names. */
static char *w_indicator(char *o, const char *id)
{
    o = LIT(o, ",\"indicator\":");
    if (!id)
        return LIT(o, "null");
    size_t n = strlen(id);
    *o++ = '"';
    memcpy(o, id, n);
    o += n;
    *o++ = '"';
    return o;
}

static char *w_claim(char *o, jctx *x, const cl_claim *c, size_t id)
{
    o = LIT(o, "{\"type\":\"Claim\",\"id\":");
    o = w_uint(o, id);
    o = LIT(o, ",\"kind\":");
    o = w_name(o, &x->names, cl_kind_name(c->kind));
    o = c->modality == CL_TARGET ? LIT(o, ",\"modality\":\"target\"")
                                 : LIT(o, ",\"modality\":\"actual\"");
    o = LIT(o, ",\"span\":");
    o = w_span_object(o, &x->pos, c->span, true);
    o = LIT(o, ",\"text\":");
    char *text = o;
    o = w_text(o, x->doc, c->span);
    cl_span clean = (size_t)(o - text) == span_len(c->span) + 2 ? c->span : no_span;
    o = LIT(o, ",\"subject\":");
    o = w_piece_or_null(o, x->doc, clean, c->subject);
    o = w_indicator(o, c->indicator);
    if (c->kind == CL_PROGRESS) {
        o = LIT(o, ",\"done\":");
        o = w_quantity(o, x, clean, &c->done);
        o = LIT(o, ",\"total\":");
        o = w_quantity(o, x, clean, &c->total);
    } else {
        o = LIT(o, ",\"quantity\":");
        o = w_quantity(o, x, clean, &c->quantity);
    }
    if (c->kind == CL_CHANGE) {
        o = LIT(o, ",\"direction\":");
        o = w_name(o, &x->names, cl_direction_name(c->direction));
        o = LIT(o, ",\"baseline\":");
        o = c->baseline.end > c->baseline.start ? w_piece_or_null(o, x->doc, clean, c->baseline)
                                                : LIT(o, "\"\"");   /* none written */
    }
    if (c->distributive)
        o = LIT(o, ",\"distributive\":true");
    return o;
}

/* An upper bound of the bytes w_claim writes: its strings at their worst, and 2 KB for the
 * keys, numbers (at most 20 bytes), decimals (DEC_MAX) and names (kept ones at most NAME_JSON;
 * kinds, approx and directions are short), which need under 1 KB. */
static size_t claim_bound(jctx *x, const cl_claim *c)
{
    size_t text = span_len(c->span) + span_len(c->subject) + span_len(c->baseline), names = 0;
    const cl_quantity *qs[] = {&c->quantity, &c->done, &c->total};
    bool progress = c->kind == CL_PROGRESS;   /* done and total are written, else the quantity */
    for (int i = progress ? 1 : 0; i < (progress ? 3 : 1); i++) {
        text += span_len(qs[i]->unit_text) + span_len(qs[i]->span);
        names += name_bound(&x->names, qs[i]->unit);
    }
    return 2048 + STRING_MAX(text) + names;
}

/* The tail of a claim's line: "doc" and "section", the same for every claim of a section, so
 * the last one is kept (a heading's title may be a whole sentence: escaping it again for each
 * claim was a tenth of this writer's time). From one section to the next, the headings both
 * have, from the outermost down, keep their bytes too: only the rest is written. */
typedef struct {
    char *p;
    size_t len, cap;
    size_t head;                  /* the bytes of ,"doc":NAME,"section":[ once written */
    const cl_section *section;    /* whose tail P holds, when LEN > 0 */
    int depth;
    const cl_section *path[64];   /* its headings from the outermost down, */
    size_t ends[64];              /* and where the title of each ends in P */
} jtail;

/* The headings down to S from the outermost, as cl_section_path_json takes them (64 at most). */
static int heading_path(const cl_section *s, const cl_section **path)
{
    const cl_section *chain[64];
    int depth = 0;
    for (; s && depth < 64; s = s->parent)
        chain[depth++] = s;
    for (int k = 0; k < depth; k++)
        path[k] = chain[depth - 1 - k];
    return depth;
}

static cl_span section_title(const cl_section *s)
{
    return s->title.end > s->title.start ? s->title : s->marker;
}

static bool tail_room(jtail *t, size_t n)   /* room for N bytes in all, keeping what is there */
{
    if (n <= t->cap)
        return true;
    char *p = realloc(t->p, n);
    if (!p)
        return false;
    t->p = p;
    t->cap = n;
    return true;
}

/* Make T the tail of the claims in section S; false when out of memory. */
static bool tail_for(jtail *t, const cl_doc *doc, const cl_section *s)
{
    if (t->len && t->section == s)
        return true;
    if (!t->head) {
        size_t name_len = strlen(doc->name);
        if (!tail_room(t, 32 + STRING_MAX(name_len)))
            return false;
        char *o = LIT(t->p, ",\"doc\":");
        o = w_string(o, doc->name, name_len);
        o = LIT(o, ",\"section\":[");
        t->head = (size_t)(o - t->p);
    }
    const cl_section *path[64];
    int depth = heading_path(s, path), keep = 0;
    while (keep < depth && keep < t->depth && path[keep] == t->path[keep])
        keep++;
    size_t at = keep ? t->ends[keep - 1] : t->head, bound = at + 3 + 16;   /* w_text's blocks */
    for (int k = keep; k < depth; k++)
        bound += 1 + STRING_MAX(span_len(section_title(path[k])));
    if (!tail_room(t, bound))
        return false;
    char *o = t->p + at;
    for (int k = keep; k < depth; k++) {
        if (k)
            *o++ = ',';
        o = w_text(o, doc, section_title(path[k]));
        t->path[k] = path[k];
        t->ends[k] = (size_t)(o - t->p);
    }
    o = LIT(o, "]}\n");
    t->len = (size_t)(o - t->p);
    t->section = s;
    t->depth = depth;
    return true;
}

/* -- the writer: claims one by one, from a whole document or as a parse hands them out -------- */

struct cl_jsonl_writer {
    jbuf buf;
    jctx *x;       /* big (the names kept): on the heap */
    jtail tail;
};

cl_jsonl_writer *cl_jsonl_open(FILE *out)
{
    cl_jsonl_writer *w = calloc(1, sizeof *w);
    if (w && !(w->x = calloc(1, sizeof *w->x))) {
        free(w);
        return NULL;
    }
    if (w)
        w->buf.out = out;
    return w;
}

bool cl_jsonl_claim(cl_jsonl_writer *w, const cl_doc *doc, const cl_claim *c, size_t id)
{
    jctx *x = w->x;
    if (x->doc != doc) {   /* the first claim of a document: its text and name */
        x->doc = doc;
        cl_textpos_init(&x->pos, doc->text, doc->len);
        free(w->tail.p);
        memset(&w->tail, 0, sizeof w->tail);
    }
    x->pos.first_cr = doc->first_cr;   /* a streaming parse may have lexed a CR since */
    if (!tail_for(&w->tail, doc, c->section)) {
        w->buf.failed = true;
        return false;
    }
    if (!reserve(&w->buf, claim_bound(x, c) + w->tail.len))
        return false;
    char *o = w_claim(w->buf.p + w->buf.len, x, c, id);
    memcpy(o, w->tail.p, w->tail.len);
    w->buf.len = (size_t)(o + w->tail.len - w->buf.p);
    if (w->buf.len >= FLUSH_AT)
        flush(&w->buf);
    return !w->buf.failed;
}

bool cl_jsonl_take(void *writer, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    return cl_jsonl_claim(writer, doc, claim, id);
}

int cl_jsonl_close(cl_jsonl_writer *w)
{
    if (!w)
        return -1;
    flush(&w->buf);
    bool failed = w->buf.failed;
    free(w->tail.p);
    free(w->buf.p);
    free(w->x);
    free(w);
    return failed ? -1 : 0;
}

int cl_write_jsonl(const cl_doc *doc, FILE *out)
{
    cl_jsonl_writer *w = cl_jsonl_open(out);
    if (!w)
        return -1;
    for (size_t i = 0; i < doc->claims.len; i++)
        if (!cl_jsonl_claim(w, doc, &CL_VEC_AT(doc->claims, cl_claim, i), i))
            break;
    return cl_jsonl_close(w);
}
