/* arena.c — bump allocation in blocks that double in size; freed all at once. */
#define _DEFAULT_SOURCE   /* madvise(MADV_HUGEPAGE) */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arena.h"

struct cl_arena_block {
    cl_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

#define FIRST_BLOCK 4096
#define HUGE_PAGE ((size_t)2 << 20)

void *cl_alloc_big(size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (bytes >= 4 * HUGE_PAGE) {
        size_t rounded = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        void *p = aligned_alloc(HUGE_PAGE, rounded);
        if (p)
            madvise(p, rounded, MADV_HUGEPAGE);   /* advice only: a refusal changes nothing */
        return p;
    }
#endif
    return malloc(bytes);
}

static cl_arena_block *new_block(size_t cap)
{
    return cl_alloc_big(sizeof(cl_arena_block) + cap);
}

void *cl_arena_alloc_raw(cl_arena *a, size_t size)
{
    size = (size + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
    cl_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = b ? b->cap * 2 : FIRST_BLOCK;
        while (cap < size)
            cap *= 2;
        cl_arena_block *nb = new_block(cap);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *cl_arena_alloc(cl_arena *a, size_t size)
{
    void *p = cl_arena_alloc_raw(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *cl_arena_strndup(cl_arena *a, const char *s, size_t n)
{
    char *p = cl_arena_alloc_raw(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void cl_arena_free(cl_arena *a)
{
    for (cl_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    for (cl_vec *v = a->vecs, *next; v; v = next) {
        next = v->next;
        free(v->data);
        v->data = NULL;
        v->len = v->cap = 0;
        v->next = NULL;
    }
    a->head = NULL;
    a->vecs = NULL;
}

bool cl_vec_grow(cl_arena *a, cl_vec *v, size_t size)
{
    size_t cap = v->cap ? v->cap * 2 : 16;
    if (cap > SIZE_MAX / size)
        return false;
    void *data = realloc(v->data, cap * size);
    if (!data)
        return false;
    if (!v->cap) {   /* first growth: the arena frees it */
        v->next = a->vecs;
        a->vecs = v;
    }
    v->data = data;
    v->cap = cap;
    return true;
}

void *cl_vec_push(cl_arena *a, cl_vec *v, size_t size)
{
    void *slot = cl_vec_push_raw(a, v, size);
    if (slot)
        memset(slot, 0, size);
    return slot;
}
