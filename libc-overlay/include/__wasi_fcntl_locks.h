/*
 * __wasi_fcntl_locks.h - the POSIX record-lock commands and lock types of
 * fcntl (Linux values), which wasi-libc's <fcntl.h> leaves out, for
 * wasm32-wasi-vfs and wasm32-wasi. On wasm32-wasi-vfs the overlay's fcntl
 * serves them; on wasm32-wasi they only let code compile: preview1 cannot
 * lock a host file, and wasi-libc's fcntl fails on them with EINVAL.
 */
#ifndef __wasi_fcntl_locks_h
#define __wasi_fcntl_locks_h

#ifndef F_GETLK
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif

#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
#ifndef F_GETLK64
#define F_GETLK64 F_GETLK
#define F_SETLK64 F_SETLK
#define F_SETLKW64 F_SETLKW
#define flock64 flock
#endif
#endif

#endif
