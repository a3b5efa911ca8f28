/*
 * conf.h - shared helpers for the conformance programs (header only).
 *
 * Every program prints one line per observation, so that the output of the
 * native Linux build and of a WebAssembly build can be compared line by
 * line.  Each check also knows the answer Linux (tmpfs) gives; a line that
 * differs from it gets the suffix "  !! expected ..." and is counted, and
 * the last line of every program is the count.  Output never contains file
 * descriptor numbers, inode numbers, clock times, pids or user names.
 *
 * Line formats:
 *   label = ok             call succeeded (value not shown)
 *   label = 5              call succeeded, value shown
 *   label = -1 ENOENT      call failed, errno shown by name
 *   label = NULL ENOENT    pointer-returning call failed
 *   label: yes / no        a condition
 *
 * The macros reset errno before evaluating the call and read it before
 * printing anything, so the errno shown is the call's own.
 */
#ifndef CONF_H
#define CONF_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* dup3, mkostemp, flock, DT_* and the XSI calls */
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int conf_checks;     /* lines that carried an expectation */
static int conf_unexpected; /* ... and did not meet it */

/* Symbolic name of an errno value ("E#n" for one not in the table). */
static inline const char *conf_errname(int e)
{
    static const struct { int v; const char *n; } t[] = {
        { 0, "0" },
        { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { ESRCH, "ESRCH" },
        { EINTR, "EINTR" }, { EIO, "EIO" }, { ENXIO, "ENXIO" },
        { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
        { ECHILD, "ECHILD" },
        /* EWOULDBLOCK is the same value as EAGAIN on Linux and WASI */
        { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
        { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
        { EXDEV, "EXDEV" }, { ENODEV, "ENODEV" }, { ENOTDIR, "ENOTDIR" },
        { EISDIR, "EISDIR" }, { EINVAL, "EINVAL" }, { ENFILE, "ENFILE" },
        { EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" }, { ETXTBSY, "ETXTBSY" },
        { EFBIG, "EFBIG" }, { ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" },
        { EROFS, "EROFS" }, { EMLINK, "EMLINK" }, { EPIPE, "EPIPE" },
        { EDOM, "EDOM" }, { ERANGE, "ERANGE" }, { EDEADLK, "EDEADLK" },
        { ENAMETOOLONG, "ENAMETOOLONG" }, { ENOLCK, "ENOLCK" },
        { ENOSYS, "ENOSYS" }, { ENOTEMPTY, "ENOTEMPTY" }, { ELOOP, "ELOOP" },
        { EOVERFLOW, "EOVERFLOW" }, { EILSEQ, "EILSEQ" },
        /* EOPNOTSUPP is the same value as ENOTSUP on Linux and WASI */
        { ENOTSUP, "ENOTSUP" }, { ECANCELED, "ECANCELED" },
        { ESTALE, "ESTALE" }, { EDQUOT, "EDQUOT" },
        { ENOTSOCK, "ENOTSOCK" }, { ETIMEDOUT, "ETIMEDOUT" },
        { ENOBUFS, "ENOBUFS" }, { EMSGSIZE, "EMSGSIZE" },
        { ENOTCONN, "ENOTCONN" }, { EPROTO, "EPROTO" },
        { EINPROGRESS, "EINPROGRESS" }, { EALREADY, "EALREADY" },
#ifdef ENOTCAPABLE
        { ENOTCAPABLE, "ENOTCAPABLE" },
#endif
    };
    static char buf[24];
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].v == e)
            return t[i].n;
    snprintf(buf, sizeof buf, "E#%d", e);
    return buf;
}

/* Ends a result line: marks it when it is not what Linux gives. */
static inline void conf_end_line(int as_expected, const char *want)
{
    conf_checks++;
    if (as_expected) {
        putchar('\n');
    } else {
        conf_unexpected++;
        printf("  !! expected %s\n", want);
    }
}

static inline void conf_put_result(const char *label, long long r, int e,
                                   int show)
{
    if (r < 0)
        printf("%s = %lld %s", label, r, conf_errname(e));
    else if (show)
        printf("%s = %lld", label, r);
    else
        printf("%s = ok", label);
}

/* OK(label, call): expects success (result >= 0); returns the result. */
#define OK(label, call) conf_ok((label), (errno = 0, (long long)(call)))
static inline long long conf_ok(const char *label, long long r)
{
    int e = errno;
    conf_put_result(label, r, e, 0);
    conf_end_line(r >= 0, "ok");
    return r;
}

/* RC(label, call, want): expects the result want and shows it; errno is
 * shown only when the result is negative and not the one expected (a
 * stdio EOF is not a system call failure). */
#define RC(label, call, want) \
    conf_rc((label), (errno = 0, (long long)(call)), (want))
static inline long long conf_rc(const char *label, long long r, long long want)
{
    int e = errno;
    char w[32];
    if (r < 0 && r != want)
        conf_put_result(label, r, e, 1);
    else
        printf("%s = %lld", label, r);
    snprintf(w, sizeof w, "%lld", want);
    conf_end_line(r == want, w);
    return r;
}

/* ERR(label, call, E): expects failure (-1) with errno E; an unexpected
 * success shows as "ok" (the value may be a descriptor number). */
#define ERR(label, call, E) \
    conf_err((label), (errno = 0, (long long)(call)), (E))
static inline long long conf_err(const char *label, long long r, int want)
{
    int e = errno;
    char w[48];
    conf_put_result(label, r, e, 0);
    snprintf(w, sizeof w, "-1 %s", conf_errname(want));
    conf_end_line(r == -1 && e == want, w);
    return r;
}

/* PTR(label, call): expects a non-NULL pointer; returns it. */
#define PTR(label, call) conf_ptr((label), (errno = 0, (void *)(call)))
static inline void *conf_ptr(const char *label, void *p)
{
    int e = errno;
    if (p)
        printf("%s = ok", label);
    else
        printf("%s = NULL %s", label, conf_errname(e));
    conf_end_line(p != NULL, "ok");
    return p;
}

/* PTR_ERR(label, call, E): expects NULL with errno E. */
#define PTR_ERR(label, call, E) \
    conf_ptr_err((label), (errno = 0, (void *)(call)), (E))
static inline void *conf_ptr_err(const char *label, void *p, int want)
{
    int e = errno;
    char w[48];
    if (p)
        printf("%s = ok", label);
    else
        printf("%s = NULL %s", label, conf_errname(e));
    snprintf(w, sizeof w, "NULL %s", conf_errname(want));
    conf_end_line(p == NULL && e == want, w);
    return p;
}

/* INT(label, value, want): shows an integer value ("label = 3"). */
static inline long long INT(const char *label, long long got, long long want)
{
    char w[32];
    printf("%s = %lld", label, got);
    snprintf(w, sizeof w, "%lld", want);
    conf_end_line(got == want, w);
    return got;
}

/* OCT(label, value, want): shows a mode in octal ("label = 0644"). */
static inline void OCT(const char *label, unsigned long got, unsigned long want)
{
    char w[32];
    printf("%s = 0%03lo", label, got);
    snprintf(w, sizeof w, "0%03lo", want);
    conf_end_line(got == want, w);
}

/* Prints a string quoted, with \n, \t, \\, \" and other bytes outside
 * printable ASCII escaped, so that every result stays on one line. */
static inline void conf_put_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\\' || c == '"')
            fprintf(out, "\\%c", c);
        else if (c < 32 || c > 126)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* STR(label, got, want): shows a string, quoted; NULL shows as NULL
 * (want may be NULL too). */
static inline void STR(const char *label, const char *got, const char *want)
{
    int same = got && want ? strcmp(got, want) == 0 : got == want;
    printf("%s = ", label);
    if (got)
        conf_put_str(stdout, got);
    else
        printf("NULL");
    conf_checks++;
    if (same) {
        putchar('\n');
        return;
    }
    conf_unexpected++;
    printf("  !! expected ");
    if (want)
        conf_put_str(stdout, want);
    else
        printf("NULL");
    putchar('\n');
}

/* YES(label, cond, want): shows a condition as yes/no. */
static inline int YES(const char *label, int cond, int want)
{
    printf("%s: %s", label, cond ? "yes" : "no");
    conf_end_line(!cond == !want, want ? "yes" : "no");
    return cond;
}

/* SAY(fmt, ...): a free-form line (section headers, notes). */
#define SAY(...) (printf(__VA_ARGS__), putchar('\n'))

/* Small file helpers; failures show up in the lines of the caller. */
static inline int conf_put(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ssize_t n;
    if (fd < 0)
        return -1;
    n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Reads up to size-1 bytes of a file into buf as a string. */
static inline const char *conf_get(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    ssize_t n;
    if (fd < 0)
        return NULL;
    n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    return buf;
}

static inline int conf_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Names in a directory other than "." and "..", joined to the directory
 * path: a malloc'ed array of at most max malloc'ed strings, *count long. */
static inline char **conf_names(const char *dir, int max, int *count)
{
    char **v = NULL, **nv;
    int cap = 0;
    struct dirent *e;
    DIR *d = opendir(dir);
    *count = 0;
    while (d && *count < max && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (*count == cap) {
            cap = cap ? 2 * cap : 16;
            nv = realloc(v, cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        v[*count] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!v[*count])
            break;
        sprintf(v[*count], "%s/%s", dir, e->d_name);
        ++*count;
    }
    if (d)
        closedir(d);
    return v;
}

static inline void conf_free_names(char **v, int count)
{
    while (count > 0)
        free(v[--count]);
    free(v);
}

/* Number of entries below a directory, not following symlinks. */
static inline int conf_count_tree(const char *dir)
{
    struct stat st;
    int n, i, total;
    char **v = conf_names(dir, 1 << 20, &n);
    total = n;
    for (i = 0; i < n; i++)
        if (lstat(v[i], &st) == 0 && S_ISDIR(st.st_mode))
            total += conf_count_tree(v[i]);
    conf_free_names(v, n);
    return total;
}

/* Removes a tree without following symlinks; 0 when it is gone.  Reading
 * while removing is what this suite tests, so this does not rely on it:
 * it reads a batch of names, removes them, and reads again. */
static inline int conf_rmtree(const char *path)
{
    struct stat st;
    int n, i, pass;
    if (lstat(path, &st) != 0)
        return 0;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    for (pass = 0; pass < 100; pass++) {
        char **v = conf_names(path, 64, &n);
        for (i = 0; i < n; i++)
            conf_rmtree(v[i]);
        conf_free_names(v, n);
        if (n == 0)
            break;
    }
    return rmdir(path);
}

static const char *conf_dir;

/* Starts a program: line-buffered output, a fresh work directory named
 * after the program, made the current directory. */
static inline void conf_begin(const char *name)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    conf_dir = name;
    SAY("== %s", name);
    if (mkdir(name, 0755) != 0 || chdir(name) != 0) {
        SAY("cannot set up work directory %s: %s", name, conf_errname(errno));
        exit(2);
    }
}

/* Ends a program: leaves and removes the work directory, reports
 * anything the program left behind, and prints the count. */
static inline int conf_end(void)
{
    if (chdir("..") != 0)
        SAY("chdir(..) failed: %s", conf_errname(errno));
    INT("entries left behind", conf_count_tree(conf_dir), 0);
    OK("removing the work directory", conf_rmtree(conf_dir));
    SAY("== end: %d checks, %d unexpected", conf_checks, conf_unexpected);
    return 0;
}

#endif
