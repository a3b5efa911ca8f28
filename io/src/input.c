/* Input streams: the WASI read/skip semantics over a kind's methods. */
#include "internal.h"

/* The methods' results never exceed what was asked. */
#define IO_CHECK_COUNT(r, len) IO_ASSERT((r) <= (ptrdiff_t)(len))

int __wasi_io__input_can_wait(wasi_io_input *in)
{
    const wasi_io_input_methods *m = in->methods;
    return m->wait != NULL || (m->host_fd != NULL && m->host_fd(in) >= 0);
}

ptrdiff_t wasi_io_read(wasi_io_input *in, void *buf, size_t len)
{
    if (len == 0)
        return 0;
    len = IO_MIN(len, IO_COUNT_MAX);
    ptrdiff_t r = in->methods->read(in, buf, len);
    IO_CHECK_COUNT(r, len);
    return r;
}

ptrdiff_t wasi_io_blocking_read(wasi_io_input *in, void *buf, size_t len)
{
    const wasi_io_input_methods *m = in->methods;
    if (len == 0)
        return 0;
    len = IO_MIN(len, IO_COUNT_MAX);
    if (m->blocking_read != NULL) {
        ptrdiff_t r = m->blocking_read(in, buf, len);
        IO_CHECK_COUNT(r, len);
        IO_ASSERT(r != WASI_IO_EAGAIN);
        return r;
    }
    for (;;) {
        ptrdiff_t r = m->read(in, buf, len);
        IO_CHECK_COUNT(r, len);
        if (r != WASI_IO_EAGAIN)
            return r;
        if (!__wasi_io__input_can_wait(in))
            return WASI_IO_EIO; /* the kind broke its contract */
        int w = __wasi_io__wait_input(in, -1);
        if (w < 0)
            return w;
    }
}

ptrdiff_t wasi_io_read_full(wasi_io_input *in, void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t done = 0;
    len = IO_MIN(len, IO_COUNT_MAX);
    while (done < len) {
        ptrdiff_t r = wasi_io_blocking_read(in, p + done, len - done);
        if (r < 0)
            return r;
        if (r == 0)
            break;
        done += (size_t)r;
    }
    return (ptrdiff_t)done;
}

/* Skips by reading into a scratch buffer, for kinds without skip. With
 * `blocking`, waits for the first byte. */
static ptrdiff_t skip_by_reading(wasi_io_input *in, size_t len, int blocking)
{
    unsigned char scratch[256];
    size_t want = IO_MIN(len, sizeof scratch);
    return blocking ? wasi_io_blocking_read(in, scratch, want)
                    : in->methods->read(in, scratch, want);
}

ptrdiff_t wasi_io_skip(wasi_io_input *in, size_t len)
{
    if (len == 0)
        return 0;
    len = IO_MIN(len, IO_COUNT_MAX);
    if (in->methods->skip == NULL)
        return skip_by_reading(in, len, 0);
    ptrdiff_t r = in->methods->skip(in, len);
    IO_CHECK_COUNT(r, len);
    return r;
}

ptrdiff_t wasi_io_blocking_skip(wasi_io_input *in, size_t len)
{
    if (len == 0)
        return 0;
    len = IO_MIN(len, IO_COUNT_MAX);
    if (in->methods->skip == NULL)
        return skip_by_reading(in, len, 1);
    for (;;) {
        ptrdiff_t r = in->methods->skip(in, len);
        IO_CHECK_COUNT(r, len);
        if (r != WASI_IO_EAGAIN)
            return r;
        if (!__wasi_io__input_can_wait(in))
            return WASI_IO_EIO;
        int w = __wasi_io__wait_input(in, -1);
        if (w < 0)
            return w;
    }
}

void wasi_io_input_close(wasi_io_input *in)
{
    if (in != NULL && in->methods->close != NULL)
        in->methods->close(in);
}
