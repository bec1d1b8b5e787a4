/* _fastdict.c — the records of a JSONL buffer as Python dicts, without json.loads.
 *
 * records(jsonl: bytes) -> list[dict] gives what [json.loads(l) for l in lines] gives: the same
 * keys in the same order, ints where the JSON has an integer, floats where it has a fraction or
 * an exponent, None, True/False, nested dicts and lists. It reads the UTF-8 bytes the library
 * wrote as they are (no str of the whole buffer, no replace). Records repeat their layout, so
 * it keeps, for the life of the module, each key (interned) with the key that followed it last
 * time: most keys are then one masked compare of 16 bytes, no scan, no hash. Keys whose values
 * repeat (kind, unit, doc, section titles ...) keep their last few strings the same way.
 * Anything it does not accept (not JSON, invalid UTF-8, NaN) raises ValueError: the caller
 * then decodes with json.loads, which says what is wrong. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "_arenas.h"
#include "_fastdict.h"
#include "_shapes.h"
#include "_utf8.h"

#define KEY_MAX 30      /* longer keys are made each time, not kept */
#define KEY_SLOTS 256   /* a power of two: the distinct keys kept (meta's come and go) */
#define KEY_PROBES 8
#define VAL_MAX 60      /* longer strings are seldom repeated (claim texts, raws) */
#define VAL_WAYS 8      /* strings kept a key: kinds, units, section titles, the doc */
#define MAX_DEPTH 64

/* Bytes to find where something is expected: their first 16 as two words and masks, so the
 * test is two loads and compares where the buffer has 16 bytes left, memcmp elsewhere. */
typedef struct {
    uint64_t word[2], mask[2];
    uint32_t len;
} pattern;

/* A string value kept for reuse: its bytes as written (no escapes) and the closing quote. */
typedef struct {
    PyObject *str;   /* owned, or NULL */
    pattern pat;
    char bytes[VAL_MAX + 1];
} kept;

/* A key seen before, kept for the life of the module (under the GIL): its str, interned; its
 * bytes as the library writes them ("key":), to be matched where the key is expected; and
 * which key came after it, and first in its value, last time. Records repeat their layout,
 * so most keys are a memcmp against the prediction. */
typedef struct key {
    PyObject *str;   /* owned; NULL: a free slot */
    uint32_t hash;
    pattern pat;
    char quoted[KEY_MAX + 3];
    bool repeats;         /* its string values repeat from record to record: kept in values */
    unsigned victim;      /* the next of values to replace */
    struct key *next;     /* the key after this one in its object, last time */
    struct key *first;    /* the first key of the object that was its value, last time */
    uint8_t size;         /* the keys of the object that was its value, last time */
    shape_set *shapes;    /* the layouts of the objects that were its value */
    kept values[VAL_WAYS];
} key;

static key keys[KEY_SLOTS];
static key top;   /* the records themselves: top.first predicts their first key */

typedef struct {
    const char *p, *end;
    char *scratch;   /* unescaped string bytes */
    size_t scratch_cap;
} reader;

static PyObject *value(reader *r, key *k, int depth);

static PyObject *fail(const char *what)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, what);
    return NULL;
}

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void pattern_set(pattern *pat, const char *s, size_t n)
{
    unsigned char w[16] = {0}, m[16] = {0};
    memcpy(w, s, n < 16 ? n : 16);
    memset(m, 0xFF, n < 16 ? n : 16);
    memcpy(pat->word, w, 16);
    memcpy(pat->mask, m, 16);
    pat->len = (uint32_t)n;
}

