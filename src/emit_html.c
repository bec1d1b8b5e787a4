/* emit_html.c — one self-contained HTML page: the text with every claim highlighted.
 *
 * Each document is an <article>: a table of claims per kind, the text with one <mark> per
 * claim (colour by kind, the numerals in bold), the list of claims linking to their marks,
 * and the claims' JSONL records in a <script type="application/json"> block that the page's
 * script reads to fill the field panel on hover, focus or click. No external assets.
 *
 * Claim spans may overlap (distributive claims share their subject, a progress and a rate may
 * cross), and HTML elements must nest: a mark that crosses the end of another is closed there
 * and reopened as a second piece. Every piece carries data-claim; the first also carries the
 * id the claim list links to. Written into the writer core's buffer (wbuf.h); the records are
 * emit_claim.c's. */
#include <stdlib.h>

#include "emit.h"
#include "utf8.h"

/* -- escaping -------------------------------------------------------------------------------- */

#define ESC_MAX(n) (6 * (n))   /* every byte an &quot; */

/* Text as HTML: markup characters escaped, NUL, other C0 controls and invalid UTF-8 as U+FFFD
 * (a browser would show them so anyway, and the page stays well-formed). */
/* How many bytes from the start of S[0..N) go to the page as they are: ASCII from 0x20 but the
 * markup characters, and valid UTF-8 (most of the text: two CJK characters a step). */
