/* Streams over descriptors of the C library (posix_fd.c), for the files
 * that need them in static storage. */
#ifndef IO_FD_KIND_H
#define IO_FD_KIND_H

#include "internal.h"

typedef struct io__fd_input {
    io_input base;
    int fd;
} io__fd_input;

typedef struct io__fd_output {
    io_output base;
    int fd;
} io__fd_output;

/* Makes *s a stream over fd; closing it releases nothing (static). */
IO_HIDDEN io_input *io__fd_input_init(io__fd_input *s, int fd);
IO_HIDDEN io_output *io__fd_output_init(io__fd_output *s, int fd);

#endif
