/* Allocated streams over host descriptors (host.h): host_fd.c's kind in
 * memory from malloc, freeing itself when closed (not the descriptor). In
 * a file of its own, so that only programs that make one link malloc. */
#include <stdlib.h>

#include "host.h"

static void free_input(wasi_io_input *self)
{
    free(self);
}

static void free_output(wasi_io_output *self)
{
    free(self);
}

static const wasi_io_input_methods input_methods = HOST_INPUT_METHODS(free_input);
static const wasi_io_output_methods output_methods =
    HOST_OUTPUT_METHODS(free_output);

wasi_io_input *__wasi_io__host_input_new(int fd)
{
    __wasi_io__host_input *s = IO_MALLOC(sizeof *s);
    return s ? __wasi_io__host_input_init(s, fd, &input_methods) : NULL;
}

wasi_io_output *__wasi_io__host_output_new(int fd)
{
    __wasi_io__host_output *s = IO_MALLOC(sizeof *s);
    return s ? __wasi_io__host_output_init(s, fd, &output_methods) : NULL;
}