static size_t plain_run(const unsigned char *s, size_t n)
{
    static const char stop[128] = {   /* C0 controls and the markup characters */
        [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
        [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
        [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
        [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
        [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
        ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1};
    return cl_utf8_run(s, n, stop);
}

static char *w_esc(char *o, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        size_t k = plain_run(s + i, n - i);
        memcpy(o, s + i, k);
        o += k;
        i += k;
        if (i == n)
            break;
        unsigned char c = s[i];
        size_t len = cl_utf8_len(s + i, n - i);
        if (len == 0 || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            o = CL_LIT(o, "\xEF\xBF\xBD");
            i += len ? len : 1;
            continue;
        }
        switch (c) {
        case '&': o = CL_LIT(o, "&amp;"); break;
        case '<': o = CL_LIT(o, "&lt;"); break;
        case '>': o = CL_LIT(o, "&gt;"); break;
        case '"': o = CL_LIT(o, "&quot;"); break;
        case '\'': o = CL_LIT(o, "&#39;"); break;
        default: memcpy(o, s + i, len); o += len;
        }
        i += len;
    }
    return o;
}

static void esc(cl_wbuf *b, const char *s, size_t n)
{
    char *o = cl_wbuf_room(b, ESC_MAX(n));
    if (o)
        cl_wbuf_end(b, w_esc(o, s, n));
}

static void esc_str(cl_wbuf *b, const char *s)
{
    esc(b, s, strlen(s));
}

static void esc_span(cl_wbuf *b, const cl_doc *doc, cl_span s)
{
    esc(b, doc->source + s.start, cl_span_len(s));
}

/* JSON inside <script>: "<" ">" "&" can only occur inside strings there, and as \u escapes
 * they cannot close the script element or start a comment. */
static void json_in_script(cl_wbuf *b, const char *json, size_t n)
{
    char *o = cl_wbuf_room(b, 6 * n);
    if (!o)
        return;
    for (size_t i = 0; i < n;) {
        size_t k = i;   /* a run with none of the three: copied at once */
        while (k < n && json[k] != '<' && json[k] != '>' && json[k] != '&')
            k++;
        memcpy(o, json + i, k - i);
        o += k - i;
        if (k == n)
            break;
        o = json[k] == '<' ? CL_LIT(o, "\\u003c") : json[k] == '>' ? CL_LIT(o, "\\u003e")
                                                            : CL_LIT(o, "\\u0026");
        i = k + 1;
    }
    cl_wbuf_end(b, o);
}

static void put_uint(cl_wbuf *b, uint64_t v)
{
    cl_wbuf_uint(b, v);
}

#define PUT(b, lit) CL_WBUF_LIT((b), lit)

/* -- the page -------------------------------------------------------------------------------- */

static const char *const kind_colour[] = {  /* ORDER KIND */
    "#ffd54f", "#aed581", "#ffb74d", "#4fc3f7", "#ce93d8", "#f48fb1", "#80cbc4", "#bcaaa4"};
static const char *const kind_border[] = {  /* ORDER KIND: darker, for underlines */
    "#c49000", "#5a8f29", "#c66900", "#0288d1", "#8e24aa", "#c2185b", "#00796b", "#6d4c41"};

static const char style[] =
    "body{margin:0;font:15px/1.9 'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',"
    "sans-serif;color:#222;background:#fafafa}"
    "header{position:sticky;top:0;z-index:2;background:#263238;color:#fff;padding:6px 16px;"
    "display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}"
    "header h1{font-size:16px;margin:0 12px 0 0}"
    ".legend span{display:inline-block;padding:0 6px;border-radius:3px;color:#222;margin:0 2px}"
    "main{margin-right:340px;padding:8px 24px}"
    "article{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 20px;"
    "margin:12px 0}"
    "article h2{font-size:17px;margin:6px 0}.meta{color:#666;font-size:13px;margin:0}"
    "table{border-collapse:collapse;font-size:13px;margin:6px 0}"
    "td,th{border:1px solid #ddd;padding:1px 6px;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}.sw{display:inline-block;width:12px;height:12px;border-radius:2px;"
    "margin-right:4px;vertical-align:-1px}"
    ".text{white-space:pre-wrap;word-break:break-all;font-size:15px;line-height:2.1;"
    "border-top:1px solid #eee;padding-top:6px}"
    "mark.cl{padding:1px 0 4px;border-radius:2px;cursor:pointer;color:inherit;"
    "scroll-margin-top:64px}"
    "mark.cl mark.cl{padding:0}"
    "mark.m-target{outline:1px dashed #555;outline-offset:-1px}"
    "mark.cl b.q{font-weight:700}"
    "mark.cl.on,mark.cl:focus{box-shadow:0 0 0 2px #d50000;outline:none}"
    "mark.cl:target{animation:flash 1.5s 2}@keyframes flash{50%{box-shadow:0 0 0 4px #d50000}}"
    "#panel{position:fixed;top:48px;right:8px;width:316px;max-height:calc(100vh - 60px);"
    "overflow:auto;background:#fff;border:1px solid #bbb;border-radius:4px;padding:8px;"
    "font-size:13px;box-shadow:0 2px 8px rgba(0,0,0,.15)}"
    "#panel h3{margin:0 0 4px;font-size:14px}#panel td:first-child{color:#555;white-space:nowrap}"
    "#panel .hint{color:#888}"
    "details summary{cursor:pointer;font-weight:600;margin:6px 0}"
    ".claims td.t{max-width:420px}";

/* The panel: the fields of the claim under the pointer or clicked (kept until the next). */
static const char script[] =
    "(function(){'use strict';\n"
    "var F=['kind','modality','subject','indicator','value','value_hi','unit','unit_text','approx',"
    "'done','total','direction','baseline','distributive','section','line','text'];\n"
    "function fields(c){var q=c.quantity||{},r={kind:c.kind,modality:c.modality,"
    "subject:c.subject,indicator:c.indicator,text:c.text,section:(c.section||[]).join(' > '),"
    "line:c.span.line+':'+c.span.column,direction:c.direction,baseline:c.baseline,"
    "distributive:c.distributive};\n"
    " if(c.kind==='progress'){r.done=c.done.value;r.total=c.total.value;r.unit=c.done.unit;"
    "r.unit_text=c.done.unit_text;r.approx=c.done.approx||c.total.approx;}\n"
    " else{r.value=q.value;r.value_hi=q.value_hi;r.unit=q.unit;r.unit_text=q.unit_text;"
    "r.approx=q.approx;}\n return r;}\n"
    "function brief(c){var r=fields(c),v=c.kind==='progress'?r.done+'/'+r.total:r.value;"
    "if(r.value_hi!==undefined)v+='–'+r.value_hi;"
    "return '#'+c.id+' '+c.kind+' · '+c.modality+' · '+v+(r.unit?' '+r.unit:'')+"
    "(r.approx?' ('+r.approx+')':'')+(r.direction?' · '+r.direction:'')+"
    "(r.baseline?' · '+r.baseline:'')+(r.subject?' · '+r.subject:'')+"
    "(r.indicator?' ['+r.indicator+']':'');}\n"
    "var panel=document.getElementById('panel'),pinned=null,n=0;\n"
    "function show(c,doc){panel.textContent='';var h=document.createElement('h3');"
    "h.textContent=doc+' · claim #'+c.id;panel.appendChild(h);"
    "var t=document.createElement('table'),r=fields(c);"
    "F.forEach(function(k){if(r[k]===undefined||r[k]===null||r[k]==='')return;"
    "var tr=t.insertRow();tr.insertCell().textContent=k;"
    "tr.insertCell().textContent=String(r[k]);});panel.appendChild(t);}\n"
    "document.querySelectorAll('article.doc').forEach(function(a){\n"
    " var data=a.querySelector('script.claims-data'),byId={};\n"
    " JSON.parse(data.textContent).forEach(function(c){byId[c.id]=c;});\n"
    " var name=a.getAttribute('data-doc');\n"
    " a.querySelectorAll('mark.cl').forEach(function(m){\n"
    "  var c=byId[m.getAttribute('data-claim')];if(!c)return;\n"
    "  m.title=brief(c);m.setAttribute('data-kind-checked',c.kind);n++;\n"
    "  function on(){a.ownerDocument.querySelectorAll('mark.on').forEach(function(x){"
    "x.classList.remove('on');});"
    "a.querySelectorAll('mark[data-claim=\"'+c.id+'\"]').forEach(function(x){"
    "x.classList.add('on');});show(c,name);}\n"
    "  m.addEventListener('mouseenter',function(e){e.stopPropagation();if(!pinned)on();});\n"
    "  m.addEventListener('focus',on);\n"
    "  m.addEventListener('click',function(e){e.stopPropagation();pinned=c;on();});\n"
    " });\n});\n"
    "document.body.setAttribute('data-ready',String(n));\n"
    "})();\n";

static void html_head(cl_wbuf *b, const char *title)
{
    PUT(b, "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc_str(b, title ? title : "claimc");
    PUT(b, "</title>\n<style>");
    PUT(b, style);
    for (int k = 0; k < CL_NKINDS; k++) {
        PUT(b, "\n.k-");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "{background:");
        cl_wbuf_puts(b, kind_colour[k]);
        PUT(b, ";border-bottom:2px solid ");
        cl_wbuf_puts(b, kind_border[k]);
        PUT(b, "}");
    }
    PUT(b, "\n</style>\n</head>\n<body>\n<header><h1>");
    esc_str(b, title ? title : "claimc");
    PUT(b, "</h1><div class=\"legend\">");
    for (int k = 0; k < CL_NKINDS; k++) {
        PUT(b, "<span class=\"k-");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "\">");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "</span>");
    }
    PUT(b, "</div><div>dashed: target</div></header>\n"
           "<aside id=\"panel\"><h3>Claim fields</h3><p class=\"hint\">Point at a highlighted "
           "claim, or click it to keep it here.</p></aside>\n<main>\n");
}

int cl_write_html_head(FILE *out, const char *title)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    html_head(&b, title);
    return cl_wbuf_close(&b);
}

int cl_write_html_tail(FILE *out)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    PUT(&b, "</main>\n<script>\n");
    PUT(&b, script);
    PUT(&b, "</script>\n</body>\n</html>\n");
    return cl_wbuf_close(&b);
}

