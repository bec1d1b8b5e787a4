/* emit_jsonl.c — the claims as JSON Lines: each claim's object (emit_claim.c) and the tail of
 * its record (doc and section path), straight into the writer core's buffer.
 *
 * The writer takes claims one at a time: from a parsed document (cl_write_jsonl), or as a
 * streaming parse hands them out (cl_parse_adopt_each, for --format jsonl). */
#include <stdlib.h>

#include "emit.h"

struct cl_jsonl_writer {
    cl_wbuf own, *buf;   /* BUF: OWN, or the caller's */
    cl_jclaims x;
    cl_jtail tail;
    const char *meta;    /* cl_jsonl_meta's, else each document's own (cl_doc_set_meta) */
};

void cl_jsonl_meta(cl_jsonl_writer *w, const char *meta)
{
    w->meta = meta;
    w->x.doc = NULL;   /* the next claim starts a document's tail again, with it */
}

static cl_jsonl_writer *open_writer(void)
{
    return calloc(1, sizeof(cl_jsonl_writer));   /* big (the names kept): on the heap */
}

cl_jsonl_writer *cl_jsonl_open(FILE *out)
{
    cl_jsonl_writer *w = open_writer();
    if (w) {
        cl_wbuf_init(&w->own, out);
        w->buf = &w->own;
    }
    return w;
}

cl_jsonl_writer *cl_jsonl_open_buf(cl_wbuf *b)
{
    cl_jsonl_writer *w = open_writer();
    if (w)
        w->buf = b;
    return w;
}

bool cl_jsonl_claim(cl_jsonl_writer *w, const cl_doc *doc, const cl_claim *c, size_t id)
{
    if (w->x.doc != doc) {   /* the first claim of a document: its name and headings */
        cl_jtail_reset(&w->tail);
        w->tail.meta = w->meta ? w->meta : doc->meta;
    }
    cl_jclaims_start(&w->x, doc);
    if (!cl_jtail_for(&w->tail, doc, c->section)) {
        w->buf->failed = true;
        return false;
    }
    char *o = cl_wbuf_room(w->buf, cl_claim_bound(&w->x, c, 1) + w->tail.len);
    if (!o)
        return false;
    o = cl_w_claim(o, &w->x, c, id);
    memcpy(o, w->tail.p, w->tail.len);
    cl_wbuf_end(w->buf, o + w->tail.len);
    return !w->buf->failed;
}

bool cl_jsonl_take(void *writer, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    return cl_jsonl_claim(writer, doc, claim, id);
}

int cl_jsonl_close(cl_jsonl_writer *w)
{
    if (!w)
        return -1;
    int rc;
    if (w->buf == &w->own) {
        rc = cl_wbuf_close(&w->own);
    } else {
        cl_wbuf_flush(w->buf);
        rc = w->buf->failed ? -1 : 0;
    }
    cl_jtail_free(&w->tail);
    free(w);
    return rc;
}

int cl_jsonl_write(cl_wbuf *b, const cl_doc *doc)
{
    cl_jsonl_writer *w = cl_jsonl_open_buf(b);
    if (!w)
        return -1;
    for (size_t i = 0; i < doc->claims.len; i++)
        if (!cl_jsonl_claim(w, doc, &CL_VEC_AT(doc->claims, cl_claim, i), i))
            break;
    return cl_jsonl_close(w);
}

int cl_write_jsonl(const cl_doc *doc, FILE *out)
{
    cl_wbuf b;
    cl_wbuf_init(&b, out);
    int rc = cl_jsonl_write(&b, doc);
    return cl_wbuf_close(&b) < 0 ? -1 : rc;
}
