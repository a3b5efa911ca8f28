/* test_fd.c - dup family, descriptor flags, the current directory's
 * descriptor (vfs_chdirat), pipes, poll, locks. */
#include "vfs_test.h"

START_TEST(dups)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT | VFS_O_CLOEXEC, 0644);
    int d;
    EQ(fd, 0);
    EQ(vfs_fd_get_cloexec(fs, fd), 1);
    d = vfs_dup(fs, fd);
    EQ(d, 1);
    EQ(vfs_fd_get_cloexec(fs, d), 0);
    /* shared offset and status flags */
    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(vfs_lseek(fs, d, 0, VFS_SEEK_CUR), 3);
    EQ(vfs_fd_set_flags(fs, d, VFS_O_APPEND | VFS_O_RDONLY | VFS_O_TRUNC), 0);
    EQ(vfs_fd_get_flags(fs, fd), VFS_O_RDWR | VFS_O_APPEND);
    EQ(vfs_dupfd(fs, fd, 10, 1), 10);
    EQ(vfs_fd_get_cloexec(fs, 10), 1);
    EQ(vfs_fd_set_cloexec(fs, 10, 0), 0);
    EQ(vfs_fd_get_cloexec(fs, 10), 0);
    EQ(vfs_dupfd(fs, fd, 10, 0), 11);
    EQ(vfs_dupfd(fs, fd, -1, 0), -EINVAL);
    EQ(vfs_dupfd(fs, fd, 1024, 0), -EINVAL);
    EQ(vfs_dupfd(fs, 55, 0, 0), -EBADF);
    EQ(vfs_dup(fs, 55), -EBADF);
    EQ(vfs_dup2(fs, fd, fd), fd);
    EQ(vfs_dup2(fs, 55, 55), -EBADF);
    EQ(vfs_dup2(fs, 55, 3), -EBADF);
    EQ(vfs_dup2(fs, fd, 1024), -EBADF);
    EQ(vfs_dup2(fs, fd, 500), 500);
    EQ(vfs_dup2(fs, fd, 10), 10);  /* replaces an open descriptor */
    EQ(vfs_dup3(fs, fd, fd, 0), -EINVAL);
    EQ(vfs_dup3(fs, fd, 5, 1), -EINVAL);
    EQ(vfs_dup3(fs, fd, 5, VFS_O_CLOEXEC), 5);
    EQ(vfs_fd_get_cloexec(fs, 5), 1);
    CHECK_FS(fs);
    EQ(vfs_fd_get_flags(fs, 55), -EBADF);
    EQ(vfs_fd_set_flags(fs, 55, 0), -EBADF);
    EQ(vfs_fd_get_cloexec(fs, 55), -EBADF);
    EQ(vfs_fd_set_cloexec(fs, 55, 1), -EBADF);
    EQ(vfs_fd_check(fs, 500), 0);
    EQ(vfs_fd_check(fs, -5), -EBADF);
    vfs_destroy(fs);
}
END_TEST

/* The path of descriptor fd, or the error as text. */
static const char *fd_path(struct vfs *fs, int fd)
{
    static char buf[64];
    int r = vfs_fd_path(fs, fd, buf, sizeof buf);
    if (r < 0)
        snprintf(buf, sizeof buf, "error %d", r);
    return buf;
}

