/* 10-link: hard links (EEXIST, EPERM on directories, link counts),
 * symlink/readlink, dangling symlinks, lstat against stat, relative
 * targets, symlink loops (ELOOP), the limit of 40 symlinks followed in
 * one lookup (Linux MAXSYMLINKS), O_NOFOLLOW. */
#include "conf.h"

static long long nlink(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (long long)st.st_nlink : -1;
}

/* readlink into a string, or NULL */
static const char *rl(const char *path)
{
    static char buf[256];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    return buf;
}

int main(void)
{
    char buf[64], name[16], target[16];
    struct stat st, st2;
    int fd, i, bad;

    conf_begin("conf-10-link");

    SAY("-- hard links");
    conf_put("f", "data");
    OK("link(f, g)", link("f", "g"));
    INT("nlink(f)", nlink("f"), 2);
    OK("link(g, h)", link("g", "h"));
    INT("nlink(f)", nlink("f"), 3);
    stat("f", &st);
    stat("h", &st2);
    YES("f and h: same inode", st.st_ino == st2.st_ino, 1);
    fd = open("h", O_WRONLY | O_APPEND);
    RC("append through h", write(fd, "+h", 2), 2);
    close(fd);
    STR("f", conf_get("f", buf, sizeof buf), "data+h");
    ERR("link(f, g) existing", link("f", "g"), EEXIST);
    ERR("link(missing, x)", link("missing", "x"), ENOENT);
    ERR("link(f, nodir/x)", link("f", "nodir/x"), ENOENT);
    ERR("link(f, f/x)", link("f", "f/x"), ENOTDIR);
    OK("mkdir(d)", mkdir("d", 0755));
    ERR("link(d, d2) a directory", link("d", "d2"), EPERM);
    ERR("link(f, d) onto a directory", link("f", "d"), EEXIST);
    OK("link(f, d/f) into a subdirectory", link("f", "d/f"));
    INT("nlink(f)", nlink("f"), 4);
    OK("unlink(g)", unlink("g"));
    OK("unlink(h)", unlink("h"));
    OK("unlink(d/f)", unlink("d/f"));
    INT("nlink(f)", nlink("f"), 1);

    SAY("-- symlinks");
    OK("symlink(f, s)", symlink("f", "s"));
    STR("readlink(s)", rl("s"), "f");
    RC("readlink(s) length", readlink("s", buf, sizeof buf), 1);
    OK("symlink(d/../f, s2) target kept verbatim", symlink("d/../f", "s2"));
    STR("readlink(s2)", rl("s2"), "d/../f");
    memset(buf, '#', sizeof buf);
    RC("readlink(s2, 3-byte buffer) truncates", readlink("s2", buf, 3), 3);
    YES("no terminating NUL written", buf[3] == '#' && memcmp(buf, "d/.", 3) == 0, 1);
    ERR("readlink(f) not a symlink", readlink("f", buf, sizeof buf), EINVAL);
    ERR("readlink(missing)", readlink("missing", buf, sizeof buf), ENOENT);
    ERR("readlink(d) a directory", readlink("d", buf, sizeof buf), EINVAL);
    ERR("symlink(x, s) existing", symlink("x", "s"), EEXIST);
    ERR("symlink(x, nodir/s)", symlink("x", "nodir/s"), ENOENT);
    ERR("symlink(\"\", e) empty target", symlink("", "e"), ENOENT);
    OK("lstat(s)", lstat("s", &st));
    YES("lstat(s) is a symlink", S_ISLNK(st.st_mode), 1);
    OK("stat(s)", stat("s", &st2));
    YES("stat(s) is a regular file", S_ISREG(st2.st_mode), 1);
    INT("nlink(f) unchanged by symlinks", nlink("f"), 1);
    STR("read through s", conf_get("s", buf, sizeof buf), "data+h");
    OK("link(s, hs) links the symlink itself", link("s", "hs"));
    OK("lstat(hs)", lstat("hs", &st));
    YES("hs is a symlink", S_ISLNK(st.st_mode), 1);
    INT("nlink(s)", nlink("s"), 2);
    OK("unlink(hs)", unlink("hs"));
    OK("linkat(s, hf, AT_SYMLINK_FOLLOW)", linkat(AT_FDCWD, "s", AT_FDCWD, "hf",
                                                   AT_SYMLINK_FOLLOW));
    OK("lstat(hf)", lstat("hf", &st));
    YES("hf is a regular file", S_ISREG(st.st_mode), 1);
    OK("unlink(hf)", unlink("hf"));

    SAY("-- symlinks to directories, relative targets");
    conf_put("d/in", "inside");
    OK("symlink(d, sd)", symlink("d", "sd"));
    STR("read sd/in", conf_get("sd/in", buf, sizeof buf), "inside");
    OK("stat(sd/)", stat("sd/", &st));
    YES("sd/ is a directory", S_ISDIR(st.st_mode), 1);
    OK("lstat(sd/) follows because of the slash", lstat("sd/", &st));
    YES("lstat(sd/) is a directory", S_ISDIR(st.st_mode), 1);
    OK("symlink(../f, d/up) relative to its directory", symlink("../f", "d/up"));
    STR("read d/up", conf_get("d/up", buf, sizeof buf), "data+h");
    STR("read sd/up", conf_get("sd/up", buf, sizeof buf), "data+h");
    OK("mkdir(d/sub)", mkdir("d/sub", 0755));
    OK("symlink(d/sub, ss)", symlink("d/sub", "ss"));
    STR("ss/.. is d, not . (read ss/../in)", conf_get("ss/../in", buf, sizeof buf),
        "inside");
    OK("unlink(ss)", unlink("ss"));
    OK("rmdir(d/sub)", rmdir("d/sub"));

    SAY("-- dangling symlinks");
    OK("symlink(nowhere, dl)", symlink("nowhere", "dl"));
    OK("lstat(dl)", lstat("dl", &st));
    YES("dl is a symlink", S_ISLNK(st.st_mode), 1);
    ERR("stat(dl)", stat("dl", &st), ENOENT);
    ERR("open(dl, O_RDONLY)", open("dl", O_RDONLY), ENOENT);
    ERR("open(dl, O_CREAT|O_EXCL)", open("dl", O_WRONLY | O_CREAT | O_EXCL, 0644),
        EEXIST);
    fd = OK("open(dl, O_CREAT) creates the target", open("dl", O_WRONLY | O_CREAT, 0644));
    close(fd);
    YES("nowhere exists", conf_exists("nowhere"), 1);
    OK("stat(dl)", stat("dl", &st));
    OK("unlink(nowhere)", unlink("nowhere"));
    OK("symlink(nodir/x, dl2)", symlink("nodir/x", "dl2"));
    ERR("open(dl2, O_CREAT) missing directory", open("dl2", O_WRONLY | O_CREAT, 0644),
        ENOENT);
    ERR("mkdir(dl) over a dangling symlink", mkdir("dl", 0755), EEXIST);

    SAY("-- loops and the limit of 40");
    OK("symlink(self, self)", symlink("self", "self"));
    ERR("stat(self)", stat("self", &st), ELOOP);
    OK("symlink(l2, l1)", symlink("l2", "l1"));
    OK("symlink(l1, l2)", symlink("l1", "l2"));
    ERR("stat(l1)", stat("l1", &st), ELOOP);
    ERR("open(l1, O_RDONLY)", open("l1", O_RDONLY), ELOOP);
    ERR("open(l1, O_CREAT)", open("l1", O_WRONLY | O_CREAT, 0644), ELOOP);
    ERR("stat(l1/x)", stat("l1/x", &st), ELOOP);
    OK("lstat(l1) does not follow", lstat("l1", &st));
    PTR_ERR("opendir(l1)", opendir("l1"), ELOOP);
    bad = 0;
    for (i = 0; i <= 40; i++) {
        snprintf(name, sizeof name, "c%d", i);
        if (i == 0)
            snprintf(target, sizeof target, "f");
        else
            snprintf(target, sizeof target, "c%d", i - 1);
        bad += symlink(target, name) != 0;
    }
    INT("chain c0 -> f, c1 -> c0, ... c40 -> c39: failures", bad, 0);
    fd = OK("open(c39) follows 40 symlinks", open("c39", O_RDONLY));
    if (fd >= 0)
        close(fd);
    ERR("open(c40) would follow 41", open("c40", O_RDONLY), ELOOP);
    OK("stat(c39)", stat("c39", &st));
    ERR("stat(c40)", stat("c40", &st), ELOOP);
    OK("lstat(c40)", lstat("c40", &st));
    /* the limit counts every symlink of one lookup, not only the last */
    OK("symlink(../c37, d/x38)", symlink("../c37", "d/x38"));
    OK("symlink(../c38, d/x39)", symlink("../c38", "d/x39"));
    OK("stat(sd/x38) follows sd, x38, c37..c0: 40", stat("sd/x38", &st));
    ERR("stat(sd/x39) follows sd, x39, c38..c0: 41", stat("sd/x39", &st), ELOOP);

    SAY("-- O_NOFOLLOW");
    ERR("open(s, O_NOFOLLOW)", open("s", O_RDONLY | O_NOFOLLOW), ELOOP);
    ERR("open(dl, O_NOFOLLOW)", open("dl", O_RDONLY | O_NOFOLLOW), ELOOP);
    ERR("open(dl, O_CREAT|O_NOFOLLOW)", open("dl", O_WRONLY | O_CREAT | O_NOFOLLOW, 0644),
        ELOOP);
    fd = OK("open(sd/in, O_NOFOLLOW) symlink not last",
            open("sd/in", O_RDONLY | O_NOFOLLOW));
    if (fd >= 0)
        close(fd);

    for (i = 0; i <= 40; i++) {
        snprintf(name, sizeof name, "c%d", i);
        unlink(name);
    }
    unlink("nowhere"); /* made only if O_NOFOLLOW was ignored */
    OK("unlink(d/x38)", unlink("d/x38"));
    OK("unlink(d/x39)", unlink("d/x39"));
    OK("unlink(self)", unlink("self"));
    OK("unlink(l1)", unlink("l1"));
    OK("unlink(l2)", unlink("l2"));
    OK("unlink(dl)", unlink("dl"));
    OK("unlink(dl2)", unlink("dl2"));
    OK("unlink(d/up)", unlink("d/up"));
    OK("unlink(d/in)", unlink("d/in"));
    OK("unlink(sd)", unlink("sd"));
    OK("unlink(s)", unlink("s"));
    OK("unlink(s2)", unlink("s2"));
    OK("rmdir(d)", rmdir("d"));
    OK("unlink(f)", unlink("f"));
    return conf_end();
}
