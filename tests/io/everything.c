/* Everything a wasm32-wasi-io program may use, in one module: stdio on the
 * standard streams, the C library's calls that take no file name, and
 * every part of io/. import-audit.sh checks that its imports stay within
 * the triple's list; test-everything.sh checks what it prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h> /* isatty, getentropy */

#include <wasi_io.h>

static int compare(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
    char buf[256], text[64];
    size_t n = fread(buf, 1, sizeof buf, stdin);
    printf("stdin: %zu bytes: %.*s\n", n, (int)n, buf);
    fputs("to stderr\n", stderr);
    printf("argc %d, argv[1] %s\n", argc, argc > 1 ? argv[1] : "-");
    printf("ftell(stdin) %ld (streams are not seekable)\n", ftell(stdin));
    printf("HOME %s\n", getenv("HOME") ? getenv("HOME") : "unset");
    printf("isatty(1) %d\n", isatty(1));

    struct timespec ts;
    printf("clock %s\n", clock_gettime(CLOCK_MONOTONIC, &ts) == 0 &&
                                 time(NULL) > 1000000000 ? "ok" : "bad");
    unsigned rnd;
    printf("random %s\n", getentropy(&rnd, sizeof rnd) == 0 ? "ok" : "bad");

    int v[] = {5, 3, 9, 1};
    qsort(v, 4, sizeof v[0], compare);
    snprintf(text, sizeof text, "%d %d %d %d %.2f", v[0], v[1], v[2], v[3],
             strtod("2.5", NULL) * 3);
    printf("sorted %s\n", text);

    /* io/: byte arrays, splice, poll, read_all, FILE adapters. */
    wasi_io_input *in = wasi_io_input_from_bytes("stream bytes", 12);
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    wasi_io_pollable p[2] = {{.input = in}, {.output = out}};
    printf("poll %d\n", wasi_io_poll(p, 2, 0));
    printf("copy %lld\n", (long long)wasi_io_copy(out, in));
    FILE *f = wasi_io_fopen_output(out);
    fprintf(f, " and a FILE");
    fclose(f);
    size_t len;
    const unsigned char *data = wasi_io_bytes_output_data(out, &len);
    printf("bytes: %.*s\n", (int)len, data);
    wasi_io_input *again = wasi_io_input_from_bytes(data, len);
    FILE *g = wasi_io_fopen_input(again);
    printf("via FILE: %s\n", fgets(text, sizeof text, g) ? text : "-");
    fclose(g);
    wasi_io_input_close(again);
    unsigned char *all;
    wasi_io_input *whole = wasi_io_input_from_bytes("whole", 5);
    printf("read_all %td\n", wasi_io_read_all(whole, 0, &all));
    free(all);
    wasi_io_input_close(whole);
    wasi_io_input_close(in);
    wasi_io_output_close(out);

    /* Descriptors: the C library's and the host's. */
    fflush(stdout);
    wasi_io_output *fd1 = wasi_io_output_to_fd(1);
    wasi_io_blocking_write_and_flush(fd1, "through fd 1\n", 13);
    wasi_io_output_close(fd1);
    wasi_io_blocking_write_and_flush(wasi_io_stdout(), "through wasi_io_stdout\n", 23);
    wasi_io_output *host1 = wasi_io_host_output(1);
    wasi_io_blocking_write_and_flush(host1, "through host fd 1\n", 18);
    wasi_io_output_close(host1);
    FILE *o = fdopen(1, "w");
    fprintf(o, "through fdopen\n");
    return fflush(o) != 0;
}
