/* 07-readdir: readdir stays consistent while the directory changes.
 * POSIX: an entry neither removed nor added since opendir/rewinddir is
 * returned exactly once; whether an entry removed or added during the walk
 * is returned is unspecified (so it may be seen at most once).  Names are
 * 200 bytes long so that a walk over 300 entries spans several
 * getdents/fd_readdir batches.  Only counts are printed. */
#include "conf.h"

#define N 300     /* files created before the walk */
#define NEW 100   /* files created during the walk */
#define LEN 200   /* name length */

static char *name(char prefix, int i)
{
    static char buf[LEN + 1];
    int n = snprintf(buf, sizeof buf, "%c%03d", prefix, i);
    memset(buf + n, 'x', LEN - n);
    buf[LEN] = '\0';
    return buf;
}

/* Index of a name made by name(prefix, ...), or -1. */
static int index_of(const char *s, char prefix, int limit)
{
    int i;
    if (s[0] != prefix || strlen(s) != LEN)
        return -1;
    i = atoi(s + 1);
    return i >= 0 && i < limit && strcmp(s, name(prefix, i)) == 0 ? i : -1;
}

static int create(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    return fd < 0 ? -1 : close(fd);
}

static int count_entries(void)
{
    int n = 0;
    DIR *d = opendir(".");
    while (d && readdir(d) != NULL)
        n++;
    if (d)
        closedir(d);
    return n;
}

int main(void)
{
    static int seen[N], seen_new[NEW];
    int i, k, dots = 0, strangers = 0, read_so_far = 0, failures = 0;
    int once = 0, never = 0, twice = 0, del_max = 0, new_max = 0, removed = 0;
    struct dirent *e;
    DIR *d;

    conf_begin("conf-07-readdir");
    for (i = 0; i < N; i++)
        failures += create(name('e', i)) != 0;
    INT("files that could not be created", failures, 0);
    INT("entries before the walk (with . and ..)", count_entries(), N + 2);

    SAY("-- walk; after 100 entries remove every third file, add 100");
    d = PTR("opendir(.)", opendir("."));
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            dots++;
        else if ((k = index_of(e->d_name, 'e', N)) >= 0)
            seen[k]++;
        else if ((k = index_of(e->d_name, 'n', NEW)) >= 0)
            seen_new[k]++;
        else
            strangers++;
        if (++read_so_far == 100) {
            failures = 0;
            for (i = 0; i < N; i += 3)
                failures += unlink(name('e', i)) != 0;
            for (i = 0; i < NEW; i++)
                failures += create(name('n', i)) != 0;
            INT("changes that failed", failures, 0);
        }
        errno = 0;
    }
    INT("errno at the end of the walk", errno, 0);
    OK("closedir", closedir(d));
    for (i = 0; i < N; i++) {
        if (i % 3 == 0) {
            if (seen[i] > del_max)
                del_max = seen[i];
            continue;
        }
        once += seen[i] == 1;
        never += seen[i] == 0;
        twice += seen[i] > 1;
    }
    for (i = 0; i < NEW; i++)
        if (seen_new[i] > new_max)
            new_max = seen_new[i];
    INT("untouched files", N - N / 3, 200);
    INT("untouched files seen exactly once", once, 200);
    INT("untouched files never seen", never, 0);
    INT("untouched files seen more than once", twice, 0);
    INT(". and .. seen", dots, 2);
    INT("unknown names seen", strangers, 0);
    YES("removed files seen at most once", del_max <= 1, 1);
    YES("added files seen at most once", new_max <= 1, 1);
    INT("entries after the walk (with . and ..)", count_entries(), N - N / 3 + NEW + 2);

    SAY("-- walk removing each entry as it is returned");
    d = PTR("opendir(.)", opendir("."));
    failures = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (unlink(e->d_name) == 0)
            removed++;
        else
            failures++;
    }
    OK("closedir", closedir(d));
    INT("removed", removed, N - N / 3 + NEW);
    INT("unlink failures", failures, 0);
    INT("entries left (with . and ..)", count_entries(), 2);
    return conf_end();
}
