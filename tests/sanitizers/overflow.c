/* overflow.c - one byte written past a heap block, in the vfs core's own
 * build: AddressSanitizer must stop the program with a failure status. */
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *p = malloc(16);
    (void)argv;
    memset(p, 'x', 16 + (size_t)argc); /* argc is 1 */
    free(p);
    return 0;
}
