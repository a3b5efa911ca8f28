/*
 * paths.c - paths passed as (pointer, length): not NUL-terminated, ending
 * at the end of memory, running across it, NULL, empty, with a NUL inside,
 * 4096 bytes and more; and the pointers preview1 calls store their results
 * through (a filestat, a new descriptor, a readlink buffer and its count,
 * a seek offset, an fdstat, poll events), good and bad.
 *
 * Expected for a path (the first that applies): EFAULT when its first
 * min(len, 4096) bytes are not all memory; ENAMETOOLONG at 4096 bytes or
 * more; EILSEQ for a NUL inside; EFAULT for a result pointer that is not
 * all memory; then what the filesystem says. A call that fails changes no
 * memory and opens nothing.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guest.h"

#define PATH_MAX_ 4096
#define LONG_LINK 4095

static int pfd, file_fd;
static char long_target[LONG_LINK + 1];

void paths_setup(void)
{
    int fd;
    memset(long_target, 'x', LONG_LINK);
    if (mkdir("/p", 0755) || mkdir("/p/dir", 0755) ||
        (fd = open("/p/file", O_WRONLY | O_CREAT, 0644)) < 0 ||
        write(fd, "hello", 5) != 5 || close(fd) || symlink("file", "/p/l1") ||
        symlink(long_target, "/p/llong"))
        fail("paths_setup");
    pfd = open("/p", O_RDONLY | O_DIRECTORY);
    file_fd = open("/p/file", O_RDONLY);
    if (pfd < 0 || file_fd < 0)
        fail("paths_setup");
}

/* Names and what stat (following symlinks, or not) finds. */
static const struct name {
    const char *text;
    uint32_t len;
    int32_t err_follow, err_nofollow;
    uint8_t type_follow, type_nofollow;
} names[] = {
    {"file", 4, 0, 0, __WASI_FILETYPE_REGULAR_FILE,
     __WASI_FILETYPE_REGULAR_FILE},
    {"dir", 3, 0, 0, __WASI_FILETYPE_DIRECTORY, __WASI_FILETYPE_DIRECTORY},
    {"l1", 2, 0, 0, __WASI_FILETYPE_REGULAR_FILE,
     __WASI_FILETYPE_SYMBOLIC_LINK},
    {"dir/../file", 11, 0, 0, __WASI_FILETYPE_REGULAR_FILE,
     __WASI_FILETYPE_REGULAR_FILE},
    {"nothere", 7, __WASI_ERRNO_NOENT, __WASI_ERRNO_NOENT, 0, 0},
    {"file/", 5, __WASI_ERRNO_NOTDIR, __WASI_ERRNO_NOTDIR, 0, 0},
    {"", 0, __WASI_ERRNO_NOENT, __WASI_ERRNO_NOENT, 0, 0},
    {"fi\0le", 5, __WASI_ERRNO_ILSEQ, __WASI_ERRNO_ILSEQ, 0, 0},
    {NULL, 0, __WASI_ERRNO_NAMETOOLONG, __WASI_ERRNO_NAMETOOLONG, 0, 0},
};
#define N_NAMES (sizeof names / sizeof names[0])

/* Places a path for names[k]; returns its address, *len set. Its bytes
 * are written when the place is in a region, followed (when there is room)
 * by a byte that is not NUL: the length alone delimits it. */
static uintptr_t put_path(const struct name *nm, uint32_t *len, int allow_bad)
{
    int bad;
    uintptr_t p;
    *len = nm->text ? nm->len : PATH_MAX_ + below(2000);
    p = place(*len, allow_bad, &bad);
    if (in_regions(p, *len)) {
        if (nm->text)
            memcpy((void *)p, nm->text, *len);
        else
            memset((void *)p, 'a', *len);
        if (in_regions(p, *len + 1))
            ((char *)p)[*len] = (char)(1 + below(255));
    }
    return p;
}

/* The errno a path at p of len bytes gets before the filesystem sees it,
 * or 0. */
