/* _shapes.h — records' dicts copied from a prototype of their layout (_shapes.c). */
#ifndef CLAIMC_PY_SHAPES_H
#define CLAIMC_PY_SHAPES_H

#include <Python.h>

#define SHAPE_KEYS 16   /* objects with more keys are built key by key */

typedef struct shape_set shape_set;   /* the layouts seen under one parent key */

/* The dict of the N keys KEYS (borrowed: interned strs kept for the module's life) and the
 * values VALS (their references taken, also on failure), as PyDict_SetItem in that order
 * would make it; *SET (NULL at first) keeps the layouts. NULL and an exception on failure. */
PyObject *shape_dict(shape_set **set, PyObject *const *keys, PyObject **vals, unsigned n);

/* An empty dict with room for SIZE keys (no resizes while they are inserted). */
PyObject *dict_sized(unsigned size);

/* Every dict built key by key from now on (CLAIMC_NO_SHAPES=1). */
void shapes_disable(void);

#endif
