/*
 * vfs_shim.h - the POSIX calls the workload programs make, served by the
 * vfs core in the same process (native builds with -DBENCH_ON_VFS).
 *
 * This is not the libc overlay: it is the thinnest binding that lets
 * meta.c and bulk.c run unchanged on the core natively, so that the core
 * can be timed and profiled (perf, callgrind) without WebAssembly in the
 * way. bench.h includes it after the system headers; the macros are
 * function-like, so `struct stat` keeps its name. Errors set errno from
 * the core's negative codes.
 */
#ifndef BENCH_VFS_SHIM_H
#define BENCH_VFS_SHIM_H

#include <dirent.h>
#include <sys/stat.h>
#include <sys/types.h>

int shim_open(const char *path, int flags, ...);
int shim_close(int fd);
ssize_t shim_read(int fd, void *buf, size_t len);
ssize_t shim_write(int fd, const void *buf, size_t len);
ssize_t shim_pread(int fd, void *buf, size_t len, off_t off);
ssize_t shim_pwrite(int fd, const void *buf, size_t len, off_t off);
int shim_stat(const char *path, struct stat *st);
int shim_mkdir(const char *path, mode_t mode);
int shim_rmdir(const char *path);
int shim_unlink(const char *path);
int shim_rename(const char *from, const char *to);
DIR *shim_opendir(const char *path);
struct dirent *shim_readdir(DIR *d);
int shim_closedir(DIR *d);

#define open(...) shim_open(__VA_ARGS__)
#define close(fd) shim_close(fd)
#define read(fd, b, n) shim_read(fd, b, n)
#define write(fd, b, n) shim_write(fd, b, n)
#define pread(fd, b, n, o) shim_pread(fd, b, n, o)
#define pwrite(fd, b, n, o) shim_pwrite(fd, b, n, o)
#define stat(p, st) shim_stat(p, st)
#define mkdir(p, m) shim_mkdir(p, m)
#define rmdir(p) shim_rmdir(p)
#define unlink(p) shim_unlink(p)
#define rename(a, b) shim_rename(a, b)
#define opendir(p) shim_opendir(p)
#define readdir(d) shim_readdir(d)
#define closedir(d) shim_closedir(d)

#endif