static int32_t path_err(uintptr_t p, uint32_t len, const struct name *nm)
{
    if (!valid(p, len < PATH_MAX_ ? len : PATH_MAX_))
        return __WASI_ERRNO_FAULT;
    if (len >= PATH_MAX_)
        return __WASI_ERRNO_NAMETOOLONG;
    if (nm->err_follow == __WASI_ERRNO_ILSEQ)
        return __WASI_ERRNO_ILSEQ;
    return 0;
}

/* The lowest free descriptor (to see that a failed open opened nothing). */
static int lowest_free(void)
{
    int fd = dup(0);
    if (fd < 0 || close(fd))
        fail("dup");
    return fd;
}

static void stat_or_open(int open_it)
{
    const struct name *nm = &names[below(N_NAMES)];
    int follow = one_in(2), bad, before = lowest_free();
    uint32_t len;
    uintptr_t path, out;
    int32_t want, r;

    op_name = open_it ? "path_open" : "path_filestat_get";
    tail_own();
    path = put_path(nm, &len, one_in(4));
    out = place(open_it ? 4 : 64, one_in(6), &bad);
    want = path_err(path, len, nm);
    if (!want && bad)
        want = __WASI_ERRNO_FAULT;
    if (!want)
        want = follow ? nm->err_follow : nm->err_nofollow;
    if (!want && open_it && !follow && nm->type_nofollow ==
                                          __WASI_FILETYPE_SYMBOLIC_LINK)
        want = __WASI_ERRNO_LOOP;
    shadow_take();
    r = open_it ? __imported_wasi_snapshot_preview1_path_open(
                      pfd, follow, (int32_t)path, (int32_t)len, 0,
                      __WASI_RIGHTS_FD_READ, 0, 0, (int32_t)out)
                : __imported_wasi_snapshot_preview1_path_filestat_get(
                      pfd, follow, (int32_t)path, (int32_t)len, (int32_t)out);
    EXPECT(r == want, "%.20s (%u bytes at %#lx, result at %#lx): errno %d, "
           "expected %d", nm->text ? nm->text : "(long)", len,
           (unsigned long)path, (unsigned long)out, r, want);
    if (!r) {
        if (open_it) {
            uint32_t fd;
            memcpy(&fd, (void *)out, 4);
            EXPECT((int)fd == before, "path_open gave %u, lowest free %d", fd,
                   before);
            close((int)fd);
        } else {
            __wasi_filestat_t st;
            memcpy(&st, (void *)out, sizeof st);
            EXPECT(st.filetype == (follow ? nm->type_follow
                                          : nm->type_nofollow),
                   "%s: filetype %u", nm->text, st.filetype);
        }
        if (in_regions(out, open_it ? 4 : 64))
            shadow_put(out, (void *)out, open_it ? 4 : 64);
    }
    shadow_same(op_name);
    EXPECT(lowest_free() == before, "a descriptor was left open");
}

static void readlink_op(void)
{
    static const struct name link1 = {"l1", 2, 0, 0, 0, 0},
                             longl = {"llong", 5, 0, 0, 0, 0},
                             notl = {"file", 4, 0, 0, 0, 0};
    uint32_t pick = below(3), len, size, tlen, used, copied;
    const struct name *nm = pick == 0 ? &link1 : pick == 1 ? &longl : &notl;
    const char *target = pick == 0 ? "file" : long_target;
    int bad_buf, bad_used;
    uintptr_t path, buf, usedp;
    int32_t want, r;

    op_name = "path_readlink";
    tail_own();
    tlen = pick == 0 ? 4 : LONG_LINK;
    size = one_in(8) ? 0 : below(tlen + 10) + 1;
    if (size > ARENA)
        size = ARENA;
    path = put_path(nm, &len, one_in(6));
    buf = place(size, one_in(5), &bad_buf);
    usedp = place(4, one_in(6), &bad_used);
    want = path_err(path, len, nm);
    if (!want && (bad_buf || bad_used))
        want = __WASI_ERRNO_FAULT;
    if (!want && (size == 0 || pick == 2))
        want = __WASI_ERRNO_INVAL;
    shadow_take();
    r = __imported_wasi_snapshot_preview1_path_readlink(
        pfd, (int32_t)path, (int32_t)len, (int32_t)buf, (int32_t)size,
        (int32_t)usedp);
    EXPECT(r == want, "%s, buffer %u at %#lx: errno %d, expected %d",
           nm->text, size, (unsigned long)buf, r, want);
    if (!r) {
        copied = size < tlen ? size : tlen;
        shadow_put(buf, target, copied);
        shadow_put(usedp, &copied, 4);
        memcpy(&used, (void *)usedp, 4);
        EXPECT(used == copied, "used %u, expected %u", used, copied);
    }
    shadow_same(op_name);
}

