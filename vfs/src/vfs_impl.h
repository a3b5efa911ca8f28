/*
 * vfs_impl.h - internal data structures and helpers shared by vfs/src.
 *
 * Ownership and lifetime:
 *  - A node (inode) lives while it has a name (nlink > 0) or an open file
 *    description (opens > 0), and a directory also while removed
 *    subdirectories still point at it (pins > 0); vfs__node_put frees it
 *    when all reach zero.
 *  - A directory's nlink is 2 + its subdirectories while it is linked, and 0
 *    once removed; a removed directory has no entries and no name (self
 *    NULL) but keeps its parent, which it pins, so ".." from it leads where
 *    it did, as on Linux.
 *  - A descriptor slot points at an open file description; a description
 *    counts the slots sharing it (refs) and holds one reference on its node.
 *  - fs->bytes is the sum of every held data block and tree node of a
 *    file, symlink target and entry name; fs->inodes counts live nodes.
 *
 * Every mutator allocates everything it needs before changing anything, so
 * a failure leaves the filesystem as it was.
 */
#ifndef VFS_IMPL_H
#define VFS_IMPL_H

#include "vfs.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define VFS__HIDDEN __attribute__((visibility("hidden")))
#else
#define VFS__HIDDEN
#endif

#define VFS__BLOCK 4096                       /* file data block size */
#define VFS__FILE_MAX ((int64_t)1 << 44)      /* largest file size: -EFBIG */
#ifndef VFS__LINK_MAX
#define VFS__LINK_MAX 0xffffffffu             /* nlink ceiling: -EMLINK */
#endif
#define VFS__PERM 07777

#define VFS__ISDIR(m) (((m) & VFS_S_IFMT) == VFS_S_IFDIR)
#define VFS__ISREG(m) (((m) & VFS_S_IFMT) == VFS_S_IFREG)
#define VFS__ISLNK(m) (((m) & VFS_S_IFMT) == VFS_S_IFLNK)
#define VFS__ISCHR(m) (((m) & VFS_S_IFMT) == VFS_S_IFCHR)
#define VFS__ISFIFO(m) (((m) & VFS_S_IFMT) == VFS_S_IFIFO)

struct vfs_node;
struct vfs__ofd;

/*
 * Behaviour of a kind of node behind a descriptor. A kind's code is linked
 * only when something creates a node of that kind.
 * read/write: move up to len bytes at off (streams ignore off); return the
 *   bytes moved or a negative errno. NULL: the node is never read/written
 *   through a descriptor (the caller has rejected it already).
 * poll: ready events among `events` for a description with flags; NULL:
 *   always ready.
 * release: a description with flags is going away; NULL: nothing to do.
 * free: releases kind-specific memory of a node being freed; NULL: none.
 */
struct vfs__ops {
    ssize_t (*read)(struct vfs *fs, struct vfs_node *n, void *buf,
                    size_t len, int64_t off);
    ssize_t (*write)(struct vfs *fs, struct vfs_node *n, const void *buf,
                     size_t len, int64_t off);
    int (*poll)(struct vfs_node *n, int flags, int events);
    void (*release)(struct vfs_node *n, int flags);
    void (*free)(struct vfs *fs, struct vfs_node *n);
};

/* A directory entry. Entries of a directory are found through its hash
 * table and listed in serial order in its vector; its serial (the readdir
 * cookie) is vec[slot].serial. Its hash is vfs__hash(name, namelen), kept
 * in the table only. */
struct vfs__ent {
    struct vfs_node *node;
    uint32_t slot;              /* its index in the directory's vector */
    uint32_t namelen;
    char name[];
};

/*
 * Directory table. vec[0..len) holds entries in strictly increasing serial
 * order, with ent NULL where an entry was removed (a tombstone); it is
 * compacted when more than half of it is tombstones, and vec[i].ent->slot
 * is i for every live entry.
 * tab[0..mask] (mask + 1 a power of two, at least VFS__HTAB_MIN; tab NULL
 * and mask 0 before the first entry) holds every live entry with its hash,
 * by linear probing from hash & mask with no gap between an entry's home
 * slot and its slot (removal shifts the run back: there are no deleted
 * markers), so a lookup compares hashes in the table and reads an entry
 * only when its hash matches. Load: live * 4 <= (mask + 1) * 3 (the table
 * doubles past it; like the vector, it keeps its size as entries go).
 */
