/* opendirat: a program with its own opendirat, of gnulib's four arguments
 * (grep's and find's fts), builds against <dirent.h>, which does not
 * declare wasi-libc's two-argument one, and links without "duplicate
 * symbol"; opendir, readdir and scandir still list a directory, and the
 * program's opendirat is the one it calls. Prints "opendirat, ok". */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

DIR *opendirat(int dirfd, char const *name, int extra_flags, int *pnew_fd)
{
    (void)dirfd, (void)name, (void)extra_flags;
    *pnew_fd = 42;
    return NULL;
}

int main(void)
{
    struct dirent *e, **list;
    int fd = -1, seen = 0, n;
    DIR *d;

    if (mkdir("/tmp/d", 0755) || mkdir("/tmp/d/sub", 0755))
        return 1;
    if (opendirat(AT_FDCWD, "/tmp/d", 0, &fd) || fd != 42)
        return 2; /* not the program's own */
    if (!(d = opendir("/tmp/d")))
        return 3;
    while ((e = readdir(d)))
        seen += !strcmp(e->d_name, "sub") && e->d_type == DT_DIR;
    closedir(d);
    n = scandir("/tmp/d", &list, NULL, alphasort);
    if (seen != 1 || n != 3 || strcmp(list[2]->d_name, "sub"))
        return 4;
    while (n--)
        free(list[n]);
    free(list);
    if (DT_SOCK == DT_UNKNOWN || DT_SOCK == DT_DIR || DT_SOCK == DT_FIFO)
        return 5;
    printf("opendirat, ok\n");
    return 0;
}
