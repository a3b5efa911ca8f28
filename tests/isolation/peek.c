/*
 * peek.c - the control of run-escape.sh, built for plain wasm32-wasi:
 * prints the file at argv[1] through the host's preopened directories.
 * It reads the canary that escape.wasm, with the same preopens, never sees.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    char buf[256];
    size_t n;
    FILE *f = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        perror(argc == 2 ? argv[1] : "usage: peek FILE");
        return 1;
    }
    n = fread(buf, 1, sizeof buf, f);
    fwrite(buf, 1, n, stdout);
    return fclose(f) != 0;
}
