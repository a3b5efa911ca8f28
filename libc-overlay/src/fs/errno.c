/*
 * errno.c - where a vfs result becomes errno for the calls over the vfs
 * (__wasi_vfs_ret; calls that fail before reaching the vfs, and those of
 * the non-file help, set errno themselves), and the filesystem for the
 * calls that take C-string paths.
 */
#include <errno.h>
#include <string.h>

#include "../internal.h"

int __wasi_vfs_ret(int r)
{
    if (r < 0) {
        errno = -r;
        return -1;
    }
    return r;
}

/* Whether the C string at s is not all inside memory: s is NULL, or no
 * NUL byte comes before the end of memory. */
static int cstr_fault(const char *s)
{
    size_t last = (__builtin_wasm_memory_size(0) << 16) - 1;
    uintptr_t a = (uintptr_t)s;
    return a - 1 >= last || !memchr(s, 0, last - a + 1);
}

struct vfs *__wasi_vfs_path(const char *path)
{
    struct vfs *fs = NULL;
    int e = EFAULT;

    if (!cstr_fault(path)) {
        fs = __wasi_vfs();
        e = ENOMEM;
    }
    if (!fs)
        errno = e;
    return fs;
}

/* NULL for a: EFAULT for either string. */
struct vfs *__wasi_vfs_path2(const char *a, const char *b)
{
    return __wasi_vfs_path(cstr_fault(b) ? NULL : a);
}
