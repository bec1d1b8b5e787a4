/* pipeline.h — parsing a document in the ways the writers need it: kept whole (cl_parse,
 * cl_parse_adopt in claimc.h), its claims streamed, its outline streamed, or its claims
 * alone. */
#ifndef CL_PIPELINE_H
#define CL_PIPELINE_H

#include "ast.h"

/* Streaming, for --format jsonl: parse as cl_parse_adopt does, but hand each claim to ON_CLAIM
 * as soon as it is final (in document order, with the id cl_doc_claim would have given it) and
 * keep neither claims nor sentences, so memory holds the text, the headings' records (claims
 * point at them) and diagnostics, not a tree of the whole document. ON_CLAIM returns false to
 * stop the parse (its writer failed). The document returned lists no claims, sentences or
 * headings; NULL only when out of memory. A claim's headings give their level, marker, title
 * and parent; their `plan` is settled only where a claim's modality asked (heading.c), so
 * ON_CLAIM reads the claim's modality rather than it. The document's positions are indexed
 * only when it has diagnostics: without, cl_doc_position counts from the start of the text at
 * each call. */
cl_doc *cl_parse_adopt_each(const char *name, unsigned char *data, size_t len,
                            cl_claim_fn on_claim, void *arg);

/* Streaming the outline, for --format json: START once the text is decoded (encoding, plan,
 * length known), then headings and sentences in document order, each once final (a heading
 * when its title is known, a sentence when its claims are: its last may yet become the total
 * of the next sentence's progress claim), the sentence with its claims (CLAIMS[0..claim_count),
 * ids from first_claim on). Nothing is kept: the document returned lists no claims, sentences
 * or headings. A callback returns false to stop the parse. */
cl_doc *cl_parse_adopt_outline(const char *name, unsigned char *data, size_t len,
                               const cl_outline_fn *fn);

/* A parse that keeps the claims but neither sentences nor headings (--format html: a page
 * needs every claim before its text, and nothing of the outline). */
cl_doc *cl_parse_adopt_claims(const char *name, unsigned char *data, size_t len);

#endif
