/* devices: /dev/null, /dev/zero, /dev/random, /dev/urandom, /dev/stdin,
 * /dev/stdout, /dev/stderr; isatty; seeking host streams. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    unsigned char b[32];
    struct stat st;
    int fd, i, zero;
    FILE *f;

    OK(stat("/dev/null", &st));
    CHECK(S_ISCHR(st.st_mode));
    EQ(st.st_mode & 0777, 0666);
    fd = OK(open("/dev/null", O_RDWR));
    EQ(write(fd, "abc", 3), 3);
    EQ(read(fd, b, sizeof b), 0);
    CHECK(!isatty(fd));
    EQ(errno, ENOTTY);
    OK(lseek(fd, 10, SEEK_SET));
    OK(close(fd));

    fd = OK(open("/dev/zero", O_RDONLY));
    memset(b, 1, sizeof b);
    EQ(read(fd, b, sizeof b), sizeof b);
    for (i = zero = 0; i < 32; i++)
        zero += b[i] == 0;
    EQ(zero, 32);
    OK(close(fd));

    for (i = 0; i < 2; i++) {
        const char *name = i ? "/dev/random" : "/dev/urandom";
        OK(stat(name, &st));
        CHECK(S_ISCHR(st.st_mode));
        EQ(st.st_mode & 0777, 0666);
        fd = OK(open(name, O_RDWR));
        memset(b, 0, sizeof b);
        EQ(read(fd, b, sizeof b), sizeof b);
        for (zero = 0, st.st_size = 0; st.st_size < 32; st.st_size++)
            zero += b[st.st_size] == 0;
        CHECK(zero < 8);
        EQ(write(fd, "x", 1), 1); /* accepted, dropped */
        OK(close(fd));
    }
    f = fopen("/dev/urandom", "r");
    CHECK(f && fread(b, 1, 8, f) == 8);
    if (f)
        fclose(f);

    /* the host's streams, by name and by number */
    OK(stat("/dev/stdout", &st));
    CHECK(S_ISCHR(st.st_mode));
    fd = OK(open("/dev/stdout", O_WRONLY));
    EQ(write(fd, "via /dev/stdout\n", 16), 16);
    ERR(lseek(fd, 0, SEEK_CUR), ESPIPE);
    OK(close(fd));
    fd = OK(open("/dev/stderr", O_WRONLY));
    EQ(write(fd, "via /dev/stderr\n", 16), 16);
    OK(close(fd));
    ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
    fd = OK(dup(1));
    EQ(write(fd, "via dup(1)\n", 11), 11);
    EQ(isatty(fd), isatty(1)); /* the host's answer */
    OK(close(fd));
    fd = OK(open("/dev/stdin", O_RDONLY));
    OK(fstat(fd, &st));
    CHECK(S_ISCHR(st.st_mode));
    OK(close(fd));
    ERR(open("/dev/nothing", O_RDONLY), ENOENT);
    return DONE();
}
