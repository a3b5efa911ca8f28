/* hello: a program that touches no file: the overlay should cost it
 * almost nothing (at most 1 KiB), as the filesystem is never created. */
#include <stdio.h>

int main(void)
{
    printf("hello, %s\n", "world");
    return 0;
}