#define VFS__HTAB_MIN 8u
struct vfs__hslot {
    uint32_t hash;
    struct vfs__ent *ent;       /* NULL: empty */
};
struct vfs__dslot {
    uint64_t serial;
    struct vfs__ent *ent;       /* NULL: removed (tombstone) */
};
struct vfs__dir {
    struct vfs__dslot *vec;
    uint32_t len, cap, live;
    uint32_t mask;
    struct vfs__hslot *tab;
    uint64_t next_serial;       /* serials 1 and 2 are "." and ".." */
    struct vfs_node *parent;    /* root: itself; removed: the last one */
    struct vfs__ent *self;      /* entry naming it in parent; root and
                                   removed: NULL */
    uint32_t pins;              /* removed subdirectories whose parent this
                                   is (they keep it alive) */
    uint32_t moved;             /* 1 once rename() moved it */
    vfs_fill_fn fill;           /* pending fill (lazy.c), or NULL */
    void *fill_ctx;
};

/*
 * Regular file data: a radix tree of VFS__BLOCK-byte blocks, NULL for
 * holes. A node is VFS__FAN pointers; a tree of height h holds blocks
 * 0 .. VFS__FAN^h - 1, the node at level l (the root's is h) spending
 * VFS__FAN_BITS bits of the block number, its children of level l - 1,
 * the leaves' (level 1) blocks. Height 0: root is block 0 itself.
 * Invariants: the height is the least that holds every held block (a root
 * node has a child other than its first), no node is empty, the height
 * is at most VFS__HEIGHT_MAX, and an empty tree is root NULL at height 0.
 * The tree grows by a new root whose first child is the old one, so
 * nothing is copied as a file grows. Block 0 may be smaller (cap0 bytes,
 * a power of two) so small files stay small; bytes of block 0 past cap0
 * read as zeros. Every byte of a held block at or after the file size is
 * zero, and no block lies wholly at or past it.
 *
 * Runs: a write over several holes of one leaf makes their blocks in one
 * allocation, end to end, so that reads and writes over them copy once.
 * A leaf's slot is a block's address with VFS__RUN set when the block
 * continues a run: it lies VFS__BLOCK past the block of the slot before,
 * in the same allocation. A run's first slot (its head, VFS__RUN clear)
 * holds the allocation's address; block 0 heads no run and continues
 * none. Freeing the head frees the run; truncation shrinks a run whose
 * head it keeps. Allocations are aligned as malloc's, so bit 0 is free.
 */
#define VFS__FAN_BITS 8
#define VFS__FAN (1u << VFS__FAN_BITS)
#define VFS__NODE (VFS__FAN * sizeof(void *))   /* bytes of a node */
#define VFS__HEIGHT_MAX 4      /* VFS__FILE_MAX / VFS__BLOCK == FAN^4 */
#define VFS__RUN ((uintptr_t)1) /* slot bit: the block continues a run */
struct vfs__file {
    void *root;                 /* a node, block 0 (height 0), or NULL */
    uint32_t height;
    uint32_t cap0;              /* capacity of block 0 (0 when a hole) */
    /* Borrowed contents (lazy.c, vfs_fill_add): bytes [0, nborrowed) that
     * no held block covers read from borrowed, never written; a block
     * made or grown takes its borrowed bytes first (copy on write).
     * nborrowed <= the file size. */
    const unsigned char *borrowed;
    int64_t held;               /* bytes of blocks and nodes */
    int64_t nborrowed;
};

/* The leaf (level-1 node) of file `file` over blocks at * VFS__FAN
 * onwards, the last one walked to in any file, so that the next block
 * there takes no walk (one per filesystem, not per file: a file's node
 * stays small). file NULL: none. Dropped when that file's nodes are
 * freed. */
struct vfs__hint {
    const struct vfs__file *file;
    void **leaf;
    uint64_t at;
};

struct vfs__pipe {
    unsigned char *buf;
    uint32_t start, len, cap;   /* data is buf[start .. start+len) */
    int ends;                   /* 1: read end open, 2: write end open */
};

struct vfs__dev {
    const struct vfs_device_ops *ops;  /* NULL: built-in null/zero */
    void *ctx;
    uint64_t rdev;
};

