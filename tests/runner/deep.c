/* deep N: parses N nested brackets "[[...]]" by recursive descent, as
 * JSON and expression parsers do, and prints the depth it found. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *at;

static int value(void);

static __attribute__((noinline)) int list(void)
{
    int depth = 0, n = 0;
    at++; /* '[' */
    while (*at == '[') {
        int d = value();
        if (d < 0)
            return -1;
        if (d > depth)
            depth = d;
        n++;
    }
    if (*at != ']')
        return -1;
    at++;
    return depth + 1 + (n > 1000000);
}

static __attribute__((noinline)) int value(void)
{
    return *at == '[' ? list() : -1;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    char *text = malloc(2 * (size_t)n + 1);
    if (n <= 0 || !text)
        return 2;
    memset(text, '[', (size_t)n);
    memset(text + n, ']', (size_t)n);
    text[2 * n] = 0;
    at = text;
    printf("depth %d\n", value());
    return 0;
}
