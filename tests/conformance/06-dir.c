/* 06-dir: mkdir/rmdir and their errors, opendir/readdir/rewinddir/closedir
 * listings (names sorted before printing: order differs by filesystem),
 * "." and "..", d_type, link counts of directories. */
#include "conf.h"

struct entry {
    char name[256];
    char kind;
};

static int cmp(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name,
                  ((const struct entry *)b)->name);
}

/* Kind letter of an entry: d_type, or lstat when d_type is DT_UNKNOWN. */
static char kind(const char *dir, const struct dirent *e)
{
    char path[512];
    struct stat st;
    switch (e->d_type) {
    case DT_REG: return 'f';
    case DT_DIR: return 'd';
    case DT_LNK: return 'l';
    case DT_UNKNOWN: break;
    default: return '?';
    }
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (lstat(path, &st) != 0)
        return '!';
    return S_ISREG(st.st_mode) ? 'f' : S_ISDIR(st.st_mode) ? 'd' :
           S_ISLNK(st.st_mode) ? 'l' : '?';
}

/* Lists a directory as "name:kind" words, sorted by name. */
static void list(const char *dir, const char *want)
{
    static struct entry ent[64];
    static char out[64 * sizeof ent[0].name + 64 * 3];
    char label[300];
    int n = 0, i;
    struct dirent *e;
    DIR *d = opendir(dir);
    out[0] = '\0';
    snprintf(label, sizeof label, "listing of %s", dir);
    if (!d) {
        STR(label, conf_errname(errno), want);
        return;
    }
    while (n < 64 && (e = readdir(d)) != NULL) {
        snprintf(ent[n].name, sizeof ent[n].name, "%s", e->d_name);
        ent[n].kind = kind(dir, e);
        n++;
    }
    closedir(d);
    qsort(ent, n, sizeof ent[0], cmp);
    for (i = 0; i < n; i++) {
        size_t len = strlen(out);
        snprintf(out + len, sizeof out - len, "%s%s:%c", i ? " " : "",
                 ent[i].name, ent[i].kind);
    }
    STR(label, out, want);
}

static long long nlink(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_nlink : -1;
}

static int count(DIR *d)
{
    int n = 0;
    while (readdir(d) != NULL)
        n++;
    return n;
}

