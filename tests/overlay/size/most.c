/* most: the size figure's program that uses most calls: stdio on files,
 * the POSIX file and directory calls both triples have and, on
 * wasm32-wasi-vfs, those only the overlay provides (their whole cost then
 * counts as the overlay's). At most 36 KiB larger than its wasm32-wasi
 * build. Built for size only; it is not run. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __wasi_vfs_fcntl_h /* the wasm32-wasi-vfs triple's <fcntl.h> */
#include <pwd.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#endif

static volatile long sink;
#define USE(x) (sink += (long)(x))
#define USEP(x) (sink += (long)(void *)(x))

int main(int argc, char **argv)
{
    char buf[256];
    struct stat st;
    struct dirent *de;
    struct timespec ts[2] = {{0}};
    DIR *d;
    FILE *f;
    int fd;

    if (argc < 1000)
        return 0;
    f = fopen(argv[1], "r+");
    USE(fprintf(f, "%d %s\n", argc, argv[0]) + fputs("x", f));
    USE(fseek(f, 0, SEEK_SET) + ftell(f) + fread(buf, 1, 10, f));
    USEP(fgets(buf, sizeof buf, f));
    USE(fwrite(buf, 1, 10, f) + fflush(f) + fclose(f));
    fd = open(argv[1], O_RDWR | O_CREAT | O_APPEND, 0644);
    USE(read(fd, buf, 1) + write(fd, buf, 1) + pread(fd, buf, 1, 0));
    USE(pwrite(fd, buf, 1, 0) + lseek(fd, 0, SEEK_END) + ftruncate(fd, 1));
    USE(fsync(fd) + fcntl(fd, F_GETFL) + isatty(fd));
    USE(stat(argv[1], &st) + fstat(fd, &st) + lstat(argv[1], &st));
    USE(access(argv[1], R_OK) + mkdir(argv[2], 0755) + rmdir(argv[2]));
    USE(unlink(argv[1]) + rename(argv[1], argv[2]) + remove(argv[2]));
    USE(link(argv[1], argv[2]) + symlink(argv[1], argv[2]));
    USE(readlink(argv[1], buf, sizeof buf) + truncate(argv[1], 0));
    USE(utimensat(AT_FDCWD, argv[1], ts, 0) + futimens(fd, ts));
    USE(openat(fd, argv[1], O_RDONLY) + fstatat(fd, argv[1], &st, 0));
    USE(unlinkat(fd, argv[1], 0) + renameat(fd, argv[1], fd, argv[2]));
    d = opendir(argv[1]);
    while ((de = readdir(d)))
        USE(de->d_ino);
    USE(closedir(d));
    USEP(getcwd(buf, sizeof buf));
    USE(chdir(argv[1]) + close(fd));
#ifdef __wasi_vfs_fcntl_h
    {
        struct statvfs sv;
        char t[] = "/tmp/xXXXXXX";
        int p[2];
        USE(dup(fd) + dup2(fd, 5) + pipe(p) + flock(fd, LOCK_EX));
        USE(chmod(argv[1], 0600) + fchmod(fd, 0600) + umask(022));
        USE(chown(argv[1], 0, 0) + mkstemp(t) + statvfs("/", &sv));
        USEP(realpath(argv[1], buf));
        USEP(tmpfile());
        USE(fchdir(fd) + getuid());
        USEP(getpwuid(getuid()));
    }
#endif
    return 0;
}
