/* Reading a whole stream into a byte array. */
#include <stdlib.h>

#include "internal.h"

#define FIRST_CAPACITY 4096

ptrdiff_t wasi_io_read_all(wasi_io_input *in, size_t limit, unsigned char **data)
{
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    ptrdiff_t r;

    *data = NULL;
    if (limit == 0 || limit > IO_COUNT_MAX)
        limit = IO_COUNT_MAX;
    for (;;) {
        if (len == limit) {
            /* Full: the stream must be at its end. */
            unsigned char probe;
            r = wasi_io_blocking_read(in, &probe, 1);
            if (r == 0)
                break;
            r = r < 0 ? r : WASI_IO_EFBIG;
            goto fail;
        }
        if (len == cap) {
            size_t grown = cap == 0 ? FIRST_CAPACITY
                           : cap > limit / 2 ? limit : cap * 2;
            if (grown > limit)
                grown = limit;
            unsigned char *p = IO_REALLOC(buf, grown);
            if (p == NULL) {
                r = WASI_IO_ENOMEM;
                goto fail;
            }
            buf = p;
            cap = grown;
        }
        r = wasi_io_blocking_read(in, buf + len, cap - len);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        len += (size_t)r;
    }
    IO_ASSERT(buf != NULL); /* the first pass allocates */
    *data = buf;
    return (ptrdiff_t)len;
fail:
    free(buf);
    return r;
}
