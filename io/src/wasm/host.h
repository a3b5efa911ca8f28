/* Streams over host descriptors (host_fd.c): in static storage (host_std.c),
 * allocated (host_new.c) for the program (host_alloc.c) and for the
 * overlay's archives. */
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
    size_t held; /* bytes in buf: held <= IO_HOST_BUFFER */
    size_t sent; /* of those, handed to the host: sent < held, or both 0 */
    unsigned char buf[IO_HOST_BUFFER];
} __wasi_io__host_output;

/* The kind's methods (host_fd.c). Each user defines the method tables it
 * needs with HOST_INPUT_METHODS / HOST_OUTPUT_METHODS, so that a module
 * carries only those: static streams close to nothing (host_std.c),
 * allocated ones free themselves (host_new.c); never the descriptor. */
IO_HIDDEN ptrdiff_t __wasi_io__host_read(wasi_io_input *self, void *buf, size_t len);
IO_HIDDEN int __wasi_io__host_input_fd(wasi_io_input *self);
IO_HIDDEN ptrdiff_t __wasi_io__host_check_write(wasi_io_output *self);
IO_HIDDEN int __wasi_io__host_write(wasi_io_output *self, const void *buf, size_t len);
IO_HIDDEN int __wasi_io__host_flush(wasi_io_output *self);
IO_HIDDEN int __wasi_io__host_output_fd(wasi_io_output *self);

#define HOST_INPUT_METHODS(closer)                                           \
    {                                                                        \
        .read = __wasi_io__host_read, .host_fd = __wasi_io__host_input_fd,   \
        .close = (closer),                                                   \
    }
#define HOST_OUTPUT_METHODS(closer)                                          \
    {                                                                        \
        .check_write = __wasi_io__host_check_write,                          \
        .write = __wasi_io__host_write, .flush = __wasi_io__host_flush,      \
        .host_fd = __wasi_io__host_output_fd, .close = (closer),             \
    }

/* Makes *s a stream over host descriptor fd with methods m. */
IO_HIDDEN wasi_io_input *__wasi_io__host_input_init(__wasi_io__host_input *s, int fd,
                                                    const wasi_io_input_methods *m);
IO_HIDDEN wasi_io_output *__wasi_io__host_output_init(__wasi_io__host_output *s, int fd,
                                                      const wasi_io_output_methods *m);

/* Allocated streams over host descriptor fd, or NULL when memory is short;
 * closing frees the stream, not the descriptor. They wait for a descriptor
 * that is not ready with poll_oneoff only if the module links it (wait.c):
 * the overlay's archive streams use these, so that a module imports
 * poll_oneoff only when its program waits. */
IO_HIDDEN wasi_io_input *__wasi_io__host_input_new(int fd);
IO_HIDDEN wasi_io_output *__wasi_io__host_output_new(int fd);

/* In a file whose streams go to the program: links host_poll.c, which
 * wait.c refers to weakly, so that those streams' blocking calls wait with
 * poll_oneoff rather than retry. (`used` keeps the reference through
 * --gc-sections whenever the file is linked.) */
#define IO_LINK_HOST_POLL                                                    \
    __attribute__((used)) static int (*const io_link_host_poll)(            \
        wasi_io_host_pollfd *, size_t, int64_t) = __wasi_io__host_poll

#endif
