/* _shapes.c — a record's dict as a copy of a prototype with its values put in place.
 *
 * Half of the records' cost was CPython's dict inserts (PyDict_SetItem ~180 instructions a key
 * in 3.11, 24 keys a claim), and a claim's objects have only a few layouts (4 for the records,
 * 2 for their quantities). For each layout seen under a parent key we keep a prototype: a
 * dict of the same keys, in the same order, every value None. A record is PyDict_Copy of it
 * (CPython clones a compact table: one memcpy and an incref a slot) and its values stored
 * into the copy's slots.
 *
 * Where the slots are is CPython's private layout (the entries after the hash index). It is
 * not assumed: for each prototype it is found, by building the dict once with distinct small
 * ints as values and locating each, right after its key, at one stride, inside the keys
 * table's size (dict.__sizeof__); then a copy is made, given other values through the slots,
 * and read back with PyDict_GetItem, order and size checked, the prototype unchanged. A
 * layout that fails any check (another CPython, a copy that is not a clone) is built with
 * PyDict_SetItem as before; so is any object whose layout has not been seen. Each store
 * checks the slot still holds None. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "_shapes.h"

#define SHAPE_WAYS 8   /* layouts kept a parent key: "span" has two (a claim's, a quantity's) */

typedef struct {
    bool used;
    PyObject *proto;              /* owned: the keys, every value None */
    PyObject *keys[SHAPE_KEYS];   /* borrowed: interned keys the caller keeps for good */
    unsigned n;
    bool usable;                  /* the slots were found and checked */
    Py_ssize_t first, stride;     /* byte offset of value 0 in the keys table; of the next */
} shape;

struct shape_set {
    shape ways[SHAPE_WAYS];
    unsigned victim, next_miss, last;   /* last: the way found last */
    uintptr_t missed[4];   /* the last layouts not kept (a hash): kept when one comes again */
};

static bool seen_before(shape_set *set, uintptr_t sig)
{
    for (int i = 0; i < 4; i++)
        if (set->missed[i] == sig)
            return true;
    set->missed[set->next_miss++ % 4] = sig;
    return false;
}

/* CPython with the GIL only: another implementation (PyPy's cpyext), the free-threaded build
 * (dicts shared between threads) or the limited API get every dict key by key. */
#if defined(PYPY_VERSION) || defined(Py_GIL_DISABLED) || defined(Py_LIMITED_API)
#define SHAPES_POSSIBLE 0
#else
#define SHAPES_POSSIBLE 1
#endif

static bool enabled = SHAPES_POSSIBLE;

void shapes_disable(void)
{
    enabled = false;
}

static void *table(PyObject *d)
{
#if SHAPES_POSSIBLE
    return ((PyDictObject *)d)->ma_keys;
#else
    (void)d;
    return NULL;   /* never called: enabled is false */
#endif
}

static bool combined(PyObject *d)   /* the values in the keys table, not a split table */
{
#if SHAPES_POSSIBLE
    return ((PyDictObject *)d)->ma_values == NULL;
#else
    (void)d;
    return false;
#endif
}

static PyObject **slot(const shape *s, PyObject *d, unsigned i)
{
    return (PyObject **)((char *)table(d) + s->first + (Py_ssize_t)i * s->stride);
}

/* The bytes of D's keys table: dict.__sizeof__ less the dict object's own. */
static Py_ssize_t table_size(PyObject *d)
{
    static PyObject *name;   /* interned once: a name made each call would fill caches */
    if (!name && !(name = PyUnicode_InternFromString("__sizeof__")))
        return PyErr_Clear(), -1;
    PyObject *r = PyObject_CallMethodNoArgs(d, name);
    Py_ssize_t n = r ? PyLong_AsSsize_t(r) : -1;
    Py_XDECREF(r);
    if (n < 0)
        PyErr_Clear();
    return n - (Py_ssize_t)sizeof(PyDictObject);
}

/* In D (values: the small ints 0..n-1, keys S->keys), where value I lives: first and stride. */
static bool locate(shape *s, PyObject *d)
{
    Py_ssize_t size = table_size(d);
    if (size <= 0 || !combined(d) || PyDict_GET_SIZE(d) != (Py_ssize_t)s->n)
        return false;
    const char *t = table(d);
    Py_ssize_t at[SHAPE_KEYS] = {0};
    Py_ssize_t from = (Py_ssize_t)sizeof(PyObject *);
    for (unsigned i = 0; i < s->n; i++) {
        PyObject *want = PyLong_FromLong((long)i);   /* a cached small int: no new object */
        Py_DECREF(want);                             /* borrowed: the cache holds it */
        Py_ssize_t o = from;
        for (; o + (Py_ssize_t)sizeof(PyObject *) <= size; o += (Py_ssize_t)sizeof(PyObject *)) {
            PyObject *v, *k;
            memcpy(&v, t + o, sizeof v);
            memcpy(&k, t + o - sizeof k, sizeof k);
            if (v == want && k == s->keys[i])
                break;
        }
        if (o + (Py_ssize_t)sizeof(PyObject *) > size)
            return false;
        at[i] = o;
        from = o + (Py_ssize_t)sizeof(PyObject *);
    }
    s->first = at[0];
    s->stride = s->n > 1 ? at[1] - at[0] : 0;
    for (unsigned i = 1; i < s->n; i++)
        if (at[i] != s->first + (Py_ssize_t)i * s->stride)
            return false;
    return true;
}

