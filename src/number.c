/* number.c — exact decimal values of numerals: Arabic, full-width and Chinese.
 *
 * Values are cl_dec (mantissa * 10^exp). Mantissas stay below 10^19 so they fit uint64_t;
 * anything larger is reported as overflow, never wrapped. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"

#define MANT_LIMIT 10000000000000000000ULL /* 10^19: the first value we refuse */
#define EXP_LIMIT 40                       /* printable without exponent notation */

static bool mul_add(uint64_t *m, unsigned mul, unsigned add)
{
    if (*m > (MANT_LIMIT - 1 - add) / mul)
        return false;
    *m = *m * mul + add;
    return true;
}

/* Strip trailing zeros of the mantissa into the exponent: 5280 e0 -> 528 e1. */
static void normalise(cl_dec *d)
{
    if (d->mant == 0) {
        d->exp = 0;
        return;
    }
    while (d->mant % 10 == 0) {
        d->mant /= 10;
        d->exp++;
    }
}

bool cl_dec_scale(cl_dec *d, int k)
{
    d->exp += k;
    normalise(d);
    return d->exp <= EXP_LIMIT && d->exp >= -EXP_LIMIT;
}

/* The decimal digit at S, half- or full-width, or -1; *LEN gets its byte length. */
static int digit_at(const unsigned char *s, const unsigned char *e, int *len)
{
    if (s < e && *s >= '0' && *s <= '9') {
        *len = 1;
        return *s - '0';
    }
    /* U+FF10..U+FF19 is EF BC 90..99 */
    if (e - s >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
        *len = 3;
        return s[2] - 0x90;
    }
    return -1;
}

bool cl_num_arabic(const unsigned char *s, const unsigned char *e, cl_dec *out)
{
    uint64_t m = 0;
    int frac = 0, len;
    bool in_frac = false, any = false;
    while (s < e) {
        int d = digit_at(s, e, &len);
        if (d >= 0) {
            if (!mul_add(&m, 10, (unsigned)d))
                return false;
            frac += in_frac;
            any = true;
            s += len;
        } else if (*s == ',') {
            s++;
        } else if (*s == '.' || (e - s >= 3 && memcmp(s, "\xEF\xBC\x8E", 3) == 0)) { /* ． */
            in_frac = true;
            s += *s == '.' ? 1 : 3;
        } else {
            break;
        }
    }
    out->mant = m;
    out->exp = -frac;
    out->neg = false;
    normalise(out);
    return any;
}

/* Chinese numeral characters: digit value 0..9, or a place value, or neither. */
typedef struct { const char *utf8; int digit; int power; } cn_char;
static const cn_char cn_chars[] = {
    {"零", 0, -1}, {"〇", 0, -1}, {"一", 1, -1}, {"二", 2, -1}, {"两", 2, -1}, {"三", 3, -1},
    {"四", 4, -1}, {"五", 5, -1}, {"六", 6, -1}, {"七", 7, -1}, {"八", 8, -1}, {"九", 9, -1},
    {"壹", 1, -1}, {"贰", 2, -1}, {"叁", 3, -1}, {"肆", 4, -1}, {"伍", 5, -1}, {"陆", 6, -1},
    {"柒", 7, -1}, {"捌", 8, -1}, {"玖", 9, -1},
    {"十", -1, 1}, {"拾", -1, 1}, {"百", -1, 2}, {"佰", -1, 2}, {"千", -1, 3}, {"仟", -1, 3},
    {"万", -1, 4}, {"亿", -1, 8},
};

static const cn_char *cn_at(const unsigned char *s, const unsigned char *e)
{
    if (e - s < 3)
        return NULL;
    for (size_t i = 0; i < sizeof cn_chars / sizeof cn_chars[0]; i++)
        if (memcmp(s, cn_chars[i].utf8, 3) == 0)
            return &cn_chars[i];
    return NULL;
}

/* Chinese integers as exact decimals: sections of 千百十 within 万 and 亿.
 * 一千二百三十四万 = ((1*1000 + 2*100 + 3*10 + 4) * 10^4). A run of bare digits with no place
 * value (二〇二四) is positional; two adjacent digits (两三) are a range of 2 to 3. */
