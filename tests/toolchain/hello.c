#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("hello from %s with %d argument(s)\n", argc > 1 ? argv[1] : "?", argc - 1);
    return argc > 2 ? atoi(argv[2]) : 0;
}
