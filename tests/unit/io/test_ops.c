/* The WASI semantics the core adds over a kind's methods: waiting on
 * WASI_IO_EAGAIN, short reads, errors passed on, kinds that break their
 * contract, the permit and flush protocol, zeroes, and wasi_io_strerror. */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "io_test.h"

/* ---- input ------------------------------------------------------------- */

START_TEST(read_passes_results_on)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, 3, WASI_IO_EPIPE, 0};
    script_input s;
    unsigned char buf[8];
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 4);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), WASI_IO_EAGAIN);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 3);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), WASI_IO_EPIPE);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 0);
    ck_assert_int_eq(wasi_io_read(in, buf, 0), 0); /* len 0: kind not asked */
    ck_assert_uint_eq(s.at, 4);
    ck_assert_int_eq(s.waits, 0); /* wasi_io_read never waits */
}
END_TEST

START_TEST(blocking_read_waits)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, WASI_IO_EAGAIN, 5};
    script_input s;
    unsigned char buf[8];
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 3);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 5);
    ck_assert_int_eq(s.waits, 2);
    ck_assert_int_eq(s.last_timeout, -1); /* no time limit */
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 0);
}
END_TEST

START_TEST(blocking_read_wait_error)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, 5};
    script_input s;
    unsigned char buf[8];
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 2);
    s.wait_answer = WASI_IO_EBADF;
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), WASI_IO_EBADF);
}
END_TEST

/* A kind that cannot wait but says WASI_IO_EAGAIN broke its contract: the
 * blocking call reports WASI_IO_EIO instead of spinning. */
START_TEST(blocking_read_cannot_wait)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, 5};
    script_input s;
    unsigned char buf[8];
    wasi_io_input *in = script_input_init(&s, &script_input_nowait, steps, 2);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), WASI_IO_EIO);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 8), 5); /* next step: reads 5 */
}
END_TEST

START_TEST(read_full_short_reads)
{
    static const ptrdiff_t steps[] = {1, WASI_IO_EAGAIN, 2, 3, 0};
    script_input s;
    unsigned char buf[10], want[10];
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 5);
    ck_assert_int_eq(wasi_io_read_full(in, buf, 10), 6);
    fill_pattern(want, 6, 0);
    ck_assert_mem_eq(buf, want, 6);
    ck_assert_int_eq(s.waits, 1);
}
END_TEST

START_TEST(read_full_error)
{
    static const ptrdiff_t steps[] = {4, WASI_IO_EIO};
    script_input s;
    unsigned char buf[10];
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 2);
    ck_assert_int_eq(wasi_io_read_full(in, buf, 10), WASI_IO_EIO);
}
END_TEST

/* Without a skip method, skipping reads: no more than asked. */
START_TEST(skip_by_reading)
{
    static const ptrdiff_t steps[] = {10, WASI_IO_EAGAIN, 2, WASI_IO_EAGAIN, 0};
    script_input s;
    wasi_io_input *in = script_input_init(&s, &script_input_waits, steps, 5);
    ck_assert_int_eq(wasi_io_skip(in, 10), 10);
    ck_assert_int_eq(wasi_io_skip(in, 10), WASI_IO_EAGAIN);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), 2);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), 0);
    ck_assert_int_eq(s.waits, 1);
    ck_assert_int_eq(wasi_io_skip(in, 0), 0);
}
END_TEST

/* With a skip method, skipping goes through it, waiting on WASI_IO_EAGAIN. */
START_TEST(skip_method)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, 7, WASI_IO_EAGAIN, WASI_IO_EIO};
    script_input s;
    wasi_io_input *in = script_input_init(&s, &script_input_skips, steps, 4);
    ck_assert_int_eq(wasi_io_skip(in, 10), WASI_IO_EAGAIN);
    ck_assert_int_eq(wasi_io_skip(in, 5), 5); /* no more than asked */
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), 2);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), WASI_IO_EIO);
    ck_assert_int_eq(s.waits, 1);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 0), 0);

    static const ptrdiff_t again[] = {WASI_IO_EAGAIN};
    in = script_input_init(&s, &script_input_skips, again, 1);
    s.wait_answer = WASI_IO_EBADF;
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), WASI_IO_EBADF);
    static const wasi_io_input_methods skips_nowait = {.read = script_read,
                                                  .skip = script_skip};
    in = script_input_init(&s, &skips_nowait, again, 1);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 10), WASI_IO_EIO); /* cannot wait */
}
END_TEST

/* A kind with a host descriptor and no wait method is waited for by
 * polling the descriptor (here a pipe with a byte in it). */
static int input_pipe;
static int script_input_host_fd(wasi_io_input *self)
{
    (void)self;
    return input_pipe;
}

START_TEST(wait_on_host_fd)
{
    static const wasi_io_input_methods m = {.read = script_read,
                                       .host_fd = script_input_host_fd};
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, 3};
    int p[2];
    unsigned char buf[8];
    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(write(p[1], "x", 1), 1);
    input_pipe = p[0];
    script_input s;
    wasi_io_input *in = script_input_init(&s, &m, steps, 2);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 3);
    input_pipe = -1; /* no descriptor now: it cannot wait */
    static const ptrdiff_t again[] = {WASI_IO_EAGAIN};
    in = script_input_init(&s, &m, again, 1);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), WASI_IO_EIO);
    close(p[0]);
    close(p[1]);
}
END_TEST

