/* test_data.c - file data: sparse files, truncate, fallocate, appends,
 * block boundaries. */
#include "vfs_test.h"

START_TEST(sparse)
{
    struct vfs *fs = mkfs();
    static char buf[3 * 4096];
    struct vfs_stat st;
    size_t i;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/s", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_pwrite(fs, fd, "end", 3, (int64_t)1 << 30), 3);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.size, ((int64_t)1 << 30) + 3);
    /* one block and the tree's three nodes (of 256 pointers) over it */
    EQ(st.blocks, (4096 + 3 * 256 * sizeof(void *)) / 512);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 4096 * 5), sizeof buf);
    for (i = 0; i < sizeof buf; i++)
        ck_assert_int_eq(buf[i], 0);
    EQ(vfs_pread(fs, fd, buf, 10, ((int64_t)1 << 30) - 2), 5);
    EQ(memcmp(buf, "\0\0end", 5), 0);
    CHECK_FS(fs);
    /* a small file holds little */
    EQ(vfs_ftruncate(fs, fd, 0), 0);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.blocks, 0);
    EQ(vfs_write(fs, fd, "0123456789", 10), 10);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.blocks, 1);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* Linux (tmpfs): ftruncate marks mtime and ctime even to the same size;
 * truncate by path only when the size changes. The clock advances one
 * second per reading, so any update shows. */
