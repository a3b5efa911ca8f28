/* Streams over descriptors of the C library: read(2), write(2), poll(2).
 * On wasm32-wasi and wasm32-wasi-io these are the host's descriptors; on
 * wasm32-wasi-vfs, the module's own filesystem's. errno is read here, at
 * the boundary, and turned into the codes of wasi_io.h.
 *
 * Reading is non-blocking exactly when the descriptor is (O_NONBLOCK):
 * WASI_IO_EAGAIN comes from read(2) itself, never from a zero-timeout poll,
 * which WASI hosts may answer with the timeout alone. Writing always
 * completes: check-write permits a pipe's atomic size, and a write that
 * finds a non-blocking descriptor full waits for it. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include "fd_kind.h"

/* What check_write permits: what a pipe takes at once (POSIX PIPE_BUF is
 * at least 512; Linux and WASI hosts take 4096). */
#define WRITE_PERMIT 4096

/* poll(2) on one descriptor for timeout_ns (negative: no limit). Returns 1
 * ready (an error or hangup counts: the next call reports it), 0 timed
 * out, or a negative code. A descriptor the system cannot poll (a regular
 * file on some WASI hosts) counts as ready. */
static int poll_one(int fd, short events, int64_t timeout_ns)
{
    int ms = timeout_ns < 0 ? -1
             : timeout_ns / 1000000 >= INT_MAX ? INT_MAX
             : (int)((timeout_ns + 999999) / 1000000);
    struct pollfd p = {.fd = fd, .events = events};
    for (;;) {
        int r = poll(&p, 1, ms);
        if (r >= 0)
            return r > 0;
        if (errno == EINTR)
            continue;
        return errno == EBADF ? WASI_IO_EBADF : 1;
    }
}

static ptrdiff_t fd_blocking_read(wasi_io_input *self, void *buf, size_t len)
{
    int fd = ((__wasi_io__fd_input *)self)->fd;
    len = IO_MIN(len, (size_t)SSIZE_MAX);
    for (;;) {
        ssize_t r = read(fd, buf, len);
        if (r >= 0)
            return r;
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return __wasi_io__from_errno(errno);
        int w = poll_one(fd, POLLIN, -1); /* a non-blocking descriptor */
        if (w < 0)
            return w;
    }
}

static ptrdiff_t fd_read(wasi_io_input *self, void *buf, size_t len)
{
    int fd = ((__wasi_io__fd_input *)self)->fd;
    len = IO_MIN(len, (size_t)SSIZE_MAX);
    for (;;) {
        ssize_t r = read(fd, buf, len);
        if (r >= 0)
            return r;
        if (errno != EINTR)
            return __wasi_io__from_errno(errno);
    }
}

static int fd_input_wait(wasi_io_input *self, int64_t timeout_ns)
{
    return poll_one(((__wasi_io__fd_input *)self)->fd, POLLIN, timeout_ns);
}

static ptrdiff_t fd_check_write(wasi_io_output *self)
{
    (void)self;
    return WRITE_PERMIT;
}

/* Writes everything; when the descriptor takes less than it announced,
 * waits for it (the bytes are the stream's once accepted). */
static int fd_write(wasi_io_output *self, const void *buf, size_t len)
{
    int fd = ((__wasi_io__fd_output *)self)->fd;
    const unsigned char *p = buf;
    if (len > WRITE_PERMIT)
        return WASI_IO_EINVAL;
    while (len > 0) {
        ssize_t r = write(fd, p, len);
        if (r >= 0) {
            p += r;
            len -= (size_t)r;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return __wasi_io__from_errno(errno);
        int w = poll_one(fd, POLLOUT, -1);
        if (w < 0)
            return w;
    }
    return 0;
}

#ifndef __wasm__
/* Natively the C library's descriptors are the system's, so wasi_io_poll can
 * poll several together. */
static int fd_input_host_fd(wasi_io_input *self)
{
    return ((__wasi_io__fd_input *)self)->fd;
}

#define INPUT_HOST_FD .host_fd = fd_input_host_fd,
#else
#define INPUT_HOST_FD
#endif

static void fd_free_input(wasi_io_input *self)
{
    free(self);
}

static void fd_free_output(wasi_io_output *self)
{
    free(self);
}

#define INPUT_METHODS(closer)                                                \
    {                                                                        \
        .read = fd_read, .blocking_read = fd_blocking_read,                  \
        .wait = fd_input_wait, INPUT_HOST_FD.close = closer,                 \
    }
#define OUTPUT_METHODS(closer)                                               \
    {                                                                        \
        .check_write = fd_check_write, .write = fd_write, .close = closer,   \
    }

static const wasi_io_input_methods fd_input_static = INPUT_METHODS(NULL);
static const wasi_io_input_methods fd_input_owned = INPUT_METHODS(fd_free_input);
static const wasi_io_output_methods fd_output_static = OUTPUT_METHODS(NULL);
static const wasi_io_output_methods fd_output_owned =
    OUTPUT_METHODS(fd_free_output);

wasi_io_input *__wasi_io__fd_input_init(__wasi_io__fd_input *s, int fd)
{
    s->base.methods = &fd_input_static;
    s->fd = fd;
    return &s->base;
}

wasi_io_output *__wasi_io__fd_output_init(__wasi_io__fd_output *s, int fd)
{
    s->base.methods = &fd_output_static;
    s->fd = fd;
    return &s->base;
}

wasi_io_input *wasi_io_input_from_fd(int fd)
{
    __wasi_io__fd_input *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    __wasi_io__fd_input_init(s, fd);
    s->base.methods = &fd_input_owned;
    return &s->base;
}

wasi_io_output *wasi_io_output_to_fd(int fd)
{
    __wasi_io__fd_output *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    __wasi_io__fd_output_init(s, fd);
    s->base.methods = &fd_output_owned;
    return &s->base;
}
