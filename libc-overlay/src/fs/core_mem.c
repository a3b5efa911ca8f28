/*
 * core_mem.c - realloc for the vfs core, which libc-overlay's
 * CMakeLists.txt compiles with its hook (vfs/src/vfs_hooks.h) set to it:
 * -DVFS_REALLOC=__wasi_vfs_core_realloc. wasi-libc's own realloc (with
 * the dlmalloc code only it uses) is about 3 KB; a program that does not
 * call it itself should not carry it for the filesystem's sake. Same
 * contract as the C library's. (The core's memmove is the triple's own,
 * src/bulk/, small enough to need no stand-in.)
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

/* Growing copies to a new block; shrinking to half or less copies too, so
 * that memory is given back; otherwise the block is kept. On failure p is
 * left as it was. */
void *__wasi_vfs_core_realloc(void *p, size_t n)
{
    size_t old;
    void *q;

    if (!p)
        return malloc(n);
    old = malloc_usable_size(p);
    if (n <= old && n > old / 2)
        return p;
    q = malloc(n);
    if (q) {
        memcpy(q, p, n < old ? n : old);
        free(p);
    }
    return q;
}
