/*
 * <unistd.h> for wasm32-wasi: wasi-libc's header (with the getpid
 * emulation enabled) plus the identity, ownership and process calls it
 * shares with wasm32-wasi-vfs (<__wasi_unistd_common.h>).
 *
 * Not declared, because preview1 cannot express them (a program that
 * needs them does not build, rather than failing later): pipe and pipe2
 * (no call makes a new stream), dup, dup2, dup3 (fd_renumber moves a
 * descriptor, nothing copies one), fchdir (a descriptor has no path), and
 * lockf (no locks).
 */
#include <__wasi_vfs_emulated.h>
#include_next <unistd.h>

#ifndef __wasi_plain_unistd_h
#define __wasi_plain_unistd_h

#include <__wasi_unistd_common.h>

#endif
