/* test_linkmax.c - -EMLINK, with the link ceiling compiled down to 5. */
#include "vfs_test.h"

START_TEST(emlink)
{
    struct vfs *fs = mkfs();
    char p[16];
    int i;
    put_file(fs, "/f", "x");
    for (i = 2; i <= 5; i++) {
        snprintf(p, sizeof p, "/l%d", i);
        EQ(vfs_linkat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, p, 0), 0);
    }
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, "/l6", 0), -EMLINK);
    /* a directory with 2 + 3 subdirectories is full */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/1", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/2", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/3", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/4", 0755), -EMLINK);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/e", 0755), -EMLINK); /* root is full */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d/1", VFS_AT_ROOT, "/tmp/1"), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/1", 0755), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/tmp/1", VFS_AT_ROOT, "/d/5"), -EMLINK);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("linkmax");
    TCase *tc = tcase_create("core");
    ADD(tc, emlink);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
