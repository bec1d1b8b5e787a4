/* textpos.c — line and column of byte offsets, from a cursor that moves both ways.
 *
 * The writers ask for the positions of spans in text order (claims, tokens, diagnostics);
 * the document's checkpoints (ast.c) answer single questions from the nearest 4 KiB. */
#include <string.h>

#include "textpos.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2 1   /* as the CPU has it (__builtin_cpu_supports) */
#include <immintrin.h>
#endif

static bool is_cont(unsigned char c)   /* 10xxxxxx */
{
    return (c & 0xC0) == 0x80;
}

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

