/* 08-unlink: an open file stays readable and writable after unlink until
 * the last close, with st_nlink 0; the name can be reused at once; unlink
 * errors; a removed directory that is still open. */
#include "conf.h"

int main(void)
{
    char buf[64];
    struct stat st;
    int fd, fd2, fd3;
    FILE *f;

    conf_begin("conf-08-unlink");

    SAY("-- open descriptor outlives its name");
    fd = OK("open(f, O_RDWR|O_CREAT)", open("f", O_RDWR | O_CREAT, 0644));
    RC("write(abc)", write(fd, "abc", 3), 3);
    fd2 = OK("open(f, O_RDONLY) second descriptor", open("f", O_RDONLY));
    OK("unlink(f)", unlink("f"));
    ERR("stat(f)", stat("f", &st), ENOENT);
    ERR("open(f, O_RDONLY)", open("f", O_RDONLY), ENOENT);
    OK("fstat(fd)", fstat(fd, &st));
    INT("nlink", (long long)st.st_nlink, 0);
    INT("size", (long long)st.st_size, 3);
    RC("pread", pread(fd, buf, sizeof buf, 0), 3);
    RC("write(def)", write(fd, "def", 3), 3);
    OK("fstat(fd)", fstat(fd, &st));
    INT("size", (long long)st.st_size, 6);
    RC("read through second descriptor", read(fd2, buf, sizeof buf - 1), 6);
    buf[6] = '\0';
    STR("data", buf, "abcdef");
    OK("ftruncate(fd, 2)", ftruncate(fd, 2));
    OK("fstat(fd2)", fstat(fd2, &st));
    INT("size seen by second descriptor", (long long)st.st_size, 2);
    fd3 = OK("open(f, O_CREAT) same name, new file", open("f", O_RDWR | O_CREAT, 0644));
    OK("fstat(new)", fstat(fd3, &st));
    INT("new file size", (long long)st.st_size, 0);
    INT("new file nlink", (long long)st.st_nlink, 1);
    RC("write(new) to the new file", write(fd3, "new", 3), 3);
    RC("old file still has its own data", pread(fd, buf, sizeof buf, 0), 2);
    OK("close(fd)", close(fd));
    RC("read after the other descriptor closed", pread(fd2, buf, 2, 0), 2);
    OK("close(fd2)", close(fd2));
    OK("close(new)", close(fd3));
    STR("f now", conf_get("f", buf, sizeof buf), "new");
    OK("unlink(f)", unlink("f"));

    SAY("-- FILE stream outlives its name");
    f = PTR("fopen(s, w+)", fopen("s", "w+"));
    OK("unlink(s)", unlink("s"));
    RC("fprintf", fprintf(f, "line one\nline two\n"), 18);
    rewind(f);
    STR("fgets", fgets(buf, sizeof buf, f), "line one\n");
    OK("fstat(fileno)", fstat(fileno(f), &st));
    INT("nlink", (long long)st.st_nlink, 0);
    OK("fclose", fclose(f));

    SAY("-- hard links and symlinks");
    conf_put("a", "A");
    OK("link(a, b)", link("a", "b"));
    OK("unlink(a)", unlink("a"));
    OK("stat(b)", stat("b", &st));
    INT("nlink(b)", (long long)st.st_nlink, 1);
    STR("b", conf_get("b", buf, sizeof buf), "A");
    OK("symlink(b, l)", symlink("b", "l"));
    OK("unlink(l) removes the link", unlink("l"));
    YES("l exists", conf_exists("l"), 0);
    YES("b exists", conf_exists("b"), 1);
    OK("symlink(nowhere, dl)", symlink("nowhere", "dl"));
    OK("unlink(dl) dangling", unlink("dl"));

    SAY("-- errors");
    OK("mkdir(d)", mkdir("d", 0755));
    ERR("unlink(missing)", unlink("missing"), ENOENT);
    ERR("unlink(\"\")", unlink(""), ENOENT);
    ERR("unlink(d) a directory", unlink("d"), EISDIR);
    ERR("unlink(b/) trailing slash on a file", unlink("b/"), ENOTDIR);
    ERR("unlink(b/x)", unlink("b/x"), ENOTDIR);
    ERR("unlink(missing/x)", unlink("missing/x"), ENOENT);
    OK("unlink(b)", unlink("b"));

    SAY("-- an open directory after rmdir");
    fd = OK("open(d, O_RDONLY|O_DIRECTORY)", open("d", O_RDONLY | O_DIRECTORY));
    OK("rmdir(d)", rmdir("d"));
    OK("fstat(dir fd)", fstat(fd, &st));
    INT("nlink of removed directory", (long long)st.st_nlink, 0);
    ERR("openat(removed dir, x, O_CREAT)", openat(fd, "x", O_WRONLY | O_CREAT, 0644),
        ENOENT);
    ERR("mkdirat(removed dir, x)", mkdirat(fd, "x", 0755), ENOENT);
    OK("close", close(fd));
    return conf_end();
}
