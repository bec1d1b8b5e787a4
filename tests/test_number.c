/* test_number.c — numerals to exact decimals: Arabic, full-width, Chinese, overflow. */
#include <stdio.h>
#include <string.h>

#include "number.h"

static int failures, cases;

static void check(const char *input, const char *expected, const char *expected_hi)
{
    const unsigned char *s = (const unsigned char *)input, *e = s + strlen(input);
    cl_dec v = {0, 0, false}, hi = {0, 0, false};
    bool has_hi = false, ok;
    int len = 0;
    (void)len;
    if (*s >= 0x80 && !(s[0] == 0xEF && s[1] == 0xBC))
        ok = cl_num_chinese(s, e, &v, &hi, &has_hi);
    else
        ok = cl_num_arabic(s, e, &v);
    char got[64] = "overflow", got_hi[64] = "-";
    if (ok)
        cl_dec_format(v, got);
    if (ok && has_hi)
        cl_dec_format(hi, got_hi);
    cases++;
    if (strcmp(got, expected) != 0 || strcmp(got_hi, expected_hi ? expected_hi : "-") != 0) {
        failures++;
        printf("  %s: got %s (hi %s), want %s (hi %s)\n", input, got, got_hi, expected,
               expected_hi ? expected_hi : "-");
    }
}

static void check_percent(const char *num, const char *den, const char *expected)
{
    cl_dec n, d, out;
    cl_num_any((const unsigned char *)num, (const unsigned char *)num + strlen(num), &n);
    cl_num_any((const unsigned char *)den, (const unsigned char *)den + strlen(den), &d);
    char got[64] = "fail";
    if (cl_num_percent_of(n, d, &out))
        cl_dec_format(out, got);
    cases++;
    if (strcmp(got, expected) != 0) {
        failures++;
        printf("  %s/%s: got %s, want %s\n", num, den, got, expected);
    }
}

int main(void)
{
    /* Arabic, separators, decimals, full-width */
    check("12", "12", NULL);
    check("0", "0", NULL);
    check("1,234", "1234", NULL);
    check("1,100", "1100", NULL);
    check("52.854", "52.854", NULL);
    check("0.068", "0.068", NULL);
    check("7.40", "7.4", NULL);
    check("１２８", "128", NULL);
    check("１．５", "1.5", NULL);
    check("9999999999999999999", "9999999999999999999", NULL);
    check("99999999999999999999", "overflow", NULL);
    check("99999999999999999999999", "overflow", NULL);
    /* Chinese */
    check("十", "10", NULL);
    check("十二", "12", NULL);
    check("二十", "20", NULL);
    check("一百零五", "105", NULL);
    check("两千", "2000", NULL);
    check("三十一点五", "31.5", NULL);
    check("一千二百三十四万", "12340000", NULL);
    check("五万", "50000", NULL);
    check("三亿五千万", "350000000", NULL);
    check("一万零一", "10001", NULL);
    check("二〇二四", "2024", NULL);
    check("壹佰贰拾叁", "123", NULL);
    check("九", "9", NULL);
    check("两三", "2", "3");
    check("十四", "14", NULL);
    check("一百", "100", NULL);
    check("八千八百八十八亿", "888800000000", NULL);
    check("零点五", "0.5", NULL);
    /* percent of a fraction, rounded to 2 decimals */
    check_percent("二", "三", "66.67");
    check_percent("1", "3", "33.33");
    check_percent("1", "2", "50");
    check_percent("1", "0", "fail");
    /* scaling and formatting */
    cl_dec d = {52854, -3, false};
    cases++;
    char buf[64];
    if (!cl_dec_scale(&d, 4) || strcmp(cl_dec_format(d, buf), "528540") != 0) {
        failures++;
        printf("  52.854 * 10^4: got %s\n", buf);
    }
    d = (cl_dec){158, -2, false};
    cases++;
    if (!cl_dec_scale(&d, 8) || strcmp(cl_dec_format(d, buf), "158000000") != 0) {
        failures++;
        printf("  1.58 * 10^8: got %s\n", buf);
    }
    cases++;
    if (cl_dec_cmp((cl_dec){142, 0, false}, (cl_dec){15, 1, false}) >= 0 || cl_dec_cmp((cl_dec){5, -1, false}, (cl_dec){50, -2, false}) != 0) {
        failures++;
        printf("  cl_dec_cmp wrong\n");
    }
    printf("%s unit/number (%d cases, %d failed)\n", failures ? "FAIL" : "PASS", cases, failures);
    return failures != 0;
}
