/* Byte-array streams: reads, short reads, end of stream, skip, growth,
 * limits, out of memory, take, and wasi_io_read_all. */
#include "io_test.h"

static const char text[] = "hello, streams";

START_TEST(input_reads_then_ends)
{
    unsigned char buf[8];
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    ck_assert_ptr_nonnull(in);
    ck_assert_int_eq(wasi_io_read(in, buf, 5), 5);
    ck_assert_mem_eq(buf, "hello", 5);
    ck_assert_int_eq(wasi_io_read(in, buf, 0), 0);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 8); /* a full read */
    ck_assert_mem_eq(buf, ", stream", 8);
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 1); /* a short read */
    ck_assert_int_eq(buf[0], 's');
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 0); /* end of stream */
    ck_assert_int_eq(wasi_io_blocking_read(in, buf, 8), 0);
    ck_assert_int_eq(wasi_io_read(in, buf, 8), 0); /* and stays there */
    wasi_io_input_close(in);
}
END_TEST

START_TEST(input_empty)
{
    unsigned char buf[4];
    wasi_io_input *in = wasi_io_input_from_bytes(NULL, 0);
    ck_assert_int_eq(wasi_io_read(in, buf, 4), 0);
    ck_assert_int_eq(wasi_io_skip(in, 4), 0);
    ck_assert_int_eq(wasi_io_read_full(in, buf, 4), 0);
    wasi_io_input_close(in);
}
END_TEST

START_TEST(input_skip)
{
    unsigned char buf[4];
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    ck_assert_int_eq(wasi_io_skip(in, 7), 7);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 100), 7); /* what is left */
    ck_assert_int_eq(wasi_io_skip(in, 1), 0);
    ck_assert_int_eq(wasi_io_blocking_skip(in, 1), 0);
    ck_assert_int_eq(wasi_io_read(in, buf, 4), 0);
    wasi_io_input_close(in);
}
END_TEST

START_TEST(input_read_full)
{
    unsigned char buf[20];
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    ck_assert_int_eq(wasi_io_read_full(in, buf, 10), 10);
    ck_assert_int_eq(wasi_io_read_full(in, buf, 10), 4); /* short only at end */
    ck_assert_mem_eq(buf, "eams", 4);
    wasi_io_input_close(in);
}
END_TEST

START_TEST(input_out_of_memory)
{
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_input_from_bytes(text, 14));
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    ck_assert_ptr_nonnull(in);
    wasi_io_input_close(in);
}
END_TEST

START_TEST(output_collects)
{
    size_t len = 99;
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_ptr_nonnull(out);
    const unsigned char *data = wasi_io_bytes_output_data(out, &len);
    ck_assert_ptr_nonnull(data);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(wasi_io_check_write(out), PTRDIFF_MAX);
    ck_assert_int_eq(wasi_io_write(out, "ab", 2), 0);
    ck_assert_int_eq(wasi_io_write(out, "", 0), 0);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "cde", 3), 0);
    ck_assert_int_eq(wasi_io_write_zeroes(out, 2), 0);
    ck_assert_int_eq(wasi_io_blocking_write_zeroes_and_flush(out, 1), 0);
    ck_assert_int_eq(wasi_io_flush(out), 0);
    data = wasi_io_bytes_output_data(out, &len);
    ck_assert_uint_eq(len, 8);
    ck_assert_mem_eq(data, "abcde\0\0\0", 8);
    ck_assert_int_eq(wasi_io_output_close(out), 0);
}
END_TEST

/* 1 MiB, one byte at a time and in odd pieces: the array grows by
 * doubling, so the bytes arrive intact. */
START_TEST(output_grows)
{
    enum { N = 1 << 20 };
    unsigned char *want = malloc(N);
    fill_pattern(want, N, 0);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    size_t i = 0;
    for (; i < 1000; i++)
        ck_assert_int_eq(wasi_io_write(out, want + i, 1), 0);
    while (i < N) {
        size_t n = (i * 7 + 13) % 5000 + 1;
        if (n > N - i)
            n = N - i;
        ck_assert_int_eq(wasi_io_blocking_write(out, want + i, n), 0);
        i += n;
    }
    size_t len;
    const unsigned char *got = wasi_io_bytes_output_data(out, &len);
    ck_assert_uint_eq(len, N);
    ck_assert_int_eq(memcmp(got, want, N), 0);
    wasi_io_output_close(out);
    free(want);
}
END_TEST

START_TEST(output_limit)
{
    wasi_io_output *out = wasi_io_output_to_bytes(5);
    ck_assert_int_eq(wasi_io_check_write(out), 5);
    ck_assert_int_eq(wasi_io_write(out, "abc", 3), 0);
    ck_assert_int_eq(wasi_io_check_write(out), 2);
    ck_assert_int_eq(wasi_io_write(out, "xyz", 3), WASI_IO_EINVAL); /* over the permit */
    ck_assert_int_eq(wasi_io_write(out, "de", 2), 0);
    ck_assert_int_eq(wasi_io_check_write(out), WASI_IO_ENOSPC);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "f", 1), WASI_IO_ENOSPC);
    ck_assert_int_eq(wasi_io_blocking_write_zeroes_and_flush(out, 1), WASI_IO_ENOSPC);
    size_t len;
    ck_assert_mem_eq(wasi_io_bytes_output_data(out, &len), "abcde", 5);
    ck_assert_uint_eq(len, 5);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(output_out_of_memory)
{
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_output_to_bytes(0));
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    ck_assert_int_eq(wasi_io_write(out, "ab", 2), 0); /* 256 bytes allocated */
    unsigned char big[300] = {0};
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_int_eq(wasi_io_check_write(out), PTRDIFF_MAX - 2); /* permits */
    ck_assert_int_eq(wasi_io_write(out, big, sizeof big), WASI_IO_ENOMEM);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, big, sizeof big), 0);
    size_t len;
    ck_assert_ptr_nonnull(wasi_io_bytes_output_data(out, &len));
    ck_assert_uint_eq(len, 2 + sizeof big); /* the failed write left nothing */
    wasi_io_output_close(out);
}
END_TEST

