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

#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_GETLK
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC 1030
#endif
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
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
#ifndef F_GETLK64
#define F_GETLK64 F_GETLK
#define F_SETLK64 F_SETLK
#define F_SETLKW64 F_SETLKW
#define flock64 flock
#endif
#ifndef lockf64
#define lockf64 lockf
#endif
#endif

#endif