struct vfs_node {
    const struct vfs__ops *ops;
    uint32_t mode;
    uint64_t ino;
    uint32_t nlink;
    uint32_t opens;             /* open file descriptions on it */
    int64_t size;               /* file size, or symlink target length */
    int64_t atime, mtime, ctime;   /* nanoseconds since the epoch */
    union {
        struct vfs__file file;
        struct vfs__dir dir;
        struct vfs__pipe pipe;
        struct vfs__dev dev;
        char *target;           /* symlink: stored right after the node's
                                   vfs__node_size bytes */
    } u;
};

/* Open file description. flags: access mode (or VFS_O_PATH) and status
 * flags; flock: VFS_FLOCK_SH / VFS_FLOCK_EX held, or 0. */
struct vfs__ofd {
    struct vfs_node *node;
    int64_t off;
    uint32_t refs;
    int flags;
    int flock;
};

struct vfs__slot {
    struct vfs__ofd *ofd;       /* NULL: free */
    int cloexec;
};

/*
 * The walk cache (path.c): the directory part of the last path resolved,
 * so that the next path sharing it starts where that one ended instead of
 * at its first component. text[0..len) is a prefix of that path ending
 * with a slash, made of plain names only (no ".", "..", or symbolic
 * link), which resolves from base to dir. Because the names are plain,
 * the directories along it are dir and its parents, one per name of text.
 * dir NULL: empty. Kept valid by vfs__forget at every change that could
 * resolve it differently: dir removed (the only directory of the chain
 * that can be, as the others hold entries), a directory renamed or
 * replaced, a directory's permission bits changed, a fill given to a
 * directory.
 */
struct vfs__pcache {
    struct vfs_node *base, *dir;
    char *text;                 /* VFS_PATH_MAX bytes, or NULL */
    uint32_t len;
};

/* How many nodes may hold timestamps marked for update at once: a copy
 * loop's source and target, a database and its journal. */
#define VFS__MARKED 4

struct vfs {
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void *alloc_ctx;
    int64_t (*now)(void *ctx);
    void *now_ctx;
    uint64_t max_bytes, bytes;
    uint32_t max_inodes, inodes;
    uint32_t max_fds, nslots;   /* slots[0..nslots) allocated */
    struct vfs__slot *slots;
    uint64_t next_ino;
    uint32_t umask;
    struct vfs_node *root;
    /* vfs__fill and vfs__borrowed, set by the first vfs_lazy_dir: lazy.c
     * is linked only into programs that make lazy directories. */
    int (*fill)(struct vfs *fs, struct vfs_node *n);
    size_t (*borrow)(const struct vfs__file *f, int64_t pos,
                     unsigned char *dst, size_t len);
    struct vfs__pcache pc;
    struct vfs__hint hint;      /* filedata.c */
    /* The last description freed, kept for the next open (an open and
     * a close then cost no allocation); NULL: none. */
    struct vfs__ofd *spare;
    /* Timestamps marked for update (node.c, vfs__mark): marked[0 ..
     * nmarked) are distinct live nodes, and marks[i] which of marked[i]'s
     * times (VFS__MARK_*, nonzero). */
    struct vfs_node *marked[VFS__MARKED];
    unsigned char marks[VFS__MARKED];
    unsigned nmarked;
};

/* ---- memory (fs.c) ------------------------------------------------------ */
/* Allocates or resizes; NULL on failure (ptr untouched). size > 0. */
VFS__HIDDEN void *vfs__realloc(struct vfs *fs, void *ptr, size_t size);
VFS__HIDDEN void vfs__free(struct vfs *fs, void *ptr);
/* -ENOSPC unless `more` bytes fit under max_bytes. */
VFS__HIDDEN int vfs__budget(const struct vfs *fs, uint64_t more);
/* The config clock in nanoseconds; 0 without one. Every clock read of the
 * core goes through here, and stamps the marked nodes' times with the
 * reading (node.c, vfs__mark), so that no timestamp is later than one set
 * after it. */
VFS__HIDDEN int64_t vfs__now(struct vfs *fs);

/* ---- nodes (node.c) ----------------------------------------------------- */
/* Bytes of a node of mode's kind: the common part and its member of u
 * only (a file's node holds no directory table), before a symlink's
 * target. Nothing reads another kind's member of u. */
VFS__HIDDEN size_t vfs__node_size(uint32_t mode);
/* Allocates and counts a node of mode with kind ops, ino assigned, times
 * now, nlink 0; `extra` trailing bytes become a symlink target (u.target,
 * size = extra, counted in fs->bytes). -ENOSPC/-ENOMEM. */