int main(void)
{
    DIR *d;
    int fd;

    conf_begin("conf-06-dir");

    SAY("-- mkdir");
    OK("mkdir(d)", mkdir("d", 0755));
    ERR("mkdir(d) again", mkdir("d", 0755), EEXIST);
    conf_put("f", "file");
    ERR("mkdir(f) over a file", mkdir("f", 0755), EEXIST);
    ERR("mkdir(missing/x)", mkdir("missing/x", 0755), ENOENT);
    ERR("mkdir(f/x)", mkdir("f/x", 0755), ENOTDIR);
    ERR("mkdir(\"\")", mkdir("", 0755), ENOENT);
    ERR("mkdir(.)", mkdir(".", 0755), EEXIST);
    ERR("mkdir(d/..)", mkdir("d/..", 0755), EEXIST);
    OK("mkdir(e/) trailing slash", mkdir("e/", 0755));
    OK("mkdir(d/sub)", mkdir("d/sub", 0755));
    OK("symlink(d, ld)", symlink("d", "ld"));
    ERR("mkdir(ld) over a symlink", mkdir("ld", 0755), EEXIST);
    OK("mkdir(ld/via) through a symlink", mkdir("ld/via", 0755));

    SAY("-- listings");
    conf_put("d/b", "b");
    conf_put("d/a", "a");
    OK("symlink(a, d/c)", symlink("a", "d/c"));
    list("d", ".:d ..:d a:f b:f c:l sub:d via:d");
    list("e", ".:d ..:d");
    list("d/sub", ".:d ..:d");
    list("ld", ".:d ..:d a:f b:f c:l sub:d via:d");
    PTR_ERR("opendir(missing)", opendir("missing"), ENOENT);
    PTR_ERR("opendir(f)", opendir("f"), ENOTDIR);
    PTR_ERR("opendir(\"\")", opendir(""), ENOENT);

    SAY("-- rewinddir");
    d = PTR("opendir(d)", opendir("d"));
    INT("entries", count(d), 7);
    RC("readdir at end is NULL, errno", (errno = 0, readdir(d) == NULL ? errno : -1), 0);
    rewinddir(d);
    INT("entries after rewinddir", count(d), 7);
    conf_put("d/new", "n");
    rewinddir(d);
    INT("entries after creating one and rewinddir", count(d), 8);
    OK("closedir", closedir(d));
    OK("unlink(d/new)", unlink("d/new"));

    SAY("-- a removed directory reads as empty");
    d = PTR("opendir(e)", opendir("e"));
    OK("rmdir(e) while open", rmdir("e"));
    RC("readdir of removed directory finds no entries", count(d), 0);
    OK("closedir", closedir(d));

    SAY("-- rmdir");
    ERR("rmdir(missing)", rmdir("missing"), ENOENT);
    ERR("rmdir(d) not empty", rmdir("d"), ENOTEMPTY);
    ERR("rmdir(f) a file", rmdir("f"), ENOTDIR);
    ERR("rmdir(f/) a file", rmdir("f/"), ENOTDIR);
    ERR("rmdir(.)", rmdir("."), EINVAL);
    OK("mkdir(dot)", mkdir("dot", 0755));
    OK("mkdir(dot/in)", mkdir("dot/in", 0755));
    ERR("rmdir(dot/in/.)", rmdir("dot/in/."), EINVAL);
    mkdir("dot/in", 0755); /* in case it went */
    ERR("rmdir(dot/in/..)", rmdir("dot/in/.."), ENOTEMPTY);
    mkdir("dot", 0755);
    mkdir("dot/in", 0755);
    OK("rmdir(dot/in)", rmdir("dot/in"));
    OK("rmdir(dot)", rmdir("dot"));
    ERR("rmdir(ld) a symlink to a directory", rmdir("ld"), ENOTDIR);
    ERR("rmdir(\"\")", rmdir(""), ENOENT);
    OK("rmdir(d/sub/) trailing slash", rmdir("d/sub/"));
    ERR("rmdir(d/sub) again", rmdir("d/sub"), ENOENT);

    SAY("-- link counts of directories");
    OK("mkdir(n)", mkdir("n", 0755));
    INT("nlink(n) empty", nlink("n"), 2);
    OK("mkdir(n/s1)", mkdir("n/s1", 0755));
    INT("nlink(n) with one subdirectory", nlink("n"), 3);
    OK("mkdir(n/s2)", mkdir("n/s2", 0755));
    INT("nlink(n) with two subdirectories", nlink("n"), 4);
    conf_put("n/file", "x");
    INT("nlink(n) after adding a file", nlink("n"), 4);
    INT("nlink(n/s1)", nlink("n/s1"), 2);
    OK("rename(n/s2, n/s1/s2)", rename("n/s2", "n/s1/s2"));
    INT("nlink(n) after moving s2 into s1", nlink("n"), 3);
    INT("nlink(n/s1) after moving s2 into s1", nlink("n/s1"), 3);
    OK("rmdir(n/s1/s2)", rmdir("n/s1/s2"));
    INT("nlink(n/s1)", nlink("n/s1"), 2);
    OK("rmdir(n/s1)", rmdir("n/s1"));
    INT("nlink(n)", nlink("n"), 2);
    fd = OK("open(n, O_RDONLY|O_DIRECTORY)", open("n", O_RDONLY | O_DIRECTORY));
    OK("close", close(fd));

    OK("unlink(n/file)", unlink("n/file"));
    OK("rmdir(n)", rmdir("n"));
    OK("unlink(ld)", unlink("ld"));
    OK("unlink(d/a)", unlink("d/a"));
    OK("unlink(d/b)", unlink("d/b"));
    OK("unlink(d/c)", unlink("d/c"));
    OK("rmdir(d/via)", rmdir("d/via"));
    OK("rmdir(d)", rmdir("d"));
    OK("unlink(f)", unlink("f"));
    return conf_end();
}
