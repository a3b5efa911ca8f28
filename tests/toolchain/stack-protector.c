/* stack-protector TEXT: copies TEXT into an 8-byte buffer with strcpy, as
 * careless code does, built with -fstack-protector-strong (Debian's
 * hardening flags). A short TEXT prints "copied N"; a long one overwrites
 * the canary, and the runtime stops the program before it returns. */
#include <stdio.h>
#include <string.h>

static int copy(const char *text)
{
    char buf[8];
    strcpy(buf, text);
    return printf("copied %zu\n", strlen(buf)) < 0;
}

int main(int argc, char **argv)
{
    return argc == 2 ? copy(argv[1]) : 2;
}
