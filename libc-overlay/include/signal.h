/*
 * <signal.h> for wasm32-wasi-vfs and wasm32-wasi: wasi-libc's header with
 * its signal emulation enabled (signal, raise; see __wasi_vfs_emulated.h),
 * plus the sigaction family (__wasi_sigaction.h), and kill, which the
 * overlay provides and which always fails with ENOSYS: there is no other
 * process to signal.
 */
#include <__wasi_vfs_emulated.h>
#include_next <signal.h>

#ifndef __wasi_vfs_signal_h
#define __wasi_vfs_signal_h

#define __NEED_pid_t
#include <bits/alltypes.h>

#include <__wasi_sigaction.h>

#ifdef __cplusplus
extern "C" {
#endif

int kill(pid_t, int);

#ifdef __cplusplus
}
#endif

#endif
