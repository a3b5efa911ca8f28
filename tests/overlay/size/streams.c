/* streams: a program that only reads stdin and writes stdout. On
 * wasm32-wasi-vfs it never creates the filesystem, so its module carries
 * neither the filesystem, nor the transfer of files, nor an allocator
 * (no-allocator.sh). */
#include <stdio.h>

int main(void)
{
    int c;
    while ((c = getchar()) != EOF)
        putchar(c);
    return 0;
}
