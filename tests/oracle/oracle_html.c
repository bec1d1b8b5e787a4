/* emit_html.c — one self-contained HTML page: the text with every claim highlighted.
 *
 * The test oracle: the writer as it was before the writer core (src/emit_*.c), kept to
 * check the core's bytes (tests/writers_same.c). Not part of the library.
 *
 * Each document is an <article>: a table of claims per kind, the text with one <mark> per
 * claim (colour by kind, the numerals in bold), the list of claims linking to their marks,
 * and the claims' JSONL records in a <script type="application/json"> block that the page's
 * script reads to fill the field panel on hover, focus or click. No external assets.
 *
 * Claim spans may overlap (distributive claims share their subject, a progress and a rate may
 * cross), and HTML elements must nest: a mark that crosses the end of another is closed there
 * and reopened as a second piece. Every piece carries data-claim; the first also carries the
 * id the claim list links to. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "oracle.h"
#include "utf8.h"

/* -- escaping -------------------------------------------------------------------------------- */

/* Text as HTML: markup characters escaped, NUL, other C0 controls and invalid UTF-8 as U+FFFD
 * (a browser would show them so anyway, and the page stays well-formed). */
static void esc_n(FILE *out, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t len = cl_utf8_len(s + i, n - i);
        if (len == 0 || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            fputs("\xEF\xBF\xBD", out);
            i += len ? len : 1;
            continue;
        }
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fwrite(s + i, 1, len, out);
        }
        i += len;
    }
}

static void esc(FILE *out, const char *s)
{
    esc_n(out, s, strlen(s));
}

static void esc_span(FILE *out, const cl_doc *doc, cl_span s)
{
    if (s.end > s.start)
        esc_n(out, cl_doc_text(doc) + s.start, s.end - s.start);
}

/* JSON inside <script>: "<" ">" "&" can only occur inside strings there, and as \u escapes
 * they cannot close the script element or start a comment. */
static void json_in_script(FILE *out, const char *json)
{
    for (const char *p = json; *p; p++) {
        switch (*p) {
        case '<': fputs("\\u003c", out); break;
        case '>': fputs("\\u003e", out); break;
        case '&': fputs("\\u0026", out); break;
        default: fputc(*p, out);
        }
    }
}

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

int oracle_write_html_head(FILE *out, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    esc(out, title ? title : "claimc");
    fprintf(out, "</title>\n<style>%s", style);
    for (int k = 0; k < CL_NKINDS; k++)
        fprintf(out, "\n.k-%s{background:%s;border-bottom:2px solid %s}", cl_kind_name(k),
                kind_colour[k], kind_border[k]);
    fputs("\n</style>\n</head>\n<body>\n<header><h1>", out);
    esc(out, title ? title : "claimc");
    fputs("</h1><div class=\"legend\">", out);
    for (int k = 0; k < CL_NKINDS; k++)
        fprintf(out, "<span class=\"k-%s\">%s</span>", cl_kind_name(k), cl_kind_name(k));
    fputs("</div><div>dashed: target</div></header>\n"
          "<aside id=\"panel\"><h3>Claim fields</h3><p class=\"hint\">Point at a highlighted "
          "claim, or click it to keep it here.</p></aside>\n<main>\n",
          out);
    return ferror(out) ? -1 : 0;
}

int oracle_write_html_tail(FILE *out)
{
    fprintf(out, "</main>\n<script>\n%s</script>\n</body>\n</html>\n", script);
    return ferror(out) ? -1 : 0;
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

static void open_tag(FILE *out, const cl_doc *doc, size_t index, const interval *iv,
                     bool *first_piece)
{
    if (iv->claim < 0) {
        fputs("<b class=\"q\">", out);
        return;
    }
    const cl_claim *c = cl_doc_claim(doc, (size_t)iv->claim);
    fprintf(out, "<mark class=\"cl k-%s%s\" data-claim=\"%ld\" tabindex=\"0\"",
            cl_kind_name(c->kind), c->modality == CL_TARGET ? " m-target" : "", iv->claim);
    if (first_piece[iv->claim]) {
        fprintf(out, " id=\"d%zu-c%ld\"", index, iv->claim);
        first_piece[iv->claim] = false;
    }
    fputc('>', out);
}

static void close_tag(FILE *out, const interval *iv)
{
    fputs(iv->claim < 0 ? "</b>" : "</mark>", out);
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
static int write_marked_text(FILE *out, const cl_doc *doc, size_t index)
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
    fputs("<div class=\"text\">", out);
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
            close_tag(out, top);
            if (top->end > pos)
                reopen[nre++] = top;
        }
        while (nre > 0) {
            interval *iv = reopen[--nre];
            open_tag(out, doc, index, iv, first);
            stack[depth++] = iv;
        }
        /* open what starts here */
        while (next < n && v[next].start <= pos) {
            if (v[next].end > pos && v[next].start < len) {
                open_tag(out, doc, index, &v[next], first);
                stack[depth++] = &v[next];
            }
            next++;
        }
        if (pos >= len)
            break;
        /* the text up to the next boundary */
        uint32_t to = len;
        if (next < n && v[next].start < to)
            to = v[next].start;
        for (size_t i = 0; i < depth; i++)
            if (stack[i]->end < to)
                to = stack[i]->end;
        esc_n(out, text + pos, to - pos);
        pos = to;
    }
    while (depth > 0)
        close_tag(out, stack[--depth]);
    fputs("</div>\n", out);
    free(v), free(stack), free(reopen), free(first);
    return 0;
}

