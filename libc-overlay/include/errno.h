/*
 * <errno.h> for wasm32-wasi-vfs and wasm32-wasi: wasi-libc's, with
 * program_invocation_name and program_invocation_short_name (_GNU_SOURCE)
 * holding what musl and glibc put there before main: the module's first
 * argument, and its part after the last '/'. wasi-libc declares the two
 * variables and never sets them, so gnulib's error() began each message
 * of grep, diff, ... with "(null): ".
 *
 * Each name is an lvalue whose first use, of either, fetches the
 * arguments (../src/common/progname.c): reading and assigning work as on
 * Linux, and a program's own `extern char *program_invocation_name;`
 * after this header declares the function behind it again. A program
 * that uses neither carries nothing of it.
 */
#include_next <errno.h>

#if defined(_GNU_SOURCE) && !defined(__wasi_vfs_errno_h)
#define __wasi_vfs_errno_h

#ifdef __cplusplus
extern "C" {
#endif

char **__wasi_vfs_program_invocation_name(void);
char **__wasi_vfs_program_invocation_short_name(void);

#ifdef __cplusplus
}
#endif

#define program_invocation_name (*__wasi_vfs_program_invocation_name())
#define program_invocation_short_name \
    (*__wasi_vfs_program_invocation_short_name())

#endif
