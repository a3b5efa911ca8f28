/* Moving bytes between streams: splice, blocking splice, copy. */
#include "internal.h"

/* Bytes moved per step, through a buffer on the stack. */
#define SPLICE_CHUNK 4096

ptrdiff_t io_splice(io_output *out, io_input *in, size_t len)
{
    unsigned char buf[SPLICE_CHUNK];
    if (len == 0)
        return 0;
    ptrdiff_t permit = io_check_write(out);
    if (permit <= 0)
        return permit == 0 ? IO_EAGAIN : permit;
    size_t want = IO_MIN(IO_MIN(len, (size_t)permit), sizeof buf);
    ptrdiff_t got = io_read(in, buf, want);
    if (got <= 0)
        return got;
    int w = io_write(out, buf, (size_t)got);
    return w < 0 ? w : got;
}

ptrdiff_t io_blocking_splice(io_output *out, io_input *in, size_t len)
{
    unsigned char buf[SPLICE_CHUNK];
    if (len == 0)
        return 0;
    for (;;) {
        ptrdiff_t permit = io_check_write(out);
        if (permit < 0)
            return permit;
        if (permit == 0) {
            /* Flushing first lets a kind that cannot wait make room. */
            int r = io_flush(out);
            if (r < 0 && r != IO_EAGAIN)
                return r;
            if (io_check_write(out) == 0) {
                if (!io__output_can_wait(out))
                    return IO_EIO;
                int w = io__wait_output(out, -1);
                if (w < 0)
                    return w;
            }
            continue;
        }
        size_t want = IO_MIN(IO_MIN(len, (size_t)permit), sizeof buf);
        ptrdiff_t got = io_blocking_read(in, buf, want);
        if (got <= 0)
            return got;
        int w = io_write(out, buf, (size_t)got);
        return w < 0 ? w : got;
    }
}

int64_t io_copy(io_output *out, io_input *in)
{
    int64_t total = 0;
    for (;;) {
        ptrdiff_t r = io_blocking_splice(out, in, SPLICE_CHUNK);
        if (r < 0)
            return r;
        if (r == 0)
            break;
        total += r;
    }
    int f = io_blocking_flush(out);
    return f < 0 ? f : total;
}
