/* Moving bytes between streams: splice's limits (len, permit, chunk),
 * end of stream, WASI_IO_EAGAIN from either side, errors, and wasi_io_copy of large
 * transfers. */
#include "io_test.h"

START_TEST(splice_bytes)
{
    wasi_io_input *in = wasi_io_input_from_bytes("abcdefghij", 10);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_int_eq(wasi_io_splice(out, in, 4), 4);
    ck_assert_int_eq(wasi_io_blocking_splice(out, in, 100), 6);
    ck_assert_int_eq(wasi_io_splice(out, in, 4), 0); /* input at its end */
    ck_assert_int_eq(wasi_io_blocking_splice(out, in, 4), 0);
    ck_assert_int_eq(wasi_io_splice(out, in, 0), 0);
    size_t len;
    ck_assert_mem_eq(wasi_io_bytes_output_data(out, &len), "abcdefghij", 10);
    ck_assert_uint_eq(len, 10);
    wasi_io_input_close(in);
    wasi_io_output_close(out);
}
END_TEST

/* No more than the output permits; nothing is read when it permits
 * nothing. */
START_TEST(splice_respects_permit)
{
    static const ptrdiff_t steps[] = {100, 100};
    script_input si;
    wasi_io_input *in = script_input_init(&si, &script_input_waits, steps, 2);
    script_output *so = script_output_new(&script_output_waits, 7);
    ck_assert_int_eq(wasi_io_splice(&so->base, in, 100), 7);
    ck_assert_int_eq(wasi_io_splice(&so->base, in, 100), WASI_IO_EAGAIN); /* full */
    ck_assert_uint_eq(si.at, 1);
    so->check_answer = WASI_IO_EPIPE;
    ck_assert_int_eq(wasi_io_splice(&so->base, in, 100), WASI_IO_EPIPE);
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 100), WASI_IO_EPIPE);
    ck_assert_uint_eq(si.at, 1);
    free(so);
}
END_TEST

START_TEST(splice_input_side)
{
    static const ptrdiff_t steps[] = {WASI_IO_EAGAIN, WASI_IO_EAGAIN, 3, WASI_IO_EIO};
    script_input si;
    wasi_io_input *in = script_input_init(&si, &script_input_waits, steps, 4);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_int_eq(wasi_io_splice(out, in, 10), WASI_IO_EAGAIN);
    ck_assert_int_eq(wasi_io_blocking_splice(out, in, 10), 3);
    ck_assert_int_eq(si.waits, 1);
    ck_assert_int_eq(wasi_io_splice(out, in, 10), WASI_IO_EIO);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(splice_output_error)
{
    wasi_io_input *in = wasi_io_input_from_bytes("abc", 3);
    script_output *so = script_output_new(&script_output_waits, 64);
    so->write_answer = WASI_IO_ENOSPC;
    ck_assert_int_eq(wasi_io_splice(&so->base, in, 3), WASI_IO_ENOSPC);
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 3), 0); /* consumed */
    wasi_io_input_close(in);
    free(so);
}
END_TEST

/* A full output that cannot wait is flushed to make room; one that can
 * wait is waited for. */
START_TEST(blocking_splice_makes_room)
{
    wasi_io_input *in = wasi_io_input_from_bytes("abcdef", 6);
    script_output *so = script_output_new(&script_output_nowait, 4);
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 6), 4);
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 6), 2);
    ck_assert_int_eq(so->flushes, 1);
    ck_assert_int_eq(wasi_io_blocking_flush(&so->base), 0);
    ck_assert_mem_eq(so->got, "abcdef", 6);
    wasi_io_input_close(in);
    free(so);

    in = wasi_io_input_from_bytes("abcdef", 6);
    so = script_output_new(&script_output_waits, 4);
    so->held = 4;
    so->flush_answer = WASI_IO_EAGAIN; /* the host has not taken anything yet */
    so->wait_answer = WASI_IO_EPIPE;
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 6), WASI_IO_EPIPE);
    ck_assert_int_eq(so->waits, 1);
    wasi_io_input_close(in);
    free(so);

    /* Full, cannot wait: its flush error, or WASI_IO_EIO when it stays full. */
    in = wasi_io_input_from_bytes("abcdef", 6);
    so = script_output_new(&script_output_nowait, 4);
    so->held = 4;
    so->flush_answer = WASI_IO_EIO;
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 6), WASI_IO_EIO);
    so->flush_answer = WASI_IO_EAGAIN;
    ck_assert_int_eq(wasi_io_blocking_splice(&so->base, in, 6), WASI_IO_EIO);
    ck_assert_int_eq(so->flushes, 2);
    wasi_io_input_close(in);
    free(so);
}
END_TEST

/* 8 MiB through streams that take and give odd amounts. */
START_TEST(copy_large)
{
    enum { N = 8 << 20 };
    unsigned char *data = malloc(N);
    fill_pattern(data, N, 11);
    wasi_io_input *in = wasi_io_input_from_bytes(data, N);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_int_eq(wasi_io_copy(out, in), N);
    size_t len;
    const unsigned char *got = wasi_io_bytes_output_data(out, &len);
    ck_assert_uint_eq(len, N);
    ck_assert_int_eq(memcmp(got, data, N), 0);
    ck_assert_int_eq(wasi_io_copy(out, in), 0); /* nothing left */
    wasi_io_input_close(in);
    wasi_io_output_close(out);
    free(data);
}
END_TEST

START_TEST(copy_through_small_output)
{
    static ptrdiff_t steps[200];
    size_t total = 0;
    for (int i = 0; i < 200; i++) {
        steps[i] = i % 3 == 0 ? WASI_IO_EAGAIN : (i * 37) % 100 + 1;
        total += steps[i] > 0 ? (size_t)steps[i] : 0;
    }
    script_input si;
    wasi_io_input *in = script_input_init(&si, &script_input_waits, steps, 200);
    script_output *so = script_output_new(&script_output_nowait, 100);
    ck_assert_uint_le(total, sizeof so->got);
    ck_assert_int_eq(wasi_io_copy(&so->base, in), (int64_t)total);
    ck_assert_uint_eq(so->ngot, total);
    for (size_t i = 0; i < total; i++)
        ck_assert_int_eq(so->got[i], pattern(i));
    ck_assert_uint_eq(so->held, 0); /* flushed at the end */
    free(so);
}
END_TEST

START_TEST(copy_errors)
{
    static const ptrdiff_t steps[] = {10, WASI_IO_EIO};
    script_input si;
    wasi_io_input *in = script_input_init(&si, &script_input_waits, steps, 2);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_int_eq(wasi_io_copy(out, in), WASI_IO_EIO);
    wasi_io_output_close(out);

    in = wasi_io_input_from_bytes("abc", 3);
    script_output *so = script_output_new(&script_output_waits, 64);
    so->flush_answer = WASI_IO_EPIPE;
    ck_assert_int_eq(wasi_io_copy(&so->base, in), WASI_IO_EPIPE); /* the final flush */
    wasi_io_input_close(in);
    free(so);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io splice");
    TCase *tc = tcase_create("splice");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, splice_bytes);
    tcase_add_test(tc, splice_respects_permit);
    tcase_add_test(tc, splice_input_side);
    tcase_add_test(tc, splice_output_error);
    tcase_add_test(tc, blocking_splice_makes_room);
    tcase_add_test(tc, copy_large);
    tcase_add_test(tc, copy_through_small_output);
    tcase_add_test(tc, copy_errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
