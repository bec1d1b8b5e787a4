/* wjson.h — the writer core's JSON: strings, names, and the layout of objects and arrays.
 *
 * The bytes are cJSON's, so that the cJSON writers (tests/oracle/) can check them byte for
 * byte: strings escaped as cJSON does (only " \ and bytes below 0x20; UTF-8 left as is), and,
 * as the text of spans was always given to cJSON, NUL and each byte of an invalid UTF-8
 * sequence as U+FFFD; objects and arrays laid out as cJSON_PrintUnformatted (compact) or
 * cJSON_Print (pretty: a tab per level, "key":<tab>value, ", " between array elements) lays
 * them out. Like wbuf.h's, each helper takes the output position and returns the one after. */
#ifndef CL_WJSON_H
#define CL_WJSON_H

#include "wbuf.h"

/* -- strings --------------------------------------------------------------------------------- */

/* At most this many bytes for a string of N bytes: every byte a \u00xx. */
#define CL_STRING_MAX(n) ((n) * 6 + 2)
/* N bytes of S as a JSON string, always valid UTF-8 (NUL and invalid UTF-8 as U+FFFD). It is
 * N + 2 bytes long exactly when S was copied as is. */
char *cl_w_string(char *o, const char *s, size_t n);
/* N bytes of S as cJSON prints a C string it was given: only escapes; other bytes as they are. */
char *cl_w_string_raw(char *o, const char *s, size_t n);
/* The span S of TEXT (LEN bytes, readable 16 bytes past S's end when LEN allows) as
 * cl_w_string writes it, with a fast path for text with nothing to escape. Needs
 * CL_STRING_MAX(n) + 16 bytes of room. */
char *cl_w_text(char *o, const char *text, size_t len, cl_span s);

static inline size_t cl_span_len(cl_span s)
{
    return s.end > s.start ? s.end - s.start : 0;
}

/* -- names: the same few constant strings, written over and over --------------------------- */

/* Kind, unit, approx and direction names are kept as their JSON strings, found by their address
 * (the names outlive the writer), and are neither measured nor looked at again (that was a tenth
 * of the JSONL writer's time). A name with anything to escape, or too long for a slot, is
 * written each time. */
#define CL_NAME_BITS 7
#define CL_NAME_SLOTS (1 << CL_NAME_BITS)   /* at most 3/4 of them used */
#define CL_NAME_JSON 48                     /* the JSON string of a kept name, with quotes */
typedef struct {
    const char *name;   /* NULL: a free slot */
    size_t len;
    char json[CL_NAME_JSON];
} cl_jname;

typedef struct {
    cl_jname slot[CL_NAME_SLOTS];
    int kept;
} cl_jnames;

const cl_jname *cl_name_slot(cl_jnames *m, const char *name);

static inline size_t cl_name_hash(const char *name)   /* Fibonacci hashing of the address */
{
    return (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> (64 - CL_NAME_BITS));
}

/* NAME's slot, or NULL when NAME is not kept: the usual case, the first slot, inline. */
static inline const cl_jname *cl_kept_name(cl_jnames *m, const char *name)
{
    const cl_jname *e = &m->slot[cl_name_hash(name)];
    return e->name == name ? e : cl_name_slot(m, name);
}

/* NAME as a JSON string, or null for none. A kept name copies its whole slot (a fixed size is
 * copied inline; cl_name_bound leaves room): only LEN bytes of it count. */
static inline char *cl_w_name(char *o, cl_jnames *m, const char *name)
{
    if (!name)
        return CL_LIT(o, "null");
    const cl_jname *e = cl_kept_name(m, name);
    if (!e)
        return cl_w_string(o, name, strlen(name));
    memcpy(o, e->json, CL_NAME_JSON);
    return o + e->len;
}

/* The room cl_w_name needs for NAME beyond CL_NAME_JSON bytes (which the caller counts in its
 * fixed room): nothing for a kept name. */
static inline size_t cl_name_bound(cl_jnames *m, const char *name)
{
    return name && !cl_kept_name(m, name) ? CL_STRING_MAX(strlen(name)) : 0;
}

/* -- layout ---------------------------------------------------------------------------------- */

/* PRETTY is a constant where these are inlined, so the compact layout costs nothing. DEPTH is
 * the nesting of the keys or elements being written: 1 for the keys of a top-level object. A
 * key is written with its separator: none before an object's FIRST key. */
static inline char *cl_j_key(char *o, bool pretty, int depth, bool first, const char *key,
                             size_t n)
{
    if (!first)
        *o++ = ',';
    if (pretty) {
        *o++ = '\n';
        memset(o, '\t', (size_t)depth);
        o += depth;
    }
    memcpy(o, key, n);
    o += n;
    if (pretty)
        *o++ = '\t';
    return o;
}
/* "key": with its separator; LIT a string literal. */
#define CL_J_KEY(o, pretty, depth, lit) \
    cl_j_key((o), (pretty), (depth), false, "\"" lit "\":", sizeof(lit) + 2)
#define CL_J_KEY1(o, pretty, depth, lit) \
    cl_j_key((o), (pretty), (depth), true, "\"" lit "\":", sizeof(lit) + 2)

/* The end of an object whose keys are at DEPTH. */
static inline char *cl_j_close(char *o, bool pretty, int depth)
{
    if (pretty) {
        *o++ = '\n';
        memset(o, '\t', (size_t)(depth - 1));
        o += depth - 1;
    }
    *o++ = '}';
    return o;
}

/* Between two elements of an array. */
static inline char *cl_j_next(char *o, bool pretty)
{
    *o++ = ',';
    if (pretty)
        *o++ = ' ';
    return o;
}

/* The room the layout takes around a key at DEPTH, beyond the key itself. */
#define CL_J_KEY_ROOM(depth) ((size_t)(depth) + 4)

#endif
