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
 *
 * The blocking calls wait for a descriptor that is not ready through
 * wait.c, by its host descriptor, with poll_oneoff when the module links it
 * (host_std.c and host_alloc.c do: IO_LINK_HOST_POLL) and by retrying when
 * it does not (the overlay's archive streams, host_new.c). So one kind
 * serves both, and linking it brings no poll_oneoff import by itself. */
#include <string.h>

#include "host.h"

/* ------------------------------------------------------------------------- */

ptrdiff_t __wasi_io__host_read(wasi_io_input *self, void *buf, size_t len)
{
    return wasi_io_host_read(((__wasi_io__host_input *)self)->fd, buf, len);
}

int __wasi_io__host_input_fd(wasi_io_input *self)
{
    return ((__wasi_io__host_input *)self)->fd;
}

/* ------------------------------------------------------------------------- */

/* Hands the held bytes not yet sent to the host once; when all have gone,
 * the buffer is empty again. No bytes are moved: the room before `sent` is
 * reused only then, and writes append at `held`. Returns 1 when some bytes
 * went, 0 when the (non-blocking) descriptor took none, or a negative
 * code. */
static int drain_once(__wasi_io__host_output *s)
{
    IO_ASSERT(s->sent < s->held && s->held <= IO_HOST_BUFFER);
    ptrdiff_t n = wasi_io_host_write(s->fd, s->buf + s->sent, s->held - s->sent);
    if (n == WASI_IO_EAGAIN || n == 0)
        return 0;
    if (n < 0)
        return (int)n;
    s->sent += (size_t)n;
    if (s->sent == s->held)
        s->sent = s->held = 0;
    return 1;
}

ptrdiff_t __wasi_io__host_check_write(wasi_io_output *self)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    if (s->held == IO_HOST_BUFFER) {
        int r = drain_once(s);
        if (r < 0)
            return r;
    }
    return (ptrdiff_t)(IO_HOST_BUFFER - s->held);
}

int __wasi_io__host_write(wasi_io_output *self, const void *buf, size_t len)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    if (len > IO_HOST_BUFFER - s->held)
        return WASI_IO_EINVAL;
    memcpy(s->buf + s->held, buf, len);
    s->held += len;
    return 0;
}

int __wasi_io__host_flush(wasi_io_output *self)
{
    __wasi_io__host_output *s = (__wasi_io__host_output *)self;
    while (s->held > 0) {
        int r = drain_once(s);
        if (r <= 0)
            return r == 0 ? WASI_IO_EAGAIN : r;
    }
    return 0;
}

int __wasi_io__host_output_fd(wasi_io_output *self)
{
    return ((__wasi_io__host_output *)self)->fd;
}

/* ------------------------------------------------------------------------- */

wasi_io_input *__wasi_io__host_input_init(__wasi_io__host_input *s, int fd,
                                          const wasi_io_input_methods *m)
{
    s->base.methods = m;
    s->fd = fd;
    return &s->base;
}

wasi_io_output *__wasi_io__host_output_init(__wasi_io__host_output *s, int fd,
                                            const wasi_io_output_methods *m)
{
    s->base.methods = m;
    s->fd = fd;
    s->held = s->sent = 0;
    return &s->base;
}
