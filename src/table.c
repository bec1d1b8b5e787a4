/* table.c — the value cells of a table scraped into text (table.h):
 *
 *   | 绝对数 (亿元) | 比上年增长 (%) |
 *   地区生产总值 | 617.50 | 5.2 |
 *
 * A bare number alone in a cell takes the unit its column's header writes in brackets, and a
 * column whose header names a growth (增长, 增速, 比上年 ...) makes it a change. Only numbers
 * with a | on both sides are looked at, so prose costs one byte test per numeral. */
#include <string.h>

#include "lexer.h"
#include "number.h"
#include "table.h"
#include "units.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

#define CL_TABLE_CELLS 16
#define CL_TABLE_LOOK_BACK 4096   /* bytes above a row in which its header is looked for */

typedef struct { uint32_t start, end; } cell;

static bool is_space(char c) { return c == ' ' || c == '\t'; }

/* The cells of the line [START, END), trimmed, without the empty ones outside a leading or
 * trailing |; at most CL_TABLE_CELLS. */
static int split_cells(const char *text, uint32_t start, uint32_t end, cell *cells)
{
    int n = 0;
    uint32_t from = start;
    for (uint32_t i = start; i <= end && n < CL_TABLE_CELLS; i++) {
        const char *bar = i < end ? memchr(text + i, '|', end - i) : NULL;
        i = bar ? (uint32_t)(bar - text) : end;
        uint32_t s = from, e = i;
        while (s < e && is_space(text[s]))
            s++;
        while (e > s && (is_space(text[e - 1]) || text[e - 1] == '\r'))
            e--;
        if (s < e || (from != start && i != end))
            cells[n++] = (cell){s, e};
        from = i + 1;
    }
    return n;
}

static uint32_t line_end(const cl_doc *doc, uint32_t at)
{
    const char *nl = memchr(doc->text + at, '\n', doc->len - at);
    return nl ? (uint32_t)(nl - doc->text) : (uint32_t)doc->len;
}

/* The length of the bracket (half- or full-width, as OPEN says) at S[AT], inside [.., END). */
static uint32_t bracket_at(const char *s, uint32_t at, uint32_t end, bool open)
{
    if (s[at] == (open ? '(' : ')'))
        return 1;
    return at + 3 <= end && memcmp(s + at, open ? "（" : "）", 3) == 0 ? 3 : 0;
}

/* The unit the N bytes at S write, alone: 亿元, 万吨, %. */
static bool unit_of(const char *s, uint32_t n, int *mult, int *row)
{
    char buf[40] = "1";
    if (n == 0 || n > sizeof buf - 2)
        return false;
    memcpy(buf + 1, s, n);
    buf[1 + n] = '\0';
    cl_lexer lx;   /* "1亿元": the lexer reads the unit as it reads it after any numeral */
    cl_rawtok t;
    cl_lexer_init(&lx, buf, 1 + n);
    if (cl_lex(&lx, &t) != CL_RT_NUM)
        return false;
    *mult = 0;
    *row = -1;
    for (cl_rt r; *row < 0 && ((r = cl_lex(&lx, &t)) == CL_RT_MULT || r == CL_RT_UNIT);) {
        if (r == CL_RT_MULT)
            *mult += t.id;
        else
            *row = t.id;
    }
    return *row >= 0 && t.end == 1 + n;
}

/* The unit of the header cell C: in brackets (绝对数(亿元); the first pair that holds one, past
 * glosses such as 數(shù)), or a % ending it (比上年增长%). */
static bool cell_unit(const cl_doc *doc, cell c, int *mult, int *row, cl_span *text)
{
    const char *s = doc->text;
    for (uint32_t open = c.start, n; open < c.end; open++) {
        if ((n = bracket_at(s, open, c.end, true)) == 0)
            continue;
        uint32_t close = open + n;
        while (close < c.end && bracket_at(s, close, c.end, false) == 0)
            close++;
        if (close < c.end && unit_of(s + open + n, close - open - n, mult, row)) {
            *text = cl_span_of(open + n, close);
            return true;
        }
    }
    uint32_t pct = c.end > c.start && s[c.end - 1] == '%' ? 1
                 : c.end >= c.start + 3 && memcmp(s + c.end - 3, "％", 3) == 0 ? 3 : 0;
    if (pct && unit_of(s + c.end - pct, pct, mult, row)) {
        *text = cl_span_of(c.end - pct, c.end);
        return true;
    }
    return false;
}

typedef enum { CELL_TEXT, CELL_VALUE, CELL_RULE } cell_type;

/* A value (617.50, -2.6, 1,234) but not a year (| 2019 | 2020 | heads a table), a rule
 * (|---|:--:|) or text. */
