/* _arenas.c — pymalloc's arenas on transparent huge pages while records are built.
 *
 * A file's records are a few hundred small objects a claim (dicts, strs, ints): pymalloc takes
 * them from 1 MiB arenas it maps fresh, and every 4 KiB page of those costs a page fault on
 * first touch. On this project's VM a fault costs 10-15 us: half of extract_many's CPU time
 * in a fresh process went to them. Arenas carved from 2 MiB regions marked MADV_HUGEPAGE take
 * one fault a region instead of 512.
 *
 * huge_arenas_begin() swaps pymalloc's arena allocator (PyObject_SetArenaAllocator, public
 * API) for this one; huge_arenas_end() puts the previous one back. Only the allocation
 * changes: freeing stays the previous allocator's, which for CPython's own is munmap of
 * exactly the arena (the regions here are mmap'd memory like its own, so either frees the
 * other's arenas). The swap is only made when the allocator in place is CPython's own
 * (defined in the same object as PyObject_Malloc): a custom one (a debugger's, an embedder's)
 * is left alone. Both are called with the GIL held, as pymalloc itself is. CLAIMC_NO_HUGE=1 in
 * the environment keeps it off. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>   /* first: its pyconfig.h defines _GNU_SOURCE (dladdr, MADV_HUGEPAGE) */

#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "_arenas.h"

#define REGION ((size_t)2 << 20)   /* an x86-64 / arm64 (4 KiB pages) huge page */

static PyObjectArenaAllocator previous;
static bool usable;       /* huge_arenas_init found CPython's own allocator and THP */
static int depth;         /* begin/end nesting */
static char *spare;       /* the rest of the last region, not handed out yet */
static size_t spare_len;

static bool same_object(void *a, void *b)
{
    Dl_info x, y;
    return dladdr(a, &x) && dladdr(b, &y) && x.dli_fbase == y.dli_fbase;
}

/* A 2 MiB-aligned region, or NULL: map 4 MiB, keep the aligned 2 MiB, unmap the rest. */
static char *new_region(void)
{
    char *raw = mmap(NULL, 2 * REGION, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *p = (char *)(((uintptr_t)raw + REGION - 1) & ~(uintptr_t)(REGION - 1));
    if (p > raw)
        munmap(raw, (size_t)(p - raw));
    if (p + REGION < raw + 2 * REGION)
        munmap(p + REGION, (size_t)(raw + 2 * REGION - (p + REGION)));
    madvise(p, REGION, MADV_HUGEPAGE);
    return p;
}

static void *alloc(void *ctx, size_t size)
{
    (void)ctx;
    if (size == 0 || REGION % size != 0)
        return previous.alloc(previous.ctx, size);
    if (spare_len < size) {
        char *r = new_region();
        if (!r)
            return previous.alloc(previous.ctx, size);
        if (spare_len)   /* cannot happen while every arena has one size; never leak it */
            munmap(spare, spare_len);
        spare = r;
        spare_len = REGION;
    }
    void *p = spare;
    spare += size;
    spare_len -= size;
    return p;
}

static void release(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    previous.free(previous.ctx, ptr, size);
}

static PyObjectArenaAllocator huge = {NULL, alloc, release};

void huge_arenas_init(void)
{
    const char *off = getenv("CLAIMC_NO_HUGE");
    PyObject_GetArenaAllocator(&previous);
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    char mode[128] = "";
    if (f) {
        if (!fgets(mode, sizeof mode, f))
            mode[0] = 0;
        fclose(f);
    }
    /* "[always]" or "[madvise]": MADV_HUGEPAGE gets huge pages; "[never]": no use */
    usable = !(off && *off) && previous.alloc && previous.free &&
             same_object((void *)previous.alloc, (void *)PyObject_Malloc) &&
             (strstr(mode, "[always]") || strstr(mode, "[madvise]"));
}

void huge_arenas_begin(void)
{
    if (usable && depth++ == 0)
        PyObject_SetArenaAllocator(&huge);
}

void huge_arenas_end(void)
{
    if (usable && --depth == 0)
        PyObject_SetArenaAllocator(&previous);
}
