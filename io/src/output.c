/* Output streams: the WASI check-write/write/flush semantics over a kind's
 * methods, and the blocking calls built on them. */
#include "internal.h"

static const unsigned char zeros[256];

int __wasi_io__output_can_wait(wasi_io_output *out)
{
    const wasi_io_output_methods *m = out->methods;
    return m->wait != NULL || (m->host_fd != NULL && m->host_fd(out) >= 0);
}

ptrdiff_t wasi_io_check_write(wasi_io_output *out)
{
    return out->methods->check_write(out);
}

int wasi_io_write(wasi_io_output *out, const void *buf, size_t len)
{
    if (len == 0)
        return 0;
    return out->methods->write(out, buf, len);
}

/* Hands len bytes (buf NULL: zeros) to write, in pieces of at most the
 * size of `zeros` when writing zeros. All of it must be within the permit. */
static int write_within_permit(wasi_io_output *out, const unsigned char *buf,
                               size_t len)
{
    if (buf != NULL)
        return out->methods->write(out, buf, len);
    while (len > 0) {
        size_t n = IO_MIN(len, sizeof zeros);
        int r = out->methods->write(out, zeros, n);
        if (r < 0)
            return r;
        len -= n;
    }
    return 0;
}

int wasi_io_write_zeroes(wasi_io_output *out, size_t len)
{
    return len == 0 ? 0 : write_within_permit(out, NULL, len);
}

int wasi_io_flush(wasi_io_output *out)
{
    return out->methods->flush == NULL ? 0 : out->methods->flush(out);
}

/* For the blocking calls: waits until `out` may have room. Returns 0 to
 * check again, or a negative code. A kind that cannot wait must make room
 * when flushed; if it does not, WASI_IO_EIO (rather than spinning). */
static int wait_for_room(wasi_io_output *out)
{
    if (__wasi_io__output_can_wait(out)) {
        int w = __wasi_io__wait_output(out, -1);
        return w < 0 ? w : 0;
    }
    int r = wasi_io_flush(out);
    if (r == WASI_IO_EAGAIN)
        return WASI_IO_EIO;
    if (r < 0)
        return r;
    ptrdiff_t permit = out->methods->check_write(out);
    if (permit < 0)
        return (int)permit;
    return permit == 0 ? WASI_IO_EIO : 0;
}

/* Writes all len bytes (buf NULL: zeros), waiting for room as needed. */
static int write_all(wasi_io_output *out, const unsigned char *buf, size_t len)
{
    while (len > 0) {
        ptrdiff_t permit = out->methods->check_write(out);
        if (permit < 0)
            return (int)permit;
        if (permit == 0) {
            int w = wait_for_room(out);
            if (w < 0)
                return w;
            continue;
        }
        size_t n = IO_MIN(len, (size_t)permit);
        int r = write_within_permit(out, buf, n);
        if (r < 0)
            return r;
        if (buf != NULL)
            buf += n;
        len -= n;
    }
    return 0;
}

int wasi_io_blocking_flush(wasi_io_output *out)
{
    if (out->methods->flush == NULL)
        return 0;
    for (;;) {
        int r = out->methods->flush(out);
        if (r != WASI_IO_EAGAIN)
            return r;
        if (!__wasi_io__output_can_wait(out))
            return WASI_IO_EIO; /* the kind broke its contract */
        int w = __wasi_io__wait_output(out, -1);
        if (w < 0)
            return w;
    }
}

int wasi_io_blocking_write(wasi_io_output *out, const void *buf, size_t len)
{
    return len == 0 ? 0 : write_all(out, buf, len);
}

int wasi_io_blocking_write_and_flush(wasi_io_output *out, const void *buf, size_t len)
{
    int r = len == 0 ? 0 : write_all(out, buf, len);
    return r < 0 ? r : wasi_io_blocking_flush(out);
}

int wasi_io_blocking_write_zeroes_and_flush(wasi_io_output *out, size_t len)
{
    int r = write_all(out, NULL, len);
    return r < 0 ? r : wasi_io_blocking_flush(out);
}

int wasi_io_output_close(wasi_io_output *out)
{
    if (out == NULL)
        return 0;
    int r = wasi_io_blocking_flush(out);
    if (out->methods->close != NULL)
        out->methods->close(out);
    return r;
}
