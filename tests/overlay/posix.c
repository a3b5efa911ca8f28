/*
 * posix.c - the POSIX surface of wasm32-wasi-vfs beyond files: socket
 * calls on the module's descriptors (ENOTSOCK, or EBADF for one not open;
 * nothing reaches the host), the user model (root: a file created with
 * mode 0 opens again), the Unix macros, and the stack (a 64 KiB local
 * buffer fits; RLIMIT_STACK reports it).
 */
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"

#if !defined(__unix__) || !defined(__unix)
#error "__unix__ and __unix are defined on wasm32-wasi-vfs"
#endif

static int fill(int n)
{
    volatile char big[65536];
    big[0] = (char)n;
    big[sizeof big - 1] = (char)n;
    return big[0] + big[sizeof big - 1];
}

int main(void)
{
    char buf[8];
    int fd, v, p[2];
    socklen_t len = sizeof v;
    struct sockaddr sa;
    socklen_t salen = sizeof sa;
    struct rlimit rl;

    /* sockets: a file, a pipe, a standard stream, a closed descriptor */
    fd = OK(open("/tmp/f", O_RDWR | O_CREAT, 0644));
    OK(pipe(p));
    ERR(shutdown(fd, SHUT_RDWR), ENOTSOCK);
    ERR(shutdown(p[0], SHUT_RD), ENOTSOCK);
    ERR(shutdown(0, SHUT_RD), ENOTSOCK);
    ERR(send(fd, "x", 1, 0), ENOTSOCK);
    ERR(recv(fd, buf, sizeof buf, 0), ENOTSOCK);
    ERR(accept(fd, &sa, &salen), ENOTSOCK);
    ERR(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), ENOTSOCK);
    ERR(getsockopt(1, 6 /* TCP */, 1, &v, &len), ENOTSOCK);
    ERR(shutdown(99, SHUT_RDWR), EBADF);
    ERR(send(99, "x", 1, 0), EBADF);
    ERR(recv(-1, buf, sizeof buf, 0), EBADF);
    ERR(accept(99, &sa, &salen), EBADF);
    ERR(getsockopt(99, SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
    ERR(shutdown(1024, SHUT_RDWR), EBADF); /* the current directory's */
    OK(close(p[0]));
    OK(close(p[1]));
    OK(close(fd));
    ERR(shutdown(fd, SHUT_RDWR), EBADF);

    /* root: a mode-0 file (open without a mode) opens again */
    fd = OK(open("/tmp/m0", O_WRONLY | O_CREAT | O_EXCL, 0));
    EQ(write(fd, "hi", 2), 2);
    OK(close(fd));
    fd = OK(open("/tmp/m0", O_RDONLY));
    EQ(read(fd, buf, sizeof buf), 2);
    OK(close(fd));
    OK(access("/tmp/m0", R_OK | W_OK));
    ERR(access("/tmp/m0", X_OK), EACCES);
    EQ(geteuid(), 0);

    /* the stack */
    EQ(fill(3), 6);
    OK(getrlimit(RLIMIT_STACK, &rl));
    EQ(rl.rlim_cur, 512 * 1024);
    OK(getrlimit(RLIMIT_NOFILE, &rl));
    EQ(rl.rlim_cur, 1024);

    return DONE();
}
