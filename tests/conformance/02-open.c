/* 02-open: open flags (access modes, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
 * O_DIRECTORY, O_NOFOLLOW), read/write/pread/pwrite, lseek, reading past
 * the end, EBADF on wrong-direction access, EISDIR. */
#include "conf.h"

static long long fdsize(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
}

static void access_modes(void)
{
    char buf[128];
    int fd;

    SAY("-- access modes, O_CREAT, O_EXCL, O_TRUNC");
    ERR("open(missing, O_RDONLY)", open("missing", O_RDONLY), ENOENT);
    ERR("open(missing, O_RDWR)", open("missing", O_RDWR), ENOENT);
    ERR("open(\"\", O_RDONLY)", open("", O_RDONLY), ENOENT);
    ERR("open(nodir/f, O_CREAT)", open("nodir/f", O_WRONLY | O_CREAT, 0644),
        ENOENT);

    fd = OK("open(f, O_WRONLY|O_CREAT)", open("f", O_WRONLY | O_CREAT, 0644));
    RC("write(hello)", write(fd, "hello", 5), 5);
    ERR("read on O_WRONLY fd", read(fd, buf, sizeof buf), EBADF);
    ERR("pread on O_WRONLY fd", pread(fd, buf, sizeof buf, 0), EBADF);
    OK("close", close(fd));
    ERR("close again", close(fd), EBADF);
    ERR("write on closed fd", write(fd, "x", 1), EBADF);

    fd = OK("open(f, O_RDONLY)", open("f", O_RDONLY));
    ERR("write on O_RDONLY fd", write(fd, "x", 1), EBADF);
    ERR("pwrite on O_RDONLY fd", pwrite(fd, "x", 1, 0), EBADF);
    RC("read(2)", read(fd, buf, 2), 2);
    RC("read(100) returns the rest", read(fd, buf, 100), 3);
    RC("read at end", read(fd, buf, 100), 0);
    RC("read(0)", read(fd, buf, 0), 0);
    RC("pread(2 at 1)", pread(fd, buf, 2, 1), 2);
    buf[2] = '\0';
    STR("pread data", buf, "el");
    RC("pread past end", pread(fd, buf, 10, 100), 0);
    ERR("pread at -1", pread(fd, buf, 1, -1), EINVAL);
    OK("close", close(fd));

    fd = OK("open(f, O_RDWR|O_CREAT) existing", open("f", O_RDWR | O_CREAT, 0644));
    RC("size kept", fdsize(fd), 5);
    OK("close", close(fd));
    ERR("open(f, O_CREAT|O_EXCL) existing",
        open("f", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
    fd = OK("open(g, O_CREAT|O_EXCL) new", open("g", O_RDWR | O_CREAT | O_EXCL, 0644));
    OK("close", close(fd));
    OK("unlink(g)", unlink("g"));

    fd = OK("open(f, O_RDWR|O_TRUNC)", open("f", O_RDWR | O_TRUNC));
    RC("size after O_TRUNC", fdsize(fd), 0);
    RC("write(abc)", write(fd, "abc", 3), 3);
    OK("close", close(fd));
    fd = OK("open(f, O_WRONLY|O_CREAT|O_TRUNC)",
            open("f", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    RC("size after O_CREAT|O_TRUNC", fdsize(fd), 0);
    OK("close", close(fd));
    OK("unlink(f)", unlink("f"));
}

static void append(void)
{
    char buf[32];
    int fd;

    SAY("-- O_APPEND");
    conf_put("a", "12345");
    fd = OK("open(a, O_RDWR|O_APPEND)", open("a", O_RDWR | O_APPEND));
    RC("offset after open", lseek(fd, 0, SEEK_CUR), 0);
    RC("read(2)", read(fd, buf, 2), 2);
    RC("write(xy) appends", write(fd, "xy", 2), 2);
    RC("offset after append", lseek(fd, 0, SEEK_CUR), 7);
    RC("lseek(0, SEEK_SET)", lseek(fd, 0, SEEK_SET), 0);
    RC("write(z) appends", write(fd, "z", 1), 1);
    RC("offset", lseek(fd, 0, SEEK_CUR), 8);
    /* Linux: pwrite on an O_APPEND descriptor appends (a documented bug) */
    RC("pwrite(P at 0) on O_APPEND", pwrite(fd, "P", 1, 0), 1);
    RC("offset after pwrite", lseek(fd, 0, SEEK_CUR), 8);
    OK("close", close(fd));
    STR("content", conf_get("a", buf, sizeof buf), "12345xyzP");
    OK("unlink(a)", unlink("a"));
}

static void directories(void)
{
    char buf[8];
    int fd;

    SAY("-- directories, O_DIRECTORY, O_NOFOLLOW");
    OK("mkdir(d)", mkdir("d", 0755));
    conf_put("f", "data");
    fd = OK("open(d, O_RDONLY)", open("d", O_RDONLY));
    ERR("read on a directory fd", read(fd, buf, sizeof buf), EISDIR);
    ERR("write on a directory fd (O_RDONLY)", write(fd, "x", 1), EBADF);
    OK("close", close(fd));
    fd = OK("open(d, O_RDONLY|O_DIRECTORY)", open("d", O_RDONLY | O_DIRECTORY));
    OK("close", close(fd));
    ERR("open(d, O_WRONLY)", open("d", O_WRONLY), EISDIR);
    ERR("open(d, O_RDWR)", open("d", O_RDWR), EISDIR);
    ERR("open(d, O_WRONLY|O_CREAT)", open("d", O_WRONLY | O_CREAT, 0644), EISDIR);
    ERR("open(d, O_RDONLY|O_CREAT|O_EXCL)",
        open("d", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    ERR("open(f, O_DIRECTORY)", open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
    ERR("open(missing, O_DIRECTORY)", open("missing", O_RDONLY | O_DIRECTORY),
        ENOENT);
    ERR("open(f/x, O_RDONLY)", open("f/x", O_RDONLY), ENOTDIR);
    ERR("open(f/x, O_CREAT)", open("f/x", O_WRONLY | O_CREAT, 0644), ENOTDIR);

    OK("symlink(f, lf)", symlink("f", "lf"));
    OK("symlink(d, ld)", symlink("d", "ld"));
    ERR("open(lf, O_NOFOLLOW)", open("lf", O_RDONLY | O_NOFOLLOW), ELOOP);
    /* Linux checks O_DIRECTORY against the symlink itself first */
    ERR("open(ld, O_NOFOLLOW|O_DIRECTORY)",
        open("ld", O_RDONLY | O_NOFOLLOW | O_DIRECTORY), ENOTDIR);
    fd = OK("open(f, O_NOFOLLOW)", open("f", O_RDONLY | O_NOFOLLOW));
    close(fd);
    conf_put("d/g", "g");
    fd = OK("open(ld/g, O_NOFOLLOW) symlink not last",
            open("ld/g", O_RDONLY | O_NOFOLLOW));
    close(fd);
    fd = OK("open(lf, O_RDONLY) follows", open("lf", O_RDONLY));
    RC("read through symlink", read(fd, buf, sizeof buf), 4);
    close(fd);
    OK("unlink(lf)", unlink("lf"));
    OK("unlink(ld)", unlink("ld"));
    OK("unlink(d/g)", unlink("d/g"));
    OK("unlink(f)", unlink("f"));
    OK("rmdir(d)", rmdir("d"));
}

static void seeking(void)
{
    char buf[16];
    int fd;

    SAY("-- lseek");
    fd = OK("open(s, O_RDWR|O_CREAT)", open("s", O_RDWR | O_CREAT, 0644));
    RC("write(0123456789)", write(fd, "0123456789", 10), 10);
    RC("lseek(2, SEEK_SET)", lseek(fd, 2, SEEK_SET), 2);
    RC("lseek(1, SEEK_CUR)", lseek(fd, 1, SEEK_CUR), 3);
    RC("read(2)", read(fd, buf, 2), 2);
    RC("lseek(0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR), 5);
    RC("lseek(-1, SEEK_END)", lseek(fd, -1, SEEK_END), 9);
    RC("read(5) at 9", read(fd, buf, 5), 1);
    RC("lseek(10, SEEK_END) past end", lseek(fd, 10, SEEK_END), 20);
    RC("read past end", read(fd, buf, 5), 0);
    RC("size unchanged by seek", fdsize(fd), 10);
    ERR("lseek(-1, SEEK_SET)", lseek(fd, -1, SEEK_SET), EINVAL);
    ERR("lseek(-11, SEEK_END)", lseek(fd, -11, SEEK_END), EINVAL);
    ERR("lseek(-100, SEEK_CUR)", lseek(fd, -100, SEEK_CUR), EINVAL);
    ERR("lseek(0, whence 99)", lseek(fd, 0, 99), EINVAL);
    RC("offset unchanged by failed lseek", lseek(fd, 0, SEEK_CUR), 20);
    RC("lseek(0, SEEK_SET)", lseek(fd, 0, SEEK_SET), 0);
    RC("pwrite(AB at 4)", pwrite(fd, "AB", 2, 4), 2);
    RC("pread(3 at 3)", pread(fd, buf, 3, 3), 3);
    buf[3] = '\0';
    STR("pread data", buf, "3AB");
    RC("offset unchanged by pread/pwrite", lseek(fd, 0, SEEK_CUR), 0);
    ERR("pwrite at -1", pwrite(fd, "x", 1, -1), EINVAL);
    ERR("lseek on closed fd", lseek(-1, 0, SEEK_SET), EBADF);
    OK("close", close(fd));
    STR("content", conf_get("s", buf, sizeof buf), "0123AB6789");
    OK("unlink(s)", unlink("s"));
}

int main(void)
{
    conf_begin("conf-02-open");
    access_modes();
    append();
    directories();
    seeking();
    return conf_end();
}
