/*
 * p2.h - what the bottom of wasm32-wasip2-vfs shares: the WASI 0.2
 * bindings of Debian 13's wasm32-wasip2 wasi-libc (<wasi/wasip2.h>, whose
 * wasip2.o and component-type member the link takes from libc.a) and the
 * preview1 types the overlay above speaks.
 *
 * The overlay asks its host for the standard streams, args, environ,
 * clocks, random and exit through preview1 functions (internal.h,
 * WASI_VFS_HOST, and wasi-libc's __imported_wasi_snapshot_preview1_*
 * names). On wasm32-wasip2-vfs these are defined here, over wasi:cli,
 * wasi:io, wasi:clocks and wasi:random, so the module imports nothing of
 * preview1 and the component needs no adapter and no wasi:filesystem.
 */
#ifndef WASI_P2_H
#define WASI_P2_H

#include <stdint.h>
#include <wasi/api.h>
#include <wasi/wasip2.h>

/* The host's standard streams, got once (descriptors 0, 1, 2). */
streams_borrow_input_stream_t __wasi_p2_stdin(void);
/* fd 1 or 2; any other is 0 and gets no stream. */
streams_borrow_output_stream_t __wasi_p2_stdout(int32_t fd);

/* preview1's fd_read and fd_write on a stream: a read blocks until at
 * least one byte is there (into the first buffer that takes any) and is
 * 0 bytes at the end; a write writes everything, or what it could before
 * the first failure (EIO, or EPIPE when the reader is gone). 0 or a
 * preview1 errno. */
int32_t __wasi_p2_read(streams_borrow_input_stream_t s, const __wasi_iovec_t *iovs,
                       int32_t n, __wasi_size_t *nread);
int32_t __wasi_p2_write(streams_borrow_output_stream_t s, const __wasi_ciovec_t *iovs,
                        int32_t n, __wasi_size_t *nwritten);
/* Whether host descriptor fd (0, 1, 2) is a terminal (wasi:cli/terminal-*). */
int __wasi_p2_is_terminal(int32_t fd);

/* Whether fd is one of the host's open stream descriptors, which
 * __wasi_vfs_host_poll_oneoff reports ready at once (the others get
 * EBADF): 0, 1, 2 (p2_clocks.c, weak); wasm32-wasip2-io's bottom
 * (io/libc/wasip2) adds the streams of a typed call. */
int __wasi_p2_host_fd(int32_t fd);

/* The host calls the overlay imports on wasm32-wasi-vfs (internal.h),
 * defined by p2_streams.c and p2_clocks.c here. */
int32_t __wasi_vfs_host_fd_read(int32_t fd, const __wasi_iovec_t *iovs,
                                int32_t n, __wasi_size_t *nread);
int32_t __wasi_vfs_host_fd_write(int32_t fd, const __wasi_ciovec_t *iovs,
                                 int32_t n, __wasi_size_t *nwritten);
int32_t __wasi_vfs_host_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st);
int32_t __wasi_vfs_host_poll_oneoff(const __wasi_subscription_t *in,
                                    __wasi_event_t *out, int32_t n,
                                    __wasi_size_t *nevents);
int32_t __wasi_vfs_host_clock_time_get(int32_t id, int64_t precision,
                                       __wasi_timestamp_t *t);
int32_t __imported_wasi_snapshot_preview1_args_sizes_get(__wasi_size_t *argc,
                                                         __wasi_size_t *size);
int32_t __imported_wasi_snapshot_preview1_args_get(uint8_t **argv, uint8_t *buf);

#endif