/* -- one document ---------------------------------------------------------------------------- */

/* A highlighted interval: a claim (CLAIM >= 0) or one of its numerals (CLAIM < 0). */
typedef struct {
    uint32_t start, end;
    long claim;     /* claim id, or -1 - id for a numeral of that claim */
    size_t order;   /* input order, for a stable sort */
} interval;

static int by_position(const void *pa, const void *pb)
{
    const interval *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;   /* the longer one outside */
    if ((a->claim >= 0) != (b->claim >= 0))
        return a->claim >= 0 ? -1 : 1;      /* a claim outside its numeral */
    return a->order < b->order ? -1 : a->order > b->order;
}

static void open_tag(cl_wbuf *b, const cl_doc *doc, size_t index, const interval *iv,
                     bool *first_piece)
{
    if (iv->claim < 0) {
        PUT(b, "<b class=\"q\">");
        return;
    }
    const cl_claim *c = cl_doc_claim(doc, (size_t)iv->claim);
    PUT(b, "<mark class=\"cl k-");
    cl_wbuf_puts(b, cl_kind_name(c->kind));
    if (c->modality == CL_TARGET)
        PUT(b, " m-target");
    PUT(b, "\" data-claim=\"");
    put_uint(b, (uint64_t)iv->claim);
    PUT(b, "\" tabindex=\"0\"");
    if (first_piece[iv->claim]) {
        PUT(b, " id=\"d");
        put_uint(b, index);
        PUT(b, "-c");
        put_uint(b, (uint64_t)iv->claim);
        PUT(b, "\"");
        first_piece[iv->claim] = false;
    }
    PUT(b, ">");
}

