/* Moving bytes between streams: splice, blocking splice, copy. */
#include "internal.h"

/* Bytes moved per step, through a buffer on the stack. */
#define SPLICE_CHUNK 4096

ptrdiff_t wasi_io_splice(wasi_io_output *out, wasi_io_input *in, size_t len)
{
    unsigned char buf[SPLICE_CHUNK];
    if (len == 0)
        return 0;
    ptrdiff_t permit = wasi_io_check_write(out);
    if (permit <= 0)
        return permit == 0 ? WASI_IO_EAGAIN : permit;
    size_t want = IO_MIN(IO_MIN(len, (size_t)permit), sizeof buf);
    ptrdiff_t got = wasi_io_read(in, buf, want);
    if (got <= 0)
        return got;
    int w = wasi_io_write(out, buf, (size_t)got);
    return w < 0 ? w : got;
}

ptrdiff_t wasi_io_blocking_splice(wasi_io_output *out, wasi_io_input *in, size_t len)
{
    unsigned char buf[SPLICE_CHUNK];
    if (len == 0)
        return 0;
    for (;;) {
        ptrdiff_t permit = wasi_io_check_write(out);
        if (permit < 0)
            return permit;
        if (permit == 0) {
            /* Flushing first lets a kind that cannot wait make room. */
            int r = wasi_io_flush(out);
            if (r < 0 && r != WASI_IO_EAGAIN)
                return r;
            if (wasi_io_check_write(out) == 0) {
                if (!__wasi_io__output_can_wait(out))
                    return WASI_IO_EIO;
                int w = __wasi_io__wait_output(out, -1);
                if (w < 0)
                    return w;
            }
            continue;
        }
        size_t want = IO_MIN(IO_MIN(len, (size_t)permit), sizeof buf);
        ptrdiff_t got = wasi_io_blocking_read(in, buf, want);
        if (got <= 0)
            return got;
        int w = wasi_io_write(out, buf, (size_t)got);
        return w < 0 ? w : got;
    }
}

int64_t wasi_io_copy(wasi_io_output *out, wasi_io_input *in)
{
    int64_t total = 0;
    for (;;) {
        ptrdiff_t r = wasi_io_blocking_splice(out, in, SPLICE_CHUNK);
        if (r < 0)
            return r;
        if (r == 0)
            break;
        total += r;
    }
    int f = wasi_io_blocking_flush(out);
    return f < 0 ? f : total;
}