static cell_type type_of(const char *s, cell c)
{
    bool digits = false, rule = c.end > c.start;
    for (uint32_t i = c.start; i < c.end; i++) {
        char ch = s[i];
        rule = rule && (ch == '-' || ch == ':' || is_space(ch));
        digits |= ch >= '0' && ch <= '9';
        if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != '-' && ch != ',' && ch != '%' && !is_space(ch))
            return rule ? CELL_RULE : CELL_TEXT;
    }
    if (rule)
        return CELL_RULE;
    bool year = c.end - c.start == 4 && (s[c.start] == '1' || s[c.start] == '2') &&
                (s[c.start + 1] == '9' || s[c.start + 1] == '0');
    return digits && !year ? CELL_VALUE : CELL_TEXT;
}

/* The header above the row at ROW_START: going up the table (lines with |) past its value rows
 * and rules, the first line whose cell N_RIGHT cells from its right end is text, when that cell
 * writes a unit in brackets; its unit and whether it names a growth. */
static bool header_of(const cl_doc *doc, uint32_t row_start, int n_right, int *mult, int *row,
                      cl_span *unit_text, bool *growth, cl_table_memo *memo)
{
    uint32_t stop = row_start > CL_TABLE_LOOK_BACK ? row_start - CL_TABLE_LOOK_BACK : 0;
    uint32_t end = row_start;
    if (memo->header_end > memo->header_start && memo->row_end + 1 == row_start &&
        memo->header_end < row_start) {   /* a row right below the last: past the rows between */
        if (n_right < CL_TABLE_MEMO_COLS && memo->col[n_right].known) {
            *mult = memo->col[n_right].mult;
            *row = memo->col[n_right].row;
            *unit_text = memo->col[n_right].text;
            *growth = memo->col[n_right].growth;
            return true;
        }
        end = memo->header_end + 1;
        stop = memo->header_start;
    }
    while (end > stop + 1) {
        uint32_t start = end - 1;   /* the newline that ends the line above */
        if (stop == memo->header_start && end == memo->header_end + 1)
            start = stop;   /* the remembered header: no walk back */
        while (start > stop && doc->text[start - 1] != '\n')
            start--;
        if (!memchr(doc->text + start, '|', end - 1 - start))
            return false;   /* the table ends above this row */
        cell cells[CL_TABLE_CELLS];
        int n = split_cells(doc->text, start, end - 1, cells);
        cell_type type = n > n_right ? type_of(doc->text, cells[n - 1 - n_right]) : CELL_RULE;
        if (type == CELL_TEXT) {
            cell c = cells[n - 1 - n_right];
            *growth = cl_text_has_any(doc->text + c.start, c.end - c.start, cl_words_table_growth);
            if (memo->header_start != start || memo->header_end != end - 1)
                memset(memo->col, 0, sizeof memo->col);   /* another header */
            memo->header_start = start;
            memo->header_end = end - 1;
            if (!cell_unit(doc, c, mult, row, unit_text))
                return false;
            if (n_right < CL_TABLE_MEMO_COLS) {
                memo->col[n_right].known = true;
                memo->col[n_right].growth = *growth;
                memo->col[n_right].mult = *mult;
                memo->col[n_right].row = *row;
                memo->col[n_right].text = *unit_text;
            }
            return true;
        }
        end = start;
    }
    return false;
}

bool cl_table_cell(const cl_doc *doc, uint32_t line_start, cl_table_memo *memo, cl_stok *s,
                   int *dir, cl_span *label)
{
    const char *text = doc->text;
    uint32_t b = s->q.span.start, e = s->q.span.end;
    while (b > line_start && is_space(text[b - 1]))
        b--;
    while (e < doc->len && is_space(text[e]))
        e++;
    if (b == line_start || text[b - 1] != '|' || (e < doc->len && text[e] != '|'))
        return false;
    uint32_t end = line_end(doc, e);
    cell cells[CL_TABLE_CELLS];
    int n = split_cells(text, line_start, end, cells), at = -1;
    for (int i = 0; i < n; i++)
        if (cells[i].start == s->q.span.start && cells[i].end == s->q.span.end)
            at = i;
    int mult, row;
    cl_span unit_text;
    bool growth;
    if (at < 1 || type_of(text, cells[at]) != CELL_VALUE ||   /* | 年份 | 2019 |: a header */
        !header_of(doc, line_start, n - 1 - at, &mult, &row, &unit_text, &growth, memo))
        return false;
    memo->row_end = end;
    cl_dec v = s->q.value;
    if (!cl_dec_scale(&v, mult + cl_units[row].exp10))
        return false;
    *dir = !growth ? CL_DIR_NONE : v.neg ? CL_DIR_DOWN : CL_DIR_UP;
    v.neg = v.neg && !growth;   /* -3.2 in a growth column: a fall of 3.2 */
    s->q.value = v;
    s->q.unit = cl_units[row].canonical;
    s->q.unit_text = unit_text;
    s->unit_row = row;
    s->bare = false;
    *label = cl_span_of(cells[0].start, cells[0].end);
    return true;
}