static void write_value(FILE *out, const cl_quantity *q)
{
    char buf[CL_DEC_BUFSIZE];
    if (!q->has_value) {
        fputs("—", out);
        return;
    }
    fputs(cl_dec_format(q->value, buf), out);
    if (q->has_hi)
        fprintf(out, "–%s", cl_dec_format(q->value_hi, buf));
    if (*q->unit) {
        fputc(' ', out);
        esc(out, q->unit);
    }
    const char *approx = cl_approx_name(q->approx);
    if (approx)
        fprintf(out, " (%s)", approx);
}

static void write_section_path(FILE *out, const cl_doc *doc, const cl_section *s)
{
    const cl_section *chain[64];
    int n = 0;
    for (; s && n < 64; s = s->parent)
        chain[n++] = s;
    while (n-- > 0) {
        esc_span(out, doc, chain[n]->title.end > chain[n]->title.start ? chain[n]->title
                                                                         : chain[n]->marker);
        if (n > 0)
            fputs(" &gt; ", out);
    }
}

/* The summary: claims per kind, above the text. */
static void write_kinds(FILE *out, const cl_doc *doc)
{
    size_t counts[CL_NKINDS] = {0}, nclaims = cl_doc_claim_count(doc);
    for (size_t i = 0; i < nclaims; i++)
        counts[cl_doc_claim(doc, i)->kind]++;
    fputs("<table class=\"kinds\"><tr><th>kind</th>", out);
    for (int k = 0; k < CL_NKINDS; k++)
        fprintf(out, "<th><span class=\"sw k-%s\"></span>%s</th>", cl_kind_name(k),
                cl_kind_name(k));
    fputs("<th>all</th></tr>\n<tr><td>claims</td>", out);
    for (int k = 0; k < CL_NKINDS; k++)
        fprintf(out, "<td data-kind=\"%s\">%zu</td>", cl_kind_name(k), counts[k]);
    fprintf(out, "<td data-kind=\"all\">%zu</td></tr></table>\n", nclaims);
}

/* Every claim, linking to its mark, below the text. */
static void write_list(FILE *out, const cl_doc *doc, size_t index)
{
    size_t nclaims = cl_doc_claim_count(doc);

    fprintf(out, "<details class=\"list\" open><summary>Claims (%zu)</summary>\n"
                 "<table class=\"claims\"><tr><th>#</th><th>kind</th><th>modality</th>"
                 "<th>value</th><th>text</th><th>section</th></tr>\n", nclaims);
    for (size_t i = 0; i < nclaims; i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        fprintf(out, "<tr><td><a href=\"#d%zu-c%zu\">#%zu</a></td><td><span class=\"sw k-%s\">"
                     "</span>%s</td><td>%s</td><td>", index, i, i, cl_kind_name(c->kind),
                cl_kind_name(c->kind), c->modality == CL_TARGET ? "target" : "actual");
        if (c->kind == CL_PROGRESS) {
            write_value(out, &c->done);
            fputs(" of ", out);
            write_value(out, &c->total);
        } else {
            write_value(out, &c->quantity);
        }
        const char *dir = c->kind == CL_CHANGE ? cl_direction_name(c->direction) : NULL;
        if (dir)
            fprintf(out, " %s", dir);
        fputs("</td><td class=\"t\">", out);
        esc_span(out, doc, c->span);
        fputs("</td><td>", out);
        write_section_path(out, doc, c->section);
        fputs("</td></tr>\n", out);
    }
    fputs("</table></details>\n", out);
}

/* The claims as JSONL records (the --format jsonl objects), for the page's script. */
static int write_data(FILE *out, const cl_doc *doc)
{
    fputs("<script type=\"application/json\" class=\"claims-data\">[", out);
    for (size_t i = 0; i < cl_doc_claim_count(doc); i++) {
        const cl_claim *c = cl_doc_claim(doc, i);
        cJSON *o = oracle_claim_json(doc, c, i);
        if (!o)
            return -1;
        cJSON_AddStringToObject(o, "doc", cl_doc_name(doc));
        cJSON_AddItemToObject(o, "section", oracle_section_path_json(doc, c->section));
        char *s = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        if (!s)
            return -1;
        if (i)
            fputc(',', out);
        json_in_script(out, s);
        cJSON_free(s);
    }
    fputs("]</script>\n", out);
    return 0;
}

int oracle_write_html(const cl_doc *doc, FILE *out, size_t index)
{
    fprintf(out, "<article class=\"doc\" id=\"d%zu\" data-doc=\"", index);
    esc(out, cl_doc_name(doc));
    fputs("\">\n<h2>", out);
    esc(out, cl_doc_name(doc));
    fprintf(out, "</h2>\n<p class=\"meta\">%s · %s · %zu bytes · %zu claims</p>\n",
            cl_doc_encoding(doc), cl_doc_is_plan(doc) ? "plan" : "report",
            cl_doc_text_len(doc), cl_doc_claim_count(doc));
    write_kinds(out, doc);
    if (write_marked_text(out, doc, index) < 0 || write_data(out, doc) < 0)
        return -1;
    write_list(out, doc, index);
    fputs("</article>\n", out);
    return ferror(out) ? -1 : 0;
}
