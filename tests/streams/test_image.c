/* test_image.c - file images as wasi-vfs-pack writes them (--image),
 * mounted natively (libc-overlay/src/transfer/image.c over the vfs core's lazy
 * directories and borrowed files): the tree and its metadata come through,
 * nothing is read before it is needed, writes never touch the image, and a
 * damaged image is refused or fails the lookup that meets the damage. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "streams_test.h"

static void sh(const char *cmd)
{
    ck_assert_msg(system(cmd) == 0, "failed: %s", cmd);
}

/* The image of host directory WORK/tree at guest /data, in memory. */
static unsigned char *image(size_t *len)
{
    char cmd[1024];
    FILE *f;
    unsigned char *p;
    long n;
    snprintf(cmd, sizeof cmd, "%s %s --image %s/tree.img %s/tree:/data", NODE,
             PACK, WORK, WORK);
    sh(cmd);
    snprintf(cmd, sizeof cmd, "%s/tree.img", WORK);
    f = fopen(cmd, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    p = malloc((size_t)n);
    ck_assert_int_eq(fread(p, 1, (size_t)n, f), n);
    fclose(f);
    *len = (size_t)n;
    return p;
}

/* Makes WORK/tree: modes, nanosecond mtimes, symlinks, empty directories,
 * a hard link, a file of several blocks, a long name. */
static void make_host_tree(void)
{
    char p[1024], name[300];
    struct timespec ts[2];
    FILE *f;
    int i;

    snprintf(p, sizeof p, "rm -rf %s && mkdir -p %s/tree/sub/empty %s/tree/d",
             WORK, WORK, WORK);
    sh(p);
#define AT(x) (snprintf(p, sizeof p, "%s/tree/%s", WORK, x), p)
    f = fopen(AT("a.txt"), "w");
    fputs("hello\n", f);
    fclose(f);
    chmod(p, 0640);
    ts[0].tv_sec = ts[1].tv_sec = 981173106;
    ts[0].tv_nsec = ts[1].tv_nsec = 123456789;
    utimensat(AT_FDCWD, p, ts, 0);
    f = fopen(AT("sub/blocks.bin"), "w");
    for (i = 0; i < 20000; i++)
        fprintf(f, "%d,", i);
    fclose(f);
    snprintf(name, sizeof name, "%s/tree/sub/hard", WORK);
    ck_assert_int_eq(link(AT("sub/blocks.bin"), name), 0);
    ck_assert_int_eq(symlink("sub/blocks.bin", AT("link")), 0);
    ck_assert_int_eq(symlink("/outside/absolute", AT("abs")), 0);
    chmod(AT("d"), 0711);
    memset(name, 'n', 200);
    name[200] = 0;
    f = fopen(AT(name), "w");
    fputs("long", f);
    fclose(f);
#undef AT
}

START_TEST(tree_and_metadata)
{
    struct vfs *fs = mkfs();
    size_t len;
    unsigned char *img;
    char why[100], *got;
    struct vfs_stat st;
    char blocks[200000];
    int fd;
    ssize_t n;

    make_host_tree();
    img = image(&len);
    EQ(__wasi_vfs_image_mount(fs, img, why, sizeof why), 0);
    got = listing(fs, "/data", 1, 0);
    {
        char bigname[300];
        memset(bigname, 'n', 200);
        bigname[200] = 0;
        ck_assert_msg(strstr(got, "a.txt 100640 6 t981173106.123456789 "
                                  "\"hello\\x0a\"\n") == got,
                      "%s", got);
        ck_assert_msg(strstr(got, "\nabs 120777 17 "), "%s", got);
        ck_assert_msg(strstr(got, " -> /outside/absolute\n"), "%s", got);
        ck_assert_msg(strstr(got, "\nd 40711 0\n"), "%s", got);
        ck_assert_msg(strstr(got, " -> sub/blocks.bin\n"), "%s", got);
        ck_assert_msg(strstr(got, "\nsub 40755 0\n"), "%s", got);
        ck_assert_msg(strstr(got, "\nsub/empty 40755 0\n"), "%s", got);
        ck_assert_msg(strstr(got, bigname), "%s", got);
    }
    free(got);
    /* the two hard links read the same bytes, borrowed: nothing held */
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/data/sub/hard", &st, 0), 0);
    EQ(st.blocks, 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/data/sub/blocks.bin", VFS_O_RDONLY, 0);
    n = vfs_read(fs, fd, blocks, sizeof blocks);
    ck_assert_int_gt(n, 100000);
    EQ(vfs_close(fs, fd), 0);
    EQ(memcmp(blocks, "0,1,2,3,", 8), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
    free(img);
}
END_TEST

START_TEST(writes_leave_the_image_alone)
{
    struct vfs *fs = mkfs();
    size_t len;
    unsigned char *img, *copy;
    char why[100], buf[32];
    int fd;

    make_host_tree();
    img = image(&len);
    copy = malloc(len);
    memcpy(copy, img, len);
    EQ(__wasi_vfs_image_mount(fs, img, why, sizeof why), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/data/sub/blocks.bin", VFS_O_RDWR, 0);
    EQ(vfs_pwrite(fs, fd, "XY", 2, 9000), 2);
    EQ(vfs_pread(fs, fd, buf, 4, 8999), 4);
    ck_assert_int_eq(buf[1], 'X');
    EQ(vfs_ftruncate(fs, fd, 10), 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/data/a.txt", 0), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/data/sub", VFS_AT_ROOT, "/moved"), 0);
    /* the hard link made in the image is a file of its own here */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/moved/hard", VFS_O_RDONLY, 0);
    EQ(vfs_read(fs, fd, buf, 8), 8);
    EQ(memcmp(buf, "0,1,2,3,", 8), 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(memcmp(copy, img, len), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
    free(img);
    free(copy);
}
END_TEST

START_TEST(damage)
{
    struct vfs *fs = mkfs();
    size_t len;
    unsigned char *img;
    char why[100];
    uint32_t root;

    make_host_tree();
    img = image(&len);
    img[0] = 'X';
    EQ(__wasi_vfs_image_mount(fs, img, why, sizeof why), -EINVAL);
    ck_assert_str_eq(why, "not a version 1 file image (bad magic)");
    img[0] = 'W';
    /* a root table that lies outside the image: the first lookup fails */
    memcpy(&root, img + 12, 4);
    memcpy(img + 12, "\xf0\xff\xff\x0f", 4);
    EQ(__wasi_vfs_image_mount(fs, img, why, sizeof why), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/data", &(struct vfs_stat){0}, 0),
       -EIO);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp", &(struct vfs_stat){0}, 0), -EIO);
    CHECK_FS(fs);
    vfs_destroy(fs);
    /* an entry whose name runs past the end */
    fs = mkfs();
    memcpy(img + 12, &root, 4);
    memcpy(img + root + 8 + 4, "\xff\xff\x00\x00", 4);
    EQ(__wasi_vfs_image_mount(fs, img, why, sizeof why), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/data", &(struct vfs_stat){0}, 0),
       -EIO);
    CHECK_FS(fs);
    vfs_destroy(fs);
    free(img);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("image");
    TCase *tc = tcase_create("image");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, tree_and_metadata);
    tcase_add_test(tc, writes_leave_the_image_alone);
    tcase_add_test(tc, damage);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
