/* heading.h — headings: their titles, and whether a title is a plan's (工作要点, 下一步工作安排),
 * which makes the claims under it targets; the same for the document's own title. */
#ifndef CL_HEADING_H
#define CL_HEADING_H

#include "sentence.h"
#include "text.h"

/* The title word lists as sets, made once per document: a report has a heading every few
 * hundred bytes, and making the sets was half of looking through a title. */
typedef struct cl_title_words { cl_word_set plan, report; } cl_title_words;
void cl_title_words_init(cl_title_words *t);

/* A heading as the parse keeps it. Whether its title is a plan's is looked up when first
 * asked: by a claim's modality (cl_section_plan), or for every heading at the end of a parse
 * that lists them. A streamed document lists none, and in a plan document no claim asks
 * (in_plan stops at doc->plan): there most titles are never looked through. */
typedef struct {
    cl_section section;   /* first: the cl_section * of a heading is the heading's address */
    bool classified;      /* section.plan is known */
} cl_heading;

/* Whether the heading S (a cl_heading's section) has a plan's title. */
bool cl_section_plan(const cl_ctx *ctx, const cl_section *s);

/* Sets doc->plan from the document's title: its first line with four CJK characters. */
void cl_detect_plan(cl_doc *doc, const cl_title_words *words);

/* The title of a heading whose text is the sentence S: S without its closing mark, and at
 * most CL_TITLE_MAX bytes. */
cl_span cl_title_of(const cl_doc *doc, cl_span s);

#endif
