/*
 * progname.c - program_invocation_name is the module's first argument and
 * program_invocation_short_name its part after the last '/', as musl and
 * glibc set them (libc-overlay/include/errno.h), with main(argc, argv) and,
 * built with -DVOID_MAIN, main(void); a program's own declarations of
 * them compile after <errno.h>, and an assignment sticks. Run with one
 * argument.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>

#include "check.h"

/* as programs declare them themselves after <errno.h> */
extern char *program_invocation_name;
extern char *program_invocation_short_name;

/* argv0: main's argv[0], or NULL under main(void) */
static int check_names(const char *argv0)
{
    const char *slash;
    char mine[] = "mine";

    CHECK(program_invocation_name != NULL);
    CHECK(program_invocation_short_name != NULL);
    if (!program_invocation_name || !program_invocation_short_name)
        return DONE();
    if (argv0)
        EQ(strcmp(program_invocation_name, argv0), 0);
    slash = strrchr(program_invocation_name, '/');
    EQ(strcmp(program_invocation_short_name,
              slash ? slash + 1 : program_invocation_name),
       0);
    CHECK(strncmp(program_invocation_short_name, "progname", 8) == 0);
    program_invocation_short_name = mine; /* as gnulib's set_program_name */
    EQ(strcmp(program_invocation_short_name, "mine"), 0);
    return DONE();
}

#ifdef VOID_MAIN
int main(void)
{
    return check_names(NULL);
}
#else
int main(int argc, char **argv)
{
    EQ(argc, 2);
    return check_names(argv[0]);
}
#endif
