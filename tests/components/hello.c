/* hello.c - a command component's basics: arguments, environment,
 * standard streams, the exit status (argv[1]), a clock and random bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/random.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char line[64];
    unsigned char r[16] = {0};
    struct timespec ts;
    int i;

    for (i = 1; i < argc; i++)
        printf("arg %d: %s\n", i, argv[i]);
    printf("env: %s\n", getenv("COMPONENT_TEST") ? getenv("COMPONENT_TEST") : "(unset)");
    if (fgets(line, sizeof line, stdin))
        printf("stdin: %s", line);
    fprintf(stderr, "to stderr\n");
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || ts.tv_sec < 1600000000)
        return 2;
    if (getentropy(r, sizeof r) != 0)
        return 2;
    for (i = 0; i < 16 && r[i] == 0; i++)
        ;
    printf("random: %s\n", i < 16 ? "yes" : "no");
    return argc > 1 ? atoi(argv[1]) : 0;
}
