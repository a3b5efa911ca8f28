/* dirs: opendir/readdir (types, inodes, stability while the directory
 * changes, across fd_readdir buffer refills), rewinddir/seekdir/telldir,
 * scandir, realpath, getcwd/chdir/fchdir (a removed current directory
 * too), relative paths and AT_FDCWD. */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define N 600 /* more entries than one fd_readdir buffer holds */

static void make(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd >= 0)
        close(fd);
}

static int walked, walked_dirs;

static int walk(const char *path, const struct stat *st, int type,
                struct FTW *f)
{
    (void)path;
    (void)f;
    walked++;
    walked_dirs += type == FTW_D || type == FTW_DP;
    return S_ISDIR(st->st_mode) != (type == FTW_D || type == FTW_DP);
}

static int not_dots(const struct dirent *d)
{
    return strcmp(d->d_name, ".") && strcmp(d->d_name, "..");
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
    static unsigned char seen[N];
    char name[64], buf[PATH_MAX], *p;
    struct dirent *de, **list;
    struct stat st;
    DIR *d;
    int i, n, fd, top, dots, others, dup_or_bad;
    long pos;

    OK(mkdir("/w", 0755));
    for (i = 0; i < N; i++) {
        snprintf(name, sizeof name, "/w/entry-with-a-long-name-%04d", i);
        make(name);
    }
    OK(mkdir("/w/sub", 0755));
    OK(symlink("sub", "/w/link"));

    /* every entry once, with its type and inode */
    d = opendir("/w");
    CHECK(d != NULL);
    dots = others = dup_or_bad = 0;
    while ((errno = 0, de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) {
            dots++;
            CHECK(de->d_type == DT_DIR);
            continue;
        }
        if (!strcmp(de->d_name, "sub")) {
            CHECK(de->d_type == DT_DIR);
            others++;
            continue;
        }
        if (!strcmp(de->d_name, "link")) {
            CHECK(de->d_type == DT_LNK);
            others++;
            continue;
        }
        CHECK(de->d_type == DT_REG);
        snprintf(name, sizeof name, "/w/%s", de->d_name);
        OK(stat(name, &st));
        EQ(de->d_ino, st.st_ino);
        if (sscanf(de->d_name, "entry-with-a-long-name-%d", &i) != 1 ||
            i < 0 || i >= N || seen[i]++)
            dup_or_bad++;
    }
    EQ(errno, 0);
    EQ(dots, 2);
    EQ(others, 2);
    EQ(dup_or_bad, 0);
    for (i = n = 0; i < N; i++)
        n += seen[i];
    EQ(n, N);

    /* stability: remove every other entry and add new ones while
     * walking; entries present throughout are listed exactly once */
    rewinddir(d);
    memset(seen, 0, sizeof seen);
    n = 0;
    while ((de = readdir(d))) {
        if (sscanf(de->d_name, "entry-with-a-long-name-%d", &i) == 1 &&
            i >= 0 && i < N) {
            seen[i]++;
            if (n++ % 50 == 0) {
                int j;
                for (j = 1; j < N; j += 2) {
                    snprintf(name, sizeof name,
                             "/w/entry-with-a-long-name-%04d", j);
                    unlink(name);
                }
                snprintf(name, sizeof name, "/w/new-%d", n);
                make(name);
            }
        }
    }
    dup_or_bad = 0;
    for (i = 0; i < N; i += 2)
        dup_or_bad += seen[i] != 1; /* never removed: exactly once */
    for (i = 1; i < N; i += 2)
        dup_or_bad += seen[i] > 1; /* removed: at most once */
    EQ(dup_or_bad, 0);

    /* telldir / seekdir */
    rewinddir(d);
    readdir(d);
    readdir(d);
    pos = telldir(d);
    de = readdir(d);
    CHECK(de != NULL);
    snprintf(name, sizeof name, "%s", de ? de->d_name : "");
    readdir(d);
    seekdir(d, pos);
    de = readdir(d);
    CHECK(de != NULL);
    STREQ(de ? de->d_name : NULL, name);
    OK(closedir(d));

    /* opendir errors */
    CHECK(opendir("/w/missing") == NULL && errno == ENOENT);
    d = opendir("/w/link/"); /* a symlink to a directory */
    CHECK(d != NULL);
    if (d)
        closedir(d);
    CHECK(opendir("/w/new-1") == NULL && errno == ENOTDIR);
    OK(chmod("/w/sub", 0000)); /* root reads any directory */
    d = opendir("/w/sub");
    CHECK(d != NULL);
    if (d)
        closedir(d);
    OK(chmod("/w/sub", 0755));
    fd = OK(open("/w", O_RDONLY | O_DIRECTORY));
    d = fdopendir(fd);
    CHECK(d != NULL);
    OK(closedir(d));
    ERR(fcntl(fd, F_GETFD), EBADF); /* closedir closed it */

    /* scandir */
    n = scandir("/w", &list, not_dots, by_name);
    CHECK(n > N / 2);
    CHECK(n > 1 && strcmp(list[0]->d_name, list[1]->d_name) < 0);
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    EQ(scandir("/w/missing", &list, NULL, NULL), -1);
    EQ(errno, ENOENT);
    n = scandir("/w/sub", &list, NULL, by_name);
    EQ(n, 2);
    STREQ(list[0]->d_name, ".");
    STREQ(list[1]->d_name, "..");
    free(list[0]);
    free(list[1]);
    free(list);

    /* wasi-libc's nftw and glob, over the overlay's stat and opendir */
    n = scandir("/w", &list, not_dots, NULL);
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    EQ(nftw("/w", walk, 8, FTW_PHYS), 0);
    EQ(walked, n + 1 + 0); /* the entries plus /w itself; sub is empty */
    EQ(walked_dirs, 2);
    {
        glob_t g;
        EQ(glob("/w/entry-with-a-long-name-00[0-3]?", 0, NULL, &g), 0);
        EQ(g.gl_pathc, 20); /* the even ones of 0000..0039 */
        STREQ(g.gl_pathv[0], "/w/entry-with-a-long-name-0000");
        globfree(&g);
        EQ(glob("/w/nothing*", 0, NULL, &g), GLOB_NOMATCH);
    }

    /* realpath */
    p = realpath("/w/link/../sub/./", NULL);
    STREQ(p, "/w/sub");
    free(p);
    CHECK(realpath("/w//sub", buf) == buf);
    STREQ(buf, "/w/sub");
    CHECK(realpath("/w/missing", buf) == NULL && errno == ENOENT);
    CHECK(realpath("", buf) == NULL && errno == ENOENT);
    CHECK(realpath("/w/new-1/x", buf) == NULL && errno == ENOTDIR);
    CHECK(realpath(NULL, buf) == NULL && errno == EINVAL);

    /* the current directory */
    STREQ(getcwd(buf, sizeof buf), "/");
    top = OK(open(".", O_RDONLY | O_DIRECTORY));
    OK(chdir("/w/link"));
    STREQ(getcwd(buf, sizeof buf), "/w/sub");
    p = getcwd(NULL, 0);
    STREQ(p, "/w/sub");
    free(p);
    CHECK(getcwd(buf, 3) == NULL && errno == ERANGE);
    CHECK(getcwd(buf, 0) == NULL && errno == EINVAL);
    make("here");
    OK(stat("/w/sub/here", &st));
    OK(stat("../sub/here", &st));
    OK(access("here", R_OK));
    OK(rename("here", "../there"));
    OK(stat("/w/there", &st));
    fd = OK(open("..", O_RDONLY | O_DIRECTORY));
    OK(fstatat(AT_FDCWD, "../there", &st, 0));
    OK(fchdir(fd));
    STREQ(getcwd(buf, sizeof buf), "/w");
    OK(close(fd));
    ERR(chdir("there"), ENOTDIR);
    ERR(chdir("missing"), ENOENT);
    ERR(chdir(""), ENOENT);
    ERR(fchdir(-1), EBADF);
    fd = OK(open("there", O_RDONLY));
    ERR(fchdir(fd), ENOTDIR);
    OK(close(fd));
    OK(chmod("sub", 0000)); /* root searches any directory */
    OK(chdir("sub"));
    OK(chdir(".."));
    OK(chmod("sub", 0755));
    STREQ(getcwd(buf, sizeof buf), "/w");
    /* the current directory follows a rename */
    OK(chdir("sub"));
    OK(rename("/w/sub", "/w/moved"));
    STREQ(getcwd(buf, sizeof buf), "/w/moved");
    /* a removed current directory */
    OK(mkdir("/w/gone", 0755));
    OK(chdir("/w/gone"));
    OK(rmdir("/w/gone"));
    CHECK(getcwd(buf, sizeof buf) == NULL && errno == ENOENT);
    ERR(open("x", O_WRONLY | O_CREAT, 0644), ENOENT);
    /* it opens, and lists nothing: the end, no error (as glibc on Linux) */
    d = opendir(".");
    CHECK(d != NULL);
    if (d) {
        errno = 0;
        CHECK(readdir(d) == NULL && errno == 0);
        OK(closedir(d));
    }
    OK(fchdir(top));
    STREQ(getcwd(buf, sizeof buf), "/");
    OK(close(top));

    return DONE();
}
