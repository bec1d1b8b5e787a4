/* check_out.c — claimc check's findings written as JSON Lines or as text. */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "jtext.h"

/* A span's text as a JSON string: NUL and invalid UTF-8 as U+FFFD, as in the JSON emitter. */
static cJSON *span_text(const cl_doc *doc, cl_span s)
{
    return cl_json_text(cl_doc_text(doc) + s.start, s.end > s.start ? s.end - s.start : 0);
}

static cJSON *span_json(const cl_doc *doc, cl_span s)
{
    uint32_t line, column;
    cl_doc_position(doc, s.start, &line, &column);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "start", s.start);
    cJSON_AddNumberToObject(o, "end", s.end);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", column);
    return o;
}

/* Where a finding is: its first claim, else its sentence. */
static uint32_t finding_offset(const cl_doc *doc, const cl_finding *f)
{
    return f->nclaims ? cl_doc_claim(doc, f->claims[0])->span.start : f->sentence.start;
}

static cJSON *finding_json(const cl_doc *doc, const cl_finding *f)
{
    uint32_t line, column;
    cl_doc_position(doc, finding_offset(doc, f), &line, &column);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "Finding");
    cJSON_AddItemToObject(o, "doc", cl_json_text(cl_doc_name(doc), strlen(cl_doc_name(doc))));
    cJSON_AddStringToObject(o, "code", f->code);
    cJSON_AddStringToObject(o, "severity", cl_find_level_name(f->level));
    cJSON_AddStringToObject(o, "message", f->message);
    cJSON_AddNumberToObject(o, "line", line);
    cJSON_AddNumberToObject(o, "column", column);
    cJSON *claims = cJSON_AddArrayToObject(o, "claims");
    for (size_t i = 0; i < f->nclaims; i++) {
        const cl_claim *c = cl_doc_claim(doc, f->claims[i]);
        cJSON *co = cJSON_CreateObject();
        cJSON_AddNumberToObject(co, "id", (double)f->claims[i]);
        cJSON_AddStringToObject(co, "kind", cl_kind_name(c->kind));
        cJSON_AddItemToObject(co, "text", span_text(doc, c->span));
        cJSON_AddItemToObject(co, "span", span_json(doc, c->span));
        cJSON_AddItemToArray(claims, co);
    }
    cJSON *figures = cJSON_AddObjectToObject(o, "figures");
    for (size_t i = 0; i < f->nfigures; i++) {
        const cl_figure *g = &f->figures[i];
        if (g->text)
            cJSON_AddStringToObject(figures, g->name, g->text);
        else
            cJSON_AddNumberToObject(figures, g->name, g->value);
    }
    cJSON *sent = span_json(doc, f->sentence);
    cJSON_AddItemToObject(sent, "text", span_text(doc, f->sentence));
    cJSON_AddItemToObject(o, "sentence", sent);
    return o;
}

int cl_write_findings(const cl_doc *doc, const cl_finding *f, size_t n, FILE *out, bool text)
{
    for (size_t i = 0; i < n; i++) {
        if (text) {
            uint32_t line, column;
            cl_doc_position(doc, finding_offset(doc, &f[i]), &line, &column);
            fprintf(out, "%s:%u:%u: %s: %s [%s]\n", cl_doc_name(doc), line, column,
                    cl_find_level_name(f[i].level), f[i].message, f[i].code);
            continue;
        }
        cJSON *o = finding_json(doc, &f[i]);
        char *s = o ? cJSON_PrintUnformatted(o) : NULL;
        cJSON_Delete(o);
        if (!s)
            return -1;
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    }
    return ferror(out) ? -1 : 0;
}
