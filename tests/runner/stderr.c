/* stderr: write one line to stdout and one to stderr, exit 0. */
#include <stdio.h>

int main(void)
{
    fputs("to stdout\n", stdout);
    fputs("to stderr\n", stderr);
    return 0;
}
