/* prestd: descriptors 0, 1, 2 before the program touches any file (the
 * filesystem does not exist yet and they are the host's), and how a close
 * made then carries over once the filesystem is created. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    char b[4];
    int fd;

    /* No file call before these: only host streams exist. */
    EQ(write(1, "", 0), 0);
    ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
    ERR(write(7, "x", 1), EBADF);
    ERR(read(5, b, 1), EBADF);
    ERR(close(3), EBADF);
    OK(close(0));
    ERR(close(0), EBADF);
    ERR(read(0, b, 1), EBADF);
    ERR(lseek(0, 0, SEEK_SET), EBADF);

    /* The first file: the filesystem is created with 0 left closed, so
     * the file gets the lowest free descriptor, 0. */
    fd = OK(open("/tmp/x", O_RDWR | O_CREAT, 0600));
    EQ(fd, 0);
    EQ(write(0, "abc", 3), 3);
    EQ(lseek(0, 0, SEEK_SET), 0);
    EQ(read(0, b, 3), 3);
    CHECK(memcmp(b, "abc", 3) == 0);
    CHECK(!isatty(0));
    ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
    EQ(fcntl(1, F_GETFL) & O_ACCMODE, O_WRONLY);
    EQ(write(2, "", 0), 0);
    return DONE();
}
