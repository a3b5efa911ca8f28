/* test_exhaust.c - running out: bytes, descriptors, directory size, path
 * length, file size. Linked without VFS_DEBUG (a full check on every call
 * would make 100,000 entries quadratic); vfs_check runs at checkpoints. */
#include "vfs_test.h"

#define FILE_MAX ((int64_t)1 << 44) /* VFS__FILE_MAX */
#define MANY 100000

START_TEST(bytes_fill_short_write_then_recover)
{
    struct vfs_config cfg;
    struct vfs_statvfs sv0, sv;
    static char chunk[40000], back[40000];
    struct vfs *fs;
    int64_t total = 0;
    char path[32];
    ssize_t n;
    int fd, i, shorts = 0, links;

    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 256 * 1024;
    fs = mkfs_cfg(&cfg);
    EQ(vfs_statvfs(fs, &sv0), 0);
    for (i = 0; i < (int)sizeof chunk; i++)
        chunk[i] = (char)(i * 7 + 3);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/big", VFS_O_RDWR | VFS_O_CREAT, 0644);
    ck_assert_int_ge(fd, 0);
    for (;;) {
        n = vfs_write(fs, fd, chunk, sizeof chunk);
        if (n == -ENOSPC)
            break;
        ck_assert_int_gt(n, 0);
        if (n < (ssize_t)sizeof chunk)
            shorts++; /* the write that fills up is short, not an error */
        total += n;
    }
    EQ(shorts, 1);
    EQ(st_of(fs, "/big", 0).size, total);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), total);
    CHECK_FS(fs);
    /* no room for another block: the failed write changes nothing */
    EQ(vfs_pwrite(fs, fd, chunk, 5000, total + 10000), -ENOSPC);
    EQ(st_of(fs, "/big", 0).size, total);
    /* what is left below a block goes to symlinks, down to the last byte */
    for (links = 0;; links++) {
        int r;
        snprintf(path, sizeof path, "/s%d", links);
        r = vfs_symlinkat(fs, "some/target/text", VFS_AT_ROOT, path);
        if (r == -ENOSPC)
            break;
        EQ(r, 0);
    }
    ck_assert_int_lt(links, 4096 / 16);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &(struct vfs_stat){0},
                   VFS_AT_SYMLINK_NOFOLLOW), -ENOENT);
    CHECK_FS(fs);
    /* what was written reads back */
    EQ(vfs_pread(fs, fd, back, sizeof back, 0), sizeof back);
    EQ(memcmp(back, chunk, sizeof back), 0);
    /* freeing gives every byte back and the filesystem is usable */
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/big", 0), 0);
    while (links--) {
        snprintf(path, sizeof path, "/s%d", links);
        EQ(vfs_unlinkat(fs, VFS_AT_ROOT, path, 0), 0);
    }
    CHECK_FS(fs);
    EQ(vfs_statvfs(fs, &sv), 0);
    EQ(sv.bfree, sv0.bfree);
    EQ(sv.ffree, sv0.ffree);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/again", VFS_O_RDWR | VFS_O_CREAT, 0644);
    for (i = 0; i < 5; i++)
        EQ(vfs_write(fs, fd, chunk, sizeof chunk), sizeof chunk);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_symlinkat(fs, "some/target/text", VFS_AT_ROOT, "/s0"), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(descriptors_run_out)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int i, p[2];
    memset(&cfg, 0, sizeof cfg);
    cfg.max_open_files = 8;
    fs = mkfs_cfg(&cfg);
    put_file(fs, "/f", "x");
    for (i = 0; i < 7; i++)
        EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), i);
    /* one slot left: a pipe needs two and takes none */
    EQ(vfs_pipe(fs, p, 0), -EMFILE);
    EQ(vfs_dup(fs, 0), 7);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), -EMFILE);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/n", VFS_O_RDWR | VFS_O_CREAT, 0644),
       -EMFILE);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/n", &(struct vfs_stat){0}, 0), -ENOENT);
    EQ(vfs_dup(fs, 3), -EMFILE);
    EQ(vfs_dupfd(fs, 3, 0, 0), -EMFILE);
    EQ(vfs_dup2(fs, 3, 8), -EBADF);
    EQ(vfs_dup2(fs, 3, 7), 7); /* replacing needs no new slot */
    CHECK_FS(fs);
    for (i = 0; i < 8; i++)
        EQ(vfs_close(fs, i), 0);
    EQ(vfs_pipe(fs, p, 0), 0);
    EQ(p[0], 0);
    EQ(p[1], 1);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static int count_entries(void *ctx, const struct vfs_dirent *e)
{
    unsigned char *seen = ctx;
    char name[16];
    long k;
    if (e->namelen <= 2 && e->name[0] == '.')
        return 0;
    ck_assert_int_lt(e->namelen, sizeof name);
    memcpy(name, e->name, e->namelen);
    name[e->namelen] = 0;
    k = strtol(name + 1, NULL, 10);
    ck_assert_int_ge(k, 0);
    ck_assert_int_lt(k, MANY);
    seen[k]++;
    return 0;
}