VFS__HIDDEN int vfs__node_new(struct vfs *fs, uint32_t mode, size_t extra,
                              const struct vfs__ops *ops,
                              struct vfs_node **out);
/* Frees n if it has no names, open descriptions or pins; freeing a removed
 * directory unpins its parent, which may go in turn. */
VFS__HIDDEN void vfs__node_put(struct vfs *fs, struct vfs_node *n);
/* Frees n unconditionally (kind data included). */
VFS__HIDDEN void vfs__node_free(struct vfs *fs, struct vfs_node *n);
/* Marks modification (mtime+ctime) or change (ctime) at now. */
VFS__HIDDEN void vfs__touch_mc(struct vfs *fs, struct vfs_node *n);
/*
 * Times marked for update (POSIX, XBD 4.9 "File Times Update"): a read or
 * write through a descriptor marks its file's times instead of reading the
 * clock, and the marks are stamped with the next clock reading that could
 * be told apart from the moment of the call: the core's next vfs__now (any
 * other timestamp, which is so never earlier than these), a look at that
 * file's times (vfs__settle), or vfs_sync_times (the caller's own clock
 * read or wait). Up to VFS__MARKED nodes hold marks: marking one more
 * stamps them all first, and so does freeing one.
 */
#define VFS__MARK_A  1u   /* atime */
#define VFS__MARK_MC 2u   /* mtime and ctime */
VFS__HIDDEN void vfs__mark(struct vfs *fs, struct vfs_node *n, unsigned m);
/* Stamps the marks if n has any: before n's times are read, or n freed. */
VFS__HIDDEN void vfs__settle(struct vfs *fs, const struct vfs_node *n);
/* A regular file's data changed (truncate): vfs__touch_mc, and, as
 * Linux does for a writer without CAP_FSETID, clears set-user-ID, and
 * set-group-ID when group execute is set. (A write marks its times
 * instead, vfs__mark, and clears the same bits.) */
VFS__HIDDEN void vfs__touch_data(struct vfs *fs, struct vfs_node *n);
/* (Built with VFS_SUPERUSER, the writer is root, which has CAP_FSETID:
 * the bits stay.) */
/* The mode part of vfs__touch_data alone (a truncate to the same size, a
 * write). */
VFS__HIDDEN void vfs__drop_setid(struct vfs_node *n);
/* Permission test: -EACCES unless every bit of want (4 r, 2 w, 1 x) is
 * granted by n's owner bits; built with VFS_SUPERUSER, the test of a
 * root caller: only execute (x wanted on a non-directory with no x bit)
 * can be refused. */
VFS__HIDDEN int vfs__may(const struct vfs_node *n, int want);

/* ---- directory table (dirtab.c) ----------------------------------------- */
VFS__HIDDEN extern const struct vfs__ops vfs__dir_ops;
VFS__HIDDEN struct vfs__ent *vfs__dir_find(const struct vfs_node *dir,
                                           const char *name, size_t len);
/* vfs__dir_find when the caller has hash == vfs__hash(name, len). */
VFS__HIDDEN struct vfs__ent *vfs__dir_find_h(const struct vfs_node *dir,
                                             const char *name, size_t len,
                                             uint32_t hash);
/* Allocates an entry for name and makes room for it in dir (vector and
 * hash table); nothing visible changes. `credit`: name bytes about to be
 * released by the caller, counted as free. out NULL: only the room, for
 * an entry the caller has (rename.c). -ENOSPC/-ENOMEM. */
VFS__HIDDEN int vfs__dir_reserve(struct vfs *fs, struct vfs_node *dir,
                                 const char *name, size_t len,
                                 uint64_t credit, struct vfs__ent **out);
/* Links a reserved entry into dir, pointing at node. Cannot fail. */
VFS__HIDDEN void vfs__dir_insert(struct vfs *fs, struct vfs_node *dir,
                                 struct vfs__ent *e, struct vfs_node *node);
/* Unlinks and frees e. Cannot fail. vfs__dir_unlink only unlinks it. */
VFS__HIDDEN void vfs__dir_remove(struct vfs *fs, struct vfs_node *dir,
                                 struct vfs__ent *e);
VFS__HIDDEN void vfs__dir_unlink(struct vfs *fs, struct vfs_node *dir,
                                 struct vfs__ent *e);
