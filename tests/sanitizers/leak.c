/* leak.c - a vfs unit test as tests/unit/vfs writes them (Check, no fork,
 * the vfs core with VFS_DEBUG and the sanitizers) that forgets to destroy
 * its filesystem: every test passes, and LeakSanitizer must still fail the
 * program. */
#include <check.h>
#include <stdlib.h>

#include "vfs.h"

static struct vfs *kept;

START_TEST(forgets_to_destroy)
{
    ck_assert_int_eq(vfs_create(NULL, &kept), 0);
    ck_assert_int_ge(vfs_mkdirat(kept, VFS_AT_ROOT, "/d", 0755), 0);
    kept = NULL; /* the last pointer to it */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("leak");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, forgets_to_destroy);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
