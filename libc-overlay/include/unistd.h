/*
 * <unistd.h> for wasm32-wasi-vfs: wasi-libc's header (with the getpid
 * emulation enabled) plus the POSIX calls it hides that the overlay
 * provides: pipes and descriptor duplication within the module, ownership
 * calls and identity calls for the one user, fchdir, lockf, and the
 * process calls that cannot exist inside one instance (they fail with
 * ENOSYS, so code that uses them compiles and takes its error path).
 */
#include <__wasi_vfs_emulated.h>
#include_next <unistd.h>

#ifndef __wasi_vfs_unistd_h
#define __wasi_vfs_unistd_h

#include <__wasi_unistd_common.h>

#ifdef __cplusplus
extern "C" {
#endif

int pipe(int [2]);
int pipe2(int [2], int);
int dup(int);
int dup2(int, int);
int dup3(int, int, int);

int fchdir(int);

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int lockf(int, int, off_t);
#endif

#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
#ifndef lockf64
#define lockf64 lockf
#endif
#endif

#ifdef __cplusplus
}
#endif

#endif
