/* lexer.h — the re2c lexer (grammar/lexer.re): raw tokens with byte spans and values. */
#ifndef CL_LEXER_H
#define CL_LEXER_H

#include "claimc.h"

typedef enum {  /* ORDER RT: cl_rt_name() in lexer.re */
    CL_RT_END, CL_RT_FILLER, CL_RT_SPACE, CL_RT_NEWLINE, CL_RT_INVALID,
    CL_RT_NUM,      /* 12  1,234  １２８  三十一点五  两千 (value; cn = written in Chinese) */
    CL_RT_PCT,      /* 百分之三十 千分之五: value already in % */
    CL_RT_FRAC,     /* 三分之二 2/3: value already in %, rounded to 2 decimals */
    CL_RT_MULT,     /* 万 亿 千万 after a numeral: id = power of ten */
    CL_RT_SUFFIX,   /* 余 多 左右 以上 以下 以内 after a numeral: id = cl_approx */
    CL_RT_RANGE,    /* 至 - ～ between two numerals */
    CL_RT_UNIT,     /* id = row of cl_units[] */
    CL_RT_KW,       /* id = cl_kw_class, attr = cl_kw_attr */
    CL_RT_NAME,     /* PM2.5 NO_x GB3096-93 十四五 ... */
    CL_RT_DATE,     /* 2024年 1－10月 11月底 5·22 15:34 */
    CL_RT_ORD,      /* 第三轮 第145位: value */
    CL_RT_LIST,     /* 一、 （一） 1. （1） 一是: id = level */
    CL_RT_QUOTE,    /* “…” short quoted names */
    CL_RT_TITLE,    /* 《…》 */
    CL_RT_COMMA, CL_RT_ENUM, CL_RT_STOP, CL_RT_SEMI, CL_RT_COLON,
    CL_RT_DE,       /* 的 */
    CL_RT_RATIO,    /* 8.1︰38.6︰53.3: the parts of a ratio (the filter splits it) */
    CL_RT_COUNT_
} cl_rt;

typedef enum {  /* ORDER KW: grammar/keywords.tsv classes */
    CL_KW_BASE, CL_KW_CMP, CL_KW_DIR, CL_KW_COP, CL_KW_DISTR, CL_KW_ALL, CL_KW_TOTAL,
    CL_KW_DONE, CL_KW_HAS, CL_KW_MODAL, CL_KW_TO, CL_KW_ACHV, CL_KW_RANK, CL_KW_VERB,
    CL_KW_SCOPE, CL_KW_APPROX, CL_KW_LE, CL_KW_AND, CL_KW_NAME, CL_KW_WORD, CL_KW_FULL
} cl_kw_class;

typedef enum {
    CL_KA_NONE, CL_KA_UP, CL_KA_DOWN, CL_KA_FLAT, CL_KA_IMPROVE,
    CL_KA_ABOUT, CL_KA_MORE_THAN, CL_KA_AT_LEAST, CL_KA_AT_MOST, CL_KA_AND,
    CL_KA_CUT,  /* a reduction verb: a change only against a named baseline (比上年削减3.2%) */
    CL_KA_EACH  /* 各: one value for each of the things listed before */
} cl_kw_attr;

#define CL_FILLER_BRACKET 1

typedef struct {
    cl_rt type;
    uint32_t start, end;
    /* from id to num: cleared for every token (cl_lex clears the bytes at once) */
    int id, attr;       /* FILLER: id = its code points (a run of water has many), attr =
                         * CL_FILLER_BRACKET for ( ) [ ] | （ ） 【 】 */
    bool cn;            /* numeral written in Chinese characters */
    bool overflow;      /* numeral too large to represent exactly */
    bool has_hi;
    cl_dec num, num_hi; /* value; num_hi for a range written as one numeral (两三) */
} cl_rawtok;

typedef struct {
    const unsigned char *base, *cur, *mar, *ctx, *lim, *tok;
    const unsigned char *dry;   /* where the last run of water ended: no run starts there */
    int cond;
    bool runs;   /* skip runs of water as one FILLER (true; false only to test that path) */
} cl_lexer;

/* TEXT[LEN] must be a NUL byte (the sentinel). */
void cl_lexer_init(cl_lexer *lx, const char *text, size_t len);
cl_rt cl_lex(cl_lexer *lx, cl_rawtok *t);
const char *cl_rt_name(cl_rt type);
/* The normalised spelling of a NAME: full-width ASCII to half-width, sub- and superscript
 * digits to digits (PM₁₀ -> PM10, NOₓ -> NOx), PM_{2.5} -> PM2.5, an all-lowercase name with a
 * digit in capitals (pm2.5 -> PM2.5). Writes at most CAP-1 bytes and a NUL; returns the length. */
size_t cl_name_normalise(const unsigned char *s, const unsigned char *e, char *out, size_t cap);

#endif
