/* trap: print a line (flushed), then execute the wasm `unreachable` instruction. */
#include <stdio.h>

int main(void)
{
    puts("before trap");
    fflush(stdout);
    __builtin_trap();
}
