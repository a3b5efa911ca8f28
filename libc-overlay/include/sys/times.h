/*
 * <sys/times.h> for wasm32-wasi-vfs: wasi-libc's header with its emulation
 * enabled (see __wasi_vfs_emulated.h).
 */
#include <__wasi_vfs_emulated.h>
#include_next <sys/times.h>
