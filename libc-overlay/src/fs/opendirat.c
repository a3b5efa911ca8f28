/*
 * opendirat.c - wasi-libc's own extension opendirat(dirfd, path), which
 * no POSIX or Linux C library has and <dirent.h> does not declare here
 * (../../include/__header_dirent.h). Alone in its archive member, so
 * that it is linked only into a program that calls it and defines none:
 * gnulib's own opendirat (four arguments; grep's and find's fts) then
 * meets no other definition. opendir and scandirat use
 * __wasi_vfs_opendirat (opendir.c).
 */
#include <dirent.h>

#include "../internal.h"

DIR *opendirat(int dirfd, const char *path)
{
    return __wasi_vfs_opendirat(dirfd, path);
}
