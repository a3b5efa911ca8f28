/* Output streams into a growable byte array. Always ready: the only
 * limits are the caller's cap (WASI_IO_ENOSPC) and memory (WASI_IO_ENOMEM). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The first allocation; later ones double the capacity, so appending n
 * bytes costs O(n) copying in all. */
#define FIRST_CAPACITY 256

typedef struct bytes_output {
    wasi_io_output base;
    unsigned char *data; /* NULL iff cap == 0 */
    size_t len;          /* bytes written: len <= cap, len <= limit */
    size_t cap;
    size_t limit;        /* <= IO_COUNT_MAX */
} bytes_output;

static void assert_invariants(const bytes_output *s)
{
    IO_ASSERT((s->data == NULL) == (s->cap == 0));
    IO_ASSERT(s->len <= s->cap || (s->len == 0 && s->cap == 0));
    IO_ASSERT(s->len <= s->limit && s->limit <= IO_COUNT_MAX);
    (void)s;
}

static ptrdiff_t bytes_check_write(wasi_io_output *self)
{
    bytes_output *s = (bytes_output *)self;
    assert_invariants(s);
    if (s->len == s->limit)
        return WASI_IO_ENOSPC;
    return (ptrdiff_t)(s->limit - s->len);
}

/* Makes room for `more` bytes after len (len + more <= limit).
 * Returns 0 or WASI_IO_ENOMEM; the stream is unchanged on failure. */
static int reserve(bytes_output *s, size_t more)
{
    size_t need = s->len + more;
    if (need <= s->cap)
        return 0;
    size_t cap = s->cap < FIRST_CAPACITY ? FIRST_CAPACITY : s->cap;
    while (cap < need)
        cap = cap > s->limit / 2 ? s->limit : cap * 2;
    if (cap > s->limit)
        cap = s->limit;
    unsigned char *data = IO_REALLOC(s->data, cap);
    if (data == NULL)
        return WASI_IO_ENOMEM;
    s->data = data;
    s->cap = cap;
    return 0;
}

static int bytes_write(wasi_io_output *self, const void *buf, size_t len)
{
    bytes_output *s = (bytes_output *)self;
    assert_invariants(s);
    if (len > s->limit - s->len)
        return WASI_IO_EINVAL; /* over the permit */
    int r = reserve(s, len);
    if (r < 0)
        return r;
    memcpy(s->data + s->len, buf, len);
    s->len += len;
    assert_invariants(s);
    return 0;
}

static void bytes_close(wasi_io_output *self)
{
    bytes_output *s = (bytes_output *)self;
    free(s->data);
    free(s);
}

static const wasi_io_output_methods bytes_output_methods = {
    .check_write = bytes_check_write,
    .write = bytes_write,
    .close = bytes_close,
};

wasi_io_output *wasi_io_output_to_bytes(size_t limit)
{
    bytes_output *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    s->base.methods = &bytes_output_methods;
    s->data = NULL;
    s->len = 0;
    s->cap = 0;
    s->limit = limit == 0 || limit > IO_COUNT_MAX ? IO_COUNT_MAX : limit;
    return &s->base;
}

/* The stream as a byte-array output, or NULL when it is of another kind. */
static bytes_output *as_bytes(const wasi_io_output *out)
{
    return out != NULL && out->methods == &bytes_output_methods
               ? (bytes_output *)out
               : NULL;
}

const unsigned char *wasi_io_bytes_output_data(const wasi_io_output *out, size_t *len)
{
    bytes_output *s = as_bytes(out);
    *len = s != NULL ? s->len : 0;
    if (s == NULL)
        return NULL;
    return s->data != NULL ? s->data : (const unsigned char *)"";
}

unsigned char *wasi_io_bytes_output_take(wasi_io_output *out, size_t *len)
{
    bytes_output *s = as_bytes(out);
    *len = 0;
    if (s == NULL)
        return NULL;
    unsigned char *data = s->data;
    if (data == NULL && (data = IO_MALLOC(1)) == NULL)
        return NULL;
    *len = s->len;
    s->data = NULL;
    s->len = 0;
    s->cap = 0;
    assert_invariants(s);
    return data;
}
