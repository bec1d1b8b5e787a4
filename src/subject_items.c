/* subject_items.c — words of a budget item's name that the lexer takes as keywords, so that the
 * prose before a value was cut there: a total (收入|合计55.60亿元) and the period a balance was
 * carried from (上年|结余2.38亿元). The subject takes them back in (cl_subject_item_name, called
 * by cl_subject_resolve, which also takes in the fund's name before a period: this file only
 * reads the text, so that it calls nothing of subject_bounds.c). */
#include <string.h>

#include "subject.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

#define CP 3              /* bytes of a CJK code point */
#define LOOK_BACK (8 * CP)   /* a period word is short */

static size_t span_len(cl_span s) { return s.end > s.start ? s.end - s.start : 0; }

static bool cjk_at(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c >= 0xE4 && c <= 0xE9;
}

/* The word of LIST that the text ending at END (after LO) ends with: its length, or 0. */
static size_t ends_with(const char *text, uint32_t lo, uint32_t end, const cl_word *list)
{
    for (const cl_word *w = list; w->s; w++)
        if (end >= lo + w->n && memcmp(text + end - w->n, w->s, w->n) == 0)
            return w->n;
    return 0;
}

/* 收入合计|55.60亿元, 支出总计|929393万元: a total word between the item and its value is a part
 * of the item's name (the lexer takes it as 共计's kind), so the subject takes it in. */
static cl_span take_total(const cl_doc *doc, cl_span s)
{
    const char *p = doc->text + s.end;
    size_t room = doc->len - s.end;
    if (room <= 2 * CP || p[2 * CP] < '0' || p[2 * CP] > '9')   /* the words are two characters */
        return s;
    for (const cl_word *w = cl_words_subject_totals; w->s; w++)
        if (w->n == 2 * CP && memcmp(p, w->s, w->n) == 0)
            return cl_span_of(s.start, s.end + (uint32_t)w->n);
    return s;
}

/* 上年|结余2.38亿元, 政府性基金上年|结余: a balance is named with the period it was carried
 * from, which the lexer takes as a scope word: where it stands right before S, its start (the
 * caller takes it in, and the name of the fund before it); else S's start. */
static uint32_t stock_time_start(const cl_doc *doc, cl_span s)
{
    const char *text = doc->text;
    uint32_t clause = s.start > LOOK_BACK ? s.start - LOOK_BACK : 0;
    if (span_len(s) > 4 * CP || span_len(s) < 2 * CP || !cjk_at(text + s.start) ||
        !cl_subject_starts_any(text + s.start, span_len(s), cl_words_subject_stocks))
        return s.start;
    return s.start - (uint32_t)ends_with(text, clause, s.start, cl_words_subject_stock_times);
}

cl_span cl_subject_item_name(const cl_doc *doc, cl_span s, uint32_t *period)
{
    if (!span_len(s)) {
        *period = s.start;
        return s;
    }
    s = take_total(doc, s);
    *period = stock_time_start(doc, s);
    return s;
}
