/*
 * guest_mem.c - pointers from the program checked against the end of
 * linear memory, and the iovec arrays of fd_read, fd_write, fd_pread and
 * fd_pwrite taken in (internal.h).
 */
#include <string.h>

#include "../internal.h"

_Static_assert(sizeof(__wasi_iovec_t) == sizeof(struct vfs_iovec) &&
                   offsetof(__wasi_iovec_t, buf_len) ==
                       offsetof(struct vfs_iovec, len),
               "WASI and vfs iovecs differ");

int __wasi_vfs_fault(const void *p, size_t len)
{
    /* the last address; 4 GiB of memory wraps to 0xffffffff, as it should */
    size_t last = (__builtin_wasm_memory_size(0) << 16) - 1;
    uintptr_t a = (uintptr_t)p;
    /* a - 1 >= last: p is NULL, or starts past the end */
    return len && (a - 1 >= last || len - 1 > last - a);
}

/* One call at a time: the module has one thread, and nothing a transfer
 * calls comes back here. */
struct vfs_iovec __wasi_vfs_iov[WASI_VFS_IOV_MAX];

int __wasi_vfs_iovecs(const __wasi_iovec_t *iovs, int32_t n,
                      const __wasi_size_t *count)
{
    uint32_t i, k = (uint32_t)n;

    if (k > WASI_VFS_IOV_MAX)
        return __WASI_ERRNO_INVAL;
    if (__wasi_vfs_fault(iovs, k * sizeof *iovs) ||
        __wasi_vfs_fault(count, sizeof *count))
        return __WASI_ERRNO_FAULT;
    memcpy(__wasi_vfs_iov, iovs, k * sizeof *__wasi_vfs_iov);
    for (i = 0; i < k; i++)
        if (__wasi_vfs_fault(__wasi_vfs_iov[i].base, __wasi_vfs_iov[i].len))
            return __WASI_ERRNO_FAULT;
    return 0;
}
