/* emit: a hostile guest. Copies its stdin, byte for byte, to the host
 * stream that WASI_VFS_OUT names ("DIR:FD"), through the raw preview1
 * import (not the C library), then exits with argv[1] (default 0). It
 * ends with _Exit, so the module's own export (an atexit function) never
 * runs: the runner gets exactly the bytes the test chose. Built for
 * wasm32-wasi-vfs with the transfer part, which the runner looks for
 * before it takes --out: a file call that never runs links it in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ciovec { const void *buf; uint32_t len; };

__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int32_t host_fd_write(int32_t fd, const struct ciovec *iov, int32_t n, uint32_t *done);

int main(int argc, char **argv)
{
    const char *spec = getenv("WASI_VFS_OUT"), *colon;
    static char buf[65536];
    ssize_t n;
    int fd;
    if (!spec || !(colon = strrchr(spec, ':')))
        return 100;
    fd = atoi(colon + 1);
    while ((n = read(0, buf, sizeof buf)) > 0) {
        struct ciovec v = {buf, (uint32_t)n};
        uint32_t done = 0;
        if (host_fd_write(fd, &v, 1, &done) || done != (uint32_t)n)
            return 101;
    }
    if (argc > 2)
        remove(argv[2]); /* never called by the tests */
    _Exit(argc > 1 ? atoi(argv[1]) : 0);
}
