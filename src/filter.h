/* filter.h — between the lexer and the parser: raw tokens to the signal tokens of a sentence.
 *
 * The filter folds a numeral, its multipliers, approximations, range and unit into one QTY;
 * folds 较2022年同期 into one BASE; demotes keywords that play no role to water; cuts the text
 * into sentences and finds headings; and records, for every signal token, the prose around it. */
#ifndef CL_FILTER_H
#define CL_FILTER_H

#include "filter_state.h"

typedef enum { CL_EV_SENTENCE, CL_EV_HEADING, CL_EV_END } cl_event;

/* A sentence is cut into pieces of signal tokens, so its memory (tokens, drafts, claims
 * waiting) and the builder's look-backs are bounded: from CL_CUT_SOFT tokens on, before a
 * numeral that opens a new island (after a quantity or a comma); from CL_CUT_HARD on, before
 * any token. Real sentences have under 300. Tests may lower them (cl_filter_cut_window). */
#define CL_CUT_SOFT 1024
#define CL_CUT_HARD 4096
void cl_filter_cut_window(int soft, int hard);

void cl_filter_init(cl_filter *f, cl_doc *doc);
/* Read up to the end of a sentence or a heading marker. Signal tokens are appended to ctx;
 * for CL_EV_HEADING, *marker and *level describe the heading's list marker. A sentence too long
 * for one piece comes as several CL_EV_SENTENCE, f->continues set after all but the last. */
cl_event cl_filter_sentence(cl_filter *f, cl_ctx *ctx, cl_span *marker, int *level);

#endif
