/* 04-stat: stat/fstat/lstat: file type, permission bits, link count, size;
 * inode numbers distinct per file and shared by hard links, one device.
 * Files are created with modes 0600/0700 so that any usual umask (022,
 * 002, 027, 077) leaves them as they are; umask itself is in 12-perm. */
#include "conf.h"

static const char *type(mode_t m)
{
    return S_ISREG(m) ? "regular" : S_ISDIR(m) ? "directory" :
           S_ISLNK(m) ? "symlink" : S_ISCHR(m) ? "char device" :
           S_ISFIFO(m) ? "fifo" : S_ISBLK(m) ? "block device" :
           S_ISSOCK(m) ? "socket" : "unknown";
}

static void show(const char *what, const struct stat *st, const char *want_type,
                 unsigned long want_perm, long long want_nlink)
{
    char label[80];
    snprintf(label, sizeof label, "%s type", what);
    STR(label, type(st->st_mode), want_type);
    snprintf(label, sizeof label, "%s perm", what);
    OCT(label, (unsigned long)(st->st_mode & 07777), want_perm);
    snprintf(label, sizeof label, "%s nlink", what);
    INT(label, (long long)st->st_nlink, want_nlink);
}

int main(void)
{
    struct stat a, b, c;
    int fd;

    conf_begin("conf-04-stat");

    SAY("-- regular file");
    fd = OK("open(f, O_CREAT, 0600)", open("f", O_RDWR | O_CREAT, 0600));
    RC("write(hello)", write(fd, "hello", 5), 5);
    OK("stat(f)", stat("f", &a));
    show("stat(f)", &a, "regular", 0600, 1);
    INT("stat(f) size", (long long)a.st_size, 5);
    OK("fstat(fd)", fstat(fd, &b));
    show("fstat(fd)", &b, "regular", 0600, 1);
    INT("fstat(fd) size", (long long)b.st_size, 5);
    YES("fstat and stat: same st_ino", a.st_ino == b.st_ino, 1);
    YES("fstat and stat: same st_dev", a.st_dev == b.st_dev, 1);
    OK("lstat(f)", lstat("f", &c));
    YES("lstat and stat of a file agree",
        c.st_ino == a.st_ino && c.st_mode == a.st_mode && c.st_size == a.st_size, 1);
    RC("write(more)", write(fd, " world", 6), 6);
    OK("fstat(fd)", fstat(fd, &b));
    INT("size after write", (long long)b.st_size, 11);
    OK("close", close(fd));

    SAY("-- identity");
    fd = OK("open(g, O_CREAT, 0600)", open("g", O_RDWR | O_CREAT, 0600));
    close(fd);
    OK("stat(g)", stat("g", &b));
    YES("f and g: distinct st_ino", a.st_ino != b.st_ino, 1);
    YES("f and g: same st_dev", a.st_dev == b.st_dev, 1);
    INT("empty file size", (long long)b.st_size, 0);
    OK("link(f, h)", link("f", "h"));
    OK("stat(h)", stat("h", &b));
    YES("f and h: same st_ino", a.st_ino == b.st_ino, 1);
    INT("stat(h) nlink", (long long)b.st_nlink, 2);
    OK("stat(f)", stat("f", &c));
    INT("stat(f) nlink", (long long)c.st_nlink, 2);
    OK("unlink(h)", unlink("h"));
    OK("stat(f)", stat("f", &c));
    INT("stat(f) nlink", (long long)c.st_nlink, 1);

    SAY("-- directory");
    OK("mkdir(d, 0700)", mkdir("d", 0700));
    OK("stat(d)", stat("d", &b));
    show("stat(d)", &b, "directory", 0700, 2);
    YES("d and f: distinct st_ino", a.st_ino != b.st_ino, 1);
    YES("d and f: same st_dev", a.st_dev == b.st_dev, 1);
    fd = OK("open(d, O_RDONLY)", open("d", O_RDONLY));
    OK("fstat(dir fd)", fstat(fd, &c));
    YES("fstat of dir fd: same st_ino", c.st_ino == b.st_ino, 1);
    STR("fstat(dir fd) type", type(c.st_mode), "directory");
    OK("close", close(fd));
    OK("stat(d/.)", stat("d/.", &c));
    YES("d/. is d", c.st_ino == b.st_ino, 1);
    OK("stat(.)", stat(".", &c));
    OK("stat(d/..)", stat("d/..", &a));
    YES("d/.. is .", c.st_ino == a.st_ino, 1);

    SAY("-- symlink");
    OK("symlink(f, l)", symlink("f", "l"));
    OK("lstat(l)", lstat("l", &b));
    STR("lstat(l) type", type(b.st_mode), "symlink");
    OCT("lstat(l) perm", (unsigned long)(b.st_mode & 07777), 0777);
    INT("lstat(l) size = length of target", (long long)b.st_size, 1);
    OK("stat(l)", stat("l", &c));
    STR("stat(l) type", type(c.st_mode), "regular");
    OK("stat(f)", stat("f", &a));
    YES("stat(l) is f", c.st_ino == a.st_ino, 1);
    YES("lstat(l) is not f", b.st_ino != a.st_ino, 1);
    OK("symlink(a-longer-target-name, l2)", symlink("a-longer-target-name", "l2"));
    OK("lstat(l2)", lstat("l2", &b));
    INT("lstat(l2) size", (long long)b.st_size, 20);
    ERR("stat(l2) dangling", stat("l2", &b), ENOENT);

    SAY("-- errors");
    ERR("stat(missing)", stat("missing", &b), ENOENT);
    ERR("lstat(missing)", lstat("missing", &b), ENOENT);
    ERR("stat(\"\")", stat("", &b), ENOENT);
    ERR("stat(f/x)", stat("f/x", &b), ENOTDIR);
    ERR("stat(missing/x)", stat("missing/x", &b), ENOENT);
    ERR("fstat(-1)", fstat(-1, &b), EBADF);

    OK("unlink(l)", unlink("l"));
    OK("unlink(l2)", unlink("l2"));
    OK("unlink(f)", unlink("f"));
    OK("unlink(g)", unlink("g"));
    OK("rmdir(d)", rmdir("d"));
    return conf_end();
}
