/* 12-perm: umask on open(O_CREAT)/mkdir, chmod/fchmod, access/faccessat,
 * permission checks.
 *
 * Root bypasses read/write permission checks.  A check whose answer would
 * differ for root is written USER_ERR: a non-root process runs it, a root
 * process prints the non-root answer without running it, so both print the
 * same lines.  Checks root cannot bypass (execute permission with no x bit
 * anywhere) run in both cases. */
#include "conf.h"

static int root;

static void user_err(const char *label, long long r, int want)
{
    int e = errno;
    if (root) {
        printf("%s = -1 %s", label, conf_errname(want));
        conf_end_line(1, "");
        return;
    }
    errno = e;
    conf_err(label, r, want);
}

/* Runs the call only when not root (?: evaluates one branch only). */
#define USER_ERR(label, call, E) \
    user_err((label), (errno = 0, root ? -1LL : (long long)(call)), (E))

static unsigned long mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (unsigned long)(st.st_mode & 07777) : 07777777;
}

static void create(const char *path, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd >= 0)
        close(fd);
}

int main(void)
{
    struct stat st;
    int fd;

    root = geteuid() == 0;
    conf_begin("conf-12-perm");

    SAY("-- umask");
    umask(022);
    OCT("umask(022) returns the mask set before", (unsigned long)umask(022), 022);
    create("f644", 0666);
    OCT("open(O_CREAT, 0666) under 022", mode_of("f644"), 0644);
    create("f755", 0777);
    OCT("open(O_CREAT, 0777) under 022", mode_of("f755"), 0755);
    OK("mkdir(d755, 0777)", mkdir("d755", 0777));
    OCT("mkdir(0777) under 022", mode_of("d755"), 0755);
    OCT("umask(077)", (unsigned long)umask(077), 022);
    create("f600", 0666);
    OCT("open(O_CREAT, 0666) under 077", mode_of("f600"), 0600);
    OK("mkdir(d700, 0777)", mkdir("d700", 0777));
    OCT("mkdir(0777) under 077", mode_of("d700"), 0700);
    OK("symlink(f600, l)", symlink("f600", "l"));
    OCT("symlink mode under 077", mode_of("l"), 0777);
    OK("chmod(f600, 0777) ignores umask", chmod("f600", 0777));
    OCT("mode", mode_of("f600"), 0777);
    OCT("umask(0)", (unsigned long)umask(0), 077);
    create("f666", 0666);
    OCT("open(O_CREAT, 0666) under 0", mode_of("f666"), 0666);
    OK("mkdir(sticky, 01777)", mkdir("sticky", 01777));
    OCT("mkdir(01777) under 0", mode_of("sticky"), 01777);
    create("f000", 0);
    OCT("open(O_CREAT, 0) under 0", mode_of("f000"), 0);
    fd = OK("open(O_CREAT|O_RDWR, 0) new file: the creating open succeeds",
            open("new000", O_RDWR | O_CREAT | O_EXCL, 0));
    RC("write through it", write(fd, "x", 1), 1);
    close(fd);
    OCT("mode", mode_of("new000"), 0);
    umask(022);

    SAY("-- chmod, fchmod");
    OK("chmod(f644, 0640)", chmod("f644", 0640));
    OCT("mode", mode_of("f644"), 0640);
    fd = OK("open(f644, O_RDONLY)", open("f644", O_RDONLY));
    OK("fchmod(fd, 0604) on a read-only descriptor", fchmod(fd, 0604));
    OCT("mode", mode_of("f644"), 0604);
    OK("fstat(fd)", fstat(fd, &st));
    OCT("fstat mode", (unsigned long)(st.st_mode & 07777), 0604);
    YES("st_uid is the effective uid", st.st_uid == geteuid(), 1);
    close(fd);
    OK("chmod(l, 0611) follows the symlink", chmod("l", 0611));
    OCT("mode of f600", mode_of("f600"), 0611);
    OCT("mode of l", mode_of("l"), 0777);
    OK("chmod(d700, 01750)", chmod("d700", 01750));
    OCT("mode", mode_of("d700"), 01750);
    ERR("chmod(missing)", chmod("missing", 0644), ENOENT);
    ERR("chmod(f644/x)", chmod("f644/x", 0644), ENOTDIR);
    ERR("fchmod(-1)", fchmod(-1, 0644), EBADF);

    SAY("-- access");
    OK("chmod(f644, 0644)", chmod("f644", 0644));
    OK("access(f644, F_OK)", access("f644", F_OK));
    OK("access(f644, R_OK)", access("f644", R_OK));
    OK("access(f644, W_OK)", access("f644", W_OK));
    OK("access(f644, R_OK|W_OK)", access("f644", R_OK | W_OK));
    ERR("access(f644, X_OK) no x bit", access("f644", X_OK), EACCES);
    OK("access(f755, X_OK)", access("f755", X_OK));
    OK("access(d755, X_OK)", access("d755", X_OK));
    ERR("access(missing, F_OK)", access("missing", F_OK), ENOENT);
    ERR("access(f644/x, F_OK)", access("f644/x", F_OK), ENOTDIR);
    OK("faccessat(f644, R_OK, 0)", faccessat(AT_FDCWD, "f644", R_OK, 0));
    OK("faccessat(f644, W_OK, AT_EACCESS)",
       faccessat(AT_FDCWD, "f644", W_OK, AT_EACCESS));
    ERR("access(f644, 0x40) bad mode", access("f644", 0x40), EINVAL);
    OK("chmod(f644, 0444)", chmod("f644", 0444));
    USER_ERR("access(0444 file, W_OK)", access("f644", W_OK), EACCES);
    OK("access(0444 file, R_OK)", access("f644", R_OK));
    USER_ERR("open(0444 file, O_WRONLY)", open("f644", O_WRONLY), EACCES);
    OK("chmod(f644, 0200)", chmod("f644", 0200));
    USER_ERR("access(0200 file, R_OK)", access("f644", R_OK), EACCES);
    USER_ERR("open(0200 file, O_RDONLY)", open("f644", O_RDONLY), EACCES);
    OK("access(0200 file, W_OK)", access("f644", W_OK));
    ERR("access(0000 file, X_OK)", access("f000", X_OK), EACCES);
    USER_ERR("access(0000 file, R_OK)", access("f000", R_OK), EACCES);
    USER_ERR("open(0000 file, O_RDWR)", open("f000", O_RDWR), EACCES);

    SAY("-- directory permissions");
    create("d755/in", 0644);
    OK("chmod(d755, 0555)", chmod("d755", 0555));
    USER_ERR("create in a 0555 directory", open("d755/new", O_WRONLY | O_CREAT, 0644),
             EACCES);
    USER_ERR("unlink in a 0555 directory", unlink("d755/in"), EACCES);
    USER_ERR("mkdir in a 0555 directory", mkdir("d755/sub", 0755), EACCES);
    OK("stat in a 0555 directory", stat("d755/in", &st));
    OK("chmod(d755, 0600)", chmod("d755", 0600));
    USER_ERR("stat through a directory without x", stat("d755/in", &st), EACCES);
    USER_ERR("access(F_OK) through a directory without x", access("d755/in", F_OK),
             EACCES);
    OK("chmod(d755, 0300)", chmod("d755", 0300));
    USER_ERR("opendir of a directory without r", opendir("d755") ? 0 : -1, EACCES);
    OK("stat in a directory without r", stat("d755/in", &st));
    OK("chmod(d755, 0755)", chmod("d755", 0755));

    OK("unlink(d755/in)", unlink("d755/in"));
    OK("rmdir(d755)", rmdir("d755"));
    OK("rmdir(d700)", rmdir("d700"));
    OK("rmdir(sticky)", rmdir("sticky"));
    OK("unlink(l)", unlink("l"));
    OK("unlink(f644)", unlink("f644"));
    OK("unlink(f755)", unlink("f755"));
    OK("unlink(f600)", unlink("f600"));
    OK("unlink(f666)", unlink("f666"));
    OK("unlink(f000)", unlink("f000"));
    OK("unlink(new000)", unlink("new000"));
    return conf_end();
}
