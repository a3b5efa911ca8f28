/* lstree DIR: prints every entry under DIR, sorted, one per line:
 * "PATH MODE(octal) SIZE MTIME" plus " -> TARGET" for a symlink, the
 * contents' checksum (a djb2 sum) for a regular file. Directories show
 * size 0. A test helper: the same program runs natively and in modules,
 * so listings compare. With LSTREE_ALLOC=N in the environment it first
 * allocates and fills N MiB, to show that the heap does not run over a
 * file image at the end of memory. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned long sum(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned long h = 5381;
    int c;
    if (!f)
        return 0;
    while ((c = getc(f)) != EOF)
        h = (h * 33 + (unsigned char)c) & 0xffffffffUL;
    fclose(f);
    return h;
}

static int walk(const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, i;
    int bad = 0;

    if (!d) {
        perror(dir);
        return 1;
    }
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (i = 0; i < n; i++) {
        char path[4096], r[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        if (lstat(path, &st)) {
            perror(path);
            bad = 1;
            continue;
        }
        printf("%s %o %lld %lld", r, (unsigned)st.st_mode,
               S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size,
               (long long)st.st_mtime);
        if (S_ISLNK(st.st_mode)) {
            char t[4096];
            ssize_t k = readlink(path, t, sizeof t - 1);
            printf(" -> %.*s", (int)(k < 0 ? 0 : k), t);
        } else if (S_ISREG(st.st_mode)) {
            printf(" %lu", sum(path));
        }
        printf("\n");
        if (S_ISDIR(st.st_mode))
            bad |= walk(path, r);
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    const char *alloc = getenv("LSTREE_ALLOC");
    if (argc != 2) {
        fprintf(stderr, "usage: lstree DIR\n");
        return 2;
    }
    if (alloc) {
        size_t i, n = (size_t)atoi(alloc);
        for (i = 0; i < n; i++) {
            char *p = malloc(1 << 20);
            if (!p) {
                fprintf(stderr, "lstree: out of memory after %zu MiB\n", i);
                return 1;
            }
            memset(p, 0xa5, 1 << 20);
        }
    }
    return walk(argv[1], "");
}