static void close_tag(cl_wbuf *b, const interval *iv)
{
    if (iv->claim < 0)
        PUT(b, "</b>");
    else
        PUT(b, "</mark>");
}

static void add_interval(interval *v, size_t *n, cl_span s, long claim)
{
    if (s.end > s.start) {
        v[*n] = (interval){s.start, s.end, claim, *n};
        (*n)++;
    }
}

/* The text with marks. Boundaries are visited in order; at each, the open elements that end
 * there are closed (with everything above them on the stack, which is reopened at once: a
 * split), then the elements that start there are opened, longest first. */
static int write_marked_text(cl_wbuf *b, const cl_doc *doc, size_t index)
{
    size_t nclaims = cl_doc_claim_count(doc), n = 0;
    interval *v = malloc((nclaims * 3 + 1) * sizeof *v);
    interval **stack = malloc((nclaims * 3 + 1) * sizeof *stack);
    interval **reopen = malloc((nclaims * 3 + 1) * sizeof *reopen);
    bool *first = malloc(nclaims + 1);
    if (!v || !stack || !reopen || !first) {
        free(v), free(stack), free(reopen), free(first);
        return -1;
    }
    for (size_t i = 0; i < nclaims; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        first[i] = true;
        add_interval(v, &n, c->span, (long)i);
        if (c->kind == CL_PROGRESS) {
            add_interval(v, &n, c->done.span, -1 - (long)i);
            add_interval(v, &n, c->total.span, -1 - (long)i);
        } else {
            add_interval(v, &n, c->quantity.span, -1 - (long)i);
        }
    }
    qsort(v, n, sizeof *v, by_position);

    const char *text = cl_doc_text(doc);
    uint32_t len = (uint32_t)cl_doc_text_len(doc), pos = 0;
    size_t next = 0, depth = 0;
    PUT(b, "<div class=\"text\">");
    while (pos < len || depth > 0) {
        /* close what ends here, splitting what was opened inside it */
        size_t low = depth;
        for (size_t i = 0; i < depth; i++)
            if (stack[i]->end <= pos) {
                low = i;
                break;
            }
        size_t nre = 0;
        while (depth > low) {
            interval *top = stack[--depth];
            close_tag(b, top);
            if (top->end > pos)
                reopen[nre++] = top;
        }
        while (nre > 0) {
            interval *iv = reopen[--nre];
            open_tag(b, doc, index, iv, first);
            stack[depth++] = iv;
        }
        /* open what starts here */
        while (next < n && v[next].start <= pos) {
            if (v[next].end > pos && v[next].start < len) {
                open_tag(b, doc, index, &v[next], first);
                stack[depth++] = &v[next];
            }
            next++;
        }
        if (pos >= len)
            break;
        /* the text up to the next boundary, in pieces of a bounded size */
        uint32_t to = len;
        if (next < n && v[next].start < to)
            to = v[next].start;
        for (size_t i = 0; i < depth; i++)
            if (stack[i]->end < to)
                to = stack[i]->end;
        for (uint32_t at = pos; at < to;) {
            /* cut where no valid sequence crosses: before a lead, or 3 continuations on */
            uint32_t cut = to - at > CL_WBUF_FLUSH ? at + CL_WBUF_FLUSH : to;
            for (int k = 0; k < 3 && cut < to && (text[cut] & 0xC0) == 0x80; k++)
                cut--;
            esc(b, text + at, cut - at);
            at = cut;
        }
        pos = to;
    }
    while (depth > 0)
        close_tag(b, stack[--depth]);
    PUT(b, "</div>\n");
    free(v), free(stack), free(reopen), free(first);
    return 0;
}

