/* Allocated streams over host descriptors (host_fd.c keeps the static
 * ones free of malloc). Closing frees the stream, not the descriptor. */
#include <stdlib.h>

#include "host.h"

typedef struct owned_input {
    __wasi_io__host_input s;
    wasi_io_input_methods methods; /* the host kind's, plus close */
} owned_input;

typedef struct owned_output {
    __wasi_io__host_output s;
    wasi_io_output_methods methods;
} owned_output;

static void free_input(wasi_io_input *self)
{
    free(self);
}

static void free_output(wasi_io_output *self)
{
    free(self);
}

wasi_io_input *wasi_io_host_input(int fd)
{
    owned_input *o = IO_MALLOC(sizeof *o);
    if (o == NULL)
        return NULL;
    __wasi_io__host_input_init(&o->s, fd);
    o->methods = *o->s.base.methods;
    o->methods.close = free_input;
    o->s.base.methods = &o->methods;
    return &o->s.base;
}

wasi_io_output *wasi_io_host_output(int fd)
{
    owned_output *o = IO_MALLOC(sizeof *o);
    if (o == NULL)
        return NULL;
    __wasi_io__host_output_init(&o->s, fd);
    o->methods = *o->s.base.methods;
    o->methods.close = free_output;
    o->s.base.methods = &o->methods;
    return &o->s.base;
}
