/* undefined.c - a signed overflow: UndefinedBehaviorSanitizer must stop the
 * program with a failure status (no recovery). */
#include <limits.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int big = INT_MAX - 1 + argc; /* INT_MAX: argc is 1 */
    (void)argv;
    printf("%d\n", big + argc);
    return 0;
}
