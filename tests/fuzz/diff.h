/*
 * diff.h - the differential fuzzer of vfs/ against Linux: operations, their
 * results, and the pieces that make, run and compare them.
 *
 * An input is decoded into a program of operations (decode.c). Each
 * operation runs once on a fresh vfs (exec_vfs.c) and once with the real
 * system calls inside a chrooted, unprivileged helper process (jail.c,
 * exec_linux.c), and the two results must be equal after the documented
 * normalizations (compare.c, README.md).
 *
 * Descriptors are compared by number: both sides start an input with no
 * descriptor in 0..15 and hand out the lowest free one, and a program never
 * holds more than DIFF_MAX_FDS at once.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define DIFF_MAX_OPS  64      /* operations decoded from one input */
#define DIFF_MAX_FDS  16      /* descriptors 0..15 */
#define DIFF_PATH_BUF 6400    /* generated paths stay shorter */
#define DIFF_FD_CWD   (-1000) /* dirfd meaning "the current directory" */
#define DIFF_IO_MAX   65539   /* largest read or write */

enum diff_kind {
    OP_OPEN, OP_CLOSE, OP_READ, OP_WRITE, OP_PREAD, OP_PWRITE, OP_LSEEK,
    OP_TRUNCATE, OP_FTRUNCATE, OP_DUP, OP_DUP2, OP_DUP3, OP_DUPFD,
    OP_MKDIR, OP_RMDIR, OP_UNLINK, OP_RENAME, OP_LINK, OP_SYMLINK,
    OP_READLINK, OP_STAT, OP_LSTAT, OP_FSTAT, OP_READDIR, OP_CHMOD,
    OP_FCHMOD, OP_UTIMENSAT, OP_ACCESS, OP_CHDIR, OP_FCHDIR, OP_UMASK,
    OP_ATFLAGS, /* decodes to one of the *at() calls above with flag bits
                   it may not take (decode.c): never an op's kind */
    /* not generated from input bytes: */
    OP_RESET,   /* start an input: empty root (0755), cwd "/", umask 022 */
    OP_TREE,    /* describe the whole tree (see diff_tree_line) */
    OP_NKINDS
};

/*
 * One operation. Flag and mode values use the vfs encoding (VFS_O_*,
 * VFS_AT_*, VFS_SEEK_*, VFS_*_OK, permission bits); exec_linux.c
 * translates. Unused fields are zero. The *at flags of OP_UNLINK, OP_RMDIR,
 * OP_STAT and OP_LSTAT are those in flags besides the ones their kind
 * implies; DIFF_AT_UNKNOWN is a bit no *at() call takes, on either side.
 */
#define DIFF_AT_UNKNOWN 0x100
struct diff_op {
    int kind;
    int fd, fd2;            /* descriptors; -1 is never open */
    int dirfd, dirfd2;      /* DIFF_FD_CWD or a descriptor */
    int flags;              /* open flags, *at flags, whence, amode */
    uint32_t mode;
    int64_t off;            /* offset or length */
    int64_t len;            /* byte count or buffer size */
    int times_null;         /* utimensat with NULL times */
    struct timespec ts[2];
    unsigned seed;          /* write data pattern */
    char path[DIFF_PATH_BUF], path2[DIFF_PATH_BUF];
};

/* What an operation gave: ret >= 0 on success, -errno on failure, plus
 * bytes that depend on the kind (data read, link target, a struct
 * diff_stat, a sorted listing, a tree description). */
struct diff_result {
    int64_t ret;
    unsigned char *data;
    size_t len, cap;
};

/* The stat fields that are compared, normalized by diff_norm_stat. */
struct diff_stat {
    uint32_t mode, nlink;
    int64_t size;
    int64_t mtime, ctime;   /* ns, or DIFF_RECENT */
};
#define DIFF_RECENT INT64_MIN

/* ---- results (compare.c) ----------------------------------------------- */
void diff_res_clear(struct diff_result *r);
void diff_res_append(struct diff_result *r, const void *p, size_t n);
void diff_res_free(struct diff_result *r);
/* Applies the intended differences to a raw stat before comparison:
 * directory sizes are dropped, timestamps within an hour of now become
 * DIFF_RECENT. */
void diff_norm_stat(struct diff_stat *st);
/* Formats one tree entry: path, type letter, normalized stat, and the
 * content hash (files) or target (symlinks). */
/* The path of the tree walk: p is NUL-terminated, len its length; grown
 * with diff_path_push (a '/' between names; abort() when out of memory),
 * cut back by setting len and p[len] = 0. */
struct diff_path {
    char *p;
    size_t len, cap;
};
void diff_path_push(struct diff_path *pa, const char *name, size_t n);

void diff_tree_line(struct diff_result *r, const char *path, char type,
                    const struct diff_stat *st, const char *extra,
                    size_t extralen);
/* Sorts a listing made of entries "<type letter><name>\0" by name. */
void diff_sort_listing(struct diff_result *r);
/* 0 when equal; otherwise prints both and the program, and returns -1. */
int diff_compare(const struct diff_op *prog, int n, int at,
                 const struct diff_result *v, const struct diff_result *l);
void diff_print_op(const struct diff_op *op, int index);

/* ---- shared helpers (compare.c) ---------------------------------------- */
/* Byte i of the data a write with this seed sends. */
unsigned char diff_pattern(unsigned seed, size_t i);
uint64_t diff_hash(uint64_t h, const void *p, size_t n);
#define DIFF_HASH_INIT 14695981039346656037ull
char diff_type_letter(uint32_t mode);   /* VFS_S_IF* -> 'f','d','l',... */
int64_t diff_now_ns(void);

/* ---- decoding (decode.c) ----------------------------------------------- */
/* Decodes up to max operations from data into prog; returns how many. */
int diff_decode(const uint8_t *data, size_t size, struct diff_op *prog,
                int max);
/* Whether op may make a new descriptor (skipped when DIFF_MAX_FDS are
 * open). */
int diff_makes_fd(const struct diff_op *op);

/* ---- executors --------------------------------------------------------- */
/* Run op and fill res. The vfs one owns the filesystem (made by OP_RESET);
 * the Linux one runs inside the jail. */
void diff_exec_vfs(const struct diff_op *op, struct diff_result *res);
void diff_exec_linux(const struct diff_op *op, struct diff_result *res);
/* Linux side only: empties the jail's root (before each input and at the
 * end). Returns 0 or -errno. */
int diff_linux_wipe(void);

/* ---- the jail (jail.c) ------------------------------------------------- */
/* Starts the helper process on first use; exits the process with status
 * 77 when no jail can be made (not root and no user namespaces). */
void diff_jail_start(void);
/* Runs op in the helper. */
void diff_jail_exec(const struct diff_op *op, struct diff_result *res);

#endif
