/* 09-rename: replacing files and empty directories, the errors (EISDIR,
 * ENOTDIR, ENOTEMPTY, EINVAL, EBUSY, ENOENT), renaming onto itself or onto
 * another link of the same file, directories with contents. */
#include "conf.h"

static long long nlink(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_nlink : -1;
}

/* An empty dot/in and no x, whatever the previous check did. */
static void fresh_dot(void)
{
    rmdir("x/in");
    rmdir("x");
    rmdir("dot/in");
    rmdir("dot");
    mkdir("dot", 0755);
    mkdir("dot/in", 0755);
}

int main(void)
{
    char buf[64];
    struct stat st;
    int fd;

    conf_begin("conf-09-rename");

    SAY("-- files");
    conf_put("a", "AAA");
    OK("rename(a, b) new name", rename("a", "b"));
    YES("a exists", conf_exists("a"), 0);
    STR("b", conf_get("b", buf, sizeof buf), "AAA");
    conf_put("c", "CCC");
    fd = OK("open(c) before it is replaced", open("c", O_RDONLY));
    OK("rename(b, c) replaces c", rename("b", "c"));
    YES("b exists", conf_exists("b"), 0);
    STR("c", conf_get("c", buf, sizeof buf), "AAA");
    OK("fstat(old c)", fstat(fd, &st));
    INT("replaced file nlink", (long long)st.st_nlink, 0);
    RC("replaced file still readable", pread(fd, buf, sizeof buf - 1, 0), 3);
    buf[3] = '\0';
    STR("replaced file data", buf, "CCC");
    OK("close", close(fd));
    fd = OK("open(c, O_RDWR)", open("c", O_RDWR));
    OK("rename(c, d) while open", rename("c", "d"));
    RC("write through the open descriptor", pwrite(fd, "Z", 1, 0), 1);
    OK("close", close(fd));
    STR("d", conf_get("d", buf, sizeof buf), "ZAA");
    OK("rename(d, d) onto itself", rename("d", "d"));
    STR("d", conf_get("d", buf, sizeof buf), "ZAA");
    OK("link(d, e)", link("d", "e"));
    OK("rename(d, e) two links of one file: does nothing", rename("d", "e"));
    YES("d exists", conf_exists("d"), 1);
    YES("e exists", conf_exists("e"), 1);
    INT("nlink(e)", nlink("e"), 2);
    OK("unlink(e)", unlink("e"));
    OK("symlink(d, s)", symlink("d", "s"));
    OK("rename(s, s2) renames the symlink", rename("s", "s2"));
    OK("lstat(s2)", lstat("s2", &st));
    YES("s2 is a symlink", S_ISLNK(st.st_mode), 1);
    YES("d exists", conf_exists("d"), 1);
    conf_put("t", "T");
    OK("rename(t, s2) replaces the symlink, not its target", rename("t", "s2"));
    OK("lstat(s2)", lstat("s2", &st));
    YES("s2 is a regular file", S_ISREG(st.st_mode), 1);
    STR("d", conf_get("d", buf, sizeof buf), "ZAA");
    OK("unlink(s2)", unlink("s2"));

    SAY("-- errors");
    OK("mkdir(dir)", mkdir("dir", 0755));
    OK("mkdir(full)", mkdir("full", 0755));
    conf_put("full/x", "x");
    ERR("rename(missing, x)", rename("missing", "x"), ENOENT);
    ERR("rename(d, nodir/x)", rename("d", "nodir/x"), ENOENT);
    ERR("rename(d, d/x)", rename("d", "d/x"), ENOTDIR);
    ERR("rename(\"\", x)", rename("", "x"), ENOENT);
    ERR("rename(d, \"\")", rename("d", ""), ENOENT);
    ERR("rename(file d, dir) over a directory", rename("d", "dir"), EISDIR);
    ERR("rename(dir, file d) over a file", rename("dir", "d"), ENOTDIR);
    ERR("rename(dir, full) over a non-empty directory", rename("dir", "full"),
        ENOTEMPTY);
    ERR("rename(dir, dir/sub) into itself", rename("dir", "dir/sub"), EINVAL);
    OK("mkdir(dir/in)", mkdir("dir/in", 0755));
    ERR("rename(dir, dir/in/deeper) into a descendant", rename("dir", "dir/in/deeper"),
        EINVAL);
    ERR("rename(d/, x) trailing slash on a file", rename("d/", "x"), ENOTDIR);
    ERR("rename(d, x/) trailing slash on a new name", rename("d", "x/"), ENOTDIR);
    OK("rmdir(dir/in)", rmdir("dir/in"));

    /* Linux rejects a last component "." or ".." before any lookup.  Each
     * check starts from a fresh dot/in, so one that wrongly succeeds does
     * not change what the next one sees. */
    SAY("-- last component . or ..");
    fresh_dot();
    ERR("rename(dot/in/.., x)", rename("dot/in/..", "x"), EBUSY);
    fresh_dot();
    ERR("rename(dot/., x)", rename("dot/.", "x"), EBUSY);
    fresh_dot();
    ERR("rename(dot/in, .)", rename("dot/in", "."), EBUSY);
    fresh_dot();
    ERR("rename(dot/in, dot/..)", rename("dot/in", "dot/.."), EBUSY);
    fresh_dot();
    ERR("rename(missing, .)", rename("missing", "."), EBUSY);
    fresh_dot();
    YES("dot/in still there", conf_exists("dot/in"), 1);
    rmdir("dot/in");
    rmdir("dot");

    SAY("-- directories");
    OK("mkdir(empty)", mkdir("empty", 0755));
    OK("rename(dir, empty) over an empty directory", rename("dir", "empty"));
    YES("dir exists", conf_exists("dir"), 0);
    OK("rename(empty/, dir/) trailing slashes", rename("empty/", "dir/"));
    YES("dir exists", conf_exists("dir"), 1);
    OK("mkdir(dir/sub)", mkdir("dir/sub", 0755));
    conf_put("dir/f", "top");
    conf_put("dir/sub/g", "deep");
    OK("symlink(sub/g, dir/lg)", symlink("sub/g", "dir/lg"));
    OK("mkdir(p)", mkdir("p", 0755));
    INT("nlink(.) before", nlink("."), 5);
    OK("rename(dir, p/moved) with contents", rename("dir", "p/moved"));
    INT("nlink(.) after moving a directory out", nlink("."), 4);
    INT("nlink(p) after moving a directory in", nlink("p"), 3);
    STR("p/moved/f", conf_get("p/moved/f", buf, sizeof buf), "top");
    STR("p/moved/sub/g", conf_get("p/moved/sub/g", buf, sizeof buf), "deep");
    STR("p/moved/lg (relative symlink)", conf_get("p/moved/lg", buf, sizeof buf), "deep");
    OK("stat(p/moved/sub/../..)", stat("p/moved/sub/../..", &st));
    {
        struct stat p;
        stat("p", &p);
        YES("p/moved/sub/../.. is p", st.st_ino == p.st_ino, 1);
    }
    YES("dir exists", conf_exists("dir"), 0);
    OK("rename(p/moved/sub, p/moved/sub2) inside", rename("p/moved/sub", "p/moved/sub2"));
    ERR("p/moved/lg dangles now", stat("p/moved/lg", &st), ENOENT);
    ERR("rename(p/moved, full/x) over a file", rename("p/moved", "full/x"), ENOTDIR);

    OK("unlink(p/moved/lg)", unlink("p/moved/lg"));
    OK("unlink(p/moved/sub2/g)", unlink("p/moved/sub2/g"));
    OK("unlink(p/moved/f)", unlink("p/moved/f"));
    OK("rmdir(p/moved/sub2)", rmdir("p/moved/sub2"));
    OK("rmdir(p/moved)", rmdir("p/moved"));
    OK("rmdir(p)", rmdir("p"));
    OK("unlink(full/x)", unlink("full/x"));
    OK("rmdir(full)", rmdir("full"));
    OK("unlink(d)", unlink("d"));
    return conf_end();
}
