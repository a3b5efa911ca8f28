/* copy IN OUT: copies file IN to OUT (wasi_vfs_test's IN and OUT). */
#include <stdio.h>
int main(int argc, char **argv)
{
    if (argc != 3) return 2;
    FILE *in = fopen(argv[1], "rb"), *out = fopen(argv[2], "wb");
    if (!in || !out) { perror("copy"); return 1; }
    int c;
    while ((c = getc(in)) != EOF) putc(c, out);
    return fclose(out) ? 1 : 0;
}