bool cl_num_chinese(const unsigned char *s, const unsigned char *e, cl_dec *out, cl_dec *hi,
                    bool *has_hi)
{
    const unsigned char *point = NULL;
    for (const unsigned char *p = s; p + 3 <= e; p += 3)
        if (memcmp(p, "点", 3) == 0) {
            point = p;
            break;
        }
    const unsigned char *int_end = point ? point : e;

    /* count digits and place values to pick the reading */
    int ndigits = 0, nplaces = 0, first = -1, second = -1;
    for (const unsigned char *p = s; p < int_end; p += 3) {
        const cn_char *c = cn_at(p, int_end);
        if (!c)
            return false;
        if (c->digit >= 0) {
            if (ndigits == 0) first = c->digit;
            else if (ndigits == 1) second = c->digit;
            ndigits++;
        } else {
            nplaces++;
        }
    }
    *has_hi = false;
    if (nplaces == 0 && ndigits == 2 && !point && second == first + 1 && first > 0) {
        out->mant = (uint64_t)first;  /* 两三: a range */
        out->exp = 0;
        out->neg = false;
        hi->mant = (uint64_t)second;
        hi->exp = 0;
        hi->neg = false;
        *has_hi = true;
        return true;
    }

    uint64_t total = 0;   /* completed 亿 sections */
    uint64_t section = 0; /* completed 万 sections within the current 亿 */
    uint64_t small = 0;   /* the current group below 万 */
    uint64_t digit = 0;
    bool pending = false;
    int last_power = 0;   /* place value of the previous character; 0 after a digit or 零 */
    if (nplaces == 0) {   /* positional: 二〇二四 */
        for (const unsigned char *p = s; p < int_end; p += 3)
            if (!mul_add(&small, 10, (unsigned)cn_at(p, int_end)->digit))
                return false;
    } else {
        for (const unsigned char *p = s; p < int_end; p += 3) {
            const cn_char *c = cn_at(p, int_end);
            if (c->digit >= 0) {
                digit = (uint64_t)c->digit;
                pending = true;
                /* 两万五 = 25000, 三千五 = 3500: a last digit right after 百 千 万 is one
                 * place below it (not after 十 or 零: 一百零五 = 105, 二十五 = 25) */
                if (p + 3 == int_end && last_power >= 2 && !point) {
                    static const uint64_t below[] = {0, 0, 10, 100, 1000, 0, 0, 0, 10000000};
                    small += digit * below[last_power];
                    pending = false;
                    digit = 0;
                }
                last_power = 0;
            } else if (c->power < 4) {
                uint64_t unit = c->power == 1 ? 10 : c->power == 2 ? 100 : 1000;
                small += (pending ? digit : 1) * unit;  /* 十二: a bare 十 is 10 */
                pending = false;
                digit = 0;
                last_power = c->power;
            } else {
                uint64_t group = small + (pending ? digit : 0);
                if (group == 0 && p == s)
                    group = 1;   /* 万余人, 近万元: a bare 万 is 10000 */
                small = digit = 0;
                pending = false;
                last_power = c->power;
                if (c->power == 4) {
                    section = (section + group);
                    if (section > (MANT_LIMIT - 1) / 10000)
                        return false;
                    section *= 10000;
                } else {
                    uint64_t t = total + section + group;
                    if (t > (MANT_LIMIT - 1) / 100000000)
                        return false;
                    total = t * 100000000;
                    section = 0;
                }
            }
        }
        small += pending ? digit : 0;
    }
    uint64_t m = total + section + small;
    if (m < total)
        return false;

    int frac = 0;
    if (point) {
        for (const unsigned char *p = point + 3; p < e; p += 3) {
            const cn_char *c = cn_at(p, e);
            if (!c || c->digit < 0 || !mul_add(&m, 10, (unsigned)c->digit))
                return false;
            frac++;
        }
    }
    out->mant = m;
    out->exp = -frac;
    out->neg = false;
    normalise(out);
    return true;
}

bool cl_num_any(const unsigned char *s, const unsigned char *e, cl_dec *out)
{
    int len;
    if (s < e && digit_at(s, e, &len) >= 0)
        return cl_num_arabic(s, e, out);
    cl_dec hi;
    bool has_hi;
    return s < e && cl_num_chinese(s, e, out, &hi, &has_hi) && !has_hi;
}

/* Compare two decimals exactly. */
static int magnitude_cmp(cl_dec a, cl_dec b);

int cl_dec_cmp(cl_dec a, cl_dec b)
{
    bool na = a.neg && a.mant, nb = b.neg && b.mant;
    if (na != nb)
        return na ? -1 : 1;
    return na ? -magnitude_cmp(a, b) : magnitude_cmp(a, b);
}

