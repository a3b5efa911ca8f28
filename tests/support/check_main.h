/*
 * check_main.h - what every Check test program of the native tests shares
 * (header only): TEST_MAIN(suite_fn) defines main(), which runs the suite
 * in this process (so the sanitizers see every test) and exits 1 if a test
 * failed; EQ(a, b) compares two integers of any type.
 */
#ifndef CHECK_MAIN_H
#define CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

#define EQ(a, b) ck_assert_int_eq((long long)(a), (long long)(b))

#define TEST_MAIN(suite_fn)                                                 \
    int main(void)                                                          \
    {                                                                       \
        SRunner *sr = srunner_create(suite_fn());                           \
        int failed;                                                         \
        srunner_set_fork_status(sr, CK_NOFORK);                             \
        srunner_run_all(sr, CK_NORMAL);                                     \
        failed = srunner_ntests_failed(sr);                                 \
        srunner_free(sr);                                                   \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                        \
    }

#endif
