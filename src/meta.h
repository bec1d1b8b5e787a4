/* meta.h — an input record's fields other than "text" (meta.c). */
#ifndef CL_META_H
#define CL_META_H

#include <stdbool.h>

#include <cjson/cJSON.h>

/* RECORD without its "text", as a compact JSON object in a malloc'd string (valid UTF-8), or
 * NULL when it has no other field (or is not an object). */
char *cl_meta_of_record(const cJSON *record);
/* JSON, a JSON object, compact and valid UTF-8 in a malloc'd string; NULL for {} (*OK true) or
 * for what is not an object (*OK false). */
char *cl_meta_compact(const char *json, bool *ok);

#endif
