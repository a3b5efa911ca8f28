/*
 * meta.c - metadata workloads, the same source natively, on wasm32-wasi
 * and on wasm32-wasi-vfs.
 *
 *   meta files   ROOT N [PER]  N small files in one directory (or PER to a
 *                              directory, in N / PER of them): create +
 *                              write + close; stat + open + read + close;
 *                              rename; unlink (four loops)
 *   meta tree    ROOT DEPTH WIDTH
 *                              mkdir of a chain DEPTH directories deep (each
 *                              by its full path, as mkdir -p does), rmdir of
 *                              it from the bottom; mkdir and rmdir of WIDTH
 *                              directories side by side
 *   meta readdir ROOT N M      readdir of a directory of N files; then M
 *                              rounds of create + stat + unlink of a new
 *                              name in that directory and in an empty one
 *   meta lookup  ROOT DEPTH N  N stat calls on a file DEPTH directories deep
 *   meta clock   ROOT N        N reads of the wall clock (CLOCK_REALTIME),
 *                              what every timestamp a filesystem sets costs
 *
 * ROOT is a directory the program may fill (created if missing). Names
 * and paths are made before each timed loop; results are checked after.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

#define SMALL 100 /* bytes in each small file */

static char *paths;     /* n paths of PATHLEN bytes each */
#define PATHLEN 64

static char *path_at(long i)
{
    return paths + (size_t)i * PATHLEN;
}

static void mkdir_ok(const char *path);

/* Files to a directory in files(); 0: all in one. */
static long per_dir;

/* Makes n paths "DIR/PREFIXnnnnnnn", or with per_dir
 * "DIR/dNNNNN/PREFIXnnnnnnn", file i in directory i / per_dir. */
static void make_paths(const char *dir, const char *prefix, long n)
{
    long i;
    free(paths);
    paths = malloc((size_t)n * PATHLEN);
    if (!paths)
        bench_die("malloc");
    for (i = 0; i < n; i++)
        if ((per_dir ? snprintf(path_at(i), PATHLEN, "%s/d%05ld/%s%07ld", dir,
                                i / per_dir, prefix, i)
                     : snprintf(path_at(i), PATHLEN, "%s/%s%07ld", dir,
                                prefix, i)) >= PATHLEN)
            bench_die("path too long: %s", dir);
}

/* Makes (mk) or removes the directories of per_dir for n files. */
static void subdirs(const char *dir, long n, int mk)
{
    char sub[PATHLEN];
    long d;
    for (d = 0; per_dir && d * per_dir < n; d++) {
        snprintf(sub, sizeof sub, "%s/d%05ld", dir, d);
        if (mk)
            mkdir_ok(sub);
        else if (rmdir(sub))
            bench_die("rmdir %s (not empty?)", sub);
    }
}

static void mkdir_ok(const char *path)
{
    if (mkdir(path, 0755) && errno != EEXIST)
        bench_die("mkdir %s", path);
}

static void create_file(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        bench_die("open %s", path);
    if (len && write(fd, data, len) != (ssize_t)len)
        bench_die("write %s", path);
    if (close(fd))
        bench_die("close %s", path);
}

static void files(const char *root, long n)
{
    char dir[PATHLEN], data[SMALL], buf[4096];
    struct stat st;
    char *old;
    long i;
    struct bench_t t;

    memset(data, 'x', sizeof data);
    snprintf(dir, sizeof dir, "%s/files", root);
    mkdir_ok(dir);
    subdirs(dir, n, 1);
    make_paths(dir, "f", n);

    t = bench_now();
    for (i = 0; i < n; i++) {
        int fd = open(path_at(i), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || write(fd, data, SMALL) != SMALL || close(fd))
            bench_die("create %s", path_at(i));
    }
    bench_report("meta.create", (double)n, "op", t);

    t = bench_now();
    for (i = 0; i < n; i++) {
        int fd;
        if (stat(path_at(i), &st) || (fd = open(path_at(i), O_RDONLY)) < 0 ||
            read(fd, buf, sizeof buf) != st.st_size || close(fd))
            bench_die("stat+read %s", path_at(i));
    }
    bench_report("meta.stat_read", (double)n, "op", t);
    if (st.st_size != SMALL)
        bench_die("size %ld, not %d", (long)st.st_size, SMALL);

    old = paths;
    paths = NULL;
    make_paths(dir, "g", n);
    t = bench_now();
    for (i = 0; i < n; i++)
        if (rename(old + (size_t)i * PATHLEN, path_at(i)))
            bench_die("rename %s", path_at(i));
    bench_report("meta.rename", (double)n, "op", t);
    free(old);

    t = bench_now();
    for (i = 0; i < n; i++)
        if (unlink(path_at(i)))
            bench_die("unlink %s", path_at(i));
    bench_report("meta.unlink", (double)n, "op", t);
    subdirs(dir, n, 0);
    if (rmdir(dir))
        bench_die("rmdir %s (not empty?)", dir);
}