START_TEST(truncate_same_size_times)
{
    struct vfs *fs = mkfs();
    struct vfs_stat a, b;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/t", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_fstat(fs, fd, &a), 0);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/t", 0), 0);
    EQ(vfs_fstat(fs, fd, &b), 0);
    EQ(b.mtime.tv_sec, a.mtime.tv_sec);
    EQ(b.ctime.tv_sec, a.ctime.tv_sec);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/t", 10), 0);
    EQ(vfs_fstat(fs, fd, &b), 0);
    ck_assert_int_gt(b.mtime.tv_sec, a.mtime.tv_sec);
    ck_assert_int_gt(b.ctime.tv_sec, a.ctime.tv_sec);
    a = b;
    EQ(vfs_ftruncate(fs, fd, 10), 0);
    EQ(vfs_fstat(fs, fd, &b), 0);
    ck_assert_int_gt(b.mtime.tv_sec, a.mtime.tv_sec);
    ck_assert_int_gt(b.ctime.tv_sec, a.ctime.tv_sec);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(truncate_grow_shrink)
{
    struct vfs *fs = mkfs();
    static char big[20000], buf[20000];
    struct vfs_stat st;
    size_t i;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/t", VFS_O_RDWR | VFS_O_CREAT, 0644);
    memset(big, 'x', sizeof big);
    EQ(vfs_write(fs, fd, big, sizeof big), sizeof big);
    EQ(vfs_fstat(fs, fd, &st), 0);
    ck_assert_int_ge(st.blocks, 40);
    EQ(vfs_ftruncate(fs, fd, 5000), 0);
    CHECK_FS(fs);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.size, 5000);
    /* two blocks and the tree's one node (256 pointers) */
    EQ(st.blocks, (2 * 4096 + 256 * sizeof(void *)) / 512);
    EQ(vfs_ftruncate(fs, fd, 20000), 0);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), 20000);
    for (i = 0; i < 5000; i++)
        ck_assert_int_eq(buf[i], 'x');
    for (; i < 20000; i++)
        ck_assert_int_eq(buf[i], 0);
    /* shrink inside the small first block, then grow */
    EQ(vfs_ftruncate(fs, fd, 0), 0);
    EQ(vfs_pwrite(fs, fd, "abcdefgh", 8, 0), 8);
    EQ(vfs_ftruncate(fs, fd, 3), 0);
    EQ(vfs_ftruncate(fs, fd, 8), 0);
    EQ(vfs_pread(fs, fd, buf, 8, 0), 8);
    EQ(memcmp(buf, "abc\0\0\0\0\0", 8), 0);
    CHECK_FS(fs);
    /* errors */
    EQ(vfs_ftruncate(fs, fd, -1), -EINVAL);
    EQ(vfs_ftruncate(fs, 99, 0), -EBADF);
    EQ(vfs_ftruncate(fs, fd, ((int64_t)1 << 44) + 1), -EFBIG);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/t", -1), -EINVAL);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/", 0), -EISDIR);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/dev/null", 0), -EINVAL);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/missing", 0), -ENOENT);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/t", 2), 0);
    EQ(st_of(fs, "/t", 0).size, 2);
    EQ(vfs_fchmod(fs, fd, 0444), 0);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/t", 0), -EACCES);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/t", VFS_O_RDONLY, 0);
    EQ(vfs_ftruncate(fs, fd, 0), -EINVAL); /* Linux: not open for writing */
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/null", VFS_O_WRONLY, 0);
    EQ(vfs_ftruncate(fs, fd, 0), -EINVAL);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(fallocate)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int fd;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 64 * 1024;
    fs = mkfs_cfg(&cfg);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_fallocate(fs, fd, 0, 10000), 0);
    EQ(st_of(fs, "/f", 0).size, 10000);
    EQ(vfs_fallocate(fs, fd, 0, 100), 0);
    EQ(st_of(fs, "/f", 0).size, 10000);
    EQ(vfs_fallocate(fs, fd, -1, 100), -EINVAL);
    EQ(vfs_fallocate(fs, fd, 0, 0), -EINVAL);
    EQ(vfs_fallocate(fs, fd, 0, 1 << 20), -ENOSPC);
    EQ(vfs_fallocate(fs, fd, (int64_t)1 << 44, 1), -EFBIG);
    EQ(vfs_fallocate(fs, 99, 0, 1), -EBADF);
    EQ(vfs_fsync(fs, fd), 0);
    EQ(vfs_fsync(fs, 99), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    EQ(vfs_fallocate(fs, fd, 0, 1), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dev/null", VFS_O_WRONLY, 0);
    EQ(vfs_fallocate(fs, fd, 0, 1), -ENODEV);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(appends)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    static char buf[1000000];
    int i, fd = vfs_openat(fs, VFS_AT_ROOT, "/log",
                           VFS_O_WRONLY | VFS_O_CREAT | VFS_O_APPEND, 0644);
    for (i = 0; i < 100000; i++)
        ck_assert_int_eq(vfs_write(fs, fd, "0123456789", 10), 10);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.size, 1000000);
    /* memory held stays close to the data size */
    ck_assert_int_lt(st.blocks * 512, 1000000 + 4096 + 8 * 512);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/log", VFS_O_RDONLY, 0);
    EQ(vfs_read(fs, fd, buf, sizeof buf), sizeof buf);
    for (i = 0; i < 1000000; i++)
        if (buf[i] != '0' + i % 10)
            ck_abort_msg("bad byte at %d", i);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(block_boundaries)
{
    struct vfs *fs = mkfs();
    static unsigned char in[3 * 4096 + 77], out[sizeof in];
    size_t i;
    int64_t off;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/b", VFS_O_RDWR | VFS_O_CREAT, 0644);
    for (i = 0; i < sizeof in; i++)
        in[i] = (unsigned char)(i * 7 + 1);
    for (off = 0; off < 9000; off += 1111) {
        EQ(vfs_pwrite(fs, fd, in, sizeof in, off), sizeof in);
        memset(out, 0xee, sizeof out);
        EQ(vfs_pread(fs, fd, out, sizeof out, off), sizeof out);
        EQ(memcmp(in, out, sizeof in), 0);
        CHECK_FS(fs);
    }
    /* first block grows in place from small to full */
    EQ(vfs_ftruncate(fs, fd, 0), 0);
    for (i = 0; i < 5000; i++)
        ck_assert_int_eq(vfs_write(fs, fd, &in[i], 1), 1);
    EQ(vfs_pread(fs, fd, out, 5000, 0), 5000);
    EQ(memcmp(in, out, 5000), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(efbig)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_pwrite(fs, fd, "x", 1, (int64_t)1 << 44), -EFBIG);
    EQ(vfs_lseek(fs, fd, (int64_t)1 << 50, VFS_SEEK_SET), (int64_t)1 << 50);
    EQ(vfs_write(fs, fd, "x", 1), -EFBIG);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("data");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, sparse);
    ADD(tc, truncate_same_size_times);
    ADD(tc, truncate_grow_shrink);
    ADD(tc, fallocate);
    ADD(tc, appends);
    ADD(tc, block_boundaries);
    ADD(tc, efbig);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
