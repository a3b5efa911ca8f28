/* Input streams over a byte array the caller owns. Always ready. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct bytes_input {
    wasi_io_input base;
    const unsigned char *data;
    size_t len;
    size_t pos; /* invariant: pos <= len */
} bytes_input;

static ptrdiff_t bytes_read(wasi_io_input *self, void *buf, size_t len)
{
    bytes_input *s = (bytes_input *)self;
    IO_ASSERT(s->pos <= s->len);
    size_t n = IO_MIN(len, s->len - s->pos);
    if (n > 0)
        memcpy(buf, s->data + s->pos, n);
    s->pos += n;
    return (ptrdiff_t)n;
}

static ptrdiff_t bytes_skip(wasi_io_input *self, size_t len)
{
    bytes_input *s = (bytes_input *)self;
    IO_ASSERT(s->pos <= s->len);
    size_t n = IO_MIN(len, s->len - s->pos);
    s->pos += n;
    return (ptrdiff_t)n;
}

static void bytes_close(wasi_io_input *self)
{
    free(self);
}

static const wasi_io_input_methods bytes_input_methods = {
    .read = bytes_read,
    .skip = bytes_skip,
    .close = bytes_close,
};

wasi_io_input *wasi_io_input_from_bytes(const void *data, size_t len)
{
    bytes_input *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    s->base.methods = &bytes_input_methods;
    s->data = data;
    s->len = len;
    s->pos = 0;
    return &s->base;
}
