/*
 * <stdio.h> for wasm32-wasi-vfs (and wasm32-wasi): wasi-libc's header plus
 * the temporary-file calls (which it declares deprecated, "not defined on
 * WASI"), popen, and the stream locks it keeps for threaded builds.
 * The overlay serves tmpfile, tmpnam and tempnam from /tmp (the virtual
 * one; on wasm32-wasi the host directory preopened there); popen and
 * pclose fail with ENOSYS (no shell, no other process).
 *
 * The deprecated declarations are renamed out of the way while wasi-libc's
 * header is read, then declared plainly.
 */
#ifndef __wasi_vfs_stdio_h

#define tmpnam __wasi_vfs_deprecated_tmpnam
#define tmpfile __wasi_vfs_deprecated_tmpfile
#include_next <stdio.h>
#undef tmpnam
#undef tmpfile

#define __wasi_vfs_stdio_h

#ifdef __cplusplus
extern "C" {
#endif

#ifndef L_tmpnam
#define L_tmpnam 20
#endif
#ifndef TMP_MAX
#define TMP_MAX 10000
#endif

char *tmpnam(char *);
FILE *tmpfile(void);

#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
 || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
FILE *popen(const char *, const char *);
int pclose(FILE *);
/* One thread: locking a stream does nothing (flockfile.c). */
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
#endif

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#ifndef P_tmpdir
#define P_tmpdir "/tmp"
#endif
char *tempnam(const char *, const char *);
#endif

#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
#define tmpfile64 tmpfile
#endif

#ifdef __cplusplus
}
#endif

#endif
