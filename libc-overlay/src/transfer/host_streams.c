/*
 * host_streams.c - io/ stream kinds over the host's descriptors, for the
 * archives that config.c reads and writes: wasi_io_host_read and wasi_io_host_write
 * underneath (as the host stream devices, fs/devices.c), and, on a
 * non-blocking descriptor that is not ready, waiting by retrying after
 * sched_yield rather than with poll_oneoff, so that a module imports
 * poll_oneoff only when its program polls (wasi_io_host_input's blocking read
 * would bring it). The input reads exactly what is asked (no read-ahead),
 * so an archive on stdin leaves what follows it to the program; the output
 * holds up to 16 KiB until flushed or full.
 */
#include <stdlib.h>
#include <string.h>

#include "boot.h"

#define HOLD 16384

struct hin {
    wasi_io_input base;
    int fd;
};

struct hout {
    wasi_io_output base;
    int fd;
    size_t held;
    unsigned char buf[HOLD];
};

static ptrdiff_t hin_read(wasi_io_input *self, void *buf, size_t len)
{
    ptrdiff_t n;
    while ((n = wasi_io_host_read(((struct hin *)self)->fd, buf, len)) ==
           WASI_IO_EAGAIN)
        (void)__wasi_sched_yield();
    return n;
}

static void free_input(wasi_io_input *self)
{
    free(self);
}

static const wasi_io_input_methods hin_methods = {hin_read, NULL, NULL, NULL, NULL,
                                             free_input};

/* Hands every held byte to the host: 0 or a negated WASI errno. */
static int hout_flush(wasi_io_output *self)
{
    struct hout *h = (struct hout *)self;
    size_t done = 0;
    while (done < h->held) {
        ptrdiff_t n = wasi_io_host_write(h->fd, h->buf + done, h->held - done);
        if (n == WASI_IO_EAGAIN)
            (void)__wasi_sched_yield();
        else if (n < 0)
            return (int)n;
        else
            done += (size_t)n;
    }
    h->held = 0;
    return 0;
}

static ptrdiff_t hout_check_write(wasi_io_output *self)
{
    struct hout *h = (struct hout *)self;
    int e;
    if (h->held == HOLD && (e = hout_flush(self)))
        return e;
    return (ptrdiff_t)(HOLD - h->held);
}

static int hout_write(wasi_io_output *self, const void *buf, size_t len)
{
    struct hout *h = (struct hout *)self;
    if (len > HOLD - h->held)
        return WASI_IO_EINVAL;
    memcpy(h->buf + h->held, buf, len);
    h->held += len;
    return 0;
}

static void free_output(wasi_io_output *self)
{
    free(self);
}

static const wasi_io_output_methods hout_methods = {
    hout_check_write, hout_write, hout_flush, NULL, NULL, free_output};

wasi_io_input *__wasi_vfs_host_input(int fd)
{
    struct hin *h = malloc(sizeof *h);
    if (h) {
        h->base.methods = &hin_methods;
        h->fd = fd;
    }
    return &h->base;
}

wasi_io_output *__wasi_vfs_host_output(int fd)
{
    struct hout *h = malloc(sizeof *h);
    if (h) {
        h->base.methods = &hout_methods;
        h->fd = fd;
        h->held = 0;
    }
    return &h->base;
}