/* A copy of the prototype with other values through the slots reads back right. */
static bool copies_right(const shape *s)
{
    PyObject *c = PyDict_Copy(s->proto);
    if (!c)
        return PyErr_Clear(), false;
    bool ok = combined(c) && table(c) != table(s->proto) &&
              PyDict_GET_SIZE(c) == (Py_ssize_t)s->n;
    for (unsigned i = 0; ok && i < s->n; i++) {
        PyObject **p = slot(s, c, i);
        ok = *p == Py_None;
        if (ok) {
            *p = PyLong_FromLong((long)i + 1);   /* small ints: never fails */
            Py_DECREF(Py_None);
        }
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    for (unsigned i = 0; ok && i < s->n; i++)
        ok = PyDict_Next(c, &pos, &k, &v) && k == s->keys[i] && PyLong_Check(v) &&
             PyLong_AsLong(v) == (long)i + 1 && PyDict_GetItem(c, k) == v &&
             PyDict_GetItem(s->proto, k) == Py_None;
    Py_DECREF(c);
    return ok;
}

/* The prototype of S's keys, and where its values are; false when anything does not hold. */
static bool make_proto(shape *s)
{
    s->proto = PyDict_New();
    bool ok = s->proto != NULL;
    for (unsigned i = 0; ok && i < s->n; i++) {
        PyObject *v = PyLong_FromLong((long)i);
        ok = v && PyDict_SetItem(s->proto, s->keys[i], v) == 0;
        Py_XDECREF(v);
    }
    ok = ok && locate(s, s->proto);
    for (unsigned i = 0; ok && i < s->n; i++)
        ok = PyDict_SetItem(s->proto, s->keys[i], Py_None) == 0;
    ok = ok && copies_right(s);
    if (PyErr_Occurred())
        PyErr_Clear();
    return ok;
}

static bool same_keys(const shape *s, PyObject *const *keys, unsigned n)
{
    if (!s->used || s->n != n)
        return false;
    for (unsigned i = 0; i < n; i++)   /* a few pointers: no memcmp call */
        if (s->keys[i] != keys[i])
            return false;
    return true;
}

static shape *find(shape_set *set, PyObject *const *keys, unsigned n)
{
    if (same_keys(&set->ways[set->last], keys, n))   /* most objects: the layout of the last */
        return &set->ways[set->last];
    for (unsigned w = 0; w < SHAPE_WAYS; w++)
        if (same_keys(&set->ways[w], keys, n)) {
            set->last = w;
            return &set->ways[w];
        }
    return NULL;
}

static void learn(shape_set *set, PyObject *const *keys, unsigned n)
{
    shape *s = &set->ways[set->victim++ % SHAPE_WAYS];
    Py_CLEAR(s->proto);
    memcpy(s->keys, keys, n * sizeof *keys);
    s->n = n;
    s->used = true;
    s->usable = make_proto(s);   /* unusable: kept all the same, not tried again */
}

PyObject *dict_sized(unsigned size)
{
#if !defined(Py_LIMITED_API) && PY_VERSION_HEX < 0x030D0000
    if (size > 5)
        return _PyDict_NewPresized((Py_ssize_t)size);
#endif
    (void)size;
    return PyDict_New();
}

static PyObject *fresh(PyObject *d, PyObject *const *keys, PyObject **vals, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (d && PyDict_SetItem(d, keys[i], vals[i]) < 0)
            Py_CLEAR(d);
        Py_DECREF(vals[i]);
    }
    return d;
}

PyObject *shape_dict(shape_set **setp, PyObject *const *keys, PyObject **vals, unsigned n)
{
    if (!enabled || n == 0 || n > SHAPE_KEYS)
        return fresh(dict_sized(n), keys, vals, n);
    if (!*setp && !(*setp = PyMem_Calloc(1, sizeof **setp)))
        return fresh(dict_sized(n), keys, vals, n);
    shape *s = find(*setp, keys, n);
    if (!s) {   /* a prototype costs a few records' dicts: only for a layout seen again */
        uintptr_t sig = n;
        for (unsigned i = 0; i < n; i++)
            sig = sig * 31 + (uintptr_t)keys[i];
        PyObject *d = fresh(dict_sized(n), keys, vals, n);
        if (d && seen_before(*setp, sig))
            learn(*setp, keys, n);
        return d;
    }
    if (!s->usable)
        return fresh(dict_sized(n), keys, vals, n);
    PyObject *d = PyDict_Copy(s->proto);
    if (!d)
        return fresh(NULL, keys, vals, n);
    bool containers = false;
    for (unsigned i = 0; i < n; i++) {
        PyObject **p = slot(s, d, i);
        containers |= PyDict_CheckExact(vals[i]) || PyList_CheckExact(vals[i]);
        if (*p == Py_None) {   /* the copy's: give it the value */
            *p = vals[i];
            Py_DECREF(Py_None);
        } else if (PyDict_SetItem(d, keys[i], vals[i]) < 0) {
            Py_DECREF(d);
            return fresh(NULL, keys + i, vals + i, n - i);
        } else {
            Py_DECREF(vals[i]);
        }
    }
    if (containers && !PyObject_GC_IsTracked(d))   /* as PyDict_SetItem would have */
        PyObject_GC_Track(d);
    return d;
}
