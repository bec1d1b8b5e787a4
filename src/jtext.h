/* jtext.h — a document's text as a cJSON string, for the outputs still built on cJSON trees
 * (claimc check's findings, claimc compare). */
#ifndef CL_JTEXT_H
#define CL_JTEXT_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* N bytes of TEXT as a JSON string the way the writer core writes text (wjson.h): NUL and each
 * byte of invalid UTF-8 as U+FFFD, so the output is always UTF-8 (cJSON_CreateString would
 * copy invalid bytes through, and stop at a NUL). A JSON null when out of memory. */
cJSON *cl_json_text(const char *text, size_t n);

#endif