/* fd_seek, fd_fdstat_get, fd_filestat_get, poll_oneoff, fd_prestat_get
 * with their result pointers good or bad. */
static void results_op(void)
{
    uint32_t which = below(5), need;
    int bad, bad2 = 0, bad3 = 0;
    uintptr_t out, sub = 0, nev = 0;
    int32_t want, r;
    uint32_t n = 1;

    static const uint32_t sizes[] = {8, 24, 64, 32, 8};
    static const char *const ops[] = {"fd_seek", "fd_fdstat_get",
                                      "fd_filestat_get", "poll_oneoff",
                                      "fd_prestat_get"};
    op_name = ops[which];
    tail_own();
    need = sizes[which];
    out = place(need, one_in(3), &bad);
    if (which == 3) {
        __wasi_subscription_t s;
        if (one_in(10))
            n = one_in(2) ? (1u << 26) + below(100) : 0x80000000u;
        sub = place(48, one_in(4), &bad2);
        nev = place(4, one_in(4), &bad3);
        memset(&s, 0, sizeof s);
        s.userdata = rnd();
        s.u.tag = __WASI_EVENTTYPE_FD_READ;
        s.u.u.fd_read.file_descriptor = (uint32_t)file_fd;
        if (in_regions(sub, 48))
            memcpy((void *)sub, &s, 48);
        if (n > 1)
            bad2 = 1; /* millions of subscriptions: never all in memory */
    }
    want = bad || bad2 || bad3 ? __WASI_ERRNO_FAULT : 0;
    if (which == 4)
        want = __WASI_ERRNO_BADF; /* no preopen but "/" at 3, the program's */
    if (which == 0 && lseek(file_fd, 1, SEEK_SET) != 1)
        fail("lseek");
    shadow_take();
    switch (which) {
    case 0:
        r = __imported_wasi_snapshot_preview1_fd_seek(file_fd, 2, 0,
                                                      (int32_t)out);
        break;
    case 1:
        r = __imported_wasi_snapshot_preview1_fd_fdstat_get(file_fd,
                                                            (int32_t)out);
        break;
    case 2:
        r = __imported_wasi_snapshot_preview1_fd_filestat_get(file_fd,
                                                              (int32_t)out);
        break;
    case 3:
        r = __imported_wasi_snapshot_preview1_poll_oneoff(
            (int32_t)sub, (int32_t)out, (int32_t)n, (int32_t)nev);
        break;
    default:
        r = __imported_wasi_snapshot_preview1_fd_prestat_get(
            one_in(2) ? 3 : 5 + (int)below(100), (int32_t)out);
        break;
    }
    EXPECT(r == want, "result at %#lx: errno %d, expected %d",
           (unsigned long)out, r, want);
    if (!r) {
        shadow_put(out, (void *)out, need);
        if (which == 3) {
            uint32_t got;
            memcpy(&got, (void *)nev, 4);
            EXPECT(got == 1, "%u events", got);
            shadow_put(nev, &got, 4);
        }
    }
    shadow_same(op_name);
    if (which == 0)
        EXPECT(lseek(file_fd, 0, SEEK_CUR) == (want ? 1 : 2),
               "the offset after a seek that %s", want ? "failed" : "worked");
}

void paths_op(void)
{
    uint32_t r = below(100);
    if (r < 30)
        stat_or_open(0);
    else if (r < 55)
        stat_or_open(1);
    else if (r < 75)
        readlink_op();
    else
        results_op();
}
