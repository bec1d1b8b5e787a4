/* number.h — exact decimal values of numerals: Arabic, full-width and Chinese. */
#ifndef CL_NUMBER_H
#define CL_NUMBER_H

#include "claimc.h"

/* Each parser returns false when the value does not fit (a diagnostic, never UB). */
bool cl_num_arabic(const unsigned char *s, const unsigned char *e, cl_dec *out);
bool cl_num_chinese(const unsigned char *s, const unsigned char *e, cl_dec *out,
                    cl_dec *hi, bool *has_hi);
/* Either form: used for the parts of 百分之X, X分之Y, 第X. */
bool cl_num_any(const unsigned char *s, const unsigned char *e, cl_dec *out);
/* NUM / DEN * 100, rounded half-up to 2 decimals. */
bool cl_num_percent_of(cl_dec num, cl_dec den, cl_dec *out);
/* D * 10^k, checking the result stays printable. */
bool cl_dec_scale(cl_dec *d, int k);
int cl_dec_cmp(cl_dec a, cl_dec b);

#endif
