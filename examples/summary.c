/* summary.c — example use of libclaimc: parse one report, print its claims per kind and the
 * total of its money claims.
 *
 *   cc summary.c $(pkg-config --cflags --libs claimc) -o summary
 *   ./summary report.txt
 *
 * Money values are exact decimals (cl_dec), so the total is summed exactly too, and printed
 * with cl_dec_format(); only a sum too large for 19 digits falls back to a double. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <claimc.h>

/* The whole file in memory: cl_parse() takes a buffer (and detects its encoding). */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    *len = n;
    return buf;
}

/* ACC += D exactly; false when the sum does not fit a 64-bit mantissa. */
static bool dec_add(cl_dec *acc, cl_dec d)
{
    if (acc->mant == 0) {
        *acc = d;
        return true;
    }
    /* bring both to the smaller exponent: 1.5 (15e-1) + 2 (2e0) = 35e-1 */
    cl_dec *hi = acc->exp > d.exp ? acc : &d;
    int32_t lo_exp = acc->exp > d.exp ? d.exp : acc->exp;
    for (; hi->exp > lo_exp; hi->exp--) {
        if (hi->mant > UINT64_MAX / 10)
            return false;
        hi->mant *= 10;
    }
    if (acc->mant > UINT64_MAX - d.mant)
        return false;
    acc->mant += d.mant;
    while (acc->exp < 0 && acc->mant % 10 == 0) {  /* 35e-1 stays, 40e-1 becomes 4 */
        acc->mant /= 10;
        acc->exp++;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s REPORT.txt\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t len;
    char *data = read_all(f, &len);
    fclose(f);
    if (!data) {
        fprintf(stderr, "%s: cannot read the file\n", argv[1]);
        return 1;
    }

    cl_doc *doc = cl_parse(argv[1], data, len);
    free(data);   /* the document keeps its own (UTF-8) copy of the text */
    if (!doc) {
        fprintf(stderr, "%s: out of memory\n", argv[1]);
        return 1;
    }

    size_t per_kind[CL_NKINDS] = {0}, money_claims = 0;
    cl_dec money = {0, 0, false};
    double money_approx = 0;   /* the same sum as a double, used when the exact one overflows */
    bool exact = true;
    size_t n = cl_doc_claim_count(doc);
    for (size_t i = 0; i < n; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        per_kind[c->kind]++;
        if (c->kind == CL_MONEY && c->quantity.has_value) {  /* unit "CNY": yuan */
            money_claims++;
            money_approx += cl_dec_to_double(c->quantity.value);
            exact = exact && dec_add(&money, c->quantity.value);
        }
    }

    printf("document: %s\n", cl_doc_name(doc));
    printf("encoding: %s\n", cl_doc_encoding(doc));
    printf("kind: %s\n", cl_doc_is_plan(doc) ? "plan" : "report");
    printf("claims: %zu\n", n);
    for (int k = 0; k < CL_NKINDS; k++)
        printf("  %-9s %zu\n", cl_kind_name((cl_kind)k), per_kind[k]);
    char buf[CL_DEC_BUFSIZE];
    if (exact)
        printf("money total: %s CNY in %zu claims\n", cl_dec_format(money, buf), money_claims);
    else
        printf("money total: %.17g CNY in %zu claims (rounded)\n", money_approx, money_claims);
    printf("diagnostics: %zu\n", cl_doc_diag_count(doc));

    int status = cl_doc_failed(doc) ? 1 : 0;   /* an error diagnostic: say so in the status */
    cl_doc_free(doc);
    return status;
}