START_TEST(close_calls_kind)
{
    script_input s;
    wasi_io_input *in = script_input_init(&s, &script_input_waits, NULL, 0);
    wasi_io_input_close(in);
    ck_assert_int_eq(s.closed, 1);
    wasi_io_input_close(NULL);
}
END_TEST

/* ---- output ------------------------------------------------------------ */

START_TEST(write_within_permit)
{
    script_output *s = script_output_new(&script_output_waits, 6);
    wasi_io_output *out = &s->base;
    ck_assert_int_eq(wasi_io_check_write(out), 6);
    ck_assert_int_eq(wasi_io_write(out, "abcd", 4), 0);
    ck_assert_int_eq(wasi_io_check_write(out), 2);
    ck_assert_int_eq(wasi_io_write(out, "xyz", 3), WASI_IO_EINVAL);
    ck_assert_int_eq(wasi_io_write_zeroes(out, 3), WASI_IO_EINVAL);
    ck_assert_int_eq(wasi_io_write_zeroes(out, 2), 0);
    ck_assert_int_eq(wasi_io_check_write(out), 0); /* full: must flush */
    ck_assert_int_eq(wasi_io_flush(out), 0);
    ck_assert_uint_eq(s->ngot, 6);
    ck_assert_mem_eq(s->got, "abcd\0\0", 6);
    free(s);
}
END_TEST

/* Blocking writes of more than the permit go in pieces, waiting (here:
 * flushing) whenever the stream is full; the bytes arrive in order. */
START_TEST(blocking_write_in_pieces)
{
    enum { N = 5000 };
    unsigned char want[N];
    fill_pattern(want, N, 3);
    script_output *s = script_output_new(&script_output_nowait, 64);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(&s->base, want, N), 0);
    ck_assert_uint_eq(s->ngot, N);
    ck_assert_mem_eq(s->got, want, N);
    ck_assert_uint_eq(s->held, 0);
    free(s);
}
END_TEST

START_TEST(blocking_write_keeps_last_piece)
{
    script_output *s = script_output_new(&script_output_nowait, 64);
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "abc", 3), 0);
    ck_assert_uint_eq(s->held, 3); /* not flushed */
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "", 0), 0);
    ck_assert_int_eq(wasi_io_output_close(&s->base), 0);
    ck_assert_uint_eq(s->ngot, 3); /* close flushed */
    ck_assert_int_eq(s->closed, 1);
    free(s);
}
END_TEST

/* A stream with a wait method is waited for when full, not flushed. */
START_TEST(blocking_write_waits)
{
    script_output *s = script_output_new(&script_output_waits, 4);
    s->held = 4; /* full */
    s->check_answer = 0;
    s->wait_answer = WASI_IO_EIO;
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "x", 1), WASI_IO_EIO);
    ck_assert_int_eq(s->waits, 1);
    ck_assert_int_eq(s->flushes, 0);
    free(s);
}
END_TEST

START_TEST(flush_in_steps_waits)
{
    script_output *s = script_output_new(&script_output_waits, 64);
    ck_assert_int_eq(wasi_io_write(&s->base, "abcdefgh", 8), 0);
    s->flush_step = 3;
    ck_assert_int_eq(wasi_io_flush(&s->base), WASI_IO_EAGAIN); /* 5 still held */
    ck_assert_int_eq(wasi_io_blocking_flush(&s->base), 0);
    ck_assert_int_eq(s->waits, 1); /* between the 2nd and 3rd steps */
    ck_assert_uint_eq(s->ngot, 8);
    ck_assert_mem_eq(s->got, "abcdefgh", 8);
    free(s);
}
END_TEST

/* A full kind that cannot wait is flushed; the flush's error comes out. */
START_TEST(full_flush_error)
{
    script_output *s = script_output_new(&script_output_nowait, 4);
    s->held = 4;
    s->flush_answer = WASI_IO_EPIPE;
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "x", 1), WASI_IO_EPIPE);
    free(s);
}
END_TEST

/* A kind that cannot wait and does not finish flushing broke its
 * contract: WASI_IO_EIO, not a spin. */
START_TEST(flush_cannot_wait)
{
    script_output *s = script_output_new(&script_output_nowait, 64);
    ck_assert_int_eq(wasi_io_write(&s->base, "abcdefgh", 8), 0);
    s->flush_step = 3;
    ck_assert_int_eq(wasi_io_blocking_flush(&s->base), WASI_IO_EIO);
    s->cap = s->held; /* no room, and flushing does not finish */
    s->flush_answer = WASI_IO_EAGAIN;
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "x", 1), WASI_IO_EIO);
    s->flush_answer = 0; /* flushes everything, yet no room */
    s->held = 0;
    s->cap = 0;
    ck_assert_int_eq(wasi_io_blocking_write(&s->base, "x", 1), WASI_IO_EIO);
    free(s);
}
END_TEST