/* P (r->p, or after it) starts with S, whose pattern is PAT. */
static bool at(const reader *r, const char *p, const pattern *pat, const char *s)
{
    if (r->end - p >= 16) {
        uint64_t x[2];
        memcpy(x, p, 16);
        if (((x[0] ^ pat->word[0]) & pat->mask[0]) | ((x[1] ^ pat->word[1]) & pat->mask[1]))
            return false;
        return pat->len <= 16 || memcmp(p + 16, s + 16, pat->len - 16) == 0;
    }
    return (size_t)(r->end - p) >= pat->len && memcmp(p, s, pat->len) == 0;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

static char *put_utf8(char *o, uint32_t c)   /* surrogates too: decoded with surrogatepass */
{
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

/* A string with escapes, from S (after its opening quote) to END (its closing quote). A lone
 * surrogate (\ud800) stays one, as json.loads keeps it. */
static PyObject *escaped_str(reader *r, const char *s, const char *end)
{
    size_t need = (size_t)(end - s) + 1;   /* unescaping never lengthens */
    if (need > r->scratch_cap) {
        char *p = PyMem_Realloc(r->scratch, need);
        if (!p)
            return PyErr_NoMemory();
        r->scratch = p;
        r->scratch_cap = need;
    }
    char *o = r->scratch;
    bool surrogates = false;
    while (s < end) {
        if (*s != '\\') {
            *o++ = *s++;
            continue;
        }
        s++;
        switch (*s++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            int c = end - s >= 4 ? hex4(s) : -1;
            if (c < 0)
                return fail("bad \\u escape");
            s += 4;
            uint32_t cp = (uint32_t)c;
            if (cp >= 0xD800 && cp < 0xDC00 && end - s >= 6 && s[0] == '\\' && s[1] == 'u') {
                int lo = hex4(s + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    s += 6;
                }
            }
            surrogates |= cp >= 0xD800 && cp < 0xE000;
            o = put_utf8(o, cp);
            break;
        }
        default:
            return fail("bad escape");
        }
    }
    return PyUnicode_DecodeUTF8(r->scratch, o - r->scratch, surrogates ? "surrogatepass" : NULL);
}

/* The first byte from P on that a string must look at: '"', '\\' or a control character
 * (raw ones are not JSON), 8 bytes at a time; END when there is none. In each test the lowest
 * flagged byte is exact (borrows only run upwards), so the first hit is where the lowest bit is. */
static const char *special(const char *p, const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; end - p >= 8; p += 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
        uint64_t hit = (((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x)) & highs;
        if (hit)
            return p + (__builtin_ctzll(hit) >> 3);
    }
#endif
    for (; p < end; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
            return p;
    return end;
}

/* From r->p at an opening quote: the string's bytes [*S, *E) and whether it has escapes;
 * r->p after its closing quote. False (an error set) when it is not a string. */
static bool scan_string(reader *r, const char **s, const char **e, bool *escapes)
{
    const char *q = *s = ++r->p;
    *escapes = false;
    for (;;) {
        q = special(q, r->end);
        if (q == r->end)
            return fail("unterminated string"), false;
        if (*q == '"')
            break;
        if ((unsigned char)*q < 0x20)
            return fail("control character in string"), false;
        *escapes = true;   /* a backslash: skip the character it escapes */
        if (r->end - q < 2)
            return fail("unterminated string"), false;
        q += 2;
    }
    *e = q;
    r->p = q + 1;
    return true;
}

static PyObject *string(reader *r)   /* r->p at the opening quote */
{
    const char *s, *e;
    bool escapes;
    if (!scan_string(r, &s, &e, &escapes))
        return NULL;
    return escapes ? escaped_str(r, s, e) : utf8_str(s, (size_t)(e - s));
}

/* A string value of key K, whose values repeat: one of those kept, else made and kept. */
static PyObject *repeated_string(reader *r, key *k)   /* r->p at the opening quote */
{
    for (int i = 0; i < VAL_WAYS; i++) {
        kept *v = &k->values[i];
        if (v->str && at(r, r->p + 1, &v->pat, v->bytes)) {
            r->p += v->pat.len + 1;
            Py_INCREF(v->str);
            return v->str;
        }
    }
    const char *s, *e;
    bool escapes;
    if (!scan_string(r, &s, &e, &escapes))
        return NULL;
    if (escapes)
        return escaped_str(r, s, e);
    PyObject *str = utf8_str(s, (size_t)(e - s));
    if (str && (size_t)(e - s) <= VAL_MAX) {
        kept *v = &k->values[k->victim++ % VAL_WAYS];
        Py_XSETREF(v->str, str);
        Py_INCREF(str);
        memcpy(v->bytes, s, (size_t)(e - s) + 1);   /* and the quote */
        pattern_set(&v->pat, v->bytes, (size_t)(e - s) + 1);
    }
    return str;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?: an int without fraction and exponent (as
 * json.loads: int(s)), else a float (float(s)). */
static PyObject *number(reader *r)
{
    const char *s = r->p, *p = s, *e = r->end;
    bool is_float = false;
    if (p < e && *p == '-')
        p++;
    if (p >= e || !is_digit(*p))
        return fail("bad value");
    if (*p == '0')
        p++;
    else
        while (p < e && is_digit(*p))
            p++;
    if (p < e && *p == '.') {
        if (++p >= e || !is_digit(*p))
            return fail("bad number");
        while (p < e && is_digit(*p))
            p++;
        is_float = true;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        if (++p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || !is_digit(*p))
            return fail("bad number");
        while (p < e && is_digit(*p))
            p++;
        is_float = true;
    }
    size_t n = (size_t)(p - s);
    r->p = p;
    if (!is_float && n <= 18) {
        long long v = 0;
        for (const char *d = *s == '-' ? s + 1 : s; d < p; d++)
            v = v * 10 + (*d - '0');
        return PyLong_FromLongLong(*s == '-' ? -v : v);
    }
    char small[64], *buf = n < sizeof small ? small : PyMem_Malloc(n + 1);
    if (!buf)
        return PyErr_NoMemory();
    memcpy(buf, s, n);
    buf[n] = 0;
    PyObject *out;
    if (is_float) {
        double d = PyOS_string_to_double(buf, NULL, NULL);
        out = d == -1.0 && PyErr_Occurred() ? NULL : PyFloat_FromDouble(d);
    } else {
        out = PyLong_FromString(buf, NULL, 10);
    }
    if (buf != small)
        PyMem_Free(buf);
    return out;
}

static void skip_spaces(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static inline void skip_space(reader *r)   /* the library writes none: one test then */
{
    if (r->p < r->end && (unsigned char)*r->p <= ' ')
        skip_spaces(r);
}

static inline bool take(reader *r, char c)
{
    skip_space(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    return false;
}

/* Keys whose string values repeat from claim to claim (keep them in the key's values). */
static bool repeats(const char *name, size_t n)
{
    static const char *const names[] = {"type", "kind", "modality", "unit", "unit_text", "approx",
                                        "direction", "baseline", "indicator", "doc", "section",
                                        NULL};
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && memcmp(name, names[i], n) == 0)
            return true;
    return false;
}

/* The kept key whose bytes are S (N of them, no escapes), made and kept when new; NULL when
 * the table has no room near its hash (the caller then makes the key as any string). */
static key *keep_key(const char *s, size_t n)
{
    if (n > KEY_MAX)
        return NULL;
    uint32_t h = fnv1a(s, n);
    for (int i = 0; i < KEY_PROBES; i++) {
        key *k = &keys[(h + (uint32_t)i) & (KEY_SLOTS - 1)];
        if (k->str && k->hash == h && k->pat.len == n + 3 && memcmp(k->quoted + 1, s, n) == 0)
            return k;
        if (!k->str) {
            PyObject *str = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
            if (!str)
                return NULL;
            PyUnicode_InternInPlace(&str);
            k->str = str;
            k->hash = h;
            k->quoted[0] = '"';
            memcpy(k->quoted + 1, s, n);
            memcpy(k->quoted + 1 + n, "\":", 2);
            pattern_set(&k->pat, k->quoted, n + 3);
            k->repeats = repeats(s, n);
            return k;
        }
    }
    return NULL;
}

/* The key at r->p, and r->p after its ':'. *K: the kept key (its str borrowed), or NULL and
 * *OWNED a new str (escaped or long keys, a full table). PRED: the key expected here. */
static PyObject *object_key(reader *r, key *pred, key **k, PyObject **owned)
{
    *owned = NULL;
    if (pred && at(r, r->p, &pred->pat, pred->quoted)) {
        r->p += pred->pat.len;
        *k = pred;
        return pred->str;
    }
    skip_space(r);
    if (r->p >= r->end || *r->p != '"')
        return fail("expected a key");
    const char *s, *e;
    bool escapes;
    if (!scan_string(r, &s, &e, &escapes))
        return NULL;
    *k = escapes ? NULL : keep_key(s, (size_t)(e - s));
    if (!*k && !PyErr_Occurred())
        *owned = escapes ? escaped_str(r, s, e) : utf8_str(s, (size_t)(e - s));
    if (!*k && !*owned)
        return NULL;
    if (!take(r, ':')) {
        Py_CLEAR(*owned);
        return fail("expected ':'");
    }
    return *k ? (*k)->str : *owned;
}

/* The pairs of an object read so far: up to SHAPE_KEYS held until its '}' (its dict is then
 * a copy of its layout's prototype, _shapes.c), the rest straight into D. */
typedef struct {
    PyObject *d;                    /* NULL while the pairs fit in the arrays */
    PyObject *names[SHAPE_KEYS];    /* owned */
    PyObject *vals[SHAPE_KEYS];     /* owned */
    unsigned n;
    bool kept;                      /* every name a kept key's: a layout to keep */
} pairs;

static void pairs_drop(pairs *ps)
{
    for (unsigned i = 0; i < ps->n; i++) {
        Py_DECREF(ps->names[i]);
        Py_DECREF(ps->vals[i]);
    }
    ps->n = 0;
    Py_CLEAR(ps->d);
}

/* NAME and V (both references taken) into PS; false (PS dropped) on failure. */
static bool pairs_add(pairs *ps, PyObject *name, PyObject *v, unsigned hint)
{
    if (!ps->d && ps->n < SHAPE_KEYS) {
        ps->names[ps->n] = name;
        ps->vals[ps->n++] = v;
        return true;
    }
    bool ok = ps->d || (ps->d = dict_sized(hint)) != NULL;
    for (unsigned i = 0; i < ps->n; i++) {   /* the held pairs first, in their order */
        ok = ok && PyDict_SetItem(ps->d, ps->names[i], ps->vals[i]) == 0;
        Py_DECREF(ps->names[i]);
        Py_DECREF(ps->vals[i]);
    }
    ps->n = 0;
    ok = ok && PyDict_SetItem(ps->d, name, v) == 0;
    Py_DECREF(name);
    Py_DECREF(v);
    if (!ok)
        pairs_drop(ps);
    return ok;
}

/* The dict of PS (taken), a copy of its layout's prototype where it has one. */
static PyObject *pairs_dict(pairs *ps, key *parent)
{
    if (ps->d) {
        PyObject *d = ps->d;
        ps->d = NULL;
        return d;
    }
    PyObject *d;
    if (ps->kept) {
        d = shape_dict(&parent->shapes, ps->names, ps->vals, ps->n);
    } else {
        d = dict_sized(ps->n);
        for (unsigned i = 0; i < ps->n; i++) {
            if (d && PyDict_SetItem(d, ps->names[i], ps->vals[i]) < 0)
                Py_CLEAR(d);
            Py_DECREF(ps->vals[i]);
        }
    }
    for (unsigned i = 0; i < ps->n; i++)
        Py_DECREF(ps->names[i]);
    ps->n = 0;
    return d;
}

/* An object, the value of key PARENT (NULL: none kept). */
static PyObject *object(reader *r, key *parent, int depth)   /* r->p after '{' */
{
    if (take(r, '}'))
        return PyDict_New();
    pairs ps;   /* the arrays are filled as pairs come: not zeroed (1.3 M of 84 M) */
    ps.d = NULL;
    ps.n = 0;
    ps.kept = true;
    key **expect = &parent->first;   /* where the prediction for this key lives */
    unsigned size = 0;
    do {
        size++;
        key *pred = expect ? *expect : NULL;
        key *k;
        PyObject *owned, *name = object_key(r, pred, &k, &owned);
        if (!name) {
            pairs_drop(&ps);
            return NULL;
        }
        if (k && expect && k != pred)   /* what to expect next time */
            *expect = k;
        if (!owned)
            Py_INCREF(name);
        ps.kept &= owned == NULL;
        PyObject *v = value(r, k, depth + 1);
        if (!v) {
            Py_DECREF(name);
            pairs_drop(&ps);
            return NULL;
        }
        if (!pairs_add(&ps, name, v, parent->size))
            return NULL;
        expect = k ? &k->next : NULL;
    } while (take(r, ','));
    if (!take(r, '}')) {
        pairs_drop(&ps);
        return fail("expected ',' or '}'");
    }
    parent->size = size < UINT8_MAX ? (uint8_t)size : UINT8_MAX;
    return pairs_dict(&ps, parent);
}

static PyObject *array(reader *r, key *k, int depth)   /* r->p after '[' */
{
    PyObject *l = PyList_New(0);
    if (!l || take(r, ']'))
        return l;
    do {
        PyObject *v = value(r, k, depth + 1);
        int bad = !v || PyList_Append(l, v) < 0;
        Py_XDECREF(v);
        if (bad) {
            Py_DECREF(l);
            return NULL;
        }
    } while (take(r, ','));
    if (!take(r, ']')) {
        Py_DECREF(l);
        return fail("expected ',' or ']'");
    }
    return l;
}

static bool word(reader *r, const char *w, size_t n)
{
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0)
        return false;
    r->p += n;
    return true;
}

/* A value of key K (NULL: a key not kept), which says how its strings and objects look. */
static PyObject *value(reader *r, key *k, int depth)
{
    skip_space(r);
    if (r->p >= r->end)
        return fail("expected a value");
    static key none;   /* no prediction kept: a key made each time, or meta's odd ones */
    switch (*r->p) {
    case '{':
        if (depth > MAX_DEPTH)
            return fail("nested too deep");
        r->p++;
        return object(r, k ? k : &none, depth);
    case '[':
        if (depth > MAX_DEPTH)
            return fail("nested too deep");
        r->p++;
        return array(r, k, depth);
    case '"':
        return k && k->repeats ? repeated_string(r, k) : string(r);
    case 'n':
        if (word(r, "null", 4))
            Py_RETURN_NONE;
        break;
    case 't':
        if (word(r, "true", 4))
            Py_RETURN_TRUE;
        break;
    case 'f':
        if (word(r, "false", 5))
            Py_RETURN_FALSE;
        break;
    default:
        return number(r);
    }
    return fail("bad value");
}

PyObject *fastdict_records(const char *p, size_t n)
{
#if PY_VERSION_HEX >= 0x030A0000
    int collecting = PyGC_Disable();   /* the records hold no cycles: no passes over them */
#endif
    huge_arenas_begin();
    reader r = {p, p + n, NULL, 0};
    PyObject *out = PyList_New(0);
    for (skip_space(&r); out && r.p < r.end; skip_space(&r)) {
        bool bad = *r.p != '{';
        PyObject *v = bad ? NULL : (r.p++, object(&r, &top, 1));
        bad = bad || !v || PyList_Append(out, v) < 0;
        Py_XDECREF(v);
        while (!bad && r.p < r.end && (*r.p == ' ' || *r.p == '\t' || *r.p == '\r'))
            r.p++;
        if (!bad && r.p < r.end && *r.p != '\n')   /* one record a line */
            bad = !fail("extra data after a record");
        if (bad) {
            fail("a record is not an object");
            Py_CLEAR(out);
        }
    }
    PyMem_Free(r.scratch);
    huge_arenas_end();
#if PY_VERSION_HEX >= 0x030A0000
    if (collecting)
        PyGC_Enable();
#endif
    return out;
}

static PyObject *records(PyObject *self, PyObject *arg)
{
    (void)self;
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *out = fastdict_records(buf.buf, (size_t)buf.len);
    PyBuffer_Release(&buf);
    return out;
}

static PyMethodDef methods[] = {
    {"records", records, METH_O,
     "records(jsonl) -> list of dicts: [json.loads(line) for line in jsonl], read in C."},
    {"batch_next", fastdict_batch_next, METH_VARARGS, FASTDICT_BATCH_NEXT_DOC},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastdict",
    "The records of claimc's JSONL buffers as dicts, decoded in C (optional: json.loads else).",
    -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fastdict(void)
{
    huge_arenas_init();
    const char *no_shapes = getenv("CLAIMC_NO_SHAPES");
    if (no_shapes && *no_shapes)
        shapes_disable();
    return PyModule_Create(&module);
}
