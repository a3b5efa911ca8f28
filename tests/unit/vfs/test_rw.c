/* test_rw.c - read/write family, lseek, devices. */
#include "vfs_test.h"

START_TEST(rw_basic)
{
    struct vfs *fs = mkfs();
    char buf[32] = {0}, a[4], b[4];
    struct vfs_iovec iov[2];
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_write(fs, fd, "0123456789", 10), 10);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 10);
    EQ(vfs_read(fs, fd, buf, 5), 0);
    EQ(vfs_lseek(fs, fd, 2, VFS_SEEK_SET), 2);
    EQ(vfs_read(fs, fd, buf, 3), 3);
    EQ(memcmp(buf, "234", 3), 0);
    EQ(vfs_lseek(fs, fd, -1, VFS_SEEK_END), 9);
    EQ(vfs_read(fs, fd, buf, 10), 1);
    EQ(buf[0], '9');
    /* vectors */
    iov[0].base = a; iov[0].len = 4;
    iov[1].base = b; iov[1].len = 4;
    EQ(vfs_preadv(fs, fd, iov, 2, 1), 8);
    EQ(memcmp(a, "1234", 4), 0);
    EQ(memcmp(b, "5678", 4), 0);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_SET), 0);
    EQ(vfs_readv(fs, fd, iov, 2), 8);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 8);
    iov[0].base = "AB"; iov[0].len = 2;
    iov[1].base = "CD"; iov[1].len = 2;
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_SET), 0);
    EQ(vfs_writev(fs, fd, iov, 2), 4);
    EQ(vfs_pwritev(fs, fd, iov, 2, 8), 4);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 4);
    EQ(vfs_pread(fs, fd, buf, 32, 0), 12);
    EQ(memcmp(buf, "ABCD4567ABCD", 12), 0);
    EQ(vfs_pwrite(fs, fd, "z", 1, 0), 1);
    EQ(vfs_readv(fs, fd, iov, 0), 0);
    /* errors */
    EQ(vfs_readv(fs, fd, iov, -1), -EINVAL);
    EQ(vfs_writev(fs, fd, iov, 1025), -EINVAL);
    EQ(vfs_pread(fs, fd, buf, 1, -1), -EINVAL);
    EQ(vfs_pwrite(fs, fd, buf, 1, -1), -EINVAL);
    EQ(vfs_lseek(fs, fd, 0, 7), -EINVAL);
    EQ(vfs_lseek(fs, fd, -100, VFS_SEEK_END), -EINVAL);
    EQ(vfs_lseek(fs, 99, 0, VFS_SEEK_SET), -EBADF);
    EQ(vfs_read(fs, 99, buf, 1), -EBADF);
    EQ(vfs_write(fs, 99, buf, 1), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    EQ(vfs_write(fs, fd, "x", 1), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_WRONLY, 0);
    EQ(vfs_read(fs, fd, buf, 1), -EBADF);
    /* pwrite on an O_APPEND descriptor appends */
    EQ(vfs_fd_set_flags(fs, fd, VFS_O_APPEND), 0);
    EQ(vfs_fd_get_flags(fs, fd), VFS_O_WRONLY | VFS_O_APPEND);
    EQ(vfs_pwrite(fs, fd, "E", 1, 0), 1);
    EQ(st_of(fs, "/f", 0).size, 13);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_RDONLY, 0);
    EQ(vfs_read(fs, fd, buf, 1), -EISDIR);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(times)
{
    struct vfs *fs = mkfs();
    struct vfs_stat s0, s1;
    char c;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_fstat(fs, fd, &s0), 0);
    EQ(s0.mtime.tv_sec, s0.ctime.tv_sec);
    ck_assert_int_gt(s0.mtime.tv_sec, 0);
    EQ(vfs_write(fs, fd, "x", 1), 1);
    EQ(vfs_fstat(fs, fd, &s1), 0);
    ck_assert_int_gt(s1.mtime.tv_sec, s0.mtime.tv_sec);
    ck_assert_int_gt(s1.ctime.tv_sec, s0.ctime.tv_sec);
    EQ(s1.atime.tv_sec, s0.atime.tv_sec);
    EQ(vfs_pread(fs, fd, &c, 1, 0), 1);
    EQ(vfs_fstat(fs, fd, &s0), 0);
    ck_assert_int_gt(s0.atime.tv_sec, s1.atime.tv_sec);
    EQ(s0.mtime.tv_sec, s1.mtime.tv_sec);
    EQ(vfs_write(fs, fd, "", 0), 0); /* no change for empty writes */
    EQ(vfs_fstat(fs, fd, &s1), 0);
    EQ(s1.mtime.tv_sec, s0.mtime.tv_sec);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

