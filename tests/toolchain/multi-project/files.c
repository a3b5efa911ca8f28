/* Opens a file by name: wasm32-wasi and wasm32-wasi-vfs can take it,
 * wasm32-wasi-io cannot (add_wasi_executable decides so). */
#include <stdio.h>
int main(void)
{
    FILE *f = fopen("/tmp/x", "w");
    if (!f) return 1;
    fputs("x\n", f);
    return fclose(f) ? 1 : 0;
}
