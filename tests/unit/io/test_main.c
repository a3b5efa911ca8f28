/* The typed entry point's runtime (wasi_io_main_), natively: streams on
 * descriptors 3, 4, ...; exact messages when the host did not provide
 * them; status and flushing. Each test runs in its own process (Check
 * forks), so it may rearrange descriptors. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "io_test.h"

static char *args[] = {"prog", "-x", NULL};

/* A file holding `text`, opened with `flags`, as descriptor `fd`. */
static void file_as_fd(const char *text, int flags, int fd)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fflush(f);
    int tmp = fileno(f);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", tmp);
    int nfd = open(path, flags);
    ck_assert_int_ge(nfd, 0);
    ck_assert_int_eq(dup2(nfd, fd), fd);
    close(nfd);
    fclose(f);
}

/* Everything the descriptor holds, from its start. */
static char *contents(int fd)
{
    static char buf[4096];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    ck_assert_int_ge(n, 0);
    buf[n] = '\0';
    return buf;
}

/* Sends stderr to a file whose descriptor is returned. */
static int capture_stderr(void)
{
    FILE *f = tmpfile();
    int fd = dup(fileno(f));
    fclose(f);
    ck_assert_int_eq(dup2(fd, 2), 2);
    return fd;
}

static int copy_fn(int argc, char **argv)
{
    ck_assert_int_eq(argc, 2);
    ck_assert_str_eq(argv[1], "-x");
    ck_assert_ptr_null(wasi_io_arg_input(1));
    ck_assert_ptr_null(wasi_io_arg_input(-1));
    ck_assert_ptr_null(wasi_io_arg_output(1));
    int64_t n = wasi_io_copy(wasi_io_arg_output(0), wasi_io_arg_input(0));
    ck_assert_int_eq(n, 12);
    return wasi_io_blocking_write(wasi_io_arg_output(0), "!", 1) == 0 ? 0 : 9;
}

START_TEST(streams_arrive)
{
    ck_assert_ptr_null(wasi_io_arg_input(0)); /* before wasi_io_main_ */
    file_as_fd("input bytes\n", O_RDONLY, 3);
    file_as_fd("", O_RDWR, 4);
    ck_assert_int_eq(wasi_io_main_("1 in:text out:text", copy_fn, 2, args), 0);
    ck_assert_str_eq(contents(4), "input bytes\n!");
}
END_TEST

static int status_fn(int argc, char **argv)
{
    (void)argc, (void)argv;
    return 7;
}

START_TEST(status_passes_through)
{
    file_as_fd("", O_RDONLY, 3);
    ck_assert_int_eq(wasi_io_main_("1 in:x", status_fn, 2, args), 7);
    ck_assert_int_eq(wasi_io_main_("1", status_fn, 2, args), 7); /* no streams */
}
END_TEST

static int not_called(int argc, char **argv)
{
    (void)argc, (void)argv;
    ck_abort_msg("the function ran");
    return 0;
}

#define HINT "prog: this program takes streams, not file names; run it " \
             "as: PROGRAM 3<INPUT 4>OUTPUT... [ARGS...]\n"

START_TEST(missing_input)
{
    int err = capture_stderr();
    close(3);
    ck_assert_int_eq(wasi_io_main_("1 in:image out:image", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err),
                     "prog: input 1 (image) is host descriptor 3, which was "
                     "not provided\n" HINT);
}
END_TEST

START_TEST(missing_second_output)
{
    int err = capture_stderr();
    file_as_fd("", O_RDONLY, 3);
    file_as_fd("", O_WRONLY, 4);
    close(5);
    ck_assert_int_eq(wasi_io_main_("1 in:a out:b out:c", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err),
                     "prog: output 2 (c) is host descriptor 5, which was not "
                     "provided\n" HINT);
}
END_TEST

START_TEST(directory_given)
{
    int err = capture_stderr();
    int d = open(".", O_RDONLY);
    ck_assert_int_eq(dup2(d, 3), 3);
    ck_assert_int_eq(wasi_io_main_("1 in:x", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err),
                     "prog: input 1 (x) is host descriptor 3, which is a "
                     "directory, not a stream\n" HINT);
}
END_TEST

START_TEST(wrong_direction)
{
    int err = capture_stderr();
    file_as_fd("", O_RDONLY, 3);
    file_as_fd("", O_RDONLY, 4);
    ck_assert_int_eq(wasi_io_main_("1 in:x out:y", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err),
                     "prog: output 1 (y) is host descriptor 4, which is not "
                     "open for writing\n" HINT);
    file_as_fd("", O_WRONLY, 3);
    ck_assert_int_eq(ftruncate(err, 0), 0);
    ck_assert_int_eq(lseek(err, 0, SEEK_SET), 0);
    ck_assert_int_eq(wasi_io_main_("1 in:x", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err),
                     "prog: input 1 (x) is host descriptor 3, which is not "
                     "open for reading\n" HINT);
}
END_TEST

START_TEST(malformed_declaration)
{
    int err = capture_stderr();
    ck_assert_int_eq(wasi_io_main_("2 in:x", not_called, 2, args), 2);
    ck_assert_str_eq(contents(err), "prog: malformed WASI_IO_MAIN declaration\n");
    ck_assert_int_eq(wasi_io_main_("1 inx:y", not_called, 2, args), 2);
    ck_assert_int_eq(wasi_io_main_("1  in:y", not_called, 2, args), 2);
    ck_assert_int_eq(
        wasi_io_main_("1 in:a in:b in:c in:d in:e in:f in:g in:h in:i",
                 not_called, 2, args),
        2); /* more than WASI_IO_MAIN_MAX */
}
END_TEST

static int write_fn(int argc, char **argv)
{
    (void)argc, (void)argv;
    close(4); /* the output goes away under the function */
    return wasi_io_blocking_write(wasi_io_arg_output(0), "x", 1) == WASI_IO_EBADF ? 0 : 3;
}

START_TEST(output_failure)
{
    file_as_fd("", O_RDONLY, 3);
    file_as_fd("", O_WRONLY, 4);
    ck_assert_int_eq(wasi_io_main_("1 in:x out:y", write_fn, 2, args), 0);
}
END_TEST

int main(void)
{
    /* Descriptors 3 to 9 are the tests': taken now, Check's own files get
     * higher numbers. */
    for (int fd = 3; fd < 10; fd++)
        if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", O_RDONLY) != fd)
            return EXIT_FAILURE;
    Suite *s = suite_create("io main");
    TCase *tc = tcase_create("main");
    tcase_add_test(tc, streams_arrive);
    tcase_add_test(tc, status_passes_through);
    tcase_add_test(tc, missing_input);
    tcase_add_test(tc, missing_second_output);
    tcase_add_test(tc, directory_given);
    tcase_add_test(tc, wrong_direction);
    tcase_add_test(tc, malformed_declaration);
    tcase_add_test(tc, output_failure);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