START_TEST(hundred_thousand_entries)
{
    struct vfs *fs = mkfs();
    struct vfs_statvfs sv0, sv;
    unsigned char *seen = calloc(MANY, 1);
    char path[32];
    int i, fd;

    EQ(vfs_statvfs(fs, &sv0), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    for (i = 0; i < MANY; i++) {
        snprintf(path, sizeof path, "f%d", i);
        EQ(vfs_close(fs, vfs_openat(fs, fd, path,
                                    VFS_O_WRONLY | VFS_O_CREAT | VFS_O_EXCL,
                                    0644)), 0);
    }
    CHECK_FS(fs);
    for (i = 0; i < MANY; i++) {
        snprintf(path, sizeof path, "/d/f%d", i);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &(struct vfs_stat){0}, 0), 0);
    }
    EQ(vfs_fstatat(fs, fd, "f100000", &(struct vfs_stat){0}, 0), -ENOENT);
    EQ(vfs_readdir(fs, fd, 0, count_entries, seen), 0);
    for (i = 0; i < MANY; i++)
        ck_assert_msg(seen[i] == 1, "f%d listed %d times", i, seen[i]);
    for (i = 0; i < MANY; i++) {
        snprintf(path, sizeof path, "f%d", i);
        EQ(vfs_unlinkat(fs, fd, path, 0), 0);
    }
    CHECK_FS(fs);
    memset(seen, 0, MANY);
    EQ(vfs_readdir(fs, fd, 0, count_entries, seen), 0);
    for (i = 0; i < MANY; i++)
        EQ(seen[i], 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/d", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_statvfs(fs, &sv), 0);
    EQ(sv.bfree, sv0.bfree);
    EQ(sv.ffree, sv0.ffree);
    CHECK_FS(fs);
    free(seen);
    vfs_destroy(fs);
}
END_TEST