START_TEST(output_take)
{
    size_t len = 99;
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    unsigned char *p = wasi_io_bytes_output_take(out, &len);
    ck_assert_ptr_nonnull(p); /* non-NULL for 0 bytes too */
    ck_assert_uint_eq(len, 0);
    free(p);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "xyz", 3), 0);
    p = wasi_io_bytes_output_take(out, &len);
    ck_assert_uint_eq(len, 3);
    ck_assert_mem_eq(p, "xyz", 3);
    free(p);
    ck_assert_ptr_nonnull(wasi_io_bytes_output_data(out, &len));
    ck_assert_uint_eq(len, 0); /* emptied */
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "q", 1), 0);
    ck_assert_mem_eq(wasi_io_bytes_output_data(out, &len), "q", 1);
    __wasi_io__debug_alloc_fail_at = 1;
    wasi_io_output *other = wasi_io_output_to_bytes(0);
    ck_assert_ptr_null(other);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(take_empty_out_of_memory)
{
    size_t len = 5;
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_bytes_output_take(out, &len));
    ck_assert_uint_eq(len, 0);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(data_of_other_kind)
{
    script_output *s = script_output_new(&script_output_nowait, 10);
    size_t len = 5;
    ck_assert_ptr_null(wasi_io_bytes_output_data(&s->base, &len));
    ck_assert_uint_eq(len, 0);
    len = 5;
    ck_assert_ptr_null(wasi_io_bytes_output_take(&s->base, &len));
    ck_assert_uint_eq(len, 0);
    free(s);
}
END_TEST

START_TEST(read_all_whole)
{
    enum { N = 3 * 4096 + 17 };
    unsigned char *want = malloc(N), *got;
    fill_pattern(want, N, 5);
    wasi_io_input *in = wasi_io_input_from_bytes(want, N);
    ck_assert_int_eq(wasi_io_read_all(in, 0, &got), N);
    ck_assert_int_eq(memcmp(got, want, N), 0);
    free(got);
    ck_assert_int_eq(wasi_io_read_all(in, 0, &got), 0); /* at the end already */
    ck_assert_ptr_nonnull(got);
    free(got);
    wasi_io_input_close(in);
    free(want);
}
END_TEST

START_TEST(read_all_limit)
{
    unsigned char *got = (unsigned char *)"sentinel";
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    ck_assert_int_eq(wasi_io_read_all(in, 14, &got), 14); /* exactly the limit */
    ck_assert_mem_eq(got, text, 14);
    free(got);
    wasi_io_input_close(in);
    in = wasi_io_input_from_bytes(text, 14);
    ck_assert_int_eq(wasi_io_read_all(in, 13, &got), WASI_IO_EFBIG);
    ck_assert_ptr_null(got);
    wasi_io_input_close(in);
}
END_TEST

START_TEST(read_all_out_of_memory)
{
    unsigned char *got;
    wasi_io_input *in = wasi_io_input_from_bytes(text, 14);
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_int_eq(wasi_io_read_all(in, 0, &got), WASI_IO_ENOMEM);
    ck_assert_ptr_null(got);
    wasi_io_input_close(in);
}
END_TEST

/* The error of the stream comes out; the bytes read so far are freed. */
START_TEST(read_all_error)
{
    static const ptrdiff_t steps[] = {100, WASI_IO_EIO};
    script_input s;
    unsigned char *got;
    wasi_io_input *in = script_input_init(&s, &script_input_nowait, steps, 2);
    ck_assert_int_eq(wasi_io_read_all(in, 0, &got), WASI_IO_EIO);
    ck_assert_ptr_null(got);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io bytes");
    TCase *tc = tcase_create("bytes");
    tcase_add_test(tc, input_reads_then_ends);
    tcase_add_test(tc, input_empty);
    tcase_add_test(tc, input_skip);
    tcase_add_test(tc, input_read_full);
    tcase_add_test(tc, input_out_of_memory);
    tcase_add_test(tc, output_collects);
    tcase_add_test(tc, output_grows);
    tcase_add_test(tc, output_limit);
    tcase_add_test(tc, output_out_of_memory);
    tcase_add_test(tc, output_take);
    tcase_add_test(tc, take_empty_out_of_memory);
    tcase_add_test(tc, data_of_other_kind);
    tcase_add_test(tc, read_all_whole);
    tcase_add_test(tc, read_all_limit);
    tcase_add_test(tc, read_all_out_of_memory);
    tcase_add_test(tc, read_all_error);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
