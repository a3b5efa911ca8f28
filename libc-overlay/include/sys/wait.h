/*
 * <sys/wait.h> for wasm32-wasi-vfs (wasi-libc has none). A module is one
 * process with no children: wait and waitpid are declared so that legacy
 * code compiles, and fail with ENOSYS.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <features.h>
#include <signal.h>

#define __NEED_pid_t
#define __NEED_id_t
#include <bits/alltypes.h>

#include <__wasi_vfs_wait.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x1000000

pid_t wait(int *);
pid_t waitpid(pid_t, int *, int);

#ifdef __cplusplus
}
#endif

#endif
