/*
 * devices.c - the device files the overlay adds to the tree: host streams
 * (/dev/stdin, /dev/stdout, /dev/stderr) and random sources (/dev/random,
 * /dev/urandom). The ops follow struct vfs_device_ops: a negative result
 * is an errno value.
 */
#include <wasi_io.h>

#include "../internal.h"

/* The host streams are io/'s descriptor streams: one stream layer. */
static ssize_t host_read(void *ctx, void *buf, size_t len)
{
    return wasi_io_host_read((int)(intptr_t)ctx, buf, len);
}

static ssize_t host_write(void *ctx, const void *buf, size_t len)
{
    return wasi_io_host_write((int)(intptr_t)ctx, buf, len);
}

const struct vfs_device_ops __wasi_vfs_host_ops = {host_read, host_write,
                                                   NULL};

/* Reads are always satisfied in full; writes are accepted and dropped. */
static ssize_t random_read(void *ctx, void *buf, size_t len)
{
    __wasi_errno_t e = __wasi_random_get(buf, len);
    (void)ctx;
    return e ? -(ssize_t)e : (ssize_t)len;
}

const struct vfs_device_ops __wasi_vfs_random_ops = {random_read, NULL, NULL};

int __wasi_vfs_host_fd(struct vfs *fs, int fd)
{
    /* static: no stack frame to make, and nothing reenters */
    static const struct vfs_device_ops *ops;
    static void *ctx;
    if (vfs_fd_device(fs, fd, &ops, &ctx) == 0 && ops == &__wasi_vfs_host_ops)
        return (int)(intptr_t)ctx;
    return -1;
}