static int no_emit(void *ctx, const struct vfs_dirent *ent)
{
    (void)ctx;
    (void)ent;
    return 0;
}

/* Reads and writes mark times for update (vfs.h): they read no clock, and
 * the marks take the next reading that any other timestamp, a stat of the
 * file, a fifth marked file or vfs_sync_times makes. The test clock
 * advances a second per reading, so test_time counts the readings. */
START_TEST(times_marked)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    struct timespec ts[2];
    char c, name[8], buf[8];
    int64_t t0;
    int fd, f[5], i;

    fd = vfs_openat(fs, VFS_AT_ROOT, "/a", VFS_O_RDWR | VFS_O_CREAT, 0644);
    t0 = test_time;
    for (i = 0; i < 100; i++)
        EQ(vfs_write(fs, fd, "x", 1), 1);
    EQ(vfs_pread(fs, fd, &c, 1, 0), 1);
    EQ(test_time, t0); /* no reading */
    EQ(vfs_fstat(fs, fd, &st), 0); /* one reading, for all of them */
    EQ(test_time, t0 + 1000000000);
    EQ((int64_t)st.mtime.tv_sec * 1000000000, test_time);
    EQ(st.ctime.tv_sec, st.mtime.tv_sec);
    EQ(st.atime.tv_sec, st.mtime.tv_sec);
    EQ(vfs_fstat(fs, fd, &st), 0); /* stamped: no second reading */
    EQ(test_time, t0 + 1000000000);

    /* another timestamp takes the same reading: the write is not later */
    EQ(vfs_write(fs, fd, "y", 1), 1);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(test_time, t0 + 2000000000);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st_of(fs, "/d", 0).ctime.tv_sec, st.mtime.tv_sec);
    EQ(st.mtime.tv_sec, st.ctime.tv_sec);
    EQ(test_time, t0 + 2000000000);

    /* vfs_sync_times stamps now; with nothing marked it reads no clock */
    EQ(vfs_write(fs, fd, "z", 1), 1);
    vfs_sync_times(fs);
    EQ(test_time, t0 + 3000000000);
    vfs_sync_times(fs);
    EQ(test_time, t0 + 3000000000);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ((int64_t)st.mtime.tv_sec * 1000000000, test_time);

    /* an explicit time set after a write wins over the write's mark */
    EQ(vfs_write(fs, fd, "w", 1), 1);
    EQ(vfs_pread(fs, fd, &c, 1, 0), 1);
    ts[0].tv_sec = 0;
    ts[0].tv_nsec = VFS_UTIME_OMIT;
    ts[1].tv_sec = 7;
    ts[1].tv_nsec = 0;
    EQ(vfs_futimens(fs, fd, ts), 0);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.mtime.tv_sec, 7);
    EQ((int64_t)st.atime.tv_sec * 1000000000, test_time); /* the read's */
    EQ((int64_t)st.ctime.tv_sec * 1000000000, test_time);

    /* five files: the fifth stamps the four before it, with one reading */
    for (i = 0; i < 5; i++) {
        snprintf(name, sizeof name, "/f%d", i);
        f[i] = vfs_openat(fs, VFS_AT_ROOT, name, VFS_O_RDWR | VFS_O_CREAT,
                          0644);
        ck_assert_int_ge(f[i], 0);
    }
    t0 = test_time;
    for (i = 0; i < 4; i++)
        EQ(vfs_write(fs, f[i], "x", 1), 1);
    EQ(test_time, t0);
    EQ(vfs_write(fs, f[4], "x", 1), 1);
    EQ(test_time, t0 + 1000000000);
    for (i = 0; i < 4; i++) {
        EQ(vfs_fstat(fs, f[i], &st), 0);
        EQ((int64_t)st.mtime.tv_sec * 1000000000, t0 + 1000000000);
    }
    EQ(test_time, t0 + 1000000000);
    EQ(vfs_fstat(fs, f[4], &st), 0);
    EQ((int64_t)st.mtime.tv_sec * 1000000000, t0 + 2000000000);
    CHECK_FS(fs);

    /* a file freed with marks stamps them first (ASan: nothing touches it
     * after) */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/f0", 0), 0);
    EQ(vfs_write(fs, f[0], "x", 1), 1);
    EQ(vfs_write(fs, f[1], "x", 1), 1);
    t0 = test_time;
    EQ(vfs_close(fs, f[0]), 0);
    EQ(test_time, t0 + 1000000000);
    CHECK_FS(fs);
    vfs_sync_times(fs);
    EQ(test_time, t0 + 1000000000);
    EQ(vfs_fstat(fs, f[1], &st), 0);
    EQ((int64_t)st.mtime.tv_sec * 1000000000, t0 + 1000000000);

    /* readdir and readlink mark atime */
    EQ(vfs_symlinkat(fs, "a", VFS_AT_ROOT, "/l"), 0);
    t0 = test_time;
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/l", buf, sizeof buf), 1);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY, 0);
    EQ(vfs_readdir(fs, fd, 0, no_emit, NULL), 0);
    EQ(test_time, t0);
    EQ((int64_t)st_of(fs, "/l", VFS_AT_SYMLINK_NOFOLLOW).atime.tv_sec *
           1000000000,
       t0 + 1000000000);
    EQ((int64_t)st_of(fs, "/d", 0).atime.tv_sec * 1000000000,
       t0 + 1000000000);
    for (i = 1; i < 5; i++)
        EQ(vfs_close(fs, f[i]), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static ssize_t dev_read(void *ctx, void *buf, size_t len)
{
    int *state = ctx;
    if (*state == 0)
        return -EAGAIN;
    memset(buf, 'r', len);
    return (ssize_t)len;
}

static ssize_t dev_write(void *ctx, const void *buf, size_t len)
{
    (void)buf;
    *(int *)ctx += (int)len;
    return len > 2 ? 2 : (ssize_t)len;
}

static int dev_poll(void *ctx, int events)
{
    return *(int *)ctx ? events : -EIO;
}

START_TEST(devices)
{
    struct vfs *fs = mkfs();
    static const struct vfs_device_ops ops = {dev_read, dev_write, dev_poll};
    static const struct vfs_device_ops none = {NULL, NULL, NULL};
    const struct vfs_device_ops *got;
    void *ctx;
    int state = 0, fd;
    char buf[8] = "abcdefg";
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/zero", VFS_O_RDWR, 0);
    EQ(vfs_read(fs, fd, buf, 8), 8);
    EQ(buf[3], 0);
    EQ(vfs_write(fs, fd, "x", 1), 1);
    EQ(vfs_lseek(fs, fd, 100, VFS_SEEK_SET), 0);
    EQ(vfs_pread(fs, fd, buf, 1, 0), -ESPIPE);
    EQ(vfs_pwrite(fs, fd, buf, 1, 0), -ESPIPE);
    EQ(vfs_fd_device(fs, fd, &got, &ctx), -ENODEV);
    EQ(vfs_fsync(fs, fd), -EINVAL);
    EQ(vfs_poll(fs, fd, VFS_POLLIN), VFS_POLLIN);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/null", VFS_O_RDWR, 0);
    EQ(vfs_read(fs, fd, buf, 8), 0);
    EQ(vfs_write(fs, fd, "x", 1), 1);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/mine", 0666, &ops, &state), 0);
    EQ(st_of(fs, "/dev/mine", 0).mode, VFS_S_IFCHR | 0644);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/mine", 0666, &ops, &state), -EEXIST);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/nope/mine", 0666, &ops, &state), -ENOENT);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/null/x", 0666, &ops, &state), -ENOTDIR);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/new/", 0666, &ops, &state), -ENOENT);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/none", 0666, &none, NULL), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/mine", VFS_O_RDWR | VFS_O_NONBLOCK, 0);
    EQ(vfs_fd_device(fs, fd, &got, &ctx), 0);
    ck_assert_ptr_eq(got, &ops);
    ck_assert_ptr_eq(ctx, &state);
    EQ(vfs_fd_device(fs, 77, &got, &ctx), -EBADF);
    EQ(vfs_poll(fs, fd, VFS_POLLIN), -EIO);
    EQ(vfs_read(fs, fd, buf, 4), -EAGAIN);
    EQ(vfs_write(fs, fd, "abcd", 4), 2);
    EQ(state, 4);
    EQ(vfs_read(fs, fd, buf, 4), 4);
    EQ(buf[0], 'r');
    EQ(vfs_poll(fs, fd, VFS_POLLOUT), VFS_POLLOUT);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/none", VFS_O_RDWR, 0);
    EQ(vfs_read(fs, fd, buf, 4), 0);
    EQ(vfs_write(fs, fd, "abcd", 4), 4);
    EQ(vfs_poll(fs, fd, VFS_POLLIN | VFS_POLLOUT), VFS_POLLIN | VFS_POLLOUT);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* SEEK_DATA / SEEK_HOLE: whole 4 KiB blocks; the end is a hole; ENXIO at
 * or past the end and when no data follows; EINVAL on a directory. */