static void tree(const char *root, long depth, long width)
{
    size_t len = strlen(root), cap = len + 16 + (size_t)depth * 2;
    char **chain = malloc((size_t)depth * sizeof *chain);
    char *p = malloc(cap), dir[PATHLEN];
    long i;
    struct bench_t t;

    if (!chain || !p)
        bench_die("malloc");
    /* ROOT/deep/d/d/.../d: chain[i] is the path of level i+1 */
    len = (size_t)snprintf(p, cap, "%s/deep", root);
    for (i = 0; i < depth; i++) {
        memcpy(p + len, "/d", 3);
        len += 2;
        if (!(chain[i] = strdup(p)))
            bench_die("malloc");
    }
    snprintf(dir, sizeof dir, "%s/deep", root);
    mkdir_ok(dir);
    t = bench_now();
    for (i = 0; i < depth; i++)
        if (mkdir(chain[i], 0755))
            bench_die("mkdir level %ld", i + 1);
    bench_report("meta.mkdir_deep", (double)depth, "op", t);
    t = bench_now();
    for (i = depth; i-- > 0;)
        if (rmdir(chain[i]))
            bench_die("rmdir level %ld", i + 1);
    bench_report("meta.rmdir_deep", (double)depth, "op", t);
    if (rmdir(dir))
        bench_die("rmdir %s", dir);
    for (i = 0; i < depth; i++)
        free(chain[i]);
    free(chain);
    free(p);

    snprintf(dir, sizeof dir, "%s/wide", root);
    mkdir_ok(dir);
    make_paths(dir, "d", width);
    t = bench_now();
    for (i = 0; i < width; i++)
        if (mkdir(path_at(i), 0755))
            bench_die("mkdir %s", path_at(i));
    bench_report("meta.mkdir_wide", (double)width, "op", t);
    t = bench_now();
    for (i = 0; i < width; i++)
        if (rmdir(path_at(i)))
            bench_die("rmdir %s", path_at(i));
    bench_report("meta.rmdir_wide", (double)width, "op", t);
    if (rmdir(dir))
        bench_die("rmdir %s (not empty?)", dir);
}

/* m rounds of create + close, stat, unlink of new names in dir. */
static void churn(const char *name, const char *dir, long m)
{
    struct stat st;
    long i;
    struct bench_t t;

    make_paths(dir, "new", m);
    t = bench_now();
    for (i = 0; i < m; i++) {
        int fd = open(path_at(i), O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0 || close(fd) || stat(path_at(i), &st) || unlink(path_at(i)))
            bench_die("create+stat+unlink %s", path_at(i));
    }
    bench_report(name, (double)m, "op", t);
}

static void listing(const char *root, long n, long m)
{
    char big[PATHLEN], small[PATHLEN];
    struct dirent *de;
    DIR *d;
    long i, seen = 0;
    struct bench_t t;

    snprintf(big, sizeof big, "%s/big", root);
    snprintf(small, sizeof small, "%s/small", root);
    mkdir_ok(big);
    mkdir_ok(small);
    make_paths(big, "f", n);
    for (i = 0; i < n; i++)
        create_file(path_at(i), NULL, 0);

    t = bench_now();
    if (!(d = opendir(big)))
        bench_die("opendir %s", big);
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            seen++; /* Node's WASI lists neither "." nor ".." */
    if (closedir(d))
        bench_die("closedir");
    bench_report("meta.readdir", (double)n, "op", t);
    if (seen != n)
        bench_die("readdir saw %ld entries, not %ld", seen, n);

    /* the same work in a directory of n entries and in an empty one */
    churn("meta.dirops_empty", small, m);
    churn("meta.dirops_big", big, m);
}

static void lookup(const char *root, long depth, long n)
{
    char *p = malloc(strlen(root) + 16 + (size_t)depth * 4);
    struct stat st;
    size_t len;
    long i;
    struct bench_t t;

    if (!p)
        bench_die("malloc");
    len = (size_t)sprintf(p, "%s/l", root);
    mkdir_ok(p);
    for (i = 1; i < depth; i++) {
        len += (size_t)sprintf(p + len, "/l%ld", i % 10);
        mkdir_ok(p);
    }
    strcpy(p + len, "/file");
    create_file(p, "x", 1);
    t = bench_now();
    for (i = 0; i < n; i++)
        if (stat(p, &st))
            bench_die("stat %s", p);
    bench_report("meta.lookup", (double)n, "op", t);
    if (st.st_size != 1)
        bench_die("stat %s: size %ld", p, (long)st.st_size);
    free(p);
}

static void clock_reads(long n)
{
    struct timespec ts = {0, 0};
    long i, bad = 0;
    struct bench_t t = bench_now();
    for (i = 0; i < n; i++)
        bad |= clock_gettime(CLOCK_REALTIME, &ts);
    bench_report("ref.clock", (double)n, "op", t);
    if (bad || ts.tv_sec <= 0)
        bench_die("clock_gettime");
}

int main(int argc, char **argv)
{
    const char *w = argc > 2 ? argv[1] : "";
    const char *root = argc > 2 ? argv[2] : "";

    if (!strcmp(w, "files")) {
        mkdir_ok(root);
        if (argc > 4)
            per_dir = bench_arg(argv, argc, 4);
        files(root, bench_arg(argv, argc, 3));
    } else if (!strcmp(w, "tree")) {
        mkdir_ok(root);
        tree(root, bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else if (!strcmp(w, "readdir")) {
        mkdir_ok(root);
        listing(root, bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else if (!strcmp(w, "clock")) {
        clock_reads(bench_arg(argv, argc, 3));
    } else if (!strcmp(w, "lookup")) {
        mkdir_ok(root);
        lookup(root, bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else {
        fprintf(stderr,
                "usage: meta files|tree|readdir|lookup|clock ROOT N...\n");
        return 2;
    }
    return 0;
}
