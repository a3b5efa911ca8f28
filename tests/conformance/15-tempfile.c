/* 15-tempfile: mkstemp/mkostemp/mkdtemp with templates in the current
 * directory (only the shape of the generated names is printed, and the
 * modes 0600/0700), tmpfile, tmpnam/tempnam (only non-NULL). */
#include "conf.h"
#include <ctype.h>

/* The name keeps the prefix and has 6 characters from [A-Za-z0-9] after it. */
static int matches(const char *name, const char *prefix, const char *suffix)
{
    size_t p = strlen(prefix), i;
    if (strlen(name) != p + 6 + strlen(suffix) || strncmp(name, prefix, p) != 0 ||
        strcmp(name + p + 6, suffix) != 0)
        return 0;
    for (i = p; i < p + 6; i++)
        if (!isalnum((unsigned char)name[i]))
            return 0;
    return strcmp(name + p, "XXXXXX") != 0;
}

static unsigned long mode_of(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? (unsigned long)(st.st_mode & 07777) : 07777777;
}

int main(void)
{
    char t1[] = "tmpXXXXXX", t2[] = "tmpXXXXXX", t3[] = "dirXXXXXX";
    char t4[] = "oXXXXXX", bad[] = "tmpXXXX", bad2[] = "tmpXXXXXXz", buf[32];
    char *p, *q;
    int fd, fd2;
    FILE *f;

    conf_begin("conf-15-tempfile");
    umask(022);

    SAY("-- mkstemp");
    fd = OK("mkstemp(tmpXXXXXX)", mkstemp(t1));
    YES("name is tmp + 6 characters", matches(t1, "tmp", ""), 1);
    YES("file exists", conf_exists(t1), 1);
    OCT("mode", mode_of(t1), 0600);
    RC("write through the descriptor", write(fd, "temp", 4), 4);
    STR("read by name", conf_get(t1, buf, sizeof buf), "temp");
    YES("descriptor access mode is O_RDWR",
        (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, 1);
    fd2 = OK("mkstemp(tmpXXXXXX) again", mkstemp(t2));
    YES("a different name", strcmp(t1, t2) != 0, 1);
    umask(0);
    OK("close", close(fd2));
    OK("unlink", unlink(t2));
    strcpy(t2, "tmpXXXXXX");
    fd2 = OK("mkstemp under umask 0", mkstemp(t2));
    OCT("mode", mode_of(t2), 0600);
    umask(022);
    ERR("mkstemp(tmpXXXX) too few X", mkstemp(bad), EINVAL);
    ERR("mkstemp(tmpXXXXXXz) X not last", mkstemp(bad2), EINVAL);
    OK("close", close(fd));
    OK("close", close(fd2));
    OK("unlink", unlink(t1));
    OK("unlink", unlink(t2));

    SAY("-- mkostemp");
    fd = OK("mkostemp(oXXXXXX, O_CLOEXEC)", mkostemp(t4, O_CLOEXEC));
    YES("name is o + 6 characters", matches(t4, "o", ""), 1);
    OCT("mode", mode_of(t4), 0600);
    RC("F_GETFD", fcntl(fd, F_GETFD), FD_CLOEXEC);
    OK("close", close(fd));
    OK("unlink", unlink(t4));

    SAY("-- mkdtemp");
    p = PTR("mkdtemp(dirXXXXXX)", mkdtemp(t3));
    YES("returns the template", p == t3, 1);
    YES("name is dir + 6 characters", matches(t3, "dir", ""), 1);
    OCT("mode", mode_of(t3), 0700);
    snprintf(buf, sizeof buf, "%s/in", t3);
    OK("create a file inside", conf_put(buf, "x"));
    OK("unlink it", unlink(buf));
    strcpy(bad, "tmpXXXX");
    PTR_ERR("mkdtemp(tmpXXXX) too few X", mkdtemp(bad), EINVAL);
    OK("rmdir", rmdir(t3));

    SAY("-- tmpfile");
    f = PTR("tmpfile()", tmpfile());
    if (f) {
        YES("fputs >= 0", fputs("abc", f) >= 0, 1);
        rewind(f);
        STR("fgets", fgets(buf, sizeof buf, f), "abc");
        OK("fclose", fclose(f));
    }

    SAY("-- tmpnam, tempnam");
    p = tmpnam(NULL);
    YES("tmpnam(NULL) non-NULL", p != NULL, 1);
    q = tempnam(NULL, "pfx");
    YES("tempnam(NULL, pfx) non-NULL", q != NULL, 1);
    free(q);
    return conf_end();
}
