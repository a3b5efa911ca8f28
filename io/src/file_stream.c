/* Streams over a FILE *. stdio waits inside fread/fwrite, so these kinds
 * never return WASI_IO_EAGAIN and have no wait method; errno is read here, at
 * the boundary. The FILE * stays open when the stream is closed. */
#include <errno.h>
#include <stdlib.h>

#include "internal.h"

/* What check_write permits: the FILE * takes any amount, waiting inside
 * fwrite; this only bounds each piece. */
#define WRITE_PERMIT 65536

typedef struct file_input {
    wasi_io_input base;
    FILE *f;
} file_input;

typedef struct file_output {
    wasi_io_output base;
    FILE *f;
} file_output;

/* The error of the last failed stdio call on f. */
static int file_error(void)
{
    return errno != 0 ? __wasi_io__from_errno(errno) : WASI_IO_EIO;
}

static ptrdiff_t file_read(wasi_io_input *self, void *buf, size_t len)
{
    FILE *f = ((file_input *)self)->f;
    errno = 0;
    size_t n = fread(buf, 1, len, f);
    if (n == 0 && ferror(f))
        return file_error();
    return (ptrdiff_t)n;
}

static void file_input_close(wasi_io_input *self)
{
    free(self);
}

static const wasi_io_input_methods file_input_methods = {
    .read = file_read,
    .close = file_input_close,
};

static ptrdiff_t file_check_write(wasi_io_output *self)
{
    return ferror(((file_output *)self)->f) ? WASI_IO_EIO : WRITE_PERMIT;
}

static int file_write(wasi_io_output *self, const void *buf, size_t len)
{
    FILE *f = ((file_output *)self)->f;
    errno = 0;
    return fwrite(buf, 1, len, f) == len ? 0 : file_error();
}

static int file_flush(wasi_io_output *self)
{
    errno = 0;
    return fflush(((file_output *)self)->f) == 0 ? 0 : file_error();
}

static void file_output_close(wasi_io_output *self)
{
    free(self);
}

static const wasi_io_output_methods file_output_methods = {
    .check_write = file_check_write,
    .write = file_write,
    .flush = file_flush,
    .close = file_output_close,
};

wasi_io_input *wasi_io_input_from_file(FILE *f)
{
    file_input *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    s->base.methods = &file_input_methods;
    s->f = f;
    return &s->base;
}

wasi_io_output *wasi_io_output_to_file(FILE *f)
{
    file_output *s = IO_MALLOC(sizeof *s);
    if (s == NULL)
        return NULL;
    s->base.methods = &file_output_methods;
    s->f = f;
    return &s->base;
}