START_TEST(errors_pass_through)
{
    script_output *s = script_output_new(&script_output_waits, 64);
    s->write_answer = WASI_IO_ENOSPC;
    ck_assert_int_eq(wasi_io_write(&s->base, "a", 1), WASI_IO_ENOSPC);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(&s->base, "a", 1), WASI_IO_ENOSPC);
    ck_assert_int_eq(wasi_io_blocking_write_zeroes_and_flush(&s->base, 1000),
                     WASI_IO_ENOSPC);
    s->write_answer = 0;
    s->check_answer = WASI_IO_EPIPE;
    ck_assert_int_eq(wasi_io_check_write(&s->base), WASI_IO_EPIPE);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(&s->base, "a", 1), WASI_IO_EPIPE);
    s->check_answer = 0;
    s->flush_answer = WASI_IO_EIO;
    ck_assert_int_eq(wasi_io_write(&s->base, "a", 1), 0);
    ck_assert_int_eq(wasi_io_blocking_flush(&s->base), WASI_IO_EIO);
    ck_assert_int_eq(wasi_io_output_close(&s->base), WASI_IO_EIO); /* still released */
    ck_assert_int_eq(s->closed, 1);
    ck_assert_int_eq(wasi_io_output_close(NULL), 0);
    free(s);
}
END_TEST

START_TEST(zeroes_in_pieces)
{
    script_output *s = script_output_new(&script_output_nowait, 4000);
    ck_assert_int_eq(wasi_io_write_zeroes(&s->base, 1000), 0);
    ck_assert_int_eq(s->writes, 4); /* 256-byte pieces of zeros */
    ck_assert_int_eq(wasi_io_blocking_write_zeroes_and_flush(&s->base, 9000), 0);
    ck_assert_uint_eq(s->ngot, 10000);
    for (size_t i = 0; i < s->ngot; i++)
        ck_assert_int_eq(s->got[i], 0);
    ck_assert_int_eq(wasi_io_blocking_write_zeroes_and_flush(&s->base, 0), 0);
    free(s);
}
END_TEST

/* A kind without flush holds nothing: flushing is a no-op. */
START_TEST(flush_without_method)
{
    static const wasi_io_output_methods m = {.check_write = script_check_write,
                                        .write = script_write};
    script_output *s = script_output_new(&m, 16);
    ck_assert_int_eq(wasi_io_flush(&s->base), 0);
    ck_assert_int_eq(wasi_io_blocking_flush(&s->base), 0);
    ck_assert_int_eq(wasi_io_output_close(&s->base), 0); /* no close method */
    free(s);
}
END_TEST

START_TEST(strerror_names)
{
    ck_assert_str_eq(wasi_io_strerror(0), "end of stream");
    ck_assert_str_eq(wasi_io_strerror(7), "success");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EAGAIN),
                     "resource temporarily unavailable");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EBADF), "bad descriptor");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EFBIG), "data too large");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EINVAL), "invalid argument");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EIO), "input/output error");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_ENOMEM), "out of memory");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_ENOSPC), "no space left");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_ENOTSUP), "not supported");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EOVERFLOW), "value too large");
    ck_assert_str_eq(wasi_io_strerror(WASI_IO_EPIPE), "broken pipe");
    ck_assert_str_eq(wasi_io_strerror(-2), "permission denied");
    ck_assert_str_eq(wasi_io_strerror(-70), "not seekable");
    ck_assert_str_eq(wasi_io_strerror(-1000), "error");
    /* The codes are WASI's errno numbers, negated. */
    ck_assert_int_eq(WASI_IO_EAGAIN, -6);
    ck_assert_int_eq(WASI_IO_EPIPE, -64);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io ops");
    TCase *tc = tcase_create("input");
    tcase_add_test(tc, read_passes_results_on);
    tcase_add_test(tc, blocking_read_waits);
    tcase_add_test(tc, blocking_read_wait_error);
    tcase_add_test(tc, blocking_read_cannot_wait);
    tcase_add_test(tc, read_full_short_reads);
    tcase_add_test(tc, read_full_error);
    tcase_add_test(tc, skip_by_reading);
    tcase_add_test(tc, skip_method);
    tcase_add_test(tc, wait_on_host_fd);
    tcase_add_test(tc, close_calls_kind);
    suite_add_tcase(s, tc);
    tc = tcase_create("output");
    tcase_add_test(tc, write_within_permit);
    tcase_add_test(tc, blocking_write_in_pieces);
    tcase_add_test(tc, blocking_write_keeps_last_piece);
    tcase_add_test(tc, blocking_write_waits);
    tcase_add_test(tc, flush_in_steps_waits);
    tcase_add_test(tc, full_flush_error);
    tcase_add_test(tc, flush_cannot_wait);
    tcase_add_test(tc, errors_pass_through);
    tcase_add_test(tc, zeroes_in_pieces);
    tcase_add_test(tc, flush_without_method);
    tcase_add_test(tc, strerror_names);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
