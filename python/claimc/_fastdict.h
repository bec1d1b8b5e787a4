/* _fastdict.h — the parts of the extension claimc._fastdict that call each other. */
#ifndef CLAIMC_PY_FASTDICT_H
#define CLAIMC_PY_FASTDICT_H

#include <Python.h>

/* The records of N bytes of the library's JSONL at P, as a list of dicts (_fastdict.c); NULL
 * and ValueError when they are not what the library writes. */
PyObject *fastdict_records(const char *p, size_t n);

/* batch_next(batch, cl_batch_next, cl_result_free) (_batch.c). */
PyObject *fastdict_batch_next(PyObject *self, PyObject *args);
#define FASTDICT_BATCH_NEXT_DOC \
    "batch_next(batch, next, free) -> (records, diags, failed), or None after the last file:\n" \
    "cl_batch_next (the GIL released while it waits) and the records made from the library's\n" \
    "buffer where it is; records is the JSONL as bytes when it does not decode here. BATCH,\n" \
    "NEXT and FREE are addresses from ctypes (the extension does not link the library)."

#endif
