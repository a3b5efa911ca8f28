/*
 * escape.c - a wasm32-wasi-vfs program that tries to reach what is not
 * its own: `..` chains from the root and from deep directories, absolute
 * paths that name host files (and the host directory it was started next
 * to, with its canary file), symlinks pointing outward, descriptor numbers
 * it was never given, the raw preview1 calls wasi-libc makes, and io/'s
 * direct access to host descriptors. Each attempt must end in its own
 * virtual filesystem or in the exact error Linux would give for a
 * filesystem holding only what the program made.
 *
 *   escape HOSTDIR CANARY
 *
 * HOSTDIR is an absolute host directory holding the file CANARY; the
 * runner may preopen it or not: the program must never see it either way.
 * Prints one FAIL line per broken expectation and a summary (check.h);
 * exits 1 if any failed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>
#include <wasi_io.h>

#include "check.h"

#define MARK "vfs marker\n"

static const char *hostdir, *canary;
static char canary_path[PATH_MAX];

/* Reads the file at path (through dirfd) and checks it is the marker. */
static void is_marker(int dirfd, const char *path)
{
    char buf[64];
    int fd = openat(dirfd, path, O_RDONLY);
    ssize_t n;
    if (!check_true(fd >= 0, path, __LINE__)) {
        printf("  (open %s: errno %d)\n", path, errno);
        return;
    }
    n = read(fd, buf, sizeof buf);
    EQ(n, sizeof MARK - 1);
    CHECK(n > 0 && !memcmp(buf, MARK, (size_t)n));
    OK(close(fd));
}

/* path leads nowhere: every way of looking through it gives ENOENT (with
 * link, path is a symlink itself, so lstat finds it). */
static void absent_(const char *path, int link)
{
    struct stat st;
    int line = __LINE__;
    errno = 0;
    if (open(path, O_RDONLY) != -1 || errno != ENOENT)
        printf("FAIL %s:%d: open(%s): errno %d, wanted ENOENT\n", __FILE__,
               line, path, errno), check_failed++;
    errno = 0;
    if (stat(path, &st) != -1 || errno != ENOENT)
        printf("FAIL %s:%d: stat(%s): errno %d, wanted ENOENT\n", __FILE__,
               line, path, errno), check_failed++;
    errno = 0;
    if (link ? lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)
             : lstat(path, &st) != -1 || errno != ENOENT)
        printf("FAIL %s:%d: lstat(%s): errno %d, wanted ENOENT\n", __FILE__,
               line, path, errno), check_failed++;
    errno = 0;
    if (access(path, F_OK) != -1 || errno != ENOENT)
        printf("FAIL %s:%d: access(%s): errno %d, wanted ENOENT\n", __FILE__,
               line, path, errno), check_failed++;
    errno = 0;
    if (opendir(path) != NULL || errno != ENOENT)
        printf("FAIL %s:%d: opendir(%s): errno %d, wanted ENOENT\n",
               __FILE__, line, path, errno), check_failed++;
    check_count += 5;
}

#define absent(path) absent_((path), 0)
#define dangling(path) absent_((path), 1)

static void setup(void)
{
    int fd;
    OK(mkdir("/a", 0755));
    OK(mkdir("/a/b", 0755));
    OK(mkdir("/a/b/c", 0755));
    OK(mkdir("/a/b/c/d", 0755));
    fd = OK(open("/marker", O_WRONLY | O_CREAT | O_EXCL, 0644));
    EQ(write(fd, MARK, sizeof MARK - 1), sizeof MARK - 1);
    OK(close(fd));
}

/* Descriptor numbers the program never opened: 3..2000 and odd values.
 * 1024 is the overlay's current-directory descriptor (libc-overlay
 * README): it reaches the program's own current directory and can be
 * neither closed nor replaced. */
