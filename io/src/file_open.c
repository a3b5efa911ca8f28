/* A FILE * over a stream, through fopencookie (glibc; wasi-libc has it
 * from musl). The cookie functions are the boundary where the stream's
 * codes become errno. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/types.h>

#include "internal.h"

static ssize_t cookie_read(void *cookie, char *buf, size_t size)
{
    ptrdiff_t r = wasi_io_blocking_read(cookie, buf, size);
    if (r >= 0)
        return r;
    errno = __wasi_io__to_errno((int)r);
    return -1;
}

/* stdio wants all `size` bytes taken; anything less (0) is an error. */
static ssize_t cookie_write(void *cookie, const char *buf, size_t size)
{
    int r = wasi_io_blocking_write(cookie, buf, size);
    if (r == 0)
        return (ssize_t)size;
    errno = __wasi_io__to_errno(r);
    return 0;
}

/* fclose(): the FILE * has written its buffer; the stream is flushed too,
 * so that the bytes reach its destination, but stays open. */
static int cookie_close_output(void *cookie)
{
    int r = wasi_io_blocking_flush(cookie);
    if (r == 0)
        return 0;
    errno = __wasi_io__to_errno(r);
    return EOF;
}

FILE *wasi_io_fopen_input(wasi_io_input *in)
{
    cookie_io_functions_t f = {.read = cookie_read};
    return fopencookie(in, "r", f);
}

FILE *wasi_io_fopen_output(wasi_io_output *out)
{
    cookie_io_functions_t f = {.write = cookie_write,
                               .close = cookie_close_output};
    return fopencookie(out, "w", f);
}