START_TEST(nesting_to_path_max)
{
    struct vfs *fs = mkfs();
    static char path[VFS_PATH_MAX + 8], buf[VFS_PATH_MAX];
    size_t len = 0;
    int depth = 0, fd, deep;

    /* "/d" repeated: the longest such path below VFS_PATH_MAX */
    while (len + 2 <= VFS_PATH_MAX - 1) {
        memcpy(path + len, "/d", 3);
        len += 2;
        EQ(vfs_mkdirat(fs, VFS_AT_ROOT, path, 0755), 0);
        depth++;
    }
    EQ(len, VFS_PATH_MAX - 2);
    memcpy(path + len, "/e", 3); /* 4096 bytes and the NUL: too long */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, path, 0755), -ENAMETOOLONG);
    path[len + 1] = 0;           /* 4095 bytes and the NUL: fine */
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &(struct vfs_stat){0}, 0), 0);
    path[len] = 0;
    EQ(vfs_realpath(fs, VFS_AT_ROOT, path, buf, sizeof buf), (int)len);
    EQ(memcmp(buf, path, len), 0);
    /* deeper through a descriptor: no limit on depth, only on path text */
    deep = vfs_openat(fs, VFS_AT_ROOT, path, VFS_O_PATH | VFS_O_DIRECTORY, 0);
    ck_assert_int_ge(deep, 0);
    EQ(vfs_mkdirat(fs, deep, "more", 0755), 0);
    fd = vfs_openat(fs, deep, "more", VFS_O_PATH | VFS_O_DIRECTORY, 0);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), -ERANGE);
    EQ(vfs_realpath(fs, deep, "more", buf, sizeof buf), -ERANGE);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_unlinkat(fs, deep, "more", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_close(fs, deep), 0);
    CHECK_FS(fs);
    /* and all the way back */
    for (; depth; depth--) {
        path[len] = 0;
        EQ(vfs_unlinkat(fs, VFS_AT_ROOT, path, VFS_AT_REMOVEDIR), 0);
        len -= 2;
    }
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d", &(struct vfs_stat){0}, 0), -ENOENT);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(file_at_size_limit)
{
    struct vfs_config cfg;
    struct vfs *fs;
    char buf[8];
    int fd;

    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = UINT64_MAX; /* only the size limit and memory bound */
    fs = mkfs_cfg(&cfg);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(vfs_ftruncate(fs, fd, FILE_MAX), 0);
    EQ(st_of(fs, "/f", 0).size, FILE_MAX);
    EQ(vfs_ftruncate(fs, fd, FILE_MAX + 1), -EFBIG);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/f", FILE_MAX + 1), -EFBIG);
    EQ(vfs_pwrite(fs, fd, "x", 1, FILE_MAX), -EFBIG);
    EQ(vfs_lseek(fs, fd, FILE_MAX, VFS_SEEK_SET), FILE_MAX);
    EQ(vfs_write(fs, fd, "x", 1), -EFBIG);
    EQ(vfs_fallocate(fs, fd, FILE_MAX, 1), -EFBIG);
    EQ(vfs_pread(fs, fd, buf, 8, FILE_MAX - 3), 3); /* a hole */
    EQ(memcmp(buf, "\0\0\0", 3), 0);
    /* the last byte a file can have costs one block and the nodes over
     * it: three roots over block 0, three nodes under the top one */
    EQ(vfs_pwrite(fs, fd, "x", 1, FILE_MAX - 1), 1);
    EQ(st_of(fs, "/f", 0).blocks * 512,
       512 + 4096 + 7 * 256 * (int64_t)sizeof(void *)); /* 16 bytes: 512 */
    EQ(vfs_pread(fs, fd, buf, 8, FILE_MAX - 2), 2);
    EQ(memcmp(buf, "\0x", 2), 0);
    EQ(vfs_pread(fs, fd, buf, 3, 0), 3);
    EQ(memcmp(buf, "abc", 3), 0);
    CHECK_FS(fs);
    /* shrinking to just below the limit keeps the data at the start and
     * the last block, its tail zeroed; below that block, it goes, and
     * block 0 is alone again */
    EQ(vfs_ftruncate(fs, fd, FILE_MAX - 1), 0);
    EQ(st_of(fs, "/f", 0).blocks * 512,
       512 + 4096 + 7 * 256 * (int64_t)sizeof(void *));
    EQ(vfs_ftruncate(fs, fd, FILE_MAX), 0);
    EQ(vfs_pread(fs, fd, buf, 8, FILE_MAX - 2), 2);
    EQ(memcmp(buf, "\0\0", 2), 0);
    EQ(vfs_ftruncate(fs, fd, FILE_MAX - 4096), 0);
    EQ(st_of(fs, "/f", 0).blocks, 1);
    EQ(vfs_pread(fs, fd, buf, 3, 0), 3);
    EQ(memcmp(buf, "abc", 3), 0);
    EQ(vfs_ftruncate(fs, fd, 2), 0);
    EQ(vfs_pread(fs, fd, buf, 8, 0), 2);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("exhaust");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, bytes_fill_short_write_then_recover);
    ADD(tc, descriptors_run_out);
    ADD(tc, hundred_thousand_entries);
    ADD(tc, nesting_to_path_max);
    ADD(tc, file_at_size_limit);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
