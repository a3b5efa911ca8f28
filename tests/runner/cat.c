/* cat [-o OUT] [IN...]: copy each IN (default: stdin) to OUT (default: stdout).
 * Uses read/write directly so every byte crosses fd_read/fd_write.
 * Exit status: 0 on success, 1 on any open/read/write error (message on stderr). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[65536];

/* Write all of buf[0..n) to fd; returns 0, or -1 on a write error. */
static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Copy in to out until end of file; returns 0, or -1 on error (reported). */
static int copy(int in, int out, const char *name)
{
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n == 0)
            return 0;
        if (n < 0) {
            perror(name);
            return -1;
        }
        if (write_all(out, buf, (size_t)n) < 0) {
            perror("write");
            return -1;
        }
    }
}

int main(int argc, char **argv)
{
    int out = 1, i = 1, status = 0;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0) {
            perror(argv[2]);
            return 1;
        }
        i = 3;
    }
    if (i == argc)
        return copy(0, out, "stdin") ? 1 : 0;
    for (; i < argc; i++) {
        int in = open(argv[i], O_RDONLY);
        if (in < 0) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        if (copy(in, out, argv[i]) < 0)
            status = 1;
        close(in);
    }
    if (out != 1 && close(out) < 0) {
        perror("close");
        status = 1;
    }
    return status;
}
