/* check_findings.h — inside claimc check (check.c, check_levels.c): the checker's state, the
 * text and number helpers its rules share, and how a rule adds a finding. */
#ifndef CL_CHECK_FINDINGS_H
#define CL_CHECK_FINDINGS_H

#include "claimc.h"

/* What each claim's context (the prose before its numerals, context()) holds, found once per
 * claim: a sentence may hold thousands of claims (a list), and the checks that pair claims
 * would otherwise scan the same prose again for every pair (cubic in the list's length). */
enum { CTX_TOTAL = 1, CTX_DONE = 2, CTX_PRIOR = 4, CTX_FROM = 8 };
typedef struct {
    uint32_t start;          /* the context's start; it ends where the claim's numerals begin */
    unsigned words;          /* CTX_* */
} claim_ctx;

/* change_vs_levels' answer for one change unit: it depends on the sentence and that unit only. */
typedef struct {
    const char *unit;
    int prior, cur;
    bool reported;           /* the contradiction for prior and cur is reported already */
} levels_memo;
enum { LEVELS_MEMO = 16 };

typedef struct {
    const cl_doc *doc;
    cl_finding *f;
    size_t n, cap;
    bool oom;
    const cl_claim **c;      /* the claims of the current sentence */
    claim_ctx *ctx;          /* and their contexts */
    size_t first, nc;        /* their ids are first .. first + nc - 1 */
    cl_sentence_view s;
    levels_memo levels[LEVELS_MEMO];
    size_t nlevels;
} checker;

/* -- text and numbers ------------------------------------------------------------------------ */

/* Whether W is written between START and END. */
bool cl_ck_has_word(const cl_doc *doc, uint32_t start, uint32_t end, const char *w);
/* The first of WORDS written between START and END, or NULL. */
const char *cl_ck_first_word(const cl_doc *doc, uint32_t start, uint32_t end,
                              const char *const *words);
/* A quantity's value as a double, for arithmetic (exact values stay in the claims). */
double cl_ck_val(const cl_quantity *q);
/* Half a unit in the last written place: 88% -> 0.5, 94.7% -> 0.05 (rounding slack). */
double cl_ck_slack(const cl_quantity *q);
/* X rounded to two decimals: how findings report computed figures. */
double cl_ck_round2(double x);
/* A computed figure for a message: at most two decimals, no trailing zeros. */
const char *cl_ck_fmt(double x, char buf[32]);
/* A stated quantity for a message: its exact value and canonical unit. */
const char *cl_ck_fmt_q(const cl_quantity *q, char buf[96]);

/* -- findings -------------------------------------------------------------------------------- */

/* A new finding of the current sentence (printf-style message); NULL when out of memory. */
cl_finding *cl_ck_add(checker *ck, const char *code, cl_find_level level, const char *fmtstr,
                       ...);
/* Was CODE already reported for claims A and B (indices in the sentence)? */
bool cl_ck_reported(const checker *ck, const char *code, size_t a, size_t b);
/* F names the current sentence's claim K (F may be NULL: out of memory). */
void cl_ck_with_claim(checker *ck, cl_finding *f, size_t k);
/* A figure F computed or read, for the reader to redo the sum. */
void cl_ck_figure(cl_finding *f, const char *name, double value);
/* A word F states (a direction), as a figure. */
void cl_ck_figure_text(cl_finding *f, const char *name, const char *text);

/* -- direction against two levels (check_levels.c) ------------------------------------------- */

/* 由A提高到B: the verb between two levels says which way B lies from A. */
void cl_ck_from_to(checker *ck, size_t a, size_t b);
/* A change (同比上升5个百分点) beside this year's and last year's levels, or beside 由A到B. */
void cl_ck_change_vs_levels(checker *ck, size_t kch);

#endif
