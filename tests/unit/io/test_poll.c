/* Readiness: wasi_io_poll over always-ready streams, descriptors (pipes, polled
 * together), streams with only a wait method, timeouts, and bad lists. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "io_test.h"

static int64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

START_TEST(bytes_always_ready)
{
    wasi_io_input *in = wasi_io_input_from_bytes("x", 1);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    wasi_io_pollable list[2] = {{.input = in}, {.output = out}};
    ck_assert_int_eq(wasi_io_poll(list, 2, -1), 2);
    ck_assert_int_eq(list[0].ready, 1);
    ck_assert_int_eq(list[1].ready, 1);
    wasi_io_input_close(in);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(bad_lists)
{
    wasi_io_input *in = wasi_io_input_from_bytes("x", 1);
    wasi_io_pollable list[WASI_IO_POLL_MAX + 1];
    for (int i = 0; i <= WASI_IO_POLL_MAX; i++)
        list[i] = (wasi_io_pollable){.input = in};
    ck_assert_int_eq(wasi_io_poll(list, 0, 0), WASI_IO_EINVAL);
    ck_assert_int_eq(wasi_io_poll(NULL, 1, 0), WASI_IO_EINVAL);
    ck_assert_int_eq(wasi_io_poll(list, WASI_IO_POLL_MAX + 1, 0), WASI_IO_EINVAL);
    ck_assert_int_eq(wasi_io_poll(list, WASI_IO_POLL_MAX, 0), WASI_IO_POLL_MAX);
    wasi_io_pollable neither = {0};
    ck_assert_int_eq(wasi_io_poll(&neither, 1, 0), WASI_IO_EINVAL);
    wasi_io_pollable both = {.input = in, .output = (wasi_io_output *)in};
    ck_assert_int_eq(wasi_io_poll(&both, 1, 0), WASI_IO_EINVAL);
    wasi_io_input_close(in);
}
END_TEST

/* Two pipes, polled together: only the one with data is ready; a
 * timeout passes when neither is. */
START_TEST(pipes_together)
{
    int a[2], b[2];
    ck_assert_int_eq(pipe(a), 0);
    ck_assert_int_eq(pipe(b), 0);
    wasi_io_input *ia = wasi_io_input_from_fd(a[0]), *ib = wasi_io_input_from_fd(b[0]);
    wasi_io_pollable list[2] = {{.input = ia}, {.input = ib}};

    int64_t t0 = now_ns();
    ck_assert_int_eq(wasi_io_poll(list, 2, 50 * 1000000), 0); /* timeout */
    ck_assert_int_ge(now_ns() - t0, 40 * 1000000);
    ck_assert_int_eq(wasi_io_poll(list, 2, 0), 0);

    ck_assert_int_eq(write(b[1], "z", 1), 1);
    ck_assert_int_eq(wasi_io_poll(list, 2, -1), 1);
    ck_assert_int_eq(list[0].ready, 0);
    ck_assert_int_eq(list[1].ready, 1);

    close(a[1]); /* end of stream is ready too */
    ck_assert_int_eq(wasi_io_poll(list, 2, 0), 2);
    wasi_io_input_close(ia);
    wasi_io_input_close(ib);
    close(a[0]);
    close(b[0]);
    close(b[1]);
}
END_TEST

/* An output that waits on a host descriptor (here a pipe, full, then
 * drained) is polled for writability. */
static int pipe_fd;
static int script_host_fd(wasi_io_output *self)
{
    (void)self;
    return pipe_fd;
}

START_TEST(output_on_host_fd)
{
    static const wasi_io_output_methods m = {.check_write = script_check_write,
                                        .write = script_write,
                                        .flush = script_flush,
                                        .host_fd = script_host_fd};
    int p[2];
    char buf[65536];
    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    ck_assert_int_eq(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
    while (write(p[1], buf, sizeof buf) > 0)
        ;
    pipe_fd = p[1];
    script_output *so = script_output_new(&m, 4);
    so->held = 4; /* check_write says 0 */
    wasi_io_pollable e = {.output = &so->base};
    ck_assert_int_eq(wasi_io_poll(&e, 1, 10 * 1000000), 0);
    ck_assert_int_eq(e.ready, 0);
    while (read(p[0], buf, sizeof buf) > 0)
        ;
    ck_assert_int_eq(wasi_io_poll(&e, 1, -1), 1);
    ck_assert_int_eq(e.ready, 1);
    free(so);
    close(p[0]);
    close(p[1]);
}
END_TEST

/* Streams that can only wait through their own method: one is waited
 * for; two cannot be waited for together. */
START_TEST(method_waiters)
{
    static const ptrdiff_t steps[] = {1};
    script_input s1, s2;
    wasi_io_input *i1 = script_input_init(&s1, &script_input_waits, steps, 1);
    wasi_io_input *i2 = script_input_init(&s2, &script_input_waits, steps, 1);
    s1.wait_answer = 0;
    s2.wait_answer = 0;
    wasi_io_pollable list[2] = {{.input = i1}, {.input = i2}};
    ck_assert_int_eq(wasi_io_poll(list, 2, 0), 0); /* just looks */
    ck_assert_int_eq(wasi_io_poll(list, 2, -1), WASI_IO_ENOTSUP);
    ck_assert_int_eq(wasi_io_poll(list, 1, 1000), 0); /* times out in its wait */
    ck_assert_int_eq(s1.last_timeout, 1000);
    s1.wait_answer = WASI_IO_EIO;
    ck_assert_int_eq(wasi_io_poll(list, 2, 0), 1); /* an error counts as ready */
    ck_assert_int_eq(list[0].ready, 1);
    ck_assert_int_eq(list[1].ready, 0);
    s1.wait_answer = 1;
    ck_assert_int_eq(wasi_io_poll(list, 1, -1), 1);
    ck_assert_int_eq(s1.last_timeout, 0); /* found ready by looking */
}
END_TEST

/* An output that is full and has neither wait nor descriptor counts as
 * ready: the next blocking call flushes it. */
START_TEST(output_without_wait)
{
    script_output *so = script_output_new(&script_output_nowait, 4);
    so->held = 4;
    wasi_io_pollable e = {.output = &so->base};
    ck_assert_int_eq(wasi_io_poll(&e, 1, -1), 1);
    free(so);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io poll");
    TCase *tc = tcase_create("poll");
    tcase_add_test(tc, bytes_always_ready);
    tcase_add_test(tc, bad_lists);
    tcase_add_test(tc, pipes_together);
    tcase_add_test(tc, output_on_host_fd);
    tcase_add_test(tc, method_waiters);
    tcase_add_test(tc, output_without_wait);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
