/*
 * catfile.c - catfile FILE: copies FILE, then standard input, to standard
 * output; exit status 1 when FILE cannot be read. files-test.sh runs it
 * with wasi-run-component --in: FILE comes from the archive on the
 * component's stdin, and what follows the archive there is the program's
 * own stdin.
 */
#include <stdio.h>

static void copy(FILE *in)
{
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, stdout);
}

int main(int argc, char **argv)
{
    FILE *f;
    if (argc != 2) {
        fputs("usage: catfile FILE\n", stderr);
        return 1;
    }
    if (!(f = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    copy(f);
    fclose(f);
    copy(stdin);
    return 0;
}
