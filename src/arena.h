/* arena.h — one bump allocator per document: nodes are never freed one by one. */
#ifndef CL_ARENA_H
#define CL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cl_arena_block cl_arena_block;
typedef struct cl_vec cl_vec;
typedef struct { cl_arena_block *head; cl_vec *vecs; } cl_arena;

/* malloc, but from 8 MiB up on huge pages where the kernel offers them (a document's text and
 * its arena blocks: every fresh 4 KiB page costs a fault, and those were a tenth of the time).
 * Freed with free(). */
void *cl_alloc_big(size_t bytes);

/* Zeroed memory, aligned for any type; NULL when out of memory. */
void *cl_arena_alloc(cl_arena *a, size_t size);
/* The same, not zeroed: for storage the caller fills at once (a copy of the text). */
void *cl_arena_alloc_raw(cl_arena *a, size_t size);
char *cl_arena_strndup(cl_arena *a, const char *s, size_t n);
/* Frees the blocks and the storage of every vector that grew in the arena. */
void cl_arena_free(cl_arena *a);

/* A growable array owned by an arena. Its storage is on the heap and grows with realloc (a big
 * array moves by remapping, not copying), so it must stay where it is once it has grown. */
struct cl_vec { void *data; size_t len, cap; cl_vec *next; };
/* Room for one more element of SIZE bytes; returns it zeroed, or NULL when out of memory. */
void *cl_vec_push(cl_arena *a, cl_vec *v, size_t size);
/* Room for one more element (false when out of memory); cl_vec_push_raw's slow path. */
bool cl_vec_grow(cl_arena *a, cl_vec *v, size_t size);
/* cl_vec_push not zeroed, and inline: for an element the caller fills whole at once (a claim:
 * zeroing its 264 bytes first cost more than filling them). */
static inline void *cl_vec_push_raw(cl_arena *a, cl_vec *v, size_t size)
{
    if (v->len == v->cap && !cl_vec_grow(a, v, size))
        return NULL;
    return (unsigned char *)v->data + v->len++ * size;
}
#define CL_VEC_AT(v, type, i) (((type *)(v).data)[i])

#endif
