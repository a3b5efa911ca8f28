/* 11-path: path resolution rules: ".", "..", repeated and trailing slashes,
 * ".." after a symlink (physical, not lexical), "/..", NAME_MAX (255) and
 * PATH_MAX (4096), trees deeper than PATH_MAX reached by relative paths,
 * names with unusual bytes, case sensitivity. */
#include "conf.h"

static const char *get(const char *path)
{
    static char buf[64];
    return conf_get(path, buf, sizeof buf);
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino &&
           sa.st_dev == sb.st_dev;
}

static char *repeat(char *buf, const char *unit, int times, const char *tail)
{
    buf[0] = '\0';
    while (times-- > 0)
        strcat(buf, unit);
    strcat(buf, tail);
    return buf;
}

int main(void)
{
    static char p[8192], name[300];
    struct stat st;
    char up[40];
    int fd, i, depth, down;

    conf_begin("conf-11-path");
    OK("mkdir(d)", mkdir("d", 0755));
    OK("mkdir(d/e)", mkdir("d/e", 0755));
    conf_put("f", "F");
    conf_put("d/g", "G");

    SAY("-- . and .. and slashes");
    STR("./f", get("./f"), "F");
    STR("././f", get("././f"), "F");
    STR("d/./g", get("d/./g"), "G");
    STR("d/../f", get("d/../f"), "F");
    STR("d/e/../../f", get("d/e/../../f"), "F");
    STR("d//g", get("d//g"), "G");
    STR("d///g", get("d///g"), "G");
    STR(".//d//e//..//g", get(".//d//e//..//g"), "G");
    YES("d/e/.. is d", same_file("d/e/..", "d"), 1);
    YES("d/. is d", same_file("d/.", "d"), 1);
    YES("d/ is d", same_file("d/", "d"), 1);
    YES("d// is d", same_file("d//", "d"), 1);
    YES("d/e/./../. is d", same_file("d/e/./../.", "d"), 1);
    ERR("stat(missing/..) is not lexical", stat("missing/..", &st), ENOENT);
    ERR("stat(missing/../f)", stat("missing/../f", &st), ENOENT);
    ERR("stat(f/..)", stat("f/..", &st), ENOTDIR);
    ERR("stat(f/.)", stat("f/.", &st), ENOTDIR);
    ERR("stat(\"\")", stat("", &st), ENOENT);

    SAY("-- .. after a symlink is physical");
    OK("mkdir(a)", mkdir("a", 0755));
    OK("mkdir(a/b)", mkdir("a/b", 0755));
    conf_put("a/x", "AX");
    OK("symlink(a/b, sl)", symlink("a/b", "sl"));
    STR("sl/../x reads a/x", get("sl/../x"), "AX");
    ERR("stat(sl/../f) there is no a/f", stat("sl/../f", &st), ENOENT);
    YES("sl/.. is a", same_file("sl/..", "a"), 1);

    SAY("-- /.. is /");
    YES("/.. is /", same_file("/..", "/"), 1);
    YES("/../.. is /", same_file("/../..", "/"), 1);

    SAY("-- trailing slashes");
    ERR("stat(f/)", stat("f/", &st), ENOTDIR);
    ERR("lstat(f/)", lstat("f/", &st), ENOTDIR);
    ERR("open(f/, O_RDONLY)", open("f/", O_RDONLY), ENOTDIR);
    ERR("open(f/, O_WRONLY|O_CREAT)", open("f/", O_WRONLY | O_CREAT, 0644), EISDIR);
    ERR("open(new/, O_WRONLY|O_CREAT)", open("new/", O_WRONLY | O_CREAT, 0644), EISDIR);
    YES("new exists", conf_exists("new"), 0);
    ERR("open(new/, O_RDONLY)", open("new/", O_RDONLY), ENOENT);
    fd = OK("open(d/, O_RDONLY)", open("d/", O_RDONLY));
    close(fd);
    OK("mkdir(m/)", mkdir("m/", 0755));
    OK("rmdir(m//)", rmdir("m//"));

    SAY("-- NAME_MAX");
    memset(name, 'n', 255);
    name[255] = '\0';
    fd = OK("open(255-byte name, O_CREAT)", open(name, O_WRONLY | O_CREAT, 0644));
    close(fd);
    OK("stat(255-byte name)", stat(name, &st));
    OK("unlink(255-byte name)", unlink(name));
    OK("mkdir(255-byte name)", mkdir(name, 0755));
    OK("rmdir(255-byte name)", rmdir(name));
    name[255] = 'n';
    name[256] = '\0';
    ERR("open(256-byte name, O_CREAT)", open(name, O_WRONLY | O_CREAT, 0644),
        ENAMETOOLONG);
    ERR("open(256-byte name, O_RDONLY)", open(name, O_RDONLY), ENAMETOOLONG);
    ERR("stat(256-byte name)", stat(name, &st), ENAMETOOLONG);
    ERR("mkdir(256-byte name)", mkdir(name, 0755), ENAMETOOLONG);
    snprintf(p, sizeof p, "%s/x", name);
    ERR("stat(256-byte name/x)", stat(p, &st), ENAMETOOLONG);
    snprintf(p, sizeof p, "missing/%s", name);
    ERR("stat(missing/256-byte name)", stat(p, &st), ENOENT);

    SAY("-- PATH_MAX");
    repeat(p, "./", 2047, "f");
    INT("length", (long long)strlen(p), 4095);
    STR("read ./././...f (4095 bytes)", get(p), "F");
    repeat(p, "./", 2047, "/f");
    INT("length", (long long)strlen(p), 4096);
    ERR("stat(.//././...f) (4096 bytes)", stat(p, &st), ENAMETOOLONG);
    ERR("open(4096 bytes)", open(p, O_RDONLY), ENAMETOOLONG);
    ERR("mkdir(4096 bytes)", mkdir(p, 0755), ENAMETOOLONG);

    SAY("-- a tree deeper than PATH_MAX, by relative paths");
    memset(name, 'q', 200);
    name[200] = '\0';
    depth = 0;
    for (i = 0; i < 22; i++) {
        if (mkdir(name, 0755) != 0 || chdir(name) != 0)
            break;
        depth++;
    }
    INT("levels of 200-byte names created (chdir into each)", depth, 22);
    conf_put("leaf", "LEAF");
    STR("read leaf at the bottom", get("leaf"), "LEAF");
    for (i = 0; i < depth; i++)
        if (chdir("..") != 0)
            break;
    INT("chdir(..) back up", i, depth);
    p[0] = '\0';
    for (i = 0; i < depth; i++) {
        strcat(p, name);
        strcat(p, "/");
    }
    strcat(p, "leaf");
    INT("length of the path from the top", (long long)strlen(p), 22 * 201 + 4);
    ERR("stat(path from the top)", stat(p, &st), ENAMETOOLONG);
    if (depth == 22) {
        p[201 * 10 - 1] = '\0'; /* cut at the '/' after level 10 */
        if (OK("chdir(first 10 levels, 2009 bytes)", chdir(p)) == 0) {
            STR("read the other 12 levels/leaf from there", get(p + 201 * 10),
                "LEAF");
            OK("chdir(../ x 10)", chdir(repeat(up, "../", 10, ".")));
        }
    }
    OK("stat(f) back at the top", stat("f", &st));
    for (down = 0; down < depth; down++)
        if (chdir(name) != 0)
            break;
    INT("chdir down again", down, depth);
    OK("unlink(leaf)", unlink("leaf"));
    for (i = 0; i < down; i++)
        if (chdir("..") != 0 || rmdir(name) != 0)
            break;
    INT("levels removed", i, depth);

    SAY("-- names are bytes; case matters");
    conf_put("a b", "space");
    conf_put("-x", "dash");
    conf_put("...", "dots");
    conf_put("caf\xc3\xa9", "utf-8");
    conf_put("tab\there", "tab");
    conf_put("Case", "upper");
    conf_put("case", "lower");
    STR("a b", get("a b"), "space");
    STR("-x", get("-x"), "dash");
    STR("...", get("..."), "dots");
    STR("caf\\xc3\\xa9", get("caf\xc3\xa9"), "utf-8");
    STR("tab\\there", get("tab\there"), "tab");
    STR("Case", get("Case"), "upper");
    STR("case", get("case"), "lower");
    fd = OK("open(\\xff\\xfe, O_CREAT) not UTF-8",
            open("\xff\xfe", O_WRONLY | O_CREAT, 0644));
    if (fd >= 0)
        close(fd);
    YES("\\xff\\xfe exists", conf_exists("\xff\xfe"), 1);
    unlink("\xff\xfe");
    OK("unlink(a b)", unlink("a b"));
    OK("unlink(-x)", unlink("-x"));
    OK("unlink(...)", unlink("..."));
    OK("unlink(caf\\xc3\\xa9)", unlink("caf\xc3\xa9"));
    OK("unlink(tab\\there)", unlink("tab\there"));
    OK("unlink(Case)", unlink("Case"));
    OK("unlink(case)", unlink("case"));

    OK("unlink(sl)", unlink("sl"));
    OK("unlink(a/x)", unlink("a/x"));
    OK("rmdir(a/b)", rmdir("a/b"));
    OK("rmdir(a)", rmdir("a"));
    OK("unlink(d/g)", unlink("d/g"));
    OK("rmdir(d/e)", rmdir("d/e"));
    OK("rmdir(d)", rmdir("d"));
    OK("unlink(f)", unlink("f"));
    return conf_end();
}