static void foreign_descriptors(void)
{
    static const int odd[] = {-1, -3, -100, -1000, INT_MIN, INT_MAX, 2001,
                              4096, 65536, 1025, 1 << 30};
    struct stat st, root;
    char c;
    int fd, bad = 0;

    OK(stat("/", &root));
    for (fd = 3; fd <= 2000 + (int)(sizeof odd / sizeof odd[0]); fd++) {
        int n = fd <= 2000 ? fd : odd[fd - 2001];
        if (n == 1024)
            continue;
        errno = 0;
        bad += fstat(n, &st) != -1 || errno != EBADF;
        errno = 0;
        bad += openat(n, "marker", O_RDONLY) != -1 || errno != EBADF;
        errno = 0;
        bad += fstatat(n, "marker", &st, 0) != -1 || errno != EBADF;
        errno = 0;
        bad += fstatat(n, "/marker", &st, 0) != 0; /* absolute: dirfd unused */
        errno = 0;
        bad += read(n, &c, 1) != -1 || errno != EBADF;
        errno = 0;
        bad += write(n, "x", 1) != -1 || errno != EBADF;
        errno = 0;
        bad += close(n) != -1 || errno != EBADF;
        errno = 0;
        bad += fcntl(n, F_GETFD) != -1 || errno != EBADF;
        if (bad) {
            printf("FAIL %s:%d: descriptor %d is open or answers oddly\n",
                   __FILE__, __LINE__, n);
            check_failed++;
            bad = 0;
        }
        check_count += 8;
    }
    /* 1024: the current directory, the program's own */
    OK(fstat(1024, &st));
    EQ(st.st_ino, root.st_ino);
    is_marker(1024, "marker");
    ERR(close(1024), EBADF);
    ERR(dup2(0, 1024), EBADF);
    OK(chdir("/a"));
    OK(fstat(1024, &st));
    CHECK(st.st_ino != root.st_ino);
    OK(chdir("/"));
}

static void dotdot_chains(void)
{
    struct stat st, root;
    char buf[PATH_MAX], path[512];
    int i;

    OK(stat("/", &root));
    for (i = 0, path[0] = 0; i < 40; i++)
        strcat(path, "/..");
    OK(stat(path, &st));
    EQ(st.st_ino, root.st_ino);
    strcat(path, "/marker");
    is_marker(AT_FDCWD, path);
    OK(chdir("/a/b/c/d"));
    for (i = 0, path[0] = 0; i < 40; i++)
        strcat(path, "../");
    OK(stat(path, &st));
    EQ(st.st_ino, root.st_ino);
    STREQ(realpath(path, buf), "/");
    STREQ(getcwd(buf, sizeof buf), "/a/b/c/d");
    strcat(path, "marker");
    is_marker(AT_FDCWD, path);
    absent("../../../../../../../../etc/passwd");
    absent("/a/b/../../../../etc/passwd");
    OK(chdir("/"));
    STREQ(check_listing("/"), ". .. a dev marker tmp");
    STREQ(check_listing("/.."), ". .. a dev marker tmp");
    STREQ(check_listing("/dev"),
          ". .. null random stderr stdin stdout urandom zero");
    STREQ(check_listing("/tmp"), ". ..");
}

static void host_paths(const char *self)
{
    static const char *const paths[] = {
        "/etc/passwd", "/etc/hostname", "/etc", "/proc/self/environ",
        "/proc/self/root/etc/passwd", "/proc/self/fd/0", "/proc/1/root",
        "/sys/kernel", "/work", "/work/main", "/root", "/root/.ssh",
        "/home", "/usr/bin/node", "/bin/sh", "/dev/sda", "/dev/tty",
        "/dev/fd/0", "/tmp/..", NULL};
    int i;
    for (i = 0; paths[i]; i++)
        if (strcmp(paths[i], "/tmp/.."))
            absent(paths[i]);
    absent(hostdir);
    absent(canary_path);
    absent(self); /* the module's own path on the host */
    ERR(open(canary_path, O_WRONLY | O_CREAT, 0644), ENOENT);
    ERR(mkdir(canary_path, 0755), ENOENT);
    ERR(unlink(canary_path), ENOENT);
    ERR(rename("/marker", canary_path), ENOENT);
    STREQ(check_listing("/"), ". .. a dev marker tmp");
}

