/*
 * io_error.h - where io/'s results enter the transfer code. io/ fails with
 * negated WASI errno numbers on every platform (wasi_io.h); the transfer
 * code, as the vfs core, fails with negative errno values
 * (vfs_streams.h). On WebAssembly wasi-libc's errno values are WASI's, so
 * the two are one numbering and nothing is converted; natively they
 * differ (-28 is WASI's EINVAL but Linux's ENOSPC), and each of io/'s
 * codes becomes the errno of its name. Portable C (tar_read.c,
 * tar_write.c build natively for their tests and fuzzers).
 */
#ifndef WASI_VFS_IO_ERROR_H
#define WASI_VFS_IO_ERROR_H

#include <errno.h>

#include <wasi_io.h>

/* The negative errno of io/'s negative code `code`: the same number on
 * WebAssembly; natively, by name, and -EIO for a code io/ does not name (a
 * host's code passed on). */
static inline int __wasi_vfs_io_error(int code)
{
#ifdef __wasi__
    return code;
#else
    switch (code) {
    case WASI_IO_EAGAIN:
        return -EAGAIN;
    case WASI_IO_EBADF:
        return -EBADF;
    case WASI_IO_EFBIG:
        return -EFBIG;
    case WASI_IO_EINVAL:
        return -EINVAL;
    case WASI_IO_ENOMEM:
        return -ENOMEM;
    case WASI_IO_ENOSPC:
        return -ENOSPC;
    case WASI_IO_ENOTSUP:
        return -ENOTSUP;
    case WASI_IO_EOVERFLOW:
        return -EOVERFLOW;
    case WASI_IO_EPIPE:
        return -EPIPE;
    default:
        return -EIO;
    }
#endif
}

#endif
