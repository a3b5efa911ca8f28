/* fault: pointers outside the program's memory given to the calls that
 * are system calls on Linux: EFAULT as there, never a trap, and nothing
 * done.
 *   - buffers of read, write, pread, pwrite, readv, writev (the overlay's
 *     fd_read, fd_write, fd_pread, fd_pwrite); a bad descriptor is
 *     reported first, as Linux does;
 *   - C-string paths (NULL, past the end, or running off it with no NUL)
 *     of open, stat, lstat, access, chmod, chown, mkdir, rmdir, unlink,
 *     remove, rename, link, symlink, readlink, chdir, statvfs, truncate;
 *     and the buffers stat, fstat, statvfs, fstatvfs, readlink, getcwd,
 *     utimensat, futimens, pipe, fcntl's locks write or read. Errors of
 *     the path come before a bad result buffer, as on Linux. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"

static void paths(void)
{
    char *end, *off, before[256], cwd[64];
    const char *bad[3];
    struct timespec ts[2] = {{0, 0}, {0, 0}};
    struct statvfs sv;
    struct stat st;
    struct flock fl;
    int fd, i;

    /* a page of the program's own at the end of memory, all 'a': a
     * string there runs off the end */
    CHECK(__builtin_wasm_memory_grow(0, 1) != (size_t)-1);
    end = (char *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536);
    memset(end - 65536, 'a', 65536);
    off = end - 100;
    bad[0] = NULL;
    bad[1] = end;
    bad[2] = off;

    fd = OK(open("/tmp/g", O_RDWR | O_CREAT | O_TRUNC, 0644));
    OK(symlink("g", "/tmp/l"));
    OK(mkdir("/tmp/d", 0755));
    snprintf(before, sizeof before, "%s", check_listing("/tmp"));
    for (i = 0; i < 3; i++) {
        const char *p = bad[i];
        ERR(open(p, O_RDONLY), EFAULT);
        ERR(open(p, O_WRONLY | O_CREAT, 0644), EFAULT);
        ERR(openat(AT_FDCWD, p, O_RDONLY), EFAULT);
        ERR(stat(p, &st), EFAULT);
        ERR(lstat(p, &st), EFAULT);
        ERR(fstatat(AT_FDCWD, p, &st, 0), EFAULT);
        ERR(access(p, F_OK), EFAULT);
        ERR(chmod(p, 0600), EFAULT);
        ERR(chown(p, 1000, 1000), EFAULT);
        ERR(mkdir(p, 0755), EFAULT);
        ERR(rmdir(p), EFAULT);
        ERR(unlink(p), EFAULT);
        ERR(remove(p), EFAULT);
        ERR(rename(p, "/tmp/x"), EFAULT);
        ERR(rename("/tmp/g", p), EFAULT);
        ERR(link(p, "/tmp/x"), EFAULT);
        ERR(link("/tmp/g", p), EFAULT);
        ERR(symlink(p, "/tmp/x"), EFAULT);
        ERR(symlink("g", p), EFAULT);
        ERR(readlink(p, cwd, sizeof cwd), EFAULT);
        ERR(chdir(p), EFAULT);
        ERR(statvfs(p, &sv), EFAULT);
        ERR(truncate(p, 0), EFAULT);
        ERR(utimensat(AT_FDCWD, p, NULL, 0), EFAULT);
    }
    STREQ(check_listing("/tmp"), before); /* nothing made, nothing gone */
    /* result buffers: path errors first, then EFAULT */
    ERR(stat("/tmp/none", (struct stat *)(end - 8)), ENOENT);
    ERR(stat("/tmp/g", (struct stat *)(end - 8)), EFAULT);
    ERR(fstat(fd, (struct stat *)(end - 8)), EFAULT);
    ERR(fstat(99, (struct stat *)(end - 8)), EBADF);
    ERR(fstat(fd, NULL), EFAULT);
    ERR(statvfs("/tmp", (struct statvfs *)(end - 8)), EFAULT);
    ERR(fstatvfs(fd, (struct statvfs *)(end - 8)), EFAULT);
    ERR(readlink("/tmp/l", end - 1, 2), EFAULT);
    ERR(readlink("/tmp/l", NULL, 2), EFAULT);
    EQ(readlink("/tmp/l", end - 1, 1), 1); /* ends at the end: memory */
    EQ(end[-1], 'g');
    errno = 0;
    CHECK(getcwd(end - 1, 2) == NULL && errno == EFAULT);
    STREQ(getcwd(cwd, sizeof cwd), "/");
    ERR(utimensat(AT_FDCWD, "/tmp/g", (struct timespec *)(end - 8), 0),
        EFAULT);
    ERR(futimens(fd, (struct timespec *)(end - 8)), EFAULT);
    OK(futimens(fd, ts));
    OK(fstat(fd, &st));
    EQ(st.st_mtim.tv_sec, 0);
    ERR(pipe((int *)(end - 4)), EFAULT);
    ERR(fcntl(fd, F_GETLK, (struct flock *)(end - 4)), EFAULT);
    ERR(fcntl(fd, F_SETLK, (struct flock *)NULL), EFAULT);
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    OK(fcntl(fd, F_GETLK, &fl));
    EQ(fl.l_type, F_UNLCK);
    STREQ(check_listing("/tmp"), before);
    OK(close(fd));
}

int main(void)
{
    char *end = (char *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536);
    char buf[16];
    struct iovec iov[2] = {{buf, 4}, {end - 2, 4}}; /* the second runs off */
    struct iovec bad_array = {buf, 4};
    struct stat st;
    int fd = OK(open("/tmp/f", O_RDWR | O_CREAT | O_TRUNC, 0644));

    EQ(write(fd, "0123456789", 10), 10);
    OK(lseek(fd, 0, SEEK_SET));

    ERR(read(fd, end - 2, 4), EFAULT);
    ERR(read(fd, end, 1), EFAULT);
    ERR(read(fd, NULL, 1), EFAULT);
    ERR(write(fd, end - 1, 2), EFAULT);
    ERR(pread(fd, end - 3, 4, 0), EFAULT);
    ERR(pwrite(fd, (void *)(uintptr_t)0xfffffff0u, 32, 0), EFAULT);
    ERR(readv(fd, iov, 2), EFAULT);
    ERR(writev(fd, iov, 2), EFAULT);
    ERR(readv(fd, (struct iovec *)(end - 4), 1), EFAULT);
    /* nothing moved: the offset and the file are as they were */
    EQ(lseek(fd, 0, SEEK_CUR), 0);
    OK(fstat(fd, &st));
    EQ(st.st_size, 10);
    EQ(read(fd, buf, 4), 4);
    CHECK(!memcmp(buf, "0123", 4));
    /* what ends exactly at the end of memory is memory */
    EQ(pread(fd, end - 4, 4, 0), 4);
    CHECK(!memcmp(end - 4, "0123", 4));
    EQ(read(fd, end, 0), 0); /* nothing to move: never a fault */
    EQ(readv(fd, &bad_array, 0), 0);
    /* a bad descriptor first, as Linux */
    ERR(read(99, end, 4), EBADF);
    ERR(write(-1, NULL, 4), EBADF);
    ERR(pread(99, end, 4, 0), EBADF);
    OK(close(fd));
    paths();
    return DONE();
}