/* Directory n, already unlinked from its parent's table, leaves the tree:
 * nlink 0, no name; it keeps and pins its parent. The caller then calls
 * vfs__node_put(n). */
VFS__HIDDEN void vfs__dir_unhook(struct vfs_node *n);
/* Index of the first vector slot with serial > cookie. */
VFS__HIDDEN uint32_t vfs__dir_seek(const struct vfs__dir *d,
                                   uint64_t cookie);
VFS__HIDDEN uint32_t vfs__hash(const char *name, size_t len);
/* FNV-1a, one byte at a time: vfs__hash is a loop of these from
 * VFS__HASH0. */
#define VFS__HASH0 2166136261u
#define VFS__HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)

/* ---- directory hash table (dirhash.c) ----------------------------------- */
/* The table's load is d->live, which dirtab.c keeps: the live entries. */
/* Makes room for one more entry than live (the table grows past the load
 * bound); -ENOMEM with d unchanged. */
VFS__HIDDEN int vfs__htab_room(struct vfs *fs, struct vfs__dir *d);
/* Adds e, whose name hashes to h, after vfs__htab_room. */
VFS__HIDDEN void vfs__htab_put(struct vfs__dir *d, uint32_t h,
                               struct vfs__ent *e);
/* Removes e, whose name hashes to h. Cannot fail. */
VFS__HIDDEN void vfs__htab_take(struct vfs__dir *d, uint32_t h,
                                const struct vfs__ent *e);

/* ---- file data (filedata.c) --------------------------------------------- */
VFS__HIDDEN extern const struct vfs__ops vfs__file_ops;
/* Truncation to 0 (O_TRUNC, a file freed): every block and node go; it
 * cannot fail. Separate from vfs__file_truncate so that programs
 * that never truncate to another size do not carry that. */
VFS__HIDDEN void vfs__file_empty(struct vfs *fs, struct vfs_node *n);
/* Sets the size of a regular file; shrinking frees the blocks past the
 * end, the nodes left empty, and lowers the tree. -EFBIG; a shrink
 * cannot fail. */
/* The first position at or after off (0 <= off < size) in data (hole 0)
 * or in a hole (hole 1), in VFS__BLOCK units clamped to off and the size
 * (a block held or borrowed is data; the end is a hole); -ENXIO: no data
 * at or after off. */
VFS__HIDDEN int64_t vfs__file_seek(struct vfs_node *n, int64_t off,
                                   int hole);
VFS__HIDDEN int vfs__file_truncate(struct vfs *fs, struct vfs_node *n,
                                   int64_t size);
/* The bytes that holding every block first .. last (first <= last <
 * VFS__FAN^VFS__HEIGHT_MAX) would add to f: its holes there, as whole
 * blocks, and the nodes they would need (fallocate's check). */
VFS__HIDDEN uint64_t vfs__file_missing(const struct vfs__file *f,
                                       uint64_t first, uint64_t last);

/* ---- lazy directories (lazy.c) ----------------------------------------- */
/* Runs the pending fill of directory n (see vfs_lazy_dir): 0, or the
 * fill's error with n as it was. */
VFS__HIDDEN int vfs__fill(struct vfs *fs, struct vfs_node *n);
/* Copies file positions [pos, pos+len) of f that are borrowed (pos <
 * f->nborrowed) to dst: as many as there are of them, from pos on;
 * returns that count. */
VFS__HIDDEN size_t vfs__borrowed(const struct vfs__file *f, int64_t pos,
                                 unsigned char *dst, size_t len);
/* 0 when n is ready for use: not a directory, or one with no pending
 * fill (which is run now). */
static inline int vfs__ready(struct vfs *fs, struct vfs_node *n)
{
    return VFS__ISDIR(n->mode) && n->u.dir.fill ? fs->fill(fs, n) : 0;
}

/* ---- devices (device.c) ------------------------------------------------- */
VFS__HIDDEN extern const struct vfs__ops vfs__dev_ops;
VFS__HIDDEN extern const struct vfs__ops vfs__link_ops;

/* ---- path resolution (path.c) ------------------------------------------- */
#define VFS__FOLLOW 1  /* follow a final symlink */
#define VFS__PARENT 2  /* the caller handles the last component: never follow
                          it, no trailing-slash check */
#define VFS__CREATE 4  /* a trailing slash gives -EISDIR (open O_CREAT) */

