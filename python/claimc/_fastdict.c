/* _fastdict.c — the records of a JSONL buffer as Python dicts, without json.loads.
 *
 * records(jsonl: bytes) -> list[dict] gives what [json.loads(l) for l in lines] gives: the same
 * keys in the same order, ints where the JSON has an integer, floats where it has a fraction or
 * an exponent, None, True/False, nested dicts and lists. It reads the UTF-8 bytes the library
 * wrote as they are (no str of the whole buffer, no replace), and keeps the strings that repeat
 * from claim to claim (keys, kinds, units, the doc name, section titles) in a small table, so
 * each is made once a buffer. Anything it does not accept (not JSON, invalid UTF-8, NaN)
 * raises ValueError: the caller then decodes with json.loads, which says what is wrong. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "_arenas.h"

#define CACHE_SLOTS 1024   /* a power of two; plenty for the distinct short strings of a file */
#define CACHE_MAX 48       /* longer strings are seldom repeated (claim texts, raws) */
#define MAX_DEPTH 64

typedef struct {
    PyObject *str;   /* owned, or NULL */
    uint32_t hash;
    uint32_t len;
    const char *bytes;   /* into the buffer being read: valid while it is */
} slot;

typedef struct {
    const char *p, *end;
    slot cache[CACHE_SLOTS];
    char *scratch;   /* unescaped string bytes */
    size_t scratch_cap;
} reader;

static PyObject *value(reader *r, bool cache, int depth);

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

/* The str of S (N bytes of UTF-8, no escapes), from the table when it is short. */
static PyObject *plain_str(reader *r, const char *s, size_t n, bool cache)
{
    if (!cache || n > CACHE_MAX)
        return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    uint32_t h = fnv1a(s, n);
    slot *e = &r->cache[h & (CACHE_SLOTS - 1)];
    if (e->str && e->hash == h && e->len == n && memcmp(e->bytes, s, n) == 0) {
        Py_INCREF(e->str);
        return e->str;
    }
    PyObject *str = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, NULL);
    if (!str)
        return NULL;
    Py_XDECREF(e->str);   /* a collision: the newer string takes the slot */
    Py_INCREF(str);
    *e = (slot){str, h, (uint32_t)n, s};
    return str;
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
 * (raw ones are not JSON), 8 bytes at a time; END when there is none. */
static const char *special(const char *p, const char *end)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; end - p >= 8; p += 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
        uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x);
        if (hit & highs)
            break;
    }
    for (; p < end; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
            return p;
    return end;
}

static PyObject *string(reader *r, bool cache)   /* r->p at the opening quote */
{
    const char *s = ++r->p, *q = s;
    bool escapes = false;
    for (;;) {
        q = special(q, r->end);
        if (q == r->end)
            return fail("unterminated string");
        if (*q == '"')
            break;
        if ((unsigned char)*q < 0x20)
            return fail("control character in string");
        escapes = true;   /* a backslash: skip the character it escapes */
        if (r->end - q < 2)
            return fail("unterminated string");
        q += 2;
    }
    r->p = q + 1;
    return escapes ? escaped_str(r, s, q) : plain_str(r, s, (size_t)(q - s), cache);
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

static void skip_space(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static bool take(reader *r, char c)
{
    skip_space(r);
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return true;
    }
    return false;
}

/* Values whose strings repeat from claim to claim: their strings go through the table. */
static bool repeats(const char *key, size_t n)   /* the key's bytes as written */
{
    static const char *const names[] = {"doc", "section", "kind", "modality", "unit", "approx",
                                        "direction", "type", NULL};
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == n && memcmp(key, names[i], n) == 0)
            return true;
    return false;
}

static PyObject *object(reader *r, int depth)   /* r->p after '{' */
{
    PyObject *d = PyDict_New();
    if (!d || take(r, '}'))
        return d;
    do {
        skip_space(r);
        if (r->p >= r->end || *r->p != '"') {
            Py_DECREF(d);
            return fail("expected a key");
        }
        const char *key = r->p + 1;
        PyObject *k = string(r, true);
        size_t key_len = k ? (size_t)(r->p - 1 - key) : 0;
        if (!k || !take(r, ':')) {
            Py_XDECREF(k);
            Py_DECREF(d);
            return fail("expected ':'");
        }
        PyObject *v = value(r, repeats(key, key_len), depth + 1);
        int bad = !v || PyDict_SetItem(d, k, v) < 0;
        Py_DECREF(k);
        Py_XDECREF(v);
        if (bad) {
            Py_DECREF(d);
            return NULL;
        }
    } while (take(r, ','));
    if (!take(r, '}')) {
        Py_DECREF(d);
        return fail("expected ',' or '}'");
    }
    return d;
}

static PyObject *array(reader *r, bool cache, int depth)   /* r->p after '[' */
{
    PyObject *l = PyList_New(0);
    if (!l || take(r, ']'))
        return l;
    do {
        PyObject *v = value(r, cache, depth + 1);
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

static PyObject *value(reader *r, bool cache, int depth)
{
    if (depth > MAX_DEPTH)
        return fail("nested too deep");
    skip_space(r);
    if (r->p >= r->end)
        return fail("expected a value");
    switch (*r->p) {
    case '{':
        r->p++;
        return object(r, depth);
    case '[':
        r->p++;
        return array(r, cache, depth);
    case '"':
        return string(r, cache);
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

static PyObject *records(PyObject *self, PyObject *arg)
{
    (void)self;
    Py_buffer buf;
    if (PyObject_GetBuffer(arg, &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    huge_arenas_begin();
    reader *r = PyMem_Calloc(1, sizeof *r);
    PyObject *out = r ? PyList_New(0) : PyErr_NoMemory();
    if (out) {
        r->p = buf.buf;
        r->end = r->p + buf.len;
        for (skip_space(r); r->p < r->end; skip_space(r)) {
            PyObject *v = value(r, false, 0);
            int bad = !v || PyList_Append(out, v) < 0;
            Py_XDECREF(v);
            while (!bad && r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
                r->p++;
            if (!bad && r->p < r->end && *r->p != '\n')   /* one record a line */
                bad = !fail("extra data after a record");
            if (bad) {
                Py_CLEAR(out);
                break;
            }
        }
    }
    if (r) {
        for (int i = 0; i < CACHE_SLOTS; i++)
            Py_XDECREF(r->cache[i].str);
        PyMem_Free(r->scratch);
        PyMem_Free(r);
    }
    huge_arenas_end();
    PyBuffer_Release(&buf);
    return out;
}

static PyMethodDef methods[] = {
    {"records", records, METH_O,
     "records(jsonl) -> list of dicts: [json.loads(line) for line in jsonl], read in C."},
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
    return PyModule_Create(&module);
}
