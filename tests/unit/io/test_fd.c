/* Streams over descriptors of the C library (pipes): reads that are
 * non-blocking when the descriptor is, blocking reads, end of stream, a
 * reader gone (WASI_IO_EPIPE), a bad descriptor, a large transfer. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "io_test.h"

START_TEST(read_nonblocking_then_end)
{
    int p[2];
    unsigned char buf[8];
    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    wasi_io_input *in = wasi_io_input_from_fd(p[0]);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), WASI_IO_EAGAIN); /* empty pipe */
    ck_assert_int_eq(write(p[1], "abc", 3), 3);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 3);
    ck_assert_mem_eq(buf, "abc", 3);
    close(p[1]);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 0);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 0);
    wasi_io_input_close(in);
    close(p[0]);
}
END_TEST

/* A descriptor set O_NONBLOCK by someone else: blocking reads wait. */
START_TEST(blocking_read_on_nonblocking_fd)
{
    int p[2];
    unsigned char buf[8];
    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    wasi_io_input *in = wasi_io_input_from_fd(p[0]);
    pid_t child = fork();
    if (child == 0) {
        nanosleep(&(struct timespec){0, 30000000}, NULL);
        _exit(write(p[1], "late", 4) == 4 ? 0 : 1);
    }
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 4);
    ck_assert_mem_eq(buf, "late", 4);
    wasi_io_input_close(in);
    close(p[0]);
    close(p[1]);
}
END_TEST

START_TEST(write_reader_gone)
{
    int p[2];
    signal(SIGPIPE, SIG_IGN);
    ck_assert_int_eq(pipe(p), 0);
    close(p[0]);
    wasi_io_output *out = wasi_io_output_to_fd(p[1]);
    ck_assert_int_eq(wasi_io_check_write(out), 4096);
    ck_assert_int_eq(wasi_io_write(out, "x", 1), WASI_IO_EPIPE);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "x", 1), WASI_IO_EPIPE);
    wasi_io_output_close(out);
    close(p[1]);
}
END_TEST

START_TEST(bad_descriptor)
{
    unsigned char buf[4];
    wasi_io_input *in = wasi_io_input_from_fd(1000);
    wasi_io_output *out = wasi_io_output_to_fd(1000);
    ck_assert_int_eq(wasi_io_read(in, buf, 4), WASI_IO_EBADF);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 4), WASI_IO_EBADF);
    wasi_io_pollable e = {.input = in};
    ck_assert_int_eq(wasi_io_poll(&e, 1, -1), 1); /* ready: the read says why */
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "x", 1), WASI_IO_EBADF);
    wasi_io_input_close(in);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(write_over_permit)
{
    int p[2];
    static unsigned char big[4097];
    ck_assert_int_eq(pipe(p), 0);
    wasi_io_output *out = wasi_io_output_to_fd(p[1]);
    ck_assert_int_eq(wasi_io_write(out, big, sizeof big), WASI_IO_EINVAL);
    wasi_io_output_close(out);
    close(p[0]);
    close(p[1]);
}
END_TEST

START_TEST(out_of_memory)
{
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_input_from_fd(0));
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_output_to_fd(1));
}
END_TEST

struct pump {
    int fd;
    const unsigned char *data;
    size_t len;
};

static void *pump_out(void *arg)
{
    struct pump *p = arg;
    wasi_io_output *out = wasi_io_output_to_fd(p->fd);
    int r = wasi_io_blocking_write_and_flush(out, p->data, p->len);
    wasi_io_output_close(out);
    close(p->fd);
    return (void *)(intptr_t)r;
}

/* 16 MiB through a pipe: writer and reader in two threads. */
START_TEST(large_through_pipe)
{
    enum { N = 16 << 20 };
    int p[2];
    unsigned char *data = malloc(N), *got;
    fill_pattern(data, N, 99);
    ck_assert_int_eq(pipe(p), 0);
    struct pump pump = {p[1], data, N};
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, pump_out, &pump), 0);
    wasi_io_input *in = wasi_io_input_from_fd(p[0]);
    ck_assert_int_eq(wasi_io_read_all(in, 0, &got), N);
    void *r;
    pthread_join(t, &r);
    ck_assert_int_eq((int)(intptr_t)r, 0);
    ck_assert_int_eq(memcmp(got, data, N), 0);
    free(got);
    wasi_io_input_close(in);
    close(p[0]);
    free(data);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io fd");
    TCase *tc = tcase_create("fd");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, read_nonblocking_then_end);
    tcase_add_test(tc, blocking_read_on_nonblocking_fd);
    tcase_add_test(tc, write_reader_gone);
    tcase_add_test(tc, bad_descriptor);
    tcase_add_test(tc, write_over_permit);
    tcase_add_test(tc, out_of_memory);
    tcase_add_test(tc, large_through_pipe);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
