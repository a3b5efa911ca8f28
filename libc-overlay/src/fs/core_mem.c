/*
 * core_mem.c - realloc and memmove for the vfs core, which libc-overlay's
 * CMakeLists.txt compiles with its hooks (vfs/src/vfs_hooks.h) set to them:
 * -DVFS_REALLOC=__wasi_vfs_core_realloc and
 * -DVFS_MEMMOVE=__wasi_vfs_core_memmove. wasi-libc's own realloc (with the
 * dlmalloc code only it uses) and memmove are about 4 KB together; a
 * program that does not call them itself should not carry them for the
 * filesystem's sake. Same contracts as the C library's.
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

/* Byte by byte; the core moves path tails and pipe contents with it. The
 * attribute keeps the compiler from turning the loops back into a memmove
 * call. */
__attribute__((__no_builtin__)) void *
__wasi_vfs_core_memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (d < s)
        while (n--)
            *d++ = *s++;
    else
        while (n--)
            d[n] = s[n];
    return dst;
}
