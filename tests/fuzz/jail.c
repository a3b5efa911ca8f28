/*
 * jail.c - the helper process that runs the Linux side.
 *
 * The helper is forked on first use. It chroots into a fresh directory
 * (under $VFS_DIFF_TMPDIR, else /dev/shm, else $TMPDIR or /tmp), so that
 * absolute paths, absolute symlink targets and ".." at the top behave as
 * vfs's root does. It then gives up every capability, so permission bits
 * are enforced as for an ordinary owner, which is vfs's model. When not run
 * as root it first enters a new user namespace to be allowed to chroot.
 *
 * The helper keeps its own descriptors at JAIL_FD and above so that the
 * program sees 0..63 free, like a fresh vfs. It serves one request at a
 * time over a socket: the operation in, the result out. At end of stream
 * it empties the directory, removes it and exits.
 */
#define _GNU_SOURCE
#include "diff.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define JAIL_FD 64   /* socket; JAIL_FD+1: stderr; JAIL_FD+2: parent dir */
#define FIXED offsetof(struct diff_op, path)

static int sock = -1;
static pid_t helper = -1;

static int write_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* 0 when n bytes were read, 1 at end of stream before any, -1 otherwise. */
static int read_all(int fd, void *p, size_t n)
{
    char *s = p;
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, s + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return got || k < 0 ? -1 : 1;
        got += (size_t)k;
    }
    return 0;
}

static int send_op(int fd, const struct diff_op *op)
{
    uint32_t l1 = (uint32_t)strlen(op->path), l2 = (uint32_t)strlen(op->path2);
    return write_all(fd, op, FIXED) || write_all(fd, &l1, 4) ||
           write_all(fd, op->path, l1) || write_all(fd, &l2, 4) ||
           write_all(fd, op->path2, l2) ? -1 : 0;
}

static int recv_op(int fd, struct diff_op *op)
{
    uint32_t l;
    int r = read_all(fd, op, FIXED);
    if (r)
        return r;
    if (read_all(fd, &l, 4) || l >= DIFF_PATH_BUF || read_all(fd, op->path, l))
        return -1;
    op->path[l] = 0;
    if (read_all(fd, &l, 4) || l >= DIFF_PATH_BUF ||
        read_all(fd, op->path2, l))
        return -1;
    op->path2[l] = 0;
    return 0;
}

static int send_res(int fd, const struct diff_result *res)
{
    uint64_t len = res->len;
    return write_all(fd, &res->ret, 8) || write_all(fd, &len, 8) ||
           write_all(fd, res->data, res->len) ? -1 : 0;
}

static int recv_res(int fd, struct diff_result *res)
{
    uint64_t len;
    diff_res_clear(res);
    if (read_all(fd, &res->ret, 8) || read_all(fd, &len, 8))
        return -1;
    if (len > ((uint64_t)1 << 30))
        return -1;
    if (len > res->cap) {
        res->data = realloc(res->data, (size_t)len);
        if (!res->data)
            abort();
        res->cap = (size_t)len;
    }
    res->len = (size_t)len;
    return read_all(fd, res->data, res->len) ? -1 : 0;
}

/* ---- inside the helper -------------------------------------------------- */

static void hfail(int s, const char *what)
{
    char msg[256];
    int n = snprintf(msg, sizeof msg, "%s: %s", what, strerror(errno));
    uint32_t len = (uint32_t)n;
    write_all(s, &len, 4);
    write_all(s, msg, len);
    _exit(1);
}

static int move_fd(int fd, int to)
{
    int r = fcntl(fd, F_DUPFD_CLOEXEC, to);
    close(fd);
    return r;
}

static int put_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY), r;
    if (fd < 0)
        return -1;
    r = write_all(fd, text, strlen(text));
    close(fd);
    return r;
}

/* Root: nothing to do. Otherwise: a user namespace where this process is
 * root (mapped to its own uid), which allows chroot. */
static int enter_userns(void)
{
    char map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (geteuid() == 0)
        return 0;
    if (unshare(CLONE_NEWUSER) < 0)
        return -1;
    if (put_file("/proc/self/setgroups", "deny") < 0)
        return -1;
    snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
    if (put_file("/proc/self/uid_map", map) < 0)
        return -1;
    snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
    return put_file("/proc/self/gid_map", map);
}

static int drop_caps(void)
{
    struct __user_cap_header_struct h;
    struct __user_cap_data_struct d[2];
    memset(&h, 0, sizeof h);
    memset(d, 0, sizeof d);
    h.version = _LINUX_CAPABILITY_VERSION_3;
    return (int)syscall(SYS_capset, &h, d);
}

/* Permission bits must now bind: a mode-0 file cannot be opened. */
static int probe(void)
{
    int fd = open("/probe", O_CREAT | O_EXCL | O_WRONLY, 0), r;
    if (fd < 0)
        return -1;
    close(fd);
    fd = open("/probe", O_RDONLY);
    r = fd < 0 && errno == EACCES ? 0 : -1;
    if (fd >= 0)
        close(fd);
    unlink("/probe");
    if (r)
        errno = EPERM;
    return r;
}

