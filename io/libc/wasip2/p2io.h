/*
 * p2io.h - what wasm32-wasip2-io's bottom shares (README.md here).
 *
 * Descriptors: 0, 1, 2 are the host's standard streams
 * (libc-overlay/p2/p2_streams.c); while a typed call runs (p2io_main.c),
 * 3 + k are its streams in WASI_IO_MAIN's order (the inputs, then the
 * outputs), borrowed from the caller: they are valid until the call
 * returns, and closing one only forgets it.
 */
#ifndef WASI_P2IO_H
#define WASI_P2IO_H

#include "p2.h"

/* The first descriptor of a typed call's streams. */
#define P2IO_FIRST_STREAM_FD 3

/* Opens descriptor fd (P2IO_FIRST_STREAM_FD .. + WASI_IO_MAIN_MAX - 1)
 * on a typed call's stream: handle is an input-stream's, or an
 * output-stream's when is_output. */
void __wasi_p2io_open_stream(int32_t fd, uint32_t handle, int is_output);

/* Forgets every typed call's descriptor (open or closed). */
void __wasi_p2io_close_streams(void);

/* The typed call's arguments, as preview1's args_sizes_get and args_get:
 * 0, or -1 when no typed call runs (the command's are wasi:cli's). */
int __wasi_p2io_args_sizes(__wasi_size_t *argc, __wasi_size_t *size);
int __wasi_p2io_args(uint8_t **argv, uint8_t *buf);

#endif