static void write_value(cl_wbuf *b, const cl_quantity *q)
{
    if (!q->has_value) {
        PUT(b, "—");
        return;
    }
    cl_wbuf_dec(b, q->value);
    if (q->has_hi) {
        PUT(b, "–");
        cl_wbuf_dec(b, q->value_hi);
    }
    if (q->unit && *q->unit) {
        PUT(b, " ");
        esc_str(b, q->unit);
    }
    const char *approx = cl_approx_name(q->approx);
    if (approx) {
        PUT(b, " (");
        cl_wbuf_puts(b, approx);
        PUT(b, ")");
    }
}

static void write_section_path(cl_wbuf *b, const cl_doc *doc, const cl_section *s)
{
    const cl_section *chain[64];
    int n = 0;
    for (; s && n < 64; s = s->parent)
        chain[n++] = s;
    while (n-- > 0) {
        esc_span(b, doc, cl_section_title(chain[n]));
        if (n > 0)
            PUT(b, " &gt; ");
    }
}

/* The summary: claims per kind, above the text. */
static void write_kinds(cl_wbuf *b, const cl_doc *doc)
{
    size_t counts[CL_NKINDS] = {0}, nclaims = cl_doc_claim_count(doc);
    for (size_t i = 0; i < nclaims; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    PUT(b, "<table class=\"kinds\"><tr><th>kind</th>");
    for (int k = 0; k < CL_NKINDS; k++) {
        PUT(b, "<th><span class=\"sw k-");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "\"></span>");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "</th>");
    }
    PUT(b, "<th>all</th></tr>\n<tr><td>claims</td>");
    for (int k = 0; k < CL_NKINDS; k++) {
        PUT(b, "<td data-kind=\"");
        cl_wbuf_puts(b, cl_kind_name(k));
        PUT(b, "\">");
        put_uint(b, counts[k]);
        PUT(b, "</td>");
    }
    PUT(b, "<td data-kind=\"all\">");
    put_uint(b, nclaims);
    PUT(b, "</td></tr></table>\n");
}

