/*
 * check.h - assertions for the overlay's test programs (header only).
 *
 * Each check prints nothing when it holds and one "FAIL" line (file, line,
 * the expression, what came instead) when it does not; main ends with
 * DONE(), which prints a summary and returns the exit status. Every
 * expected failure names its exact errno.
 */
#ifndef CHECK_H
#define CHECK_H

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_FN static __attribute__((__unused__))

static int check_failed, check_count;

CHECK_FN void check_fail(int line, const char *what, const char *detail)
{
    check_failed++;
    printf("FAIL %s:%d: %s%s%s\n", __BASE_FILE__, line, what,
           detail[0] ? ": " : "", detail);
}

/* CHECK(cond): cond is true. */
#define CHECK(cond) check_true(!!(cond), #cond, __LINE__)
CHECK_FN int check_true(int c, const char *what, int line)
{
    check_count++;
    if (!c)
        check_fail(line, what, "");
    return c;
}

/* OK(call): call returns >= 0; evaluates to the result. */
#define OK(call) check_ok((errno = 0, (long long)(call)), #call, __LINE__)
CHECK_FN long long check_ok(long long r, const char *what, int line)
{
    char d[64];
    int e = errno;
    check_count++;
    if (r < 0) {
        snprintf(d, sizeof d, "returned %lld, errno %d (%s)", r, e,
                 strerror(e));
        check_fail(line, what, d);
    }
    return r;
}

/* ERR(call, E): call returns -1 with errno E. */
#define ERR(call, E) \
    check_err((errno = 0, (long long)(call)), (E), #call, #E, __LINE__)
CHECK_FN void check_err(long long r, int want, const char *what,
                      const char *wname, int line)
{
    char d[128];
    int e = errno;
    check_count++;
    if (r != -1 || e != want) {
        snprintf(d, sizeof d, "returned %lld, errno %d (%s); wanted -1, %s",
                 r, e, strerror(e), wname);
        check_fail(line, what, d);
    }
}

/* EQ(a, b): two integers are equal. */
#define EQ(a, b) check_eq((long long)(a), (long long)(b), #a " == " #b, __LINE__)
CHECK_FN void check_eq(long long a, long long b, const char *what, int line)
{
    char d[80];
    check_count++;
    if (a != b) {
        snprintf(d, sizeof d, "%lld != %lld", a, b);
        check_fail(line, what, d);
    }
}

/* STREQ(a, b): two strings are equal (a may be NULL: fails). */
#define STREQ(a, b) check_streq((a), (b), #a " == " #b, __LINE__)
CHECK_FN void check_streq(const char *a, const char *b, const char *what,
                        int line)
{
    char d[200];
    check_count++;
    if (!a || strcmp(a, b)) {
        snprintf(d, sizeof d, "\"%s\" != \"%s\"", a ? a : "(null)", b);
        check_fail(line, what, d);
    }
}

/* check_listing(path): the names in directory path, "." and ".." among
 * them, sorted and joined by spaces, to compare with STREQ; "(cannot
 * list: WHY)" when it cannot be read. Valid until the next call. */
CHECK_FN const char *check_listing(const char *path)
{
    static char out[1024];
    struct dirent **names;
    int n, i;

    out[0] = 0;
    n = scandir(path, &names, NULL, alphasort);
    if (n < 0) {
        snprintf(out, sizeof out, "(cannot list: %s)", strerror(errno));
        return out;
    }
    for (i = 0; i < n; i++) {
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s",
                 i ? " " : "", names[i]->d_name);
        free(names[i]);
    }
    free(names);
    return out;
}

#define DONE() check_done(__BASE_FILE__)
CHECK_FN int check_done(const char *file)
{
    printf("%s: %d checks, %d failed\n", file, check_count, check_failed);
    return check_failed != 0;
}

#endif