static int magnitude_cmp(cl_dec a, cl_dec b)
{
    if (a.mant == 0 || b.mant == 0)
        return (a.mant > 0) - (b.mant > 0);
    /* compare magnitudes: digits + exp */
    int da = 0, db = 0;
    for (uint64_t m = a.mant; m; m /= 10) da++;
    for (uint64_t m = b.mant; m; m /= 10) db++;
    if (da + a.exp != db + b.exp)
        return da + a.exp < db + b.exp ? -1 : 1;
    /* same magnitude: align mantissas to the same number of digits */
    uint64_t ma = a.mant, mb = b.mant;
    while (da < db) { ma *= 10; da++; }
    while (db < da) { mb *= 10; db++; }
    return (ma > mb) - (ma < mb);
}

/* NUM / DEN * 100 to 2 decimals, rounded half-up, in integers only (no double: the value must
 * not depend on floating-point rounding). Long division, one decimal digit at a time. */
bool cl_num_percent_of(cl_dec num, cl_dec den, cl_dec *out)
{
    if (den.mant == 0)
        return false;
    /* num/den * 10^4 = (n.mant / d.mant) * 10^k: hundredths of a percent */
    int k = num.exp - den.exp + 4;
    uint64_t n = num.mant, d = den.mant;
    for (; k < 0; k++) {   /* a denominator with more decimals: scale it up */
        if (d > UINT64_MAX / 10)
            return false;
        d *= 10;
    }
    uint64_t q = n / d, r = n % d;
    /* k + 1 more digits: k for the scale, one to round on */
    for (int i = 0; i <= k; i++) {
        if (r > UINT64_MAX / 10 || q > (MANT_LIMIT - 1) / 10)
            return false;
        r *= 10;
        q = q * 10 + r / d;
        r %= d;
    }
    q = (q + 5) / 10;   /* round half-up on the last digit */
    out->mant = q;
    out->exp = -2;
    out->neg = false;
    normalise(out);
    return true;
}

double cl_dec_to_double(cl_dec d)
{
    /* mantissa and power of ten are both exact below 10^22, so one rounding: 0.068 is the
     * double nearest 0.068 (no strtod: it would depend on the locale) */
    double m = d.neg ? -(double)d.mant : (double)d.mant;
    /* -(double)exp, not -exp: an exponent of INT32_MIN (any cl_dec a caller builds) has no
     * int32 negation; 10^2147483648 is inf as a double, and the value 0, as it should be */
    return d.exp >= 0 ? m * pow(10.0, d.exp) : m / pow(10.0, -(double)d.exp);
}

char *cl_dec_format(cl_dec d, char *buf)
{
    char digits[24];   /* the mantissa's digits, by hand: snprintf was most of this function */
    int n = 0;
    char rev[24];
    uint64_t m = d.mant;
    do {
        rev[n++] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    for (int i = 0; i < n; i++)
        digits[i] = rev[n - 1 - i];
    digits[n] = '\0';
    char *p = buf;
    if (d.mant == 0) {
        strcpy(buf, "0");
        return buf;
    }
    if (d.neg) {   /* the sign, then the magnitude: cut to BUF's 63 characters (the exponent
                    * form is at most 25, so a magnitude that long is never cut) */
        char mag[CL_DEC_BUFSIZE];
        d.neg = false;
        cl_dec_format(d, mag);
        if (strlen(mag) > 62)
            snprintf(mag, sizeof mag, "%se%d", digits, (int)d.exp);
        snprintf(buf, CL_DEC_BUFSIZE, "-%s", mag);
        return buf;
    }
    /* Quantities are scaled within 10^±40 (cl_dec_scale), but a raw numeral (--format tokens)
     * may be 0.000…1 with a hundred zeros: past 63 characters, exponent notation, which is
     * still a JSON number (plain digits would overrun BUF, and were once cut short). */
    long width = d.exp >= 0 ? (long)n + d.exp : (n + d.exp > 0 ? n + 1L : 2L - d.exp);
    if (width > 63) {
        snprintf(buf, 64, "%se%d", digits, (int)d.exp);
        return buf;
    }
    if (d.exp >= 0) {
        memcpy(p, digits, (size_t)n);
        p += n;
        for (int i = 0; i < d.exp; i++)
            *p++ = '0';
    } else {
        int point = n + d.exp; /* digits before the decimal point */
        if (point <= 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = point; i < 0; i++)
                *p++ = '0';
            memcpy(p, digits, (size_t)n);
            p += n;
        } else {
            memcpy(p, digits, (size_t)point);
            p += point;
            *p++ = '.';
            memcpy(p, digits + point, (size_t)(n - point));
            p += n - point;
        }
    }
    *p = '\0';
    return buf;
}
