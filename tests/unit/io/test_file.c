/* FILE * adapters both ways: a stream over a FILE *, and a FILE * over a
 * stream (fopencookie), with errors crossing as errno. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>

#include "io_test.h"

START_TEST(stream_over_file)
{
    char text[] = "line one\nline two\n";
    FILE *f = fmemopen(text, sizeof text - 1, "r");
    wasi_io_input *in = wasi_io_input_from_file(f);
    unsigned char *data;
    ck_assert_int_eq(wasi_io_read_all(in, 0, &data), 18);
    ck_assert_mem_eq(data, text, 18);
    free(data);
    unsigned char b;
    ck_assert_int_eq(wasi_io_read(in, &b, 1), 0);
    wasi_io_input_close(in);
    fclose(f); /* still open after the stream closed */
}
END_TEST

START_TEST(stream_into_file)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    wasi_io_output *out = wasi_io_output_to_file(f);
    ck_assert_int_eq(wasi_io_check_write(out), 65536);
    ck_assert_int_eq(wasi_io_write(out, "abc", 3), 0);
    ck_assert_int_eq(wasi_io_blocking_write_and_flush(out, "def", 3), 0);
    ck_assert_uint_eq(size, 6); /* flushed into the FILE's buffer */
    ck_assert_mem_eq(buf, "abcdef", 6);
    ck_assert_int_eq(wasi_io_output_close(out), 0);
    fclose(f);
    free(buf);
}
END_TEST

/* A read-only FILE *: writing fails, with the error of stdio. */
START_TEST(file_errors)
{
    char text[] = "x";
    FILE *f = fmemopen(text, 1, "r");
    wasi_io_output *out = wasi_io_output_to_file(f);
    int r = wasi_io_blocking_write_and_flush(out, "abc", 3);
    ck_assert_int_lt(r, 0);
    ck_assert_int_eq(wasi_io_check_write(out), WASI_IO_EIO); /* the FILE's error flag */
    wasi_io_output_close(out);
    fclose(f);

    f = fopen("/dev/null", "w"); /* not readable */
    wasi_io_input *in = wasi_io_input_from_file(f);
    unsigned char b;
    ck_assert_int_eq(wasi_io_read(in, &b, 1), WASI_IO_EBADF);
    wasi_io_input_close(in);
    fclose(f);
}
END_TEST

START_TEST(file_over_input)
{
    char line[32];
    wasi_io_input *in = wasi_io_input_from_bytes("first\nsecond\n", 13);
    FILE *f = wasi_io_fopen_input(in);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    ck_assert_str_eq(line, "first\n");
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    ck_assert_str_eq(line, "second\n");
    ck_assert_ptr_null(fgets(line, sizeof line, f));
    ck_assert_int_ne(feof(f), 0);
    ck_assert_int_eq(fclose(f), 0);
    wasi_io_input_close(in); /* the stream outlives the FILE * */
}
END_TEST

START_TEST(file_over_output)
{
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    FILE *f = wasi_io_fopen_output(out);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fprintf(f, "%d-%s", 42, "x"), 4);
    size_t len;
    wasi_io_bytes_output_data(out, &len);
    ck_assert_uint_eq(len, 0); /* still in the FILE's buffer */
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_mem_eq(wasi_io_bytes_output_data(out, &len), "42-x", 4);
    ck_assert_uint_eq(len, 4);
    wasi_io_output_close(out);
}
END_TEST

START_TEST(file_over_failing_streams)
{
    static const ptrdiff_t steps[] = {WASI_IO_EIO};
    script_input si;
    wasi_io_input *in = script_input_init(&si, &script_input_waits, steps, 1);
    FILE *f = wasi_io_fopen_input(in);
    errno = 0;
    ck_assert_int_eq(fgetc(f), EOF);
    ck_assert_int_ne(ferror(f), 0);
    ck_assert_int_eq(errno, EIO);
    fclose(f);

    wasi_io_output *out = wasi_io_output_to_bytes(2);
    f = wasi_io_fopen_output(out);
    setvbuf(f, NULL, _IONBF, 0);
    errno = 0;
    ck_assert_int_eq(fputs("abc", f), EOF);
    ck_assert_int_eq(errno, ENOSPC);
    fclose(f);
    wasi_io_output_close(out);

    script_output *so = script_output_new(&script_output_waits, 64);
    so->flush_answer = WASI_IO_EPIPE;
    f = wasi_io_fopen_output(&so->base);
    fputs("abc", f);
    errno = 0;
    ck_assert_int_eq(fclose(f), EOF); /* the stream's flush failed */
    ck_assert_int_eq(errno, EPIPE);
    free(so);
}
END_TEST

START_TEST(out_of_memory)
{
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_input_from_file(stdin));
    __wasi_io__debug_alloc_fail_at = 1;
    ck_assert_ptr_null(wasi_io_output_to_file(stdout));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io file");
    TCase *tc = tcase_create("file");
    tcase_add_test(tc, stream_over_file);
    tcase_add_test(tc, stream_into_file);
    tcase_add_test(tc, file_errors);
    tcase_add_test(tc, file_over_input);
    tcase_add_test(tc, file_over_output);
    tcase_add_test(tc, file_over_failing_streams);
    tcase_add_test(tc, out_of_memory);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
