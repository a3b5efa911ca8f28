/*
 * stdin-seek.c - seeking on the host's stdin (libc-overlay/src/preview1/
 * host_seek.c), before and after the filesystem exists. Run with stdin
 * redirected from a file holding "abcdef" and the argument "file": the
 * seeks work as on Linux (and wasm32-wasi); with stdin a pipe and the
 * argument "pipe": each fails with ESPIPE, as on Linux.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

int main(int argc, char **argv)
{
    int file = argc > 1 && strcmp(argv[1], "file") == 0;
    int fd;

    EQ(getchar(), 'a');
    if (file) {
        /* no filesystem yet: descriptors 0-2 are the host's */
        OK(fseek(stdin, 2, SEEK_SET));
        EQ(getchar(), 'c');
        EQ(lseek(0, 0, SEEK_CUR), 6); /* stdio read all of it */
        EQ(lseek(0, -1, SEEK_END), 5);
        /* the filesystem made: descriptor 0 is /dev/stdin */
        fd = OK(open("/tmp/x", O_RDWR | O_CREAT, 0600));
        EQ(lseek(0, 1, SEEK_SET), 1);
        EQ(lseek(0, 0, SEEK_CUR), 1);
        clearerr(stdin);
        OK(fseek(stdin, 4, SEEK_SET));
        EQ(getchar(), 'e');
        EQ(ftell(stdin), 5);
        ERR(lseek(0, -10, SEEK_SET), EINVAL);
        OK(close(fd));
    } else {
        ERR(fseek(stdin, 2, SEEK_SET), ESPIPE);
        ERR(lseek(0, 0, SEEK_CUR), ESPIPE);
        fd = OK(open("/tmp/x", O_RDWR | O_CREAT, 0600));
        ERR(lseek(0, 0, SEEK_SET), ESPIPE);
        EQ(getchar(), 'b');
        OK(close(fd));
    }
    ERR(lseek(1, 0, SEEK_CUR), ESPIPE); /* ctest's stdout: a pipe */
    return DONE();
}