START_TEST(chdirat)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int fd, d;

    memset(&cfg, 0, sizeof cfg);
    cfg.max_open_files = 5; /* 0 .. 3 the program's, 4 the current dir */
    fs = mkfs_cfg(&cfg);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x", 0600), 0); /* not searchable */
    EQ(vfs_symlinkat(fs, "a/b", VFS_AT_ROOT, "/l"), 0);
    put_file(fs, "/f", "data");

    /* the table grows to reach the descriptor */
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/a"), 0);
    EQ(vfs_fd_get_flags(fs, 4), VFS_O_PATH);
    EQ(vfs_fd_get_cloexec(fs, 4), 0);
    ck_assert_str_eq(fd_path(fs, 4), "/a");
    /* with every other descriptor taken, no free one is needed */
    for (fd = 0; fd < 4; fd++)
        EQ(vfs_openat(fs, 4, "b", VFS_O_RDONLY | VFS_O_DIRECTORY, 0), fd);
    EQ(vfs_openat(fs, 4, "b", VFS_O_RDONLY, 0), -EMFILE);
    EQ(vfs_chdirat(fs, 4, 4, "b"), 0);
    ck_assert_str_eq(fd_path(fs, 4), "/a/b");
    EQ(vfs_chdirat(fs, 4, 4, ".."), 0);
    ck_assert_str_eq(fd_path(fs, 4), "/a");
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/l/"), 0); /* symlinks followed */
    ck_assert_str_eq(fd_path(fs, 4), "/a/b");
    /* errors leave it as it was */
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/nope"), -ENOENT);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/f"), -ENOTDIR);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/f/"), -ENOTDIR);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/x"), -EACCES);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/x/y"), -EACCES);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, ""), -ENOENT);
    EQ(vfs_chdirat(fs, 4, 9, "."), -EBADF);
    EQ(vfs_chdirat(fs, 5, VFS_AT_ROOT, "/"), -EBADF);
    EQ(vfs_chdirat(fs, -1, VFS_AT_ROOT, "/"), -EBADF);
    ck_assert_str_eq(fd_path(fs, 4), "/a/b");
    /* fchdir: "." of a descriptor */
    EQ(vfs_close(fs, 3), 0);
    d = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    EQ(d, 3);
    EQ(vfs_chdirat(fs, 4, d, "."), -ENOTDIR);
    EQ(vfs_close(fs, d), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/a", VFS_O_PATH, 0), 3);
    EQ(vfs_chdirat(fs, 4, 3, "."), 0);
    ck_assert_str_eq(fd_path(fs, 4), "/a");
    EQ(vfs_close(fs, 3), 0);
    /* a removed current directory stays one until it is left */
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/a/b"), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/b", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_openat(fs, 4, "new", VFS_O_WRONLY | VFS_O_CREAT, 0644), -ENOENT);
    EQ(vfs_chdirat(fs, 4, 4, "."), 0);
    EQ(vfs_chdirat(fs, 4, VFS_AT_ROOT, "/"), 0); /* the last reference */
    ck_assert_str_eq(fd_path(fs, 4), "/");
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(pipes)
{
    struct vfs *fs = mkfs();
    static char big[VFS_PIPE_CAPACITY + 10];
    char buf[16];
    struct vfs_stat st;
    int p[2];
    EQ(vfs_pipe(fs, p, 0), 0);
    EQ(p[0], 0);
    EQ(p[1], 1);
    EQ(vfs_fstat(fs, p[0], &st), 0);
    EQ(st.mode & VFS_S_IFMT, VFS_S_IFIFO);
    EQ(vfs_read(fs, p[0], buf, 4), -EAGAIN);
    EQ(vfs_poll(fs, p[0], VFS_POLLIN), 0);
    EQ(vfs_poll(fs, p[1], VFS_POLLOUT), VFS_POLLOUT);
    EQ(vfs_write(fs, p[1], "hello", 5), 5);
    EQ(vfs_poll(fs, p[0], VFS_POLLIN), VFS_POLLIN);
    EQ(vfs_read(fs, p[0], buf, 3), 3);
    EQ(vfs_read(fs, p[0], buf, 16), 2);
    EQ(memcmp(buf, "lo", 2), 0);
    EQ(vfs_write(fs, p[0], "x", 1), -EBADF);
    EQ(vfs_read(fs, p[1], buf, 1), -EBADF);
    EQ(vfs_lseek(fs, p[0], 0, VFS_SEEK_SET), -ESPIPE);
    EQ(vfs_pread(fs, p[0], buf, 1, 0), -ESPIPE);
    EQ(vfs_fsync(fs, p[0]), -EINVAL);
    /* fill: takes what fits, then -EAGAIN; small writes are atomic */
    EQ(vfs_write(fs, p[1], big, sizeof big), VFS_PIPE_CAPACITY);
    EQ(vfs_write(fs, p[1], "x", 1), -EAGAIN);
    EQ(vfs_poll(fs, p[1], VFS_POLLOUT), 0);
    EQ(vfs_read(fs, p[0], buf, 10), 10);
    EQ(vfs_write(fs, p[1], big, 11), -EAGAIN);
    EQ(vfs_write(fs, p[1], big, VFS_PIPE_BUF + 1), 10);
    CHECK_FS(fs);
    /* writer gone: data then end of file, POLLHUP */
    EQ(vfs_close(fs, p[1]), 0);
    EQ(vfs_poll(fs, p[0], VFS_POLLIN) & VFS_POLLHUP, VFS_POLLHUP);
    while (vfs_read(fs, p[0], big, sizeof big) > 0)
        ;
    EQ(vfs_read(fs, p[0], buf, 1), 0);
    EQ(vfs_close(fs, p[0]), 0);
    CHECK_FS(fs);
    /* reader gone: -EPIPE, POLLERR */
    EQ(vfs_pipe(fs, p, VFS_O_CLOEXEC | VFS_O_NONBLOCK), 0);
    EQ(vfs_fd_get_cloexec(fs, p[1]), 1);
    EQ(vfs_fd_get_flags(fs, p[1]), VFS_O_WRONLY | VFS_O_NONBLOCK);
    EQ(vfs_close(fs, p[0]), 0);
    EQ(vfs_write(fs, p[1], "x", 1), -EPIPE);
    EQ(vfs_poll(fs, p[1], VFS_POLLOUT), VFS_POLLOUT | VFS_POLLERR);
    EQ(vfs_pipe(fs, p, VFS_O_APPEND), -EINVAL);
    CHECK_FS(fs);
    vfs_destroy(fs); /* with a pipe end open */
}
END_TEST

