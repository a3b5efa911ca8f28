/* Declarations shared by the io/ sources; nothing here is public. */
#ifndef IO_INTERNAL_H
#define IO_INTERNAL_H

#include "wasi_io.h"

#define IO_HIDDEN __attribute__((visibility("hidden")))

/* IO_ASSERT(cond): an invariant, checked in IO_DEBUG builds (the unit
 * tests), compiled out otherwise. */
#ifdef IO_DEBUG
#include <assert.h>
#define IO_ASSERT(cond) assert(cond)
#else
#define IO_ASSERT(cond) ((void)0)
#endif

#define IO_MIN(a, b) ((a) < (b) ? (a) : (b))

/* Every allocation of io/ goes through these, so that IO_DEBUG builds can
 * make the n-th one fail (debug_alloc.c) and tests reach the WASI_IO_ENOMEM
 * paths. */
#ifdef IO_DEBUG
#include <stddef.h>
IO_HIDDEN void *__wasi_io__debug_realloc(void *p, size_t n);
#define IO_MALLOC(n) __wasi_io__debug_realloc(NULL, (n))
#define IO_REALLOC(p, n) __wasi_io__debug_realloc((p), (n))
#else
#define IO_MALLOC(n) malloc(n)
#define IO_REALLOC(p, n) realloc((p), (n))
#endif

/* Largest count a ptrdiff_t result can carry. */
#define IO_COUNT_MAX ((size_t)PTRDIFF_MAX)

/* Waits until `in` / `out` is ready (see wasi_io_poll), at most timeout_ns
 * (negative: no limit). Returns 1 ready, 0 timed out, or a negative code.
 * A stream that cannot wait (no wait method, no host descriptor) counts as
 * ready. */
IO_HIDDEN int __wasi_io__wait_input(wasi_io_input *in, int64_t timeout_ns);
IO_HIDDEN int __wasi_io__wait_output(wasi_io_output *out, int64_t timeout_ns);

/* Whether the stream can wait: it has a wait method or a host descriptor.
 * A blocking call that finds a stream not ready which cannot wait reports
 * WASI_IO_EIO instead of spinning. */
IO_HIDDEN int __wasi_io__input_can_wait(wasi_io_input *in);
IO_HIDDEN int __wasi_io__output_can_wait(wasi_io_output *out);

/* poll on host descriptors: poll_oneoff on wasm, poll(2) natively. Same
 * contract as wasi_io_host_poll in wasi_io.h. */
IO_HIDDEN int __wasi_io__host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns);

/* errno of the C library <-> the codes of wasi_io.h (adapters only). */
IO_HIDDEN int __wasi_io__from_errno(int err);
IO_HIDDEN int __wasi_io__to_errno(int code);

/* Remembers a static output (at most 24) for __wasi_io__flush_remembered, which
 * wasi_io_blocking_flush()es them all, errors ignored. */
IO_HIDDEN void __wasi_io__flush_later(wasi_io_output *out);
IO_HIDDEN void __wasi_io__flush_remembered(void);

/* The program's arguments, for WASI_IO_MAIN on wasm (main(void), so that
 * wasi-libc does not allocate them). Returns 0 or a negative code. */
IO_HIDDEN int __wasi_io__args(int *argc, char ***argv);

/* The stream the host provides as descriptor fd for entry-point argument
 * `slot` (0 <= slot < WASI_IO_MAIN_MAX): static storage, never NULL. */
IO_HIDDEN wasi_io_input *__wasi_io__arg_input(int slot, int fd);
IO_HIDDEN wasi_io_output *__wasi_io__arg_output(int slot, int fd);

/* Whether host descriptor fd is a stream open for reading (want_write 0)
 * or writing (1). */
enum __wasi_io__fd_state {
    IO__FD_OK = 0,
    IO__FD_MISSING,     /* not open */
    IO__FD_DIRECTORY,   /* a directory, e.g. a preopen */
    IO__FD_WRONG_WAY    /* open, but not in that direction */
};
IO_HIDDEN enum __wasi_io__fd_state __wasi_io__check_host_fd(int fd, int want_write);

/* The directions of a WASI_IO_MAIN declaration's streams, in order
 * (is_output[k], WASI_IO_MAIN_MAX at most): their count, or -1 when decl
 * is not a declaration this library wrote. */
IO_HIDDEN int __wasi_io__main_directions(const char *decl, unsigned char *is_output);
/* The end of WASI_IO_MAIN's message when a stream is missing: how to run a
 * typed program, with its newline. */
IO_HIDDEN extern const char *const __wasi_io__run_hint;

#endif /* IO_INTERNAL_H */
