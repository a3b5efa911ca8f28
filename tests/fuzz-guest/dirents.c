/*
 * dirents.c - fd_readdir into buffers of every size (none, less than a
 * header, cutting a name, exact, large), at the end of memory or across
 * it, resumed from the cookies of earlier entries or from cookies made up,
 * while entries come and go. The listing, reassembled as wasi-libc's
 * readdir does (complete entries only; a full buffer goes on from the
 * cookie of the last complete entry), must be the model's directory:
 * ".", "..", and every entry that stayed through the walk exactly once;
 * an entry added or removed during the walk at most once; nothing else.
 * The call writes no byte past the count it returns.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guest.h"

#define ENTS_MAX 120
#define HDR 24

struct ent {
    char name[256];
    uint32_t len;
    int dir;
    int seen;
    int stable; /* present for the whole of the current walk */
};
static struct ent live[ENTS_MAX], gone[4 * ENTS_MAX];
static int n_live, n_gone;
static int dfd, file_fd;
static uint32_t serial;

void dir_setup(void)
{
    if (mkdir("/d", 0755))
        fail("mkdir /d");
    dfd = open("/d", O_RDONLY | O_DIRECTORY);
    file_fd = open("/d.file", O_RDWR | O_CREAT, 0644);
    if (dfd < 0 || file_fd < 0)
        fail("dir_setup");
}

/* A new name, never used before: random bytes (any but '/' and NUL,
 * sometimes not UTF-8), then a serial number. */
static void add_entry(void)
{
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    struct ent *e = &live[n_live];
    uint32_t r = below(100), n, i;
    int fd;

    n = r < 60 ? below(8) : r < 85 ? 8 + below(56) : 64 + below(180);
    for (i = 0; i < n; i++)
        e->name[i] = one_in(10) ? (char)(0x80 + below(0x80))
                                : alnum[below(sizeof alnum - 1)];
    n += (uint32_t)snprintf(e->name + n, 12, "~%u", serial++);
    e->name[n] = 0;
    e->len = n;
    e->dir = one_in(3);
    e->seen = 0;
    e->stable = 0;
    if (e->dir) {
        if (mkdirat(dfd, e->name, 0755))
            fail("mkdirat %s", e->name);
    } else {
        fd = openat(dfd, e->name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0 || close(fd))
            fail("create %s", e->name);
    }
    n_live++;
}

static void remove_entry(void)
{
    int k = (int)below((uint32_t)n_live);
    if (unlinkat(dfd, live[k].name, live[k].dir ? AT_REMOVEDIR : 0))
        fail("remove %s", live[k].name);
    if (n_gone == 4 * ENTS_MAX)
        fail("model error: too many removals in one walk");
    gone[n_gone++] = live[k];
    live[k] = live[--n_live];
}

static void churn(void)
{
    if (n_live < ENTS_MAX && (n_live < 4 || one_in(2)))
        add_entry();
    else if (n_live)
        remove_entry();
}

static uint32_t pick_size(void)
{
    uint32_t r = below(100);
    return r < 5 ? 0 : r < 25 ? 1 + below(HDR - 1) : r < 45 ? HDR + below(20)
         : r < 75 ? 44 + below(260) : 304 + below(3800);
}

static struct ent *find(const uint8_t *name, uint32_t len)
{
    int i;
    for (i = 0; i < n_live; i++)
        if (live[i].len == len && !memcmp(live[i].name, name, len))
            return &live[i];
    for (i = 0; i < n_gone; i++)
        if (gone[i].len == len && !memcmp(gone[i].name, name, len))
            return &gone[i];
    return NULL;
}

/* Cookies after each complete entry of the last walk, in order. */
static uint64_t order_next[ENTS_MAX * 2 + 2];
static struct ent *order_ent[ENTS_MAX * 2 + 2];
static int order_len;

/*
 * Lists the directory from cookie, as wasi-libc would; with mutate, entries
 * come and go between calls. Checks each entry; returns how many complete
 * entries came, recording them in order_*.
 */
