/* arena.c — bump allocation in blocks that double in size; freed all at once. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct cl_arena_block {
    cl_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

#define FIRST_BLOCK 4096

void *cl_arena_alloc(cl_arena *a, size_t size)
{
    size = (size + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
    cl_arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = b ? b->cap * 2 : FIRST_BLOCK;
        while (cap < size)
            cap *= 2;
        cl_arena_block *nb = malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        a->head = b = nb;
        a->total += cap;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *cl_arena_strndup(cl_arena *a, const char *s, size_t n)
{
    char *p = cl_arena_alloc(a, n + 1);
    if (p)
        memcpy(p, s, n);
    return p;
}

void cl_arena_free(cl_arena *a)
{
    for (cl_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
    a->total = 0;
}

void *cl_vec_push(cl_arena *a, cl_vec *v, size_t size)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *data = cl_arena_alloc(a, cap * size);
        if (!data)
            return NULL;
        if (v->len)
            memcpy(data, v->data, v->len * size);
        v->data = data;
        v->cap = cap;
    }
    void *slot = (unsigned char *)v->data + v->len++ * size;
    memset(slot, 0, size);
    return slot;
}
