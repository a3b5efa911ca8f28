/*
 * instance.c - one side of the two-instances test (twice.mjs).
 *
 *   instance dirty yield|stdin   changes everything an instance owns: files
 *                                and directories, the current directory,
 *                                the umask, the environment, open
 *                                descriptors, 16 MiB more memory; then lets
 *                                the other instance run (sched_yield, which
 *                                the test serves, or until stdin ends) and
 *                                checks that all of it is still as it left it
 *   instance pristine            checks that nothing of that is here: the
 *                                filesystem as created, "/" as current
 *                                directory, umask 022, no such variable,
 *                                descriptor 3 the first free, memory under
 *                                1 MiB
 *
 * Prints a summary (check.h); exits 1 if any check failed.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define GROWTH (16 << 20)
#define FDS 100

static void dirty_state_holds(const char *big)
{
    char buf[64];
    struct stat st;
    mode_t old;
    int fd;

    STREQ(getcwd(buf, sizeof buf), "/tmp/work");
    old = umask(0);
    EQ(old, 077);
    umask(old);
    STREQ(getenv("ISOLATION"), "dirty");
    fd = OK(open("/tmp/work/file", O_RDONLY));
    EQ(read(fd, buf, sizeof buf), 6);
    CHECK(!memcmp(buf, "dirty\n", 6));
    OK(close(fd));
    OK(stat("/tmp/work/file", &st));
    EQ(st.st_mode & 0777, 0600);
    OK(access("/made", F_OK));
    for (fd = 3; fd < 3 + FDS; fd++)
        OK(fcntl(fd, F_GETFD));
    CHECK(big[0] == 'x' && big[GROWTH - 1] == 'y');
    CHECK(__builtin_wasm_memory_size(0) * 65536ul > GROWTH);
}

static int dirty(const char *how)
{
    char *big;
    int fd, i;

    OK(mkdir("/tmp/work", 0755));
    OK(chdir("/tmp/work"));
    umask(077);
    OK(setenv("ISOLATION", "dirty", 1));
    fd = OK(open("file", O_WRONLY | O_CREAT | O_EXCL, 0666));
    EQ(write(fd, "dirty\n", 6), 6);
    OK(close(fd));
    OK(mkdir("/made", 0755));
    OK(unlink("/dev/null"));
    OK(rename("/dev/zero", "/tmp/zero"));
    for (i = 0; i < FDS; i++)
        EQ(open("/tmp/work/file", O_RDONLY), 3 + i);
    big = malloc(GROWTH);
    if (!check_true(big != NULL, "malloc(16 MiB)", __LINE__))
        return DONE();
    memset(big, 'x', GROWTH - 1);
    big[GROWTH - 1] = 'y';
    dirty_state_holds(big);
    if (!strcmp(how, "yield")) {
        OK(sched_yield()); /* the other instance runs here */
    } else {
        char c;
        puts("ready");
        fflush(stdout);
        while (read(0, &c, 1) > 0) /* until the other process is done */
            ;
    }
    dirty_state_holds(big);
    return DONE();
}

static int pristine(void)
{
    char buf[64];
    struct stat st;
    mode_t old;
    int fd;

    STREQ(getcwd(buf, sizeof buf), "/");
    old = umask(0);
    EQ(old, 022);
    CHECK(getenv("ISOLATION") == NULL);
    STREQ(check_listing("/"), ". .. dev tmp");
    STREQ(check_listing("/tmp"), ". ..");
    OK(stat("/dev/null", &st));
    CHECK(S_ISCHR(st.st_mode));
    OK(stat("/dev/zero", &st));
    ERR(stat("/made", &st), ENOENT);
    ERR(fcntl(3, F_GETFD), EBADF);
    fd = OK(open("/dev/null", O_RDONLY));
    EQ(fd, 3);
    CHECK(__builtin_wasm_memory_size(0) < 16); /* pages: under 1 MiB */
    return DONE();
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "dirty") &&
        (!strcmp(argv[2], "yield") || !strcmp(argv[2], "stdin")))
        return dirty(argv[2]);
    if (argc == 2 && !strcmp(argv[1], "pristine"))
        return pristine();
    printf("usage: instance dirty yield|stdin | instance pristine\n");
    return 2;
}