START_TEST(seek_holes)
{
    struct vfs *fs = mkfs();
    int64_t tib = (int64_t)1 << 40;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_pwrite(fs, fd, "a", 1, 10), 1);        /* block 0 */
    EQ(vfs_pwrite(fs, fd, "b", 1, 3 * 4096 + 5), 1); /* block 3 */
    EQ(vfs_pwrite(fs, fd, "z", 1, tib - 1), 1);     /* the last block */
    EQ(vfs_lseek_holes(fs, fd, 0, VFS_SEEK_DATA), 0);
    EQ(vfs_lseek_holes(fs, fd, 7, VFS_SEEK_DATA), 7);
    EQ(vfs_lseek_holes(fs, fd, 0, VFS_SEEK_HOLE), 4096);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 4096); /* it moves the offset */
    EQ(vfs_lseek_holes(fs, fd, 4096, VFS_SEEK_DATA), 3 * 4096);
    EQ(vfs_lseek_holes(fs, fd, 3 * 4096 + 9, VFS_SEEK_HOLE), 4 * 4096);
    EQ(vfs_lseek_holes(fs, fd, 4 * 4096, VFS_SEEK_DATA), tib - 4096);
    EQ(vfs_lseek_holes(fs, fd, tib - 4096, VFS_SEEK_HOLE), tib);
    EQ(vfs_lseek_holes(fs, fd, tib, VFS_SEEK_DATA), -ENXIO);
    EQ(vfs_lseek_holes(fs, fd, tib, VFS_SEEK_HOLE), -ENXIO);
    EQ(vfs_lseek_holes(fs, fd, -1, VFS_SEEK_DATA), -ENXIO);
    EQ(vfs_ftruncate(fs, fd, tib + 3 * 4096), 0);
    EQ(vfs_lseek_holes(fs, fd, tib, VFS_SEEK_DATA), -ENXIO); /* a hole to the end */
    EQ(vfs_lseek_holes(fs, fd, tib + 1, VFS_SEEK_HOLE), tib + 1);
    EQ(vfs_lseek_holes(fs, fd, 0, VFS_SEEK_END), -EINVAL);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_RDONLY, 0);
    EQ(vfs_lseek_holes(fs, fd, 0, VFS_SEEK_DATA), -EINVAL);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rw");
    TCase *tc = tcase_create("core");
    ADD(tc, rw_basic);
    ADD(tc, times);
    ADD(tc, times_marked);
    ADD(tc, devices);
    ADD(tc, seek_holes);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
