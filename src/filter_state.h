/* filter_state.h — the token filter's state (filter.h): what the sentence loop (filter.c) and
 * its parts (filter_tokens.h, fold.c, filter_kw.c) read and write as they go. */
#ifndef CL_FILTER_STATE_H
#define CL_FILTER_STATE_H

#include "lexer.h"
#include "sentence.h"
#include "table.h"

#define CL_FILTER_LOOKAHEAD 32
/* Tokens read ahead live in a ring of twice that: a taken token stays valid while the filter
 * looks ahead from it and takes the tokens it folds in (filter.c, take). */
#define CL_FILTER_RING (2 * CL_FILTER_LOOKAHEAD)

typedef struct {
    cl_rawtok la[CL_FILTER_RING];   /* ring buffer of raw tokens read ahead; first, so that a
                                     * slot's address is f plus its offset */
    cl_rawtok cur;                  /* the head, when nothing had been read ahead (filter.c) */
    cl_lexer lx;
    cl_doc *doc;
    unsigned la_next, la_ahead;          /* the first token read ahead, and how many (filter.c) */
    uint32_t line_begin;                 /* where the current line starts */
    uint32_t date_end;                   /* where the last DATE taken ends; UINT32_MAX after
                                          * a line break */
    uint32_t prev_end;                   /* where the last token taken into a sentence ends
                                          * (a quantity's: the whole quantity); with the two
                                          * above, it tells what that token was (filter.c,
                                          * at_line_start, after_date) */
    int invalid_run_start;               /* -1, or where a run of invalid bytes began */
    uint32_t invalid_run_end;
    /* per sentence */
    bool content;
    uint32_t subj_start, subj_end;       /* the prose a left subject may be */
    uint32_t weak_start;                 /* completion words right before subj_start */
    bool subj_content;
    uint32_t clause_start;
    int open_right;                      /* QTY whose right subject is still growing, or -1 */
    uint32_t right_end;
    bool modal;
    bool modal_list;                     /* 主要预期目标是：A；B；C。 the marker before the colon
                                          * governs each item of the list, up to its 。 */
    uint32_t scope_start, scope_end;     /* the last scope word (全市第一: a rank) */
    cl_span scope_left;                  /* ... and the prose before it */
    int approx;                          /* an approximation word just before a numeral */
    uint32_t approx_start;
    int modal_walked;                    /* tokens below it in the clause are marked modal */
    cl_span last_base;                   /* the sentence's last BASE (for a later DIR) */
    /* a sentence over CL_CUT_SOFT signal tokens is cut into pieces (filter.c, cut_here) */
    bool continues;                      /* the last piece returned was cut: the next goes on */
    bool cut_reported;                   /* the sentence's cut has its diagnostic */
    cl_table_memo table;                 /* the header of the table rows just read (table.c) */
} cl_filter;

#endif
