/* jtext.c — a document's text as a cJSON string (jtext.h). */
#include <stdlib.h>

#include "jtext.h"
#include "wjson.h"

cJSON *cl_json_text(const char *text, size_t n)
{
    char *buf = malloc(CL_STRING_MAX(n) + 1);
    if (!buf)
        return cJSON_CreateNull();
    *cl_w_string(buf, text, n) = '\0';   /* quoted and escaped: printed as it is */
    cJSON *s = cJSON_CreateRaw(buf);
    free(buf);
    return s;
}
