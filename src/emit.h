/* emit.h — pieces the emitters share. */
#ifndef CL_EMIT_H
#define CL_EMIT_H

#include <cjson/cJSON.h>

#include "doc.h"

cJSON *cl_claim_json(const cl_doc *doc, const cl_claim *c, size_t id);
/* The heading titles from the outermost down to S, as a JSON array of strings. */
cJSON *cl_section_path_json(const cl_doc *doc, const cl_section *s);

#endif
