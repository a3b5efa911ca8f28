/* 19-atflags: flag bits the *at() calls do not take are EINVAL and change
 * nothing (unlinkat with AT_SYMLINK_NOFOLLOW, linkat with AT_REMOVEDIR, an
 * unknown bit to fstatat, utimensat, fchmodat, faccessat);
 * fchmodat(AT_SYMLINK_NOFOLLOW) on a symlink is EOPNOTSUPP. Only the flags
 * wasi-libc has are used, and only where their names mean the same on both
 * sides (AT_EACCESS is AT_REMOVEDIR's value on Linux, 0 in wasi-libc). */
#include "conf.h"

#define UNKNOWN 0x10000 /* no AT_* flag, on Linux or in wasi-libc */

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

int main(void)
{
    struct timespec ts[2] = {{1000000000, 0}, {1000000000, 0}};
    struct timespec omit[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    struct stat st, st2;

    conf_begin("conf-19-atflags");
    conf_put("f", "data");
    OK("symlink(f, s)", symlink("f", "s"));
    OK("mkdir(d)", mkdir("d", 0755));

    SAY("-- unlinkat");
    ERR("unlinkat(f, AT_SYMLINK_NOFOLLOW)", unlinkat(AT_FDCWD, "f", AT_SYMLINK_NOFOLLOW), EINVAL);
    YES("f still there", exists("f"), 1);
    ERR("unlinkat(d, AT_REMOVEDIR|unknown)", unlinkat(AT_FDCWD, "d", AT_REMOVEDIR | UNKNOWN), EINVAL);
    YES("d still there", exists("d"), 1);
    YES("s still there", exists("s"), 1);

    SAY("-- linkat");
    ERR("linkat(f, g, AT_REMOVEDIR)", linkat(AT_FDCWD, "f", AT_FDCWD, "g", AT_REMOVEDIR), EINVAL);
    YES("no g", exists("g"), 0);
    ERR("linkat(f, g, AT_SYMLINK_NOFOLLOW)", linkat(AT_FDCWD, "f", AT_FDCWD, "g", AT_SYMLINK_NOFOLLOW), EINVAL);
    ERR("linkat(f, g, unknown)", linkat(AT_FDCWD, "f", AT_FDCWD, "g", UNKNOWN), EINVAL);
    YES("no g", exists("g"), 0);
    OK("linkat(s, h, AT_SYMLINK_FOLLOW)", linkat(AT_FDCWD, "s", AT_FDCWD, "h", AT_SYMLINK_FOLLOW));
    OK("lstat(h)", lstat("h", &st));
    YES("h is a regular file", S_ISREG(st.st_mode), 1);

    SAY("-- fstatat");
    ERR("fstatat(f, unknown)", fstatat(AT_FDCWD, "f", &st, UNKNOWN), EINVAL);
    ERR("fstatat(f, AT_REMOVEDIR)", fstatat(AT_FDCWD, "f", &st, AT_REMOVEDIR), EINVAL);
    ERR("fstatat(f, AT_SYMLINK_FOLLOW)", fstatat(AT_FDCWD, "f", &st, AT_SYMLINK_FOLLOW), EINVAL);
    OK("fstatat(s, AT_SYMLINK_NOFOLLOW)", fstatat(AT_FDCWD, "s", &st, AT_SYMLINK_NOFOLLOW));
    YES("a symlink", S_ISLNK(st.st_mode), 1);

    SAY("-- utimensat");
    OK("stat(f)", stat("f", &st));
    ERR("utimensat(f, unknown)", utimensat(AT_FDCWD, "f", ts, UNKNOWN), EINVAL);
    ERR("utimensat(f, AT_REMOVEDIR)", utimensat(AT_FDCWD, "f", ts, AT_REMOVEDIR), EINVAL);
    ERR("utimensat(f, AT_SYMLINK_FOLLOW)", utimensat(AT_FDCWD, "f", ts, AT_SYMLINK_FOLLOW), EINVAL);
    OK("stat(f)", stat("f", &st2));
    YES("mtime unchanged", st.st_mtim.tv_sec == st2.st_mtim.tv_sec && st.st_mtim.tv_nsec == st2.st_mtim.tv_nsec, 1);
    OK("utimensat(both UTIME_OMIT, unknown) checks nothing", utimensat(AT_FDCWD, "missing", omit, UNKNOWN));
    OK("stat(f)", stat("f", &st2));
    OK("utimensat(s, AT_SYMLINK_NOFOLLOW)", utimensat(AT_FDCWD, "s", ts, AT_SYMLINK_NOFOLLOW));
    OK("lstat(s)", lstat("s", &st2));
    INT("the link's mtime set", (long long)st2.st_mtim.tv_sec, 1000000000);

    SAY("-- fchmodat");
    ERR("fchmodat(f, 0600, unknown)", fchmodat(AT_FDCWD, "f", 0600, UNKNOWN), EINVAL);
    ERR("fchmodat(f, 0600, AT_REMOVEDIR)", fchmodat(AT_FDCWD, "f", 0600, AT_REMOVEDIR), EINVAL);
    OK("stat(f)", stat("f", &st));
    OCT("mode unchanged", st.st_mode & 07777, 0644);
    ERR("fchmodat(s, AT_SYMLINK_NOFOLLOW)", fchmodat(AT_FDCWD, "s", 0600, AT_SYMLINK_NOFOLLOW), EOPNOTSUPP);
    OK("fchmodat(f, 0600, AT_SYMLINK_NOFOLLOW)", fchmodat(AT_FDCWD, "f", 0600, AT_SYMLINK_NOFOLLOW));
    OK("stat(f)", stat("f", &st));
    OCT("mode", st.st_mode & 07777, 0600);

    SAY("-- faccessat");
    ERR("faccessat(f, unknown)", faccessat(AT_FDCWD, "f", R_OK, UNKNOWN), EINVAL);
    ERR("faccessat(f, AT_SYMLINK_FOLLOW)", faccessat(AT_FDCWD, "f", R_OK, AT_SYMLINK_FOLLOW), EINVAL);
    OK("faccessat(s, AT_SYMLINK_NOFOLLOW)", faccessat(AT_FDCWD, "s", F_OK, AT_SYMLINK_NOFOLLOW));

    OK("unlink(h)", unlink("h"));
    OK("unlink(s)", unlink("s"));
    OK("unlink(f)", unlink("f"));
    OK("rmdir(d)", rmdir("d"));
    return conf_end();
}
