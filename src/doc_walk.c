/* doc_walk.c — read-only walks of a parsed document: its sentences, for tools that reason
 * about the claims of one sentence together (claimc check, the HTML view). */
#include "doc.h"

size_t cl_doc_sentence_count(const cl_doc *doc)
{
    return doc->sentences.len;
}

bool cl_doc_sentence(const cl_doc *doc, size_t i, cl_sentence_view *out)
{
    if (i >= doc->sentences.len)
        return false;
    const cl_sentence *s = &CL_VEC_AT(doc->sentences, cl_sentence, i);
    out->span = s->span;
    out->section = s->section;
    out->first_claim = s->first_claim;
    out->claim_count = s->claim_count;
    return true;
}
