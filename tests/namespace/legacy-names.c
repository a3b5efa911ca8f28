/* legacy-names: a program that defines names a C library must not take:
 * io/'s old API (io_read, io_write, ...), the vfs core's (vfs_open, ...)
 * and the embedder exports' (wasi_vfs_write_file, ...), and uses files, so
 * that the whole file layer and the transfer of files are in its link.
 * Prints "N names, ok" when each of its own definitions is the one called. */
#include <stdio.h>
#include <string.h>

#define OWN(name) int name(int x) { return x + (int)sizeof #name; }
OWN(io_read) OWN(io_write) OWN(io_skip) OWN(io_flush) OWN(io_copy)
OWN(io_poll) OWN(io_strerror) OWN(io_read_all) OWN(io_splice)
OWN(io_host_read) OWN(io_host_write) OWN(io_input_close)
OWN(vfs_open) OWN(vfs_read) OWN(vfs_write) OWN(vfs_create) OWN(vfs_close)
OWN(vfs_stat) OWN(vfs_mkdirat) OWN(vfs_realpath)
OWN(wasi_vfs_write_file) OWN(wasi_vfs_alloc) OWN(wasi_vfs_list)
int io_stdin = 1, io_stdout = 2, io_stderr = 3;

int main(void)
{
    int (*fns[])(int) = {io_read, io_write, io_skip, io_flush, io_copy,
        io_poll, io_strerror, io_read_all, io_splice, io_host_read,
        io_host_write, io_input_close, vfs_open, vfs_read, vfs_write,
        vfs_create, vfs_close, vfs_stat, vfs_mkdirat, vfs_realpath,
        wasi_vfs_write_file, wasi_vfs_alloc, wasi_vfs_list};
    const char *names[] = {"io_read", "io_write", "io_skip", "io_flush",
        "io_copy", "io_poll", "io_strerror", "io_read_all", "io_splice",
        "io_host_read", "io_host_write", "io_input_close", "vfs_open",
        "vfs_read", "vfs_write", "vfs_create", "vfs_close", "vfs_stat",
        "vfs_mkdirat", "vfs_realpath", "wasi_vfs_write_file",
        "wasi_vfs_alloc", "wasi_vfs_list"};
    size_t i, n = sizeof fns / sizeof fns[0];
    char buf[16];
    FILE *f;

    for (i = 0; i < n; i++)
        if (fns[i](0) != (int)strlen(names[i]) + 1) {
            printf("%s: not the program's own\n", names[i]);
            return 1;
        }
    if (io_stdin + io_stdout + io_stderr != 6)
        return 2;
    f = fopen("/tmp/names.txt", "w+");
    if (!f || fputs("files work", f) < 0 || fseek(f, 0, SEEK_SET) ||
        !fgets(buf, sizeof buf, f) || strcmp(buf, "files work"))
        return 3;
    fclose(f);
    printf("%zu names, ok\n", n + 3);
    return 0;
}