static void helper_main(int s, const char *base)
{
    static struct diff_op op;
    struct diff_result res = {0, NULL, 0, 0};
    char parent[4096], *slash;
    const char *leaf;
    uint32_t ok = 0;
    int pfd, fd;

    /* The helper ends when its parent's end of the socket closes, and then
     * cleans up: signals meant for the fuzzer's process group (a terminal's
     * ^C, timeout(1)) must not kill it first, nor a write to a lost peer. */
    setpgid(0, 0);
    signal(SIGPIPE, SIG_IGN);
    if ((s = move_fd(s, JAIL_FD)) < 0)
        _exit(1);
    if (fcntl(2, F_DUPFD_CLOEXEC, JAIL_FD + 1) < 0)
        hfail(s, "dup stderr");
    snprintf(parent, sizeof parent, "%s", base);
    slash = strrchr(parent, '/');
    leaf = base + (slash - parent) + 1;
    *slash = 0;
    pfd = open(parent[0] ? parent : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (pfd < 0 || (pfd = move_fd(pfd, JAIL_FD + 2)) < 0)
        hfail(s, "open the sandbox's parent");
    if (enter_userns() < 0)
        hfail(s, "user namespace (run as root, or allow user namespaces)");
    if (chroot(base) < 0 || chdir("/") < 0)
        hfail(s, "chroot");
    if (drop_caps() < 0)
        hfail(s, "capset");
    if (probe() < 0)
        hfail(s, "permission probe (capabilities still in force?)");
    for (fd = 0; fd < JAIL_FD; fd++)
        close(fd);
    umask(022);
    write_all(s, &ok, 4);
    for (;;) {
        int r = recv_op(s, &op);
        if (r)
            break;
        diff_exec_linux(&op, &res);
        if (send_res(s, &res))
            break;
    }
    for (fd = 0; fd < JAIL_FD; fd++)
        close(fd);
    if (chdir("/") == 0 && diff_linux_wipe() == 0)
        unlinkat(pfd, leaf, AT_REMOVEDIR);
    _exit(0);
}

/* ---- in the fuzzer process ---------------------------------------------- */

static void jail_stop(void)
{
    if (sock >= 0) {
        close(sock);
        sock = -1;
        waitpid(helper, NULL, 0);
    }
}

static const char *sandbox_parent(void)
{
    const char *d = getenv("VFS_DIFF_TMPDIR");
    struct stat st;
    if (d && *d)
        return d;
    if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
        access("/dev/shm", W_OK | X_OK) == 0)
        return "/dev/shm";
    d = getenv("TMPDIR");
    return d && *d ? d : "/tmp";
}

/* The reference is Linux 6.6 or newer: fchmodat2, and open(O_CREAT |
 * O_DIRECTORY) failing with EINVAL (6.4), are compared. Older kernels skip
 * (status 77) unless VFS_DIFF_ANY_KERNEL is set. */
static void check_kernel(void)
{
    struct utsname u;
    int major = 0, minor = 0;
    if (getenv("VFS_DIFF_ANY_KERNEL") || uname(&u) < 0 ||
        sscanf(u.release, "%d.%d", &major, &minor) != 2 ||
        major > 6 || (major == 6 && minor >= 6))
        return;
    fprintf(stderr, "vfs_diff: Linux %s is older than 6.6, the reference "
                    "(set VFS_DIFF_ANY_KERNEL=1 to run anyway)\n", u.release);
    exit(77);
}

void diff_jail_start(void)
{
    char base[4096], msg[256];
    uint32_t len;
    int sv[2];

    if (sock >= 0)
        return;
    check_kernel();
    snprintf(base, sizeof base, "%s/vfs_diff.XXXXXX", sandbox_parent());
    if (!mkdtemp(base)) {
        perror("vfs_diff: mkdtemp");
        exit(1);
    }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        perror("vfs_diff: socketpair");
        exit(1);
    }
    helper = fork();
    if (helper < 0) {
        perror("vfs_diff: fork");
        exit(1);
    }
    if (!helper) {
        close(sv[0]);
        helper_main(sv[1], base);
    }
    close(sv[1]);
    sock = sv[0];
    signal(SIGPIPE, SIG_IGN);
    if (read_all(sock, &len, 4) || (len && (len >= sizeof msg ||
                                           read_all(sock, msg, len)))) {
        fprintf(stderr, "vfs_diff: the helper did not start\n");
        exit(1);
    }
    if (len) {
        msg[len] = 0;
        fprintf(stderr, "vfs_diff: cannot make the jail: %s\n", msg);
        jail_stop();
        rmdir(base);
        exit(77);
    }
    atexit(jail_stop);
}

void diff_jail_exec(const struct diff_op *op, struct diff_result *res)
{
    if (send_op(sock, op) || recv_res(sock, res)) {
        fprintf(stderr, "vfs_diff: lost the helper process\n");
        abort();
    }
}
