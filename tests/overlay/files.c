/* files: open (creation mode, umask, flags), stat/lstat/fstat/fstatat
 * fields, access/faccessat, chmod family, chown family, utimensat/utime,
 * unlink/rename/link/symlink/readlink, truncate. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "check.h"

static unsigned mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_mode : 0;
}

int main(void)
{
    struct stat st;
    struct timespec ts[2];
    struct utimbuf ub;
    char buf[64];
    int fd, fd2;

    /* creation modes and the umask */
    EQ(umask(022), 022);
    fd = OK(open("/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0666));
    EQ(mode_of("/tmp/a"), S_IFREG | 0644);
    EQ(write(fd, "hello", 5), 5);
    OK(close(fd));
    ERR(open("/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0666), EEXIST);
    EQ(umask(077), 022);
    OK(close(OK(creat("/tmp/b", 0666))));
    EQ(mode_of("/tmp/b"), S_IFREG | 0600);
    OK(mkdir("/tmp/d", 0777));
    EQ(mode_of("/tmp/d"), S_IFDIR | 0700);
    EQ(umask(022), 077);
    ERR(mkdir("/tmp/d", 0777), EEXIST);
    ERR(open("/tmp/missing", O_RDONLY), ENOENT);
    ERR(open("/tmp/a/x", O_RDONLY), ENOTDIR);
    ERR(open("/tmp/d", O_WRONLY), EISDIR);
    ERR(open("/tmp/a", O_RDONLY | O_DIRECTORY), ENOTDIR);
    ERR(open("", O_RDONLY), ENOENT);

    /* stat fields */
    OK(stat("/tmp/a", &st));
    EQ(st.st_size, 5);
    EQ(st.st_nlink, 1);
    EQ(st.st_uid, getuid());
    EQ(st.st_gid, getgid());
    EQ(st.st_uid, 0);
    CHECK(st.st_ino != 0);
    CHECK(st.st_blksize > 0);
    CHECK(st.st_blocks >= 1);
    CHECK(S_ISREG(st.st_mode));
    CHECK(st.st_mtim.tv_sec > 1000000000); /* a real clock */
    CHECK(st.st_mtim.tv_nsec >= 0 && st.st_mtim.tv_nsec < 1000000000);
    OK(stat("/tmp/d", &st));
    CHECK(S_ISDIR(st.st_mode));
    EQ(st.st_nlink, 2);
    OK(stat("/", &st));
    CHECK(S_ISDIR(st.st_mode));
    EQ(st.st_mode & 07777, 0755);
    OK(stat("/tmp", &st));
    EQ(st.st_mode & 07777, 01777);
    ERR(stat("/tmp/missing", &st), ENOENT);
    ERR(stat("/tmp/a/", &st), ENOTDIR);
    fd = OK(open("/tmp/a", O_RDONLY));
    OK(fstat(fd, &st));
    EQ(st.st_size, 5);
    OK(close(fd));
    ERR(fstat(fd, &st), EBADF);
    ERR(fstat(-1, &st), EBADF);

    /* S_IFIFO has its own value */
    CHECK(S_IFIFO != S_IFSOCK);
    EQ(S_IFMT, 0170000);

    /* symlinks */
    OK(symlink("a", "/tmp/l"));
    OK(lstat("/tmp/l", &st));
    CHECK(S_ISLNK(st.st_mode));
    EQ(st.st_size, 1);
    OK(stat("/tmp/l", &st));
    CHECK(S_ISREG(st.st_mode));
    fd = OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    OK(fstatat(fd, "l", &st, AT_SYMLINK_NOFOLLOW));
    CHECK(S_ISLNK(st.st_mode));
    OK(fstatat(fd, "l", &st, 0));
    CHECK(S_ISREG(st.st_mode));
    EQ(readlinkat(fd, "l", buf, sizeof buf), 1);
    EQ(readlink("/tmp/l", buf, sizeof buf), 1);
    EQ(buf[0], 'a');
    ERR(readlink("/tmp/a", buf, sizeof buf), EINVAL);
    ERR(open("/tmp/l", O_RDONLY | O_NOFOLLOW), ELOOP);
    OK(symlink("/tmp/nowhere", "/tmp/dangling"));
    ERR(stat("/tmp/dangling", &st), ENOENT);
    OK(lstat("/tmp/dangling", &st));
    OK(close(OK(open("/tmp/dangling", O_WRONLY | O_CREAT, 0644))));
    OK(stat("/tmp/nowhere", &st)); /* created through the link */

    /* access */
    OK(access("/tmp/a", F_OK));
    OK(access("/tmp/a", R_OK | W_OK));
    ERR(access("/tmp/a", X_OK), EACCES);
    ERR(access("/tmp/missing", F_OK), ENOENT);
    ERR(access("/tmp/a", 0x40), EINVAL);
    OK(faccessat(fd, "a", R_OK, 0));
    OK(faccessat(AT_FDCWD, "/tmp/a", W_OK, AT_EACCESS));

    /* chmod family; root reads and writes whatever the mode says */
    OK(chmod("/tmp/a", 0400));
    EQ(mode_of("/tmp/a"), S_IFREG | 0400);
    OK(access("/tmp/a", W_OK));
    OK(close(OK(open("/tmp/a", O_WRONLY))));
    ERR(access("/tmp/a", X_OK), EACCES);
    OK(chmod("/tmp/a", 0010)); /* any x bit will do */
    OK(access("/tmp/a", X_OK | R_OK | W_OK));
    fd2 = OK(open("/tmp/a", O_RDONLY));
    OK(fchmod(fd2, 04751));
    EQ(mode_of("/tmp/a"), S_IFREG | 04751);
    OK(close(fd2));
    OK(fchmodat(fd, "a", 0644, 0));
    EQ(mode_of("/tmp/a"), S_IFREG | 0644);
    OK(chmod("/tmp/l", 0600)); /* follows the link */
    EQ(mode_of("/tmp/a"), S_IFREG | 0600);
    EQ(mode_of("/tmp/l") & S_IFMT, S_IFLNK);
    ERR(chmod("/tmp/missing", 0600), ENOENT);
    ERR(fchmod(-1, 0600), EBADF);

    /* chown family: the one user (root), -1, or EPERM (no other user) */
    OK(chown("/tmp/a", 0, 0));
    OK(chown("/tmp/a", -1, -1));
    OK(lchown("/tmp/l", getuid(), -1));
    OK(fchownat(fd, "a", -1, getgid(), 0));
    ERR(chown("/tmp/a", 1000, 1000), EPERM);
    ERR(chown("/tmp/a", -1, 1000), EPERM);
    ERR(chown("/tmp/missing", 0, 0), ENOENT);
    fd2 = OK(open("/tmp/a", O_RDONLY));
    OK(fchown(fd2, 0, -1));
    ERR(fchown(fd2, 1, -1), EPERM);
    OK(close(fd2));
    ERR(fchown(fd2, 0, 0), EBADF);

    /* times */
    ts[0].tv_sec = 1000;
    ts[0].tv_nsec = 5;
    ts[1].tv_sec = 2000;
    ts[1].tv_nsec = 999999999;
    OK(utimensat(AT_FDCWD, "/tmp/a", ts, 0));
    OK(stat("/tmp/a", &st));
    EQ(st.st_atim.tv_sec, 1000);
    EQ(st.st_atim.tv_nsec, 5);
    EQ(st.st_mtim.tv_sec, 2000);
    EQ(st.st_mtim.tv_nsec, 999999999);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_nsec = UTIME_NOW;
    OK(utimensat(fd, "a", ts, 0));
    OK(stat("/tmp/a", &st));
    EQ(st.st_atim.tv_sec, 1000);
    CHECK(st.st_mtim.tv_sec > 1000000000);
    ts[0].tv_nsec = 1000000000;
    ERR(utimensat(AT_FDCWD, "/tmp/a", ts, 0), EINVAL);
    ts[0].tv_nsec = -7;
    ERR(utimensat(AT_FDCWD, "/tmp/a", ts, 0), EINVAL);
    ts[0].tv_nsec = -1; /* not UTIME_NOW, unlike in plain wasi-libc */
    ERR(utimensat(AT_FDCWD, "/tmp/a", ts, 0), EINVAL);
    ub.actime = 3;
    ub.modtime = 4;
    OK(utime("/tmp/a", &ub));
    OK(stat("/tmp/a", &st));
    EQ(st.st_atim.tv_sec, 3);
    EQ(st.st_mtim.tv_sec, 4);
    OK(utime("/tmp/a", NULL));
    {
        struct timeval tv[2] = {{5, 1}, {6, 2}};
        OK(utimes("/tmp/a", tv));
        OK(stat("/tmp/a", &st));
        EQ(st.st_mtim.tv_sec, 6);
        EQ(st.st_mtim.tv_nsec, 2000);
    }
    fd2 = OK(open("/tmp/a", O_RDONLY));
    ts[0].tv_sec = 77;
    ts[0].tv_nsec = 0;
    ts[1].tv_nsec = UTIME_OMIT;
    OK(futimens(fd2, ts));
    OK(fstat(fd2, &st));
    EQ(st.st_atim.tv_sec, 77);
    EQ(st.st_mtim.tv_sec, 6);
    OK(close(fd2));

    /* names */
    OK(link("/tmp/a", "/tmp/hard"));
    OK(stat("/tmp/a", &st));
    EQ(st.st_nlink, 2);
    ERR(link("/tmp/d", "/tmp/d2"), EPERM);
    OK(linkat(AT_FDCWD, "/tmp/l", fd, "hl", 0));
    OK(lstat("/tmp/hl", &st));
    CHECK(S_ISLNK(st.st_mode)); /* link() does not follow */
    OK(linkat(fd, "l", fd, "hl2", AT_SYMLINK_FOLLOW));
    OK(lstat("/tmp/hl2", &st));
    CHECK(S_ISREG(st.st_mode));
    OK(rename("/tmp/hard", "/tmp/renamed"));
    ERR(stat("/tmp/hard", &st), ENOENT);
    OK(renameat(fd, "renamed", AT_FDCWD, "/tmp/d/inside"));
    OK(stat("/tmp/d/inside", &st));
    ERR(rename("/tmp/d", "/tmp/d/sub"), EINVAL);
    ERR(rmdir("/tmp/d"), ENOTEMPTY);
    ERR(unlink("/tmp/d"), EISDIR);
    ERR(rmdir("/tmp/a"), ENOTDIR);
    OK(unlink("/tmp/d/inside"));
    OK(remove("/tmp/d")); /* a directory through remove */
    OK(remove("/tmp/hl"));
    ERR(remove("/tmp/hl"), ENOENT);
    OK(unlinkat(fd, "hl2", 0));
    OK(mkdirat(fd, "d3", 0700));
    OK(unlinkat(fd, "d3", AT_REMOVEDIR));
    OK(symlinkat("x", fd, "sl"));
    OK(unlinkat(fd, "sl", 0));

    /* truncate, O_TRUNC, O_APPEND */
    OK(truncate("/tmp/a", 100));
    OK(stat("/tmp/a", &st));
    EQ(st.st_size, 100);
    fd2 = OK(open("/tmp/a", O_RDWR | O_TRUNC));
    OK(fstat(fd2, &st));
    EQ(st.st_size, 0);
    EQ(write(fd2, "abc", 3), 3);
    OK(ftruncate(fd2, 1));
    OK(close(fd2));
    fd2 = OK(open("/tmp/a", O_WRONLY | O_APPEND));
    EQ(write(fd2, "z", 1), 1);
    EQ(lseek(fd2, 0, SEEK_CUR), 2);
    OK(close(fd2));
    fd2 = OK(open("/tmp/a", O_RDONLY));
    EQ(read(fd2, buf, sizeof buf), 2);
    CHECK(memcmp(buf, "az", 2) == 0);
    EQ(pread(fd2, buf, 1, 1), 1);
    EQ(buf[0], 'z');
    ERR(write(fd2, "x", 1), EBADF);
    OK(close(fd2));

    OK(close(fd));
    return DONE();
}
