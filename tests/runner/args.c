/* args: print argc, every argv[i] and every environment entry, one per line,
 * then exit with the status named by the environment variable EXIT
 * (through exit() when EXIT_VIA=exit, else by returning from main). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++)
        printf("env %s\n", *e);
    const char *code = getenv("EXIT");
    const char *via = getenv("EXIT_VIA");
    int status = code ? atoi(code) : 0;
    if (via && strcmp(via, "exit") == 0)
        exit(status);
    return status;
}
