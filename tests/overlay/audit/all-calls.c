/* all-calls: links every call the overlay serves or adds (nothing runs:
 * main returns before them), so that the import audit sees all of them.
 * It must import nothing but the allowed preview1 functions, and not
 * poll_oneoff: it never polls. */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <grp.h>
#include <pwd.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include <wasi/api.h>
#include <wasi/libc.h>
#include <wasi/libc-find-relpath.h>

/* wasi-libc's own extension, which <dirent.h> does not declare (the
 * name is a program's): declared as a program that calls it does */
DIR *opendirat(int, const char *);

static volatile long sink;
static jmp_buf env;

#define USE(x) (sink += (long)(x))
#define USEP(x) (sink += (long)(void *)(x))

static int walk(const char *p, const struct stat *st, int t, struct FTW *f)
{
    (void)p, (void)st, (void)t, (void)f;
    return 0;
}

static void every_call(void)
{
    char buf[256], t[] = "/tmp/xXXXXXX", *argv[] = {"x", NULL};
    const char *abs;
    char *rel = buf;
    struct stat st;
    struct statvfs sv;
    struct flock fl = {0};
    struct timespec ts[2] = {{0}};
    struct timeval tv[2] = {{0}};
    struct utimbuf ub = {0};
    struct dirent **list;
    struct passwd pw, *pp;
    struct group gr, *gp;
    struct tms tm;
    glob_t g;
    int p[2], fd = open("f", O_RDWR | O_CREAT, 0644);
    DIR *d;
    FILE *f;
    __wasi_fd_t wfd;
    __wasi_size_t n;
    __wasi_filestat_t fst;
    __wasi_filesize_t off;
    __wasi_ciovec_t iov = {(const uint8_t *)buf, 1};

    /* descriptors and data */
    USE(openat(AT_FDCWD, "f", O_RDONLY));
    USE(creat("g", 0600));
    USE(read(fd, buf, 1) + write(fd, buf, 1));
    USE(pread(fd, buf, 1, 0) + pwrite(fd, buf, 1, 0));
    USE(lseek(fd, 0, SEEK_SET) + lseek(fd, 0, SEEK_CUR));
    USE(fsync(fd) + fdatasync(fd) + ftruncate(fd, 0) + truncate("f", 0));
    USE(posix_fallocate(fd, 0, 1) + posix_fadvise(fd, 0, 0, 0));
    USE(dup(fd) + dup2(fd, 9) + dup3(fd, 9, O_CLOEXEC));
    USE(fcntl(fd, F_SETLK, &fl) + fcntl(fd, F_DUPFD_CLOEXEC, 3));
    USE(flock(fd, LOCK_EX) + lockf(fd, F_TLOCK, 0));
    USE(pipe(p) + pipe2(p, O_NONBLOCK));
    USE(isatty(fd));
    USE(close(fd));

    /* metadata */
    USE(stat("f", &st) + fstat(fd, &st) + lstat("f", &st));
    USE(fstatat(AT_FDCWD, "f", &st, 0));
    USE(access("f", R_OK) + faccessat(AT_FDCWD, "f", W_OK, 0));
    USE(chmod("f", 0) + fchmod(fd, 0) + fchmodat(AT_FDCWD, "f", 0, 0));
    USE(chown("f", 0, 0) + fchown(fd, 0, 0) + lchown("f", 0, 0));
    USE(fchownat(AT_FDCWD, "f", 0, 0, 0));
    USE(umask(0));
    USE(utime("f", &ub) + utimes("f", tv));
    USE(utimensat(AT_FDCWD, "f", ts, 0) + futimens(fd, ts));
    USE(statvfs("/", &sv) + fstatvfs(fd, &sv));

    /* names and directories */
    USE(mkdir("d", 0) + mkdirat(AT_FDCWD, "e", 0) + rmdir("d"));
    USE(unlink("f") + unlinkat(AT_FDCWD, "f", 0) + remove("f"));
    USE(rename("a", "b") + renameat(AT_FDCWD, "a", AT_FDCWD, "b"));
    USE(link("a", "b") + linkat(AT_FDCWD, "a", AT_FDCWD, "b", 0));
    USE(symlink("a", "b") + symlinkat("a", AT_FDCWD, "b"));
    USE(readlink("b", buf, 1) + readlinkat(AT_FDCWD, "b", buf, 1));
    d = opendir(".");
    USEP(readdir(d));
    rewinddir(d);
    seekdir(d, telldir(d));
    USE(closedir(d) + closedir(fdopendir(fd)) + (long)opendirat(fd, "."));
    USE(scandir(".", &list, NULL, alphasort));
    USE(nftw("/", walk, 4, FTW_PHYS) + glob("*", 0, NULL, &g));
    USEP(getcwd(buf, sizeof buf));
    USE(chdir("/") + fchdir(fd));
    USEP(realpath(".", buf));

    /* temporary files */
    USE(mkstemp(t) + mkostemp(t, 0) + mkstemps(t, 0) + (long)mkdtemp(t));
    USEP(mktemp(t));
    USEP(tmpfile());
    USEP(tmpnam(buf));
    USEP(tempnam(0, 0));

    /* stdio */
    f = fopen("f", "w+");
    USE(fprintf(f, "%d", 1) + fputs("x", f) + fflush(f));
    USE(fseek(f, 0, SEEK_SET) + ftell(f) + fread(buf, 1, 1, f));
    USEP(fgets(buf, 2, f));
    USE(fwrite(buf, 1, 1, f));
    USEP(freopen("f", "r", stdin));
    USEP(fdopen(fd, "r"));
    USE(fclose(f));
    USE(printf("%s", buf) + puts(buf) + getchar());

    /* identity, users, processes */
    USE(getpid() + getppid() + getuid() + geteuid() + getgid() + getegid());
    USEP(getpwuid(0));
    USEP(getpwnam(""));
    USEP(getgrgid(0));
    USEP(getgrnam(""));
    USE(getpwuid_r(0, &pw, buf, 1, &pp) + getpwnam_r("", &pw, buf, 1, &pp));
    USE(getgrgid_r(0, &gr, buf, 1, &gp) + getgrnam_r("", &gr, buf, 1, &gp));
    USE(fork() + vfork() + execv("", argv) + execve("", argv, argv));
    USE(execvp("", argv) + execl("", "", NULL) + execlp("", "", NULL));
    USE(execle("", "", NULL, argv));
    USE(system("") + (long)popen("", "") + pclose(f));
    USE(kill(0, 0) + wait(p) + waitpid(0, p, 0));
    USEP(signal(SIGINT, SIG_IGN));
    USE(raise(0) + clock() + times(&tm));
    USEP(mmap(0, 1, PROT_READ, MAP_PRIVATE, fd, 0));
    if (setjmp(env) == 0)
        longjmp(env, 1);

    /* the preview1 functions wasi-libc's own code calls */
    USE(__wasilibc_find_relpath("/", &abs, &rel, 1));
    USE(__wasi_path_open(3, 0, "f", 0, 0, 0, 0, &wfd));
    USE(__wasi_path_filestat_get(3, 0, "f", &fst));
    USE(__wasi_path_filestat_set_times(3, 0, "f", 0, 0, 0));
    USE(__wasi_path_create_directory(3, "d"));
    USE(__wasi_path_remove_directory(3, "d"));
    USE(__wasi_path_unlink_file(3, "f"));
    USE(__wasi_path_rename(3, "a", 3, "b"));
    USE(__wasi_path_link(3, 0, "a", 3, "b"));
    USE(__wasi_path_symlink("a", 3, "b"));
    USE(__wasi_path_readlink(3, "b", (uint8_t *)buf, 1, &n));
    USE(__wasi_fd_readdir(3, (uint8_t *)buf, 1, 0, &n));
    USE(__wasi_fd_renumber(3, 4));
    USE(__wasi_fd_tell(3, &off));
    USE(__wasi_fd_filestat_get(3, &fst));
    USE(__wasi_fd_filestat_set_size(3, 0));
    USE(__wasi_fd_filestat_set_times(3, 0, 0, 0));
    USE(__wasi_fd_fdstat_set_rights(3, 0, 0));
    USE(__wasi_fd_fdstat_set_flags(3, 0));
    USE(__wasi_fd_pwrite(3, &iov, 1, 0, &n));
    USE(__wasi_fd_sync(3) + __wasi_fd_datasync(3));
    USE(__wasi_fd_allocate(3, 0, 1) + __wasi_fd_advise(3, 0, 0, 0));
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1000)
        every_call();
    return 0;
}