/* Every claim, linking to its mark, below the text. */
static void write_list(cl_wbuf *b, const cl_doc *doc, size_t index)
{
    size_t nclaims = cl_doc_claim_count(doc);
    PUT(b, "<details class=\"list\" open><summary>Claims (");
    put_uint(b, nclaims);
    PUT(b, ")</summary>\n<table class=\"claims\"><tr><th>#</th><th>kind</th><th>modality</th>"
           "<th>value</th><th>text</th><th>section</th></tr>\n");
    for (size_t i = 0; i < nclaims; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        PUT(b, "<tr><td><a href=\"#d");
        put_uint(b, index);
        PUT(b, "-c");
        put_uint(b, i);
        PUT(b, "\">#");
        put_uint(b, i);
        PUT(b, "</a></td><td><span class=\"sw k-");
        cl_wbuf_puts(b, cl_kind_name(c->kind));
        PUT(b, "\"></span>");
        cl_wbuf_puts(b, cl_kind_name(c->kind));
        PUT(b, "</td><td>");
        cl_wbuf_puts(b, c->modality == CL_TARGET ? "target" : "actual");
        PUT(b, "</td><td>");
        if (c->kind == CL_PROGRESS) {
            write_value(b, &c->done);
            PUT(b, " of ");
            write_value(b, &c->total);
        } else {
            write_value(b, &c->quantity);
        }
        const char *dir = c->kind == CL_CHANGE ? cl_direction_name(c->direction) : NULL;
        if (dir) {
            PUT(b, " ");
            cl_wbuf_puts(b, dir);
        }
        PUT(b, "</td><td class=\"t\">");
        esc_span(b, doc, c->span);
        PUT(b, "</td><td>");
        write_section_path(b, doc, c->section);
        PUT(b, "</td></tr>\n");
    }
    PUT(b, "</table></details>\n");
}

/* The claims as JSONL records (the --format jsonl objects, the name as given), for the page's
 * script: each written into SCRATCH, then escaped into the page. */
static int write_data(cl_wbuf *b, const cl_doc *doc)
{
    cl_jclaims *x = calloc(1, sizeof *x);
    cl_jtail tail = {.raw_name = true};
    char *scratch = NULL;
    size_t cap = 0;
    int rc = x ? 0 : -1;
    PUT(b, "<script type=\"application/json\" class=\"claims-data\">[");
    if (x)
        cl_jclaims_start(x, doc);
    for (size_t i = 0; x && i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        if (!cl_jtail_for(&tail, doc, c->section)) {
            rc = -1;
            break;
        }
        size_t need = cl_claim_bound(x, c, 1) + tail.len;
        if (need > cap) {
            char *p = realloc(scratch, need);
            if (!p) {
                rc = -1;
                break;
            }
            scratch = p;
            cap = need;
        }
        char *o = cl_w_claim(scratch, x, c, i);
        memcpy(o, tail.p, tail.len - 1);   /* without the line's end */
        if (i)
            PUT(b, ",");
        json_in_script(b, scratch, (size_t)(o - scratch) + tail.len - 1);
    }
    PUT(b, "]</script>\n");
    free(scratch);
    cl_jtail_free(&tail);
    free(x);
    return rc;
}

int cl_html_write(cl_wbuf *b, const cl_doc *doc, size_t index)
{
    PUT(b, "<article class=\"doc\" id=\"d");
    put_uint(b, index);
    PUT(b, "\" data-doc=\"");
    esc_str(b, cl_doc_name(doc));
    PUT(b, "\">\n<h2>");
    esc_str(b, cl_doc_name(doc));
    PUT(b, "</h2>\n<p class=\"meta\">");
    cl_wbuf_puts(b, cl_doc_encoding(doc));
    PUT(b, " · ");
    cl_wbuf_puts(b, cl_doc_is_plan(doc) ? "plan" : "report");
    PUT(b, " · ");
    put_uint(b, cl_doc_text_len(doc));
    PUT(b, " bytes · ");
    put_uint(b, cl_doc_claim_count(doc));
    PUT(b, " claims</p>\n");
    write_kinds(b, doc);
    if (write_marked_text(b, doc, index) < 0 || write_data(b, doc) < 0)
        return -1;
    write_list(b, doc, index);
    PUT(b, "</article>\n");
    return b->failed ? -1 : 0;
}

int cl_write_html(const cl_doc *doc, FILE *out, size_t index)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_html_write(&b, doc, index);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
