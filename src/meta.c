/* meta.c — an input record's fields other than its text, carried to every claim of it.
 *
 * `--input jsonl` records {"id": 7, "city": "鄂州", "year": 2024, "text": "..."}: everything
 * but "text" becomes the compact JSON object the writers put in each claim as "meta" (JSONL,
 * the JSON Document, a CSV column), values as they were (a number stays a number). */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ast.h"
#include "meta.h"
#include "utf8.h"

/* S with each byte of an invalid UTF-8 sequence as U+FFFD (record strings are any bytes; the
 * output is always UTF-8). Frees S. */
static char *valid_utf8(char *s)
{
    size_t n = strlen(s);
    if (cl_utf8_valid((const unsigned char *)s, n))
        return s;
    char *out = malloc(n * 3 + 1), *o = out;
    if (!out) {
        free(s);
        return NULL;
    }
    for (size_t i = 0; i < n;) {
        size_t len = cl_utf8_len((const unsigned char *)s + i, n - i);
        if (!len) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(o, s + i, len);
            o += len;
            i += len;
        }
    }
    *o = '\0';
    free(s);
    return out;
}

char *cl_meta_of_record(const cJSON *record)
{
    if (!cJSON_IsObject(record))
        return NULL;
    cJSON *copy = cJSON_Duplicate(record, true);
    if (!copy)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(copy, "text");
    char *s = copy->child ? cJSON_PrintUnformatted(copy) : NULL;
    cJSON_Delete(copy);
    return s ? valid_utf8(s) : NULL;
}

char *cl_meta_compact(const char *json, bool *ok)
{
    cJSON *o = cJSON_Parse(json);
    *ok = cJSON_IsObject(o);
    char *s = *ok && o->child ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return s ? valid_utf8(s) : NULL;
}

bool cl_doc_set_meta(cl_doc *doc, const char *json)
{
    bool ok = true;
    char *s = json ? cl_meta_compact(json, &ok) : NULL;
    doc->meta = s ? cl_arena_strndup(&doc->arena, s, strlen(s)) : NULL;
    free(s);
    return ok && (!s || doc->meta);
}

const char *cl_doc_meta(const cl_doc *doc)
{
    return doc->meta;
}
