/* Host descriptors: the stream kinds over wasi_io_host_read and wasi_io_host_write
 * (host_rw.c). Errors are negated WASI errno values, passed on as they
 * come from the host.
 *
 * The streams are non-blocking exactly when the host descriptor is (WASI
 * FDFLAGS_NONBLOCK): then fd_read and fd_write say EAGAIN, and the stream
 * says WASI_IO_EAGAIN or permits 0. On a blocking descriptor they wait inside
 * the host call, as the contract allows a kind that cannot tell: a
 * zero-timeout poll_oneoff is no way to tell, since hosts may answer it
 * with the timeout alone (Node.js does, even for a ready descriptor).
 * Waiting (poll_oneoff with no or a real time limit) works. */
#include <string.h>

#include "host.h"
#include "imports.h"

/* ------------------------------------------------------------------------- */

static ptrdiff_t host_blocking_read(wasi_io_input *self, void *buf, size_t len)
{
    int fd = ((__wasi_io__host_input *)self)->fd;
    for (;;) {
        ptrdiff_t r = wasi_io_host_read(fd, buf, len);
        if (r != WASI_IO_EAGAIN)
            return r;
        /* A non-blocking descriptor: wait for it. */
        wasi_io_host_pollfd p = {fd, WASI_IO_HOST_READABLE, 0};
        int w = __wasi_io__host_poll(&p, 1, -1);
        if (w < 0)
            return w;
    }
}

static ptrdiff_t host_read(wasi_io_input *self, void *buf, size_t len)
{
    return wasi_io_host_read(((__wasi_io__host_input *)self)->fd, buf, len);
}

static int host_input_fd(wasi_io_input *self)
{
    return ((__wasi_io__host_input *)self)->fd;
}

/* ------------------------------------------------------------------------- */

/* Hands held bytes to the host once. Returns 1 when some bytes went, 0
 * when the (non-blocking) descriptor took none, or a negative code. */
static int drain_once(__wasi_io__host_output *s)
{
    IO_ASSERT(s->held <= IO_HOST_BUFFER);
    ptrdiff_t n = wasi_io_host_write(s->fd, s->buf, s->held);
    if (n == WASI_IO_EAGAIN || n == 0)
        return 0;
    if (n < 0)
        return (int)n;
    memmove(s->buf, s->buf + n, s->held - (size_t)n);
    s->held -= (size_t)n;
    return 1;
}

static ptrdiff_t host_check_write(wasi_io_output *self)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    if (s->held == IO_HOST_BUFFER) {
        int r = drain_once(s);
        if (r < 0)
            return r;
    }
    return (ptrdiff_t)(IO_HOST_BUFFER - s->held);
}

static int host_write(wasi_io_output *self, const void *buf, size_t len)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    if (len > IO_HOST_BUFFER - s->held)
        return WASI_IO_EINVAL;
    memcpy(s->buf + s->held, buf, len);
    s->held += len;
    return 0;
}

static int host_flush(wasi_io_output *self)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    while (s->held > 0) {
        int r = drain_once(s);
        if (r <= 0)
            return r == 0 ? WASI_IO_EAGAIN : r;
    }
    return 0;
}

static int host_output_fd(wasi_io_output *self)
{
    return ((__wasi_io__host_output *)self)->fd;
}

/* ------------------------------------------------------------------------- */

static const wasi_io_input_methods host_input_methods = {
    .read = host_read,
    .blocking_read = host_blocking_read,
    .host_fd = host_input_fd,
};

static const wasi_io_output_methods host_output_methods = {
    .check_write = host_check_write,
    .write = host_write,
    .flush = host_flush,
    .host_fd = host_output_fd,
};

wasi_io_input *__wasi_io__host_input_init(__wasi_io__host_input *s, int fd)
{
    s->base.methods = &host_input_methods;
    s->fd = fd;
    return &s->base;
}

wasi_io_output *__wasi_io__host_output_init(__wasi_io__host_output *s, int fd)
{
    s->base.methods = &host_output_methods;
    s->fd = fd;
    s->held = 0;
    return &s->base;
}
