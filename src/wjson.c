/* wjson.c — the writer core's JSON strings and names (wjson.h). */
#include "wjson.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* The leads of three-byte sequences, E1..EC and EE..EF, that need no more than two continuation
 * bytes to be valid: most of CJK. (E0 and ED allow narrower ranges: cl_utf8_len decides those.) */
/* How many bytes from the start of S[0..N) a JSON string takes as they are: ASCII with no
 * escape, and valid UTF-8 sequences. */
static size_t as_is(const unsigned char *s, size_t n)
{
    return cl_utf8_run(s, n, ascii_class);
}

/* The byte C where as_is stopped: its escape, or U+FFFD for NUL and for each byte that is not
 * part of a valid sequence. */
static char *w_escaped(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char k = c < 0x80 ? ascii_class[c] : 'z';
    if (k == 'z')
        return CL_LIT(o, "\xEF\xBF\xBD");
    if (k == 'u') {
        o = CL_LIT(o, "\\u00");
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
        return o;
    }
    *o++ = '\\';
    *o++ = k;
    return o;
}

char *cl_w_string(char *o, const char *s, size_t n)
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

char *cl_w_text(char *o, const char *text, size_t len, cl_span s)
{
#ifdef __SSE2__
    size_t n = s.end - s.start;
    if (s.end >= s.start && s.start + ((n + 15) & ~(size_t)15) <= len &&
        copy_plain(o + 1, (const unsigned char *)text + s.start, n)) {
        o[0] = '"';
        o[n + 1] = '"';
        return o + n + 2;
    }
#else
    (void)len;
#endif
    return cl_w_string(o, text + s.start, cl_span_len(s));
}

char *cl_w_string_raw(char *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (c >= 0x80 || !ascii_class[c]) {
            *o++ = (char)c;
        } else if (c == 0) {   /* a C string ends here */
            break;
        } else {
            o = w_escaped(o, c);
        }
    }
    *o++ = '"';
    return o;
}

/* -- names ----------------------------------------------------------------------------------- */

/* Keep NAME in the free slot E, if it can be kept. */
static const cl_jname *keep_name(cl_jnames *m, cl_jname *e, const char *name)
{
    size_t n = strlen(name);
    if (m->kept >= CL_NAME_SLOTS / 4 * 3 || n + 2 > CL_NAME_JSON ||
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

/* NAME's slot, filled at the first look; NULL when NAME is not kept. */
const cl_jname *cl_name_slot(cl_jnames *m, const char *name)
{
    size_t h = cl_name_hash(name);
    while (m->slot[h].name != name) {
        if (!m->slot[h].name)
            return keep_name(m, &m->slot[h], name);
        h = (h + 1) % CL_NAME_SLOTS;
    }
    return &m->slot[h];
}
