/* 16-cwd: realpath, getcwd/chdir/fchdir (including a removed current
 * directory), statvfs, and the device files /dev/null, /dev/zero and
 * /dev/urandom.  Absolute results are printed with the realpath of the
 * work directory replaced by "<cwd>". */
#include "conf.h"
#include <limits.h>
#include <sys/statvfs.h>

static char top[PATH_MAX];

/* A path with the work directory prefix replaced by <cwd>. */
static const char *rel(const char *path)
{
    static char buf[PATH_MAX + 8];
    size_t n = strlen(top);
    if (!path)
        return NULL;
    if (strncmp(path, top, n) == 0 && (path[n] == '/' || path[n] == '\0'))
        snprintf(buf, sizeof buf, "<cwd>%s", path + n);
    else
        snprintf(buf, sizeof buf, "%s", path);
    return buf;
}

static void rp(const char *path, const char *want)
{
    char label[64];
    char *r = realpath(path, NULL);
    snprintf(label, sizeof label, "realpath(%s)", path);
    STR(label, rel(r), want);
    free(r);
}

static const char *cwd(void)
{
    static char buf[PATH_MAX];
    return rel(getcwd(buf, sizeof buf));
}

int main(void)
{
    char buf[PATH_MAX + 16], *r, *parent;
    unsigned char bytes[16];
    struct statvfs sv;
    struct stat st;
    int fd, topfd, i, zero;
    FILE *f;
    DIR *dir;

    conf_begin("conf-16-cwd");
    r = PTR("realpath(., NULL)", realpath(".", NULL));
    snprintf(top, sizeof top, "%s", r ? r : "?");
    free(r);
    OK("mkdir(d)", mkdir("d", 0755));
    OK("mkdir(d/e)", mkdir("d/e", 0755));
    conf_put("f", "F");
    OK("symlink(d/e, sl)", symlink("d/e", "sl"));
    snprintf(buf, sizeof buf, "%s/d", top);
    OK("symlink(<cwd>/d, abs) absolute target", symlink(buf, "abs"));
    OK("symlink(loop, loop)", symlink("loop", "loop"));

    SAY("-- realpath");
    rp(".", "<cwd>");
    rp("f", "<cwd>/f");
    rp("./f", "<cwd>/f");
    rp("d/../f", "<cwd>/f");
    rp("d//e/", "<cwd>/d/e");
    rp("sl", "<cwd>/d/e");
    rp("sl/..", "<cwd>/d");
    rp("abs", "<cwd>/d");
    rp("abs/e/../../f", "<cwd>/f");
    rp("/", "/");
    rp("/..", "/");
    rp("//", "/");
    r = realpath("..", NULL);
    parent = strdup(top);
    if (strrchr(parent, '/') == parent)
        parent[1] = '\0';
    else
        *strrchr(parent, '/') = '\0';
    YES("realpath(..) is the parent of <cwd>", r && strcmp(r, parent) == 0, 1);
    free(r);
    free(parent);
    r = PTR("realpath(f, buffer)", realpath("f", buf));
    YES("returns the buffer", r == buf, 1);
    PTR_ERR("realpath(missing)", realpath("missing", NULL), ENOENT);
    PTR_ERR("realpath(d/missing)", realpath("d/missing", NULL), ENOENT);
    PTR_ERR("realpath(f/x)", realpath("f/x", NULL), ENOTDIR);
    PTR_ERR("realpath(f/)", realpath("f/", NULL), ENOTDIR);
    PTR_ERR("realpath(loop)", realpath("loop", NULL), ELOOP);
    PTR_ERR("realpath(\"\")", realpath("", NULL), ENOENT);

    SAY("-- getcwd, chdir, fchdir");
    STR("getcwd", cwd(), "<cwd>");
    r = PTR("getcwd(NULL, 0) allocates", getcwd(NULL, 0));
    STR("result", rel(r), "<cwd>");
    free(r);
    PTR_ERR("getcwd(buf, 1)", getcwd(buf, 1), ERANGE);
    PTR_ERR("getcwd(buf, 0)", getcwd(buf, 0), EINVAL);
    topfd = OK("open(., O_RDONLY|O_DIRECTORY)", open(".", O_RDONLY | O_DIRECTORY));
    OK("chdir(d)", chdir("d"));
    STR("getcwd", cwd(), "<cwd>/d");
    STR("read ../f", conf_get("../f", buf, sizeof buf), "F");
    OK("chdir(../sl) through a symlink", chdir("../sl"));
    STR("getcwd shows the physical path", cwd(), "<cwd>/d/e");
    OK("chdir(..)", chdir(".."));
    STR("getcwd", cwd(), "<cwd>/d");
    OK("fchdir(top)", fchdir(topfd));
    STR("getcwd", cwd(), "<cwd>");
    ERR("chdir(missing)", chdir("missing"), ENOENT);
    ERR("chdir(f)", chdir("f"), ENOTDIR);
    ERR("chdir(\"\")", chdir(""), ENOENT);
    ERR("chdir(loop)", chdir("loop"), ELOOP);
    fd = OK("open(f)", open("f", O_RDONLY));
    ERR("fchdir(file)", fchdir(fd), ENOTDIR);
    OK("close", close(fd));
    ERR("fchdir(-1)", fchdir(-1), EBADF);
    STR("getcwd unchanged", cwd(), "<cwd>");

    SAY("-- a removed current directory");
    OK("mkdir(gone)", mkdir("gone", 0755));
    OK("chdir(gone)", chdir("gone"));
    OK("rmdir(../gone)", rmdir("../gone"));
    PTR_ERR("getcwd", getcwd(buf, sizeof buf), ENOENT);
    OK("stat(.)", stat(".", &st));
    INT("nlink(.)", (long long)st.st_nlink, 0);
    ERR("open(x, O_CREAT) in it", open("x", O_WRONLY | O_CREAT, 0644), ENOENT);
    ERR("mkdir(x) in it", mkdir("x", 0755), ENOENT);
    STR("read ../f", conf_get("../f", buf, sizeof buf), "F");
    dir = PTR("opendir(.) in it", opendir("."));
    if (dir) {
        errno = 0;
        YES("readdir: the end, errno 0", !readdir(dir) && !errno, 1);
        OK("closedir", closedir(dir));
    }
    OK("fchdir(top)", fchdir(topfd));
    STR("getcwd", cwd(), "<cwd>");
    OK("close(top)", close(topfd));

    SAY("-- statvfs");
    OK("statvfs(.)", statvfs(".", &sv));
    INT("f_namemax", (long long)sv.f_namemax, 255);
    fd = open("f", O_RDONLY);
    OK("fstatvfs(fd)", fstatvfs(fd, &sv));
    close(fd);
    ERR("statvfs(missing)", statvfs("missing", &sv), ENOENT);

    SAY("-- /dev/null");
    OK("stat(/dev/null)", stat("/dev/null", &st));
    YES("character device", S_ISCHR(st.st_mode), 1);
    fd = OK("open(/dev/null, O_RDWR)", open("/dev/null", O_RDWR));
    RC("write(5)", write(fd, "hello", 5), 5);
    RC("read", read(fd, buf, sizeof buf), 0);
    OK("close", close(fd));
    f = PTR("fopen(/dev/null, w)", fopen("/dev/null", "w"));
    RC("fprintf", fprintf(f, "%s\n", "discarded"), 10);
    OK("fclose", fclose(f));

    SAY("-- /dev/zero");
    OK("stat(/dev/zero)", stat("/dev/zero", &st));
    YES("character device", S_ISCHR(st.st_mode), 1);
    fd = OK("open(/dev/zero, O_RDWR)", open("/dev/zero", O_RDWR));
    memset(bytes, 0xaa, sizeof bytes);
    RC("read(16)", read(fd, bytes, sizeof bytes), 16);
    for (i = 0, zero = 1; i < 16; i++)
        zero &= bytes[i] == 0;
    YES("all zero", zero, 1);
    RC("write(3)", write(fd, "abc", 3), 3);
    OK("close", close(fd));

    SAY("-- /dev/urandom");
    fd = OK("open(/dev/urandom, O_RDONLY)", open("/dev/urandom", O_RDONLY));
    memset(bytes, 0, sizeof bytes);
    RC("read(16)", read(fd, bytes, sizeof bytes), 16);
    for (i = 0, zero = 1; i < 16; i++)
        zero &= bytes[i] == 0;
    YES("not all zero", !zero, 1);
    OK("close", close(fd));
    ERR("open(/dev/conf-no-such-device)", open("/dev/conf-no-such-device", O_RDONLY),
        ENOENT);

    OK("unlink(loop)", unlink("loop"));
    OK("unlink(abs)", unlink("abs"));
    OK("unlink(sl)", unlink("sl"));
    OK("unlink(f)", unlink("f"));
    OK("rmdir(d/e)", rmdir("d/e"));
    OK("rmdir(d)", rmdir("d"));
    return conf_end();
}
