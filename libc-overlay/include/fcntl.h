/*
 * <fcntl.h> for wasm32-wasi-vfs: wasi-libc's header plus the descriptor
 * duplication and POSIX record-lock commands the overlay's fcntl serves
 * (Linux values), and lockf.
 *
 * Programs' fcntl calls go to __wasi_vfs_fcntl, which serves every
 * command; the plain fcntl symbol, which wasi-libc's stdio calls, serves
 * only F_GETFD/F_SETFD/F_GETFL/F_SETFL, so that a program that does not
 * call fcntl itself does not carry the rest.
 */
#include_next <fcntl.h>

#ifndef __wasi_vfs_fcntl_h
#define __wasi_vfs_fcntl_h

#ifdef __cplusplus
extern "C" {
#endif
__REDIR(fcntl, __wasi_vfs_fcntl);
#ifdef __cplusplus
}
#endif

#include <__wasi_fcntl_locks.h>

#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC 1030
#endif

#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#ifdef __cplusplus
extern "C" {
#endif
int lockf(int, int, off_t);
#ifdef __cplusplus
}
#endif
#endif

#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
#ifndef lockf64
#define lockf64 lockf
#endif
#endif

#endif
