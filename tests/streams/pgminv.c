/* pgminv IN.pgm OUT.pgm: writes the negative of a binary PGM (P5, 8 bits)
 * image. The kind of legacy program that opens the file names it is given:
 * bound to host streams, /in/photo.pgm reads the host's stdin and
 * /out/result.pgm writes its stdout (WASI_VFS_BIND). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *in, *out;
    int w, h, max, c;
    long n;

    if (argc != 3) {
        fprintf(stderr, "usage: pgminv IN.pgm OUT.pgm\n");
        return 2;
    }
    if (!(in = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    if (fscanf(in, "P5 %d %d %d", &w, &h, &max) != 3 || max != 255 ||
        getc(in) == EOF) {
        fprintf(stderr, "%s: not an 8-bit binary PGM\n", argv[1]);
        return 1;
    }
    if (!(out = fopen(argv[2], "wb"))) {
        perror(argv[2]);
        return 1;
    }
    fprintf(out, "P5\n%d %d\n255\n", w, h);
    for (n = (long)w * h; n > 0 && (c = getc(in)) != EOF; n--)
        putc(255 - c, out);
    if (n) {
        fprintf(stderr, "%s: short image\n", argv[1]);
        return 1;
    }
    fclose(in);
    return fclose(out) ? 1 : 0;
}
