/* Streams over descriptors of the C library (posix_fd.c), for the files
 * that need them in static storage. */
#ifndef IO_FD_KIND_H
#define IO_FD_KIND_H

#include "internal.h"

typedef struct __wasi_io__fd_input {
    wasi_io_input base;
    int fd;
} __wasi_io__fd_input;

typedef struct __wasi_io__fd_output {
    wasi_io_output base;
    int fd;
} __wasi_io__fd_output;

/* Makes *s a stream over fd; closing it releases nothing (static). */
IO_HIDDEN wasi_io_input *__wasi_io__fd_input_init(__wasi_io__fd_input *s, int fd);
IO_HIDDEN wasi_io_output *__wasi_io__fd_output_init(__wasi_io__fd_output *s, int fd);

#endif
