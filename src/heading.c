/* heading.c — the titles of headings and of the document, and which of them are a plan's. */
#include <string.h>

#include "heading.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

void cl_title_words_init(cl_title_words *t)
{
    cl_word_set_init(&t->plan, cl_words_plan_titles);
    cl_word_set_init(&t->report, cl_words_report_titles);
}

static bool plan_title(const cl_title_words *t, const char *s, size_t n)
{
    return cl_text_has_set(s, n, &t->plan) && !cl_text_has_set(s, n, &t->report);
}

bool cl_section_plan(const cl_ctx *ctx, const cl_section *s)
{
    cl_heading *h = (cl_heading *)s;   /* every cl_section is a heading's (pipeline.c) */
    if (!h->classified) {
        h->section.plan = plan_title(ctx->titles, ctx->doc->text + s->title.start,
                                     s->title.end - s->title.start);
        h->classified = true;
    }
    return h->section.plan;
}

/* The title is the first line with at least four CJK characters (lines of page furniture
 * such as "| | |" come first in scraped files). */
void cl_detect_plan(cl_doc *doc, const cl_title_words *words)
{
    const char *p = doc->text, *end = doc->text + doc->len;
    for (int lines = 0; p < end && lines < 20; lines++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        int cjk = 0;
        for (const char *c = p; c + 2 < line_end; c++)
            cjk += (unsigned char)*c >= 0xE4 && (unsigned char)*c <= 0xE9;
        if (cjk >= 4) {   /* a title is short and no sentence: no 。 or ， in it */
            size_t n = (size_t)(line_end - p);
            doc->plan = n <= 150 && !cl_text_has(p, n, "。") && !cl_text_has(p, n, "，") &&
                        !cl_text_has(p, n, ",") && plan_title(words, p, n);
            return;
        }
        p = line_end + 1;
    }
}

/* The length of the punctuation mark S ends with that a title drops (。；：;:，, and a space),
 * or 0. Each mark ends in a byte of its own, so the last byte picks the one to compare. */
static size_t trailing_mark(const cl_doc *doc, cl_span s)
{
    static const cl_word marks[] = {CL_WORD("。"), CL_WORD("；"), CL_WORD("："), CL_WORD(";"),
        CL_WORD(":"), CL_WORD("，"), CL_WORD(","), CL_WORD(" "), {NULL, 0}};
    char last = doc->text[s.end - 1];
    for (const cl_word *w = marks; w->s; w++)
        if (w->s[w->n - 1] == last)
            return s.end - s.start > w->n && memcmp(doc->text + s.end - w->n, w->s, w->n) == 0
                   ? w->n : 0;
    return 0;
}

/* A title longer than this is its first CL_TITLE_MAX bytes (to a code point's start): every
 * claim under the heading repeats its title, and a heading before a page without punctuation
 * would repeat megabytes. Real titles are under 100 bytes. */
#define CL_TITLE_MAX 1024

cl_span cl_title_of(const cl_doc *doc, cl_span s)
{
    if (s.end - s.start > CL_TITLE_MAX) {
        s.end = s.start + CL_TITLE_MAX;
        while (s.end > s.start && ((unsigned char)doc->text[s.end] & 0xC0) == 0x80)
            s.end--;
    }
    for (size_t n; s.end > s.start && (n = trailing_mark(doc, s)) > 0;)
        s.end -= (uint32_t)n;
    return s;
}
