/* Streams over host descriptors (host_fd.c), for the files that keep them
 * in static storage. */
#ifndef IO_WASM_HOST_H
#define IO_WASM_HOST_H

#include "../internal.h"

/* Bytes an output holds before handing them to the host in one fd_write. */
#define IO_HOST_BUFFER 8192

typedef struct __wasi_io__host_input {
    wasi_io_input base;
    int fd;
} __wasi_io__host_input;

typedef struct __wasi_io__host_output {
    wasi_io_output base;
    int fd;
    size_t held; /* bytes in buf not yet written: held <= IO_HOST_BUFFER */
    unsigned char buf[IO_HOST_BUFFER];
} __wasi_io__host_output;

/* Makes *s a stream over host descriptor fd; closing it releases nothing
 * (static storage). */
IO_HIDDEN wasi_io_input *__wasi_io__host_input_init(__wasi_io__host_input *s, int fd);
IO_HIDDEN wasi_io_output *__wasi_io__host_output_init(__wasi_io__host_output *s, int fd);

#endif
