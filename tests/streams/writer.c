/* writer FILE TEXT STATUS: writes TEXT to FILE with stdio and leaves the
 * stream open, then calls exit(STATUS) from a nested function: the bytes
 * are still in the FILE buffer when exit starts. Shows that the export at
 * exit sees them (WASI_VFS_OUT, wasi-run --out). */
#include <stdio.h>
#include <stdlib.h>

static void leave(int status)
{
    exit(status);
}

int main(int argc, char **argv)
{
    FILE *f;
    if (argc != 4 || !(f = fopen(argv[1], "w"))) {
        fprintf(stderr, "usage: writer FILE TEXT STATUS\n");
        return 2;
    }
    fputs(argv[2], f);
    leave(atoi(argv[3]));
    return 0;
}
