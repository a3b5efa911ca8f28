/* abort.c - a program that only aborts: its module imports nothing. */
#include <stdlib.h>

int main(void)
{
    abort();
}