struct vfs__walk {
    struct vfs_node *dir;   /* directory holding the last component */
    struct vfs_node *node;  /* what the path names; NULL when absent */
    struct vfs__ent *ent;   /* node's entry in dir; NULL if not a name */
    const char *name;       /* last component, not NUL-terminated: in the
                               path or in a symlink target */
    size_t namelen;
    int dot;                /* last component is ".", ".." or none ("/") */
    int slash;              /* the path ends with a slash */
    int toolong;            /* VFS__PARENT: the last component is longer
                               than VFS_NAME_MAX (node is NULL) */
};
/* Resolves path. Returns 0 when everything but possibly the last component
 * exists (w->node NULL then), or a negative errno. */
VFS__HIDDEN int vfs__walk(struct vfs *fs, int dirfd, const char *path,
                          int how, struct vfs__walk *w);
/* For a VFS__PARENT walk, the error Linux gives when it looks the last
 * component up: -ENOENT in a removed directory, else -ENAMETOOLONG for a
 * name longer than VFS_NAME_MAX; 0 for a dot or a name that can be looked
 * up. */
VFS__HIDDEN int vfs__name_check(const struct vfs__walk *w);
/* Empties the walk cache (see struct vfs__pcache). */
static inline void vfs__forget(struct vfs *fs)
{
    fs->pc.dir = NULL;
}
/* vfs__walk that also requires the last component to exist (-ENOENT). */
VFS__HIDDEN int vfs__lookup(struct vfs *fs, int dirfd, const char *path,
                            int how, struct vfs__walk *w);
/* The prologue of the *at() calls on one existing name: -EINVAL when flags
 * has a bit outside allowed (nothing looked up), else vfs__lookup,
 * following a last symlink unless flags has VFS_AT_SYMLINK_NOFOLLOW. */
VFS__HIDDEN int vfs__lookup_at(struct vfs *fs, int dirfd, const char *path,
                               int flags, int allowed, struct vfs__walk *w);

/* ---- creation (create.c) ------------------------------------------------ */
/* Creates a node (as vfs__node_new) under the absent name in dir and
 * links it. -ENOENT (dir removed), -EACCES, -EMLINK, -ENOSPC, -ENOMEM. */
VFS__HIDDEN int vfs__create(struct vfs *fs, struct vfs_node *dir,
                            const char *name, size_t len, uint32_t mode,
                            size_t extra, const struct vfs__ops *ops,
                            struct vfs_node **out);

/* ---- descriptors (fdtab.c) ---------------------------------------------- */
/* The description open on fd, or NULL. */
VFS__HIDDEN struct vfs__ofd *vfs__ofd(const struct vfs *fs, int fd);
/* Lowest free descriptor >= min, growing the table; -EMFILE/-ENOMEM. The
 * slot stays free until vfs__fd_set. */
VFS__HIDDEN int vfs__fd_reserve(struct vfs *fs, int min);
VFS__HIDDEN void vfs__fd_set(struct vfs *fs, int fd, struct vfs__ofd *f,
                             int cloexec);
/* Allocates a description (the spare one if there is one); binds it to n
 * with flags at vfs__ofd_bind. */
VFS__HIDDEN struct vfs__ofd *vfs__ofd_alloc(struct vfs *fs);
VFS__HIDDEN void vfs__ofd_bind(struct vfs_node *n, struct vfs__ofd *f,
                               int flags);
/* Empties slot fd (which must be open), dropping its description. */
VFS__HIDDEN void vfs__fd_clear(struct vfs *fs, int fd);
/* The directory for a relative path: -EBADF / -ENOTDIR. */
VFS__HIDDEN int vfs__dirfd(const struct vfs *fs, int dirfd,
                           struct vfs_node **out);

/* ---- debug invariants ---------------------------------------------------- */
#ifdef VFS_DEBUG
VFS__HIDDEN void vfs__assert_invariants(const struct vfs *fs,
                                        const char *where);
#define VFS__GUARD(fs, type, call)                                          \
    do {                                                                    \
        type r_;                                                            \
        vfs__assert_invariants((fs), __func__);                             \
        r_ = (call);                                                        \
        vfs__assert_invariants((fs), __func__);                             \
        return r_;                                                          \
    } while (0)
#else
#define VFS__GUARD(fs, type, call) return (call)
#endif

#endif