static void outward_symlinks(void)
{
    char buf[PATH_MAX], target[PATH_MAX];
    ssize_t n;
    int i;

    OK(symlink("/etc/passwd", "/a/abs"));
    dangling("/a/abs");
    n = readlink("/a/abs", buf, sizeof buf);
    EQ(n, 11);
    CHECK(n == 11 && !memcmp(buf, "/etc/passwd", 11));
    for (i = 0, target[0] = 0; i < 60; i++)
        strcat(target, "../");
    strcat(target, "etc/passwd");
    OK(symlink(target, "/a/b/rel"));
    dangling("/a/b/rel");
    OK(symlink(hostdir, "/host"));
    dangling("/host");
    snprintf(buf, sizeof buf, "/host/%s", canary);
    absent(buf);
    OK(symlink(canary_path, "/canary"));
    dangling("/canary");
    ERR(open("/canary", O_WRONLY | O_CREAT, 0644), ENOENT);
    OK(symlink("/proc/self/root", "/pr"));
    absent("/pr/etc/passwd");
    /* inward they work: they lead to the program's own files */
    OK(symlink("../../../../../../../../marker", "/a/b/c/back"));
    is_marker(AT_FDCWD, "/a/b/c/back");
    OK(symlink("/new", "/a/new-link"));
    ERR(open("/a/new-link", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    OK(close(OK(open("/a/new-link", O_WRONLY | O_CREAT, 0644))));
    OK(access("/new", F_OK));
    OK(symlink("loop", "/loop"));
    ERR(open("/loop", O_RDONLY), ELOOP);
}

/* The preview1 functions, called as wasi-libc calls them. */
static void raw_wasi(void)
{
    static const char host_rel[] = "etc/passwd";
    uint8_t buf[256];
    __wasi_iovec_t iov = {buf, sizeof buf};
    __wasi_ciovec_t ciov = {(const uint8_t *)"x", 1};
    __wasi_prestat_t pre;
    __wasi_size_t n;
    __wasi_fd_t fd;
    int i;

    for (i = 3; i <= 64; i++) {
        EQ(__wasi_fd_read(i, &iov, 1, &n), __WASI_ERRNO_BADF);
        EQ(__wasi_fd_write(i, &ciov, 1, &n), __WASI_ERRNO_BADF);
        EQ(__wasi_fd_readdir(i, buf, sizeof buf, 0, &n), __WASI_ERRNO_BADF);
        EQ(__wasi_path_open(i, 0, "marker", 0, __WASI_RIGHTS_FD_READ, 0, 0,
                            &fd),
           __WASI_ERRNO_BADF);
        if (i > 3)
            EQ(__wasi_fd_prestat_get(i, &pre), __WASI_ERRNO_BADF);
    }
    /* the one preopen: "/" of the program's own filesystem, at 3 */
    EQ(__wasi_fd_prestat_get(3, &pre), 0);
    EQ(pre.tag, __WASI_PREOPENTYPE_DIR);
    EQ(pre.u.dir.pr_name_len, 1);
    EQ(__wasi_fd_prestat_dir_name(3, buf, 1), 0);
    EQ(buf[0], '/');
    is_marker(3, "marker");
    is_marker(3, "../../../../marker");
    EQ(__wasi_path_open(3, 0, host_rel, 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd),
       __WASI_ERRNO_NOENT);
    EQ(__wasi_path_open(3, 0, "../../../../../etc/passwd", 0,
                        __WASI_RIGHTS_FD_READ, 0, 0, &fd),
       __WASI_ERRNO_NOENT);
    EQ(__wasi_path_open(3, 0, hostdir + 1, 0, __WASI_RIGHTS_FD_READ, 0, 0,
                        &fd),
       __WASI_ERRNO_NOENT);
    EQ(__wasi_path_open(3, 0, canary_path + 1, __WASI_OFLAGS_CREAT,
                        __WASI_RIGHTS_FD_WRITE, 0, 0, &fd),
       __WASI_ERRNO_NOENT);
    EQ(__wasi_fd_prestat_get(4, &pre), __WASI_ERRNO_BADF);
    OK(close(3));
}

/* io/'s host descriptors reach the host's streams, which are not files:
 * whatever the host holds at 3 and up (a preopened directory) gives no
 * byte. */
static void host_descriptors(void)
{
    char buf[256];
    int fd, bad = 0;

    for (fd = 3; fd <= 64; fd++) {
        ptrdiff_t r = wasi_io_host_read(fd, buf, sizeof buf);
        ptrdiff_t w = wasi_io_host_write(fd, "x", 1);
        if (r >= 0 || w >= 0) {
            printf("FAIL %s:%d: host descriptor %d: read %td, write %td\n",
                   __FILE__, __LINE__, fd, r, w);
            bad++;
        }
    }
    EQ(bad, 0);
}

int main(int argc, char **argv)
{
    if (argc != 3 || argv[1][0] != '/') {
        printf("usage: escape HOSTDIR CANARY\n");
        return 2;
    }
    hostdir = argv[1];
    canary = argv[2];
    snprintf(canary_path, sizeof canary_path, "%s/%s", hostdir, canary);
    setup();
    foreign_descriptors();
    dotdot_chains();
    host_paths(argv[0]);
    outward_symlinks();
    raw_wasi();
    host_descriptors();
    return DONE();
}
