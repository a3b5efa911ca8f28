/* vfscopy: copies file argv[1] to argv[2] with stdio, then exits with
 * argv[3] (default 0). Built for wasm32-wasi-vfs: the files are the
 * module's own, brought in and out by wasi-run's --in and --out. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *in, *out;
    int c;
    if (argc < 3 || !(in = fopen(argv[1], "r")) || !(out = fopen(argv[2], "w"))) {
        perror(argc < 3 ? "usage: vfscopy FROM TO [STATUS]" : "vfscopy");
        return 1;
    }
    while ((c = getc(in)) != EOF)
        putc(c, out);
    fclose(in);
    fclose(out);
    return argc > 3 ? atoi(argv[3]) : 0;
}
