/*
 * <__header_dirent.h> for wasm32-wasi-vfs: wasi-libc's, with two changes.
 *  - opendirat, wasi-libc's own extension (no POSIX or Linux C library
 *    has it), is not declared: the name is the program's. gnulib's takes
 *    four arguments (grep, find, ...), and wasi-libc's declaration
 *    stopped their builds with "conflicting types". The C library's is
 *    linked only into a program that calls it and defines none
 *    (../src/fs/opendirat.c); a program that wants it declares it:
 *    DIR *opendirat(int, const char *);
 *  - DT_SOCK, which Debian 12's wasi-libc lacks, is 20, as newer wasi-libc
 *    defines it: a value no WASI file type has. No entry of the
 *    filesystem is a socket.
 */
#pragma push_macro("opendirat")
#undef opendirat
#define opendirat __wasi_vfs_undeclared_opendirat
#include_next <__header_dirent.h>
#undef opendirat
#pragma pop_macro("opendirat")

#ifndef DT_SOCK
#define DT_SOCK 20
#endif
