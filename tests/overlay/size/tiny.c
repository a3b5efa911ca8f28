/* tiny: the size figure's small program (fopen, fputs, fgets). Its
 * wasm32-wasi-vfs build may be at most 8 KiB larger than its wasm32-wasi
 * build. */
#include <stdio.h>

int main(void)
{
    char buf[64];
    FILE *f = fopen("/tmp/hello.txt", "w");
    if (!f)
        return 1;
    fputs("hello\n", f);
    fclose(f);
    f = fopen("/tmp/hello.txt", "r");
    if (!f || !fgets(buf, sizeof buf, f))
        return 2;
    fclose(f);
    fputs(buf, stdout);
    return 0;
}
