/* stdpath: a hostile guest (plain wasm32-wasi). Calls the raw preview1
 * path functions on descriptors that are not directories: 0, 1, 2 (the
 * standard streams) and 40 (not open), and fd_readdir on them, printing
 * one line "CALL FD ERRNO" each (0 would mean the host did it). With the
 * argument "two", the calls that take two descriptors get the preopen 3
 * as the first and descriptor 1 as the second. */
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static void show(const char *call, int fd, int err)
{
    printf("%s %d %d\n", call, fd, err);
}

int main(int argc, char **argv)
{
    static const int fds[] = {0, 1, 2, 40};
    unsigned i;
    if (argc > 1 && !strcmp(argv[1], "two")) {
        show("path_link", 1, __wasi_path_link(3, 0, "f", 1, "linked"));
        show("path_rename", 1, __wasi_path_rename(3, "f", 1, "renamed"));
        return 0;
    }
    for (i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        int fd = fds[i];
        __wasi_filestat_t st;
        __wasi_fd_t opened;
        char buf[64];
        __wasi_size_t n;
        show("path_create_directory", fd, __wasi_path_create_directory(fd, "newdir"));
        show("path_filestat_get", fd, __wasi_path_filestat_get(fd, 0, "../../../../etc/passwd", &st));
        show("path_open", fd, __wasi_path_open(fd, 0, "x", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, 0, &opened));
        show("path_readlink", fd, __wasi_path_readlink(fd, "l", (uint8_t *)buf, sizeof buf, &n));
        show("path_remove_directory", fd, __wasi_path_remove_directory(fd, "d"));
        show("path_unlink_file", fd, __wasi_path_unlink_file(fd, "f"));
        show("path_symlink", fd, __wasi_path_symlink("/etc", fd, "s"));
        show("path_rename", fd, __wasi_path_rename(fd, "a", fd, "b"));
        show("path_link", fd, __wasi_path_link(fd, 0, "a", fd, "b"));
        show("path_filestat_set_times", fd, __wasi_path_filestat_set_times(fd, 0, "t", 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
        show("fd_readdir", fd, __wasi_fd_readdir(fd, (uint8_t *)buf, sizeof buf, 0, &n));
    }
    return 0;
}
