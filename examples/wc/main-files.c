/* wc the classic way: file names on the command line (wasm32-wasi,
 * wasm32-wasi-vfs, native).
 *   wc [FILE]...    one line "LINES WORDS BYTES FILE" per file, and a
 *                   total when there are several; standard input without
 *                   FILE (or for "-"). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "wc.h"

/* Counts one file into *c; prints why and returns -1 when it cannot. */
static int count_file(const char *name, wc_counts *c)
{
    int from_stdin = strcmp(name, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(name, "rb");
    if (f == NULL) {
        fprintf(stderr, "wc: %s: %s\n", name, strerror(errno));
        return -1;
    }
    wasi_io_input *in = wasi_io_input_from_file(f);
    int r = in == NULL ? WASI_IO_ENOMEM : wc_count(in, c);
    wasi_io_input_close(in);
    if (!from_stdin)
        fclose(f);
    if (r < 0) {
        fprintf(stderr, "wc: %s: %s\n", name, wasi_io_strerror(r));
        return -1;
    }
    return 0;
}

static void print(const wc_counts *c, const char *name)
{
    char text[WC_TEXT_MAX];
    wc_format(text, c);
    if (name != NULL)
        printf("%s %s\n", text, name);
    else
        printf("%s\n", text);
}

int main(int argc, char **argv)
{
    wc_counts total = {0, 0, 0};
    int status = 0;
    if (argc < 2) {
        status = count_file("-", &total) < 0;
        print(&total, NULL);
        return status;
    }
    for (int i = 1; i < argc; i++) {
        wc_counts c = {0, 0, 0};
        if (count_file(argv[i], &c) < 0) {
            status = 1;
            continue;
        }
        print(&c, argv[i]);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (argc > 2)
        print(&total, "total");
    return fflush(stdout) == 0 ? status : 1;
}