START_TEST(poll_files)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_RDONLY, 0);
    EQ(vfs_poll(fs, fd, VFS_POLLIN | VFS_POLLOUT), VFS_POLLIN | VFS_POLLOUT);
    EQ(vfs_poll(fs, 99, VFS_POLLIN), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(record_locks)
{
    struct vfs *fs = mkfs();
    struct vfs_lock lk = {VFS_LOCK_WR, VFS_SEEK_SET, 0, 0};
    int rd, wr;
    put_file(fs, "/f", "0123456789");
    rd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    wr = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_WRONLY, 0);
    EQ(vfs_lock_set(fs, wr, &lk), 0);
    EQ(vfs_lock_get(fs, rd, &lk), 0);
    EQ(lk.type, VFS_LOCK_UN);
    lk.type = VFS_LOCK_WR;
    EQ(vfs_lock_set(fs, rd, &lk), -EBADF);
    lk.type = VFS_LOCK_RD;
    EQ(vfs_lock_set(fs, wr, &lk), -EBADF);
    EQ(vfs_lock_set(fs, rd, &lk), 0);
    EQ(vfs_lock_set(fs, 99, &lk), -EBADF);
    EQ(vfs_lock_get(fs, 99, &lk), -EBADF);
    lk.type = 7;
    EQ(vfs_lock_set(fs, rd, &lk), -EINVAL);
    lk.type = VFS_LOCK_UN;
    lk.whence = 9;
    EQ(vfs_lock_set(fs, rd, &lk), -EINVAL);
    lk.whence = VFS_SEEK_SET;
    lk.start = -1;
    EQ(vfs_lock_get(fs, rd, &lk), -EINVAL);
    lk.type = VFS_LOCK_RD;
    lk.whence = VFS_SEEK_END;
    lk.start = -10;
    lk.len = 5;
    EQ(vfs_lock_set(fs, rd, &lk), 0);
    lk.start = 0;
    lk.len = -11;
    EQ(vfs_lock_set(fs, rd, &lk), -EINVAL);
    lk.len = -10;
    EQ(vfs_lock_set(fs, rd, &lk), 0);
    EQ(vfs_close(fs, rd), 0);
    EQ(vfs_close(fs, wr), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(flocks)
{
    struct vfs *fs = mkfs();
    int a, b, a2, p;
    put_file(fs, "/f", "x");
    a = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    b = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    a2 = vfs_dup(fs, a);
    EQ(vfs_flock(fs, a, VFS_FLOCK_SH), 0);
    EQ(vfs_flock(fs, b, VFS_FLOCK_SH), 0);
    EQ(vfs_flock(fs, a, VFS_FLOCK_EX | VFS_FLOCK_NB), -EWOULDBLOCK);
    EQ(vfs_flock(fs, a, VFS_FLOCK_EX), -EDEADLK);
    EQ(vfs_flock(fs, b, VFS_FLOCK_UN), 0);
    EQ(vfs_flock(fs, a, VFS_FLOCK_EX), 0);
    EQ(vfs_flock(fs, a2, VFS_FLOCK_EX), 0); /* same description */
    EQ(vfs_flock(fs, b, VFS_FLOCK_SH | VFS_FLOCK_NB), -EWOULDBLOCK);
    CHECK_FS(fs);
    EQ(vfs_close(fs, a), 0);
    EQ(vfs_flock(fs, b, VFS_FLOCK_SH), -EDEADLK); /* a2 still holds it */
    EQ(vfs_close(fs, a2), 0);
    EQ(vfs_flock(fs, b, VFS_FLOCK_EX), 0);
    EQ(vfs_flock(fs, b, 3), -EINVAL);
    EQ(vfs_flock(fs, b, 0), -EINVAL);
    EQ(vfs_flock(fs, 99, VFS_FLOCK_SH), -EBADF);
    p = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_PATH, 0);
    EQ(vfs_flock(fs, p, VFS_FLOCK_SH), -EBADF);
    EQ(vfs_close(fs, p), 0);
    EQ(vfs_close(fs, b), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("fd");
    TCase *tc = tcase_create("core");
    ADD(tc, dups);
    ADD(tc, chdirat);
    ADD(tc, pipes);
    ADD(tc, poll_files);
    ADD(tc, record_locks);
    ADD(tc, flocks);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