static int walk(uint64_t cookie, int mutate, int allow_bad)
{
    static uint32_t spare;
    uint32_t size = pick_size(), used, p;
    int dot = 0, dotdot = 0, got = 0, steps = 0;

    order_len = 0;
    for (;;) {
        uintptr_t buf, cnt;
        int bad_buf, bad_cnt, complete = 0;
        int32_t r;

        if (++steps > 4 * ENTS_MAX + 64)
            fail("walk does not end");
        tail_own();
        buf = place(size, allow_bad, &bad_buf);
        cnt = place(4, allow_bad, &bad_cnt);
        if (cnt + 4 > buf && cnt < buf + size) /* the count lands last */
            cnt = (uintptr_t)&spare, bad_cnt = 0;
        shadow_take();
        r = __imported_wasi_snapshot_preview1_fd_readdir(
            dfd, (int32_t)buf, (int32_t)size, (int64_t)cookie, (int32_t)cnt);
        if (bad_buf || bad_cnt) {
            EXPECT(r == __WASI_ERRNO_FAULT, "size %u: errno %d, expected "
                   "EFAULT", size, r);
            shadow_same(op_name);
            allow_bad = 0;
            continue;
        }
        EXPECT(r == 0, "size %u, cookie %llu: errno %d", size,
               (unsigned long long)cookie, r);
        memcpy(&used, (void *)cnt, 4);
        EXPECT(used <= size, "used %u of %u", used, size);
        if (in_regions(buf, size))
            shadow_put(buf, (void *)buf, used);
        if (in_regions(cnt, 4))
            shadow_put(cnt, &used, 4);
        shadow_same("fd_readdir wrote past what it reported");
        for (p = 0; used - p >= HDR; complete++) {
            __wasi_dirent_t d;
            const uint8_t *name = (const uint8_t *)buf + p + HDR;
            memcpy(&d, (const void *)(buf + p), HDR);
            if (used - p - HDR < d.d_namlen)
                break; /* cut: read again from the cookie before it */
            EXPECT(d.d_ino != 0, "entry with inode 0");
            if ((d.d_namlen == 1 && name[0] == '.') ||
                (d.d_namlen == 2 && name[0] == '.' && name[1] == '.')) {
                EXPECT(d.d_type == __WASI_FILETYPE_DIRECTORY, "dot type");
                *(d.d_namlen == 1 ? &dot : &dotdot) += 1;
            } else {
                struct ent *e = find(name, d.d_namlen);
                EXPECT(e != NULL, "listed a name that never was (%u bytes "
                       "at %u of %u, buffer %u at %#lx, cookie %llu): %.*s",
                       d.d_namlen, p, used, size, (unsigned long)buf,
                       (unsigned long long)cookie, (int)d.d_namlen, name);
                EXPECT(d.d_type == (e->dir ? __WASI_FILETYPE_DIRECTORY
                                           : __WASI_FILETYPE_REGULAR_FILE),
                       "%s: type %u", e->name, d.d_type);
                e->seen++;
                EXPECT(e->seen == 1, "%s listed twice", e->name);
                order_ent[order_len] = e;
                order_next[order_len++] = d.d_next;
            }
            cookie = d.d_next;
            p += HDR + d.d_namlen;
            got++;
        }
        if (used < size) {
            EXPECT(p == used, "a short buffer ends in a cut entry");
            break;
        }
        if (!complete)
            size = size * 2 + HDR; /* too small for the next entry */
        else if (one_in(3))
            size = pick_size();
        if (mutate && one_in(2))
            churn();
    }
    EXPECT(dot <= 1 && dotdot <= 1, "\".\" or \"..\" listed twice");
    /* negative: "." and ".." were not both there */
    return dot && dotdot ? got : -1 - got;
}

static void clear_marks(void)
{
    int i;
    for (i = 0; i < n_live; i++) {
        live[i].seen = 0;
        live[i].stable = 1;
    }
    n_gone = 0;
}

static void full_walk(void)
{
    int i, mutate = one_in(3);
    op_name = mutate ? "fd_readdir walk, entries changing" : "fd_readdir walk";
    clear_marks();
    EXPECT(walk(0, mutate, one_in(3)) >= 0, "\".\" and \"..\" missing");
    for (i = 0; i < n_live; i++)
        if (live[i].stable)
            EXPECT(live[i].seen == 1, "%s listed %d times", live[i].name,
                   live[i].seen);
    /* removed or added during the walk: at most once (walk checks) */
}

/* A walk from the cookie of the k-th entry of a full walk lists the entries
 * after it, in the same order. */
static void resume_walk(void)
{
    static struct ent *first[ENTS_MAX * 2 + 2];
    int n, k, i;

    op_name = "fd_readdir from a cookie";
    clear_marks();
    walk(0, 0, 0);
    n = order_len;
    if (!n)
        return;
    memcpy(first, order_ent, sizeof first[0] * (size_t)n);
    k = (int)below((uint32_t)n);
    clear_marks();
    walk(order_next[k], 0, 0);
    EXPECT(order_len == n - k - 1, "from entry %d of %d: %d entries", k, n,
           order_len);
    for (i = 0; i < order_len; i++)
        EXPECT(order_ent[i] == first[k + 1 + i], "order differs at %d", i);
}

/* Made-up cookies: anything, but never a crash or a name twice. */
static void bogus_walk(void)
{
    op_name = "fd_readdir from a made-up cookie";
    clear_marks();
    walk(one_in(2) ? rnd() : below(1000), 0, 0);
}

static void bad_descriptors(void)
{
    static const char *const names[] = {"a regular file", "never opened",
                                        "the current directory (O_PATH)",
                                        "a removed directory (lists nothing)"};
    uint32_t used, which = below(4);
    int fd = which == 0 ? file_fd : which == 1 ? 900 : 1024;
    int32_t want = which == 0 ? __WASI_ERRNO_NOTDIR : __WASI_ERRNO_BADF, r;
    uint8_t buf[64];

    op_name = "fd_readdir on a bad descriptor";
    if (which == 3) {
        if (mkdir("/gone", 0755) || (fd = open("/gone", O_RDONLY)) < 0 ||
            rmdir("/gone"))
            fail("making /gone");
        want = 0; /* wasi_readdir.c: an empty listing, as glibc's readdir */
        used = 1;
    }
    r = __imported_wasi_snapshot_preview1_fd_readdir(
        fd, (int32_t)(uintptr_t)buf, sizeof buf, 0, (int32_t)(uintptr_t)&used);
    EXPECT(r == want, "%s: errno %d, expected %d", names[which], r, want);
    if (which == 3) {
        EXPECT(used == 0, "%s: %u bytes listed", names[which], (unsigned)used);
        close(fd);
    }
}

void dir_op(void)
{
    uint32_t r = below(100);
    if (r < 40)
        churn();
    else if (r < 75)
        full_walk();
    else if (r < 88)
        resume_walk();
    else if (r < 94)
        bogus_walk();
    else
        bad_descriptors();
}
