/* _batch.c — the next file of a cl_batch with its records made here: one call a file from
 * Python, not four through ctypes and a copy of the JSONL into bytes (callgrind: 4% of
 * extract_many's instructions went to that glue).
 *
 * The extension does not link libclaimc: claimc._native loaded it with ctypes and passes the
 * batch and the addresses of cl_batch_next and cl_result_free. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>

#include "../../include/claimc.h"
#include "_fastdict.h"

typedef bool (*next_fn)(cl_batch *, cl_result *);
typedef void (*free_fn)(cl_result *);

PyObject *fastdict_batch_next(PyObject *self, PyObject *args)
{
    (void)self;
    unsigned long long batch, next, release;
    if (!PyArg_ParseTuple(args, "KKK", &batch, &next, &release))
        return NULL;
    if (!batch || !next || !release)
        return PyErr_Format(PyExc_ValueError, "batch_next: a null address");
    cl_result r;
    bool more;
    Py_BEGIN_ALLOW_THREADS   /* the library's threads parse; this one waits for the next */
    more = ((next_fn)(uintptr_t)next)((cl_batch *)(uintptr_t)batch, &r);
    Py_END_ALLOW_THREADS
    if (!more)
        Py_RETURN_NONE;
    PyObject *claims = fastdict_records(r.jsonl ? r.jsonl : "", r.jsonl_len);
    if (!claims && PyErr_ExceptionMatches(PyExc_ValueError)) {   /* json.loads will say why */
        PyErr_Clear();
        claims = PyBytes_FromStringAndSize(r.jsonl, (Py_ssize_t)r.jsonl_len);
    }
    PyObject *diags = claims ? PyBytes_FromStringAndSize(r.diags ? r.diags : "",
                                                         (Py_ssize_t)r.diags_len) : NULL;
    bool failed = r.failed;
    ((free_fn)(uintptr_t)release)(&r);
    if (!diags) {
        Py_XDECREF(claims);
        return NULL;
    }
    return Py_BuildValue("NNO", claims, diags, failed ? Py_True : Py_False);
}
