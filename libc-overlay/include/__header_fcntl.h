/*
 * <__header_fcntl.h> for wasm32-wasi-vfs. wasi-libc defines O_CLOEXEC as 0
 * (WASI has no exec); the overlay keeps the close-on-exec flag per
 * descriptor (F_GETFD reports it), so O_CLOEXEC is a real bit here, one
 * none of wasi-libc's O_* flags uses. Only the overlay's open, openat,
 * pipe2, dup3 and mkostemp look at it.
 */
#include_next <__header_fcntl.h>
#include <__wasi_open_flags.h> /* the O_* flags as #if can test them */

#undef O_CLOEXEC
#define O_CLOEXEC (0x40000000)
