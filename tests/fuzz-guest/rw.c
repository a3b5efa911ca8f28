/*
 * rw.c - fd_read, fd_write, fd_pread and fd_pwrite with iovec arrays built
 * at random: none, one, many, the most allowed and more, empty entries,
 * overlapping buffers, buffers and arrays that end at the end of memory or
 * run across it, reads that land on their own iovec array or byte count,
 * lengths whose sum overflows ssize_t. Checked against a model of the file
 * and of the offset of each of four open file descriptions.
 *
 * Expected, in this order (the first that applies):
 *   EINVAL  fd_pread/fd_pwrite with a negative offset
 *   EBADF   a descriptor that is not open, or not for that direction
 *   EINVAL  more than 1024 iovecs
 *   EFAULT  the array, a buffer or the count not all in memory
 *   EINVAL  lengths summing past SSIZE_MAX
 *   success every byte moved in order; the count stored last
 * and on an error no byte of memory or of the file changed.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest.h"

#define FILE_CAP (512 * 1024) /* the model file never grows past this */
#define OFF_MAX (160 * 1024)  /* offsets chosen stay below this */
#define SUM_MAX (64 * 1024) /* bytes per call, but when the sum overflows */
#define IOV_MAX 1024
#define SSIZE_LIMIT 0x7fffffffu

enum { D_RW, D_APPEND, D_RO, D_WO, D_COUNT };
static int fds[D_COUNT];
static int64_t offs[D_COUNT];
static uint8_t *model;        /* FILE_CAP bytes; zero past size */
static size_t size;

enum kind { K_READ, K_WRITE, K_PREAD, K_PWRITE };
static const char *const kind_name[] = {"fd_read", "fd_write", "fd_pread",
                                        "fd_pwrite"};

/* One request. */
static struct {
    uint32_t n;
    uintptr_t arr, cnt;
    uintptr_t base[IOV_MAX];
    uint32_t len[IOV_MAX];
    int bad;
    uint64_t sum;
} q;

static uint8_t *gathered; /* a write's bytes, as the call finds them */

void rw_setup(void)
{
    model = calloc(FILE_CAP, 1);
    gathered = malloc(FILE_CAP);
    fds[D_RW] = open("/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
    fds[D_APPEND] = open("/f", O_WRONLY | O_APPEND);
    fds[D_RO] = open("/f", O_RDONLY);
    fds[D_WO] = open("/f", O_WRONLY);
    if (!model || !gathered || fds[D_RW] < 0 || fds[D_APPEND] < 0 ||
        fds[D_RO] < 0 || fds[D_WO] < 0)
        fail("rw_setup");
}

static void put_u32(uintptr_t p, uint32_t v)
{
    memcpy((void *)p, &v, 4);
}

/* Sets q.n. */
static void pick_count(void)
{
    uint32_t r = below(100);
    if (r < 4)
        q.n = 0;
    else if (r < 60)
        q.n = 1 + below(4);
    else if (r < 90)
        q.n = 5 + below(60);
    else if (r < 95)
        q.n = IOV_MAX - below(3);
    else if (r < 98)
        q.n = IOV_MAX + 1 + below(10);
    else
        q.n = one_in(2) ? UINT32_MAX - below(4) : 0x80000000u + below(8);
}

/* A buffer length for entry i of n. */
static uint32_t pick_len(uint32_t n)
{
    uint32_t r = below(100);
    if (r < 15)
        return 0;
    if (n > 64)
        return below(17);
    if (r < 55)
        return 1 + below(64);
    if (r < 90)
        return 65 + below(1984);
    return 2049 + below(6144);
}

/* Builds q for a read (rd) or a write; bad pointers when allow_bad. */
static void build(int rd, int allow_bad)
{
    int bad;
    uint32_t i;

    q.bad = 0;
    q.sum = 0;
    pick_count();
    q.cnt = place(4, allow_bad, &bad);
    q.bad |= bad;
    if (q.n > IOV_MAX) {
        q.arr = place(64, 0, &bad);
        return;
    }
    q.arr = place((size_t)q.n * 8, allow_bad, &bad);
    q.bad |= bad;
    if (q.n >= 600 && one_in(20) && !q.bad) {
        /* every entry is nearly all of memory: the sum overflows */
        for (i = 0; i < q.n; i++) {
            q.base[i] = 1 + below(16);
            q.len[i] = (uint32_t)(mem_end() - q.base[i] - below(16));
            q.sum += q.len[i];
        }
    } else {
        for (i = 0; i < q.n; i++) {
            uintptr_t near;
            q.len[i] = pick_len(q.n);
            if (q.sum + q.len[i] > SUM_MAX)
                q.len[i] = 0;
            q.base[i] = place(q.len[i], allow_bad && one_in(4), &bad);
            q.bad |= bad;
            /* overlaps: with the entry before, with the array or count */
            near = i && one_in(4) ? q.base[i - 1] + below(q.len[i - 1] + 1)
                   : rd && one_in(8) ? q.arr + below(q.n * 8 + 1) - below(9)
                   : rd && one_in(12) ? q.cnt - below(5)
                   : 0;
            if (near && !bad && in_regions(near, q.len[i]))
                q.base[i] = near;
            q.sum += q.len[i];
        }
    }
    if (!in_regions(q.arr, (size_t)q.n * 8))
        return; /* a bad array: its contents do not matter */
    for (i = 0; i < q.n; i++) {
        put_u32(q.arr + 8 * i, (uint32_t)q.base[i]);
        put_u32(q.arr + 8 * i + 4, q.len[i]);
    }
}

/* A descriptor for the direction: mostly a right one, sometimes one that
 * must give EBADF (*badfd set). */
static int pick_fd(int rd, int *d, int *badfd)
{
    static const int wrong_rd[] = {D_APPEND, D_WO}, wrong_wr[] = {D_RO};
    *badfd = 0;
    if (one_in(12)) {
        *badfd = 1;
        switch (below(5)) {
        case 0:
            return 700 + (int)below(300); /* never opened */
        case 1:
            return 1024; /* the current directory: O_PATH */
        case 2:
            return -1 - (int)below(3);
        case 3:
            return 0x7fffffff;
        default:
            return fds[rd ? wrong_rd[below(2)] : wrong_wr[0]];
        }
    }
    *d = rd ? (one_in(2) ? D_RW : D_RO)
            : (int[]){D_RW, D_APPEND, D_WO}[below(3)];
    return fds[*d];
}

/* Keeps the file small: a truncation through the model. */
static void shrink(void)
{
    size_t to = below(OFF_MAX);
    if (ftruncate(fds[D_RW], (off_t)to))
        fail("ftruncate");
    if (to < size)
        memset(model + to, 0, size - to);
    size = to;
}

void rw_op(void)
{
    enum kind k = (enum kind)below(4);
    int rd = k == K_READ || k == K_PREAD;
    int pos = k == K_PREAD || k == K_PWRITE;
    int d = 0, badfd, fd;
    int64_t off = 0;
    uint32_t want_err = 0, i;
    uint32_t total = 0;
    int32_t r;

    op_name = kind_name[k];
    if (size > FILE_CAP / 2)
        shrink();
    tail_own();
    fd = pick_fd(rd, &d, &badfd);
    if (!badfd && offs[d] > OFF_MAX) {
        offs[d] = below(OFF_MAX);
        if (lseek(fd, offs[d], SEEK_SET) != offs[d])
            fail("lseek");
    }
    build(rd, one_in(3));
    if (pos)
        off = one_in(30) ? -1 - (int64_t)below(1000)
              : one_in(30) && rd ? (int64_t)1 << (30 + below(32))
              : (int64_t)below(OFF_MAX);
    shadow_take();

    if (pos && off < 0)
        want_err = __WASI_ERRNO_INVAL;
    else if (badfd)
        want_err = __WASI_ERRNO_BADF;
    else if (q.n > IOV_MAX)
        want_err = __WASI_ERRNO_INVAL;
    else if (q.bad)
        want_err = __WASI_ERRNO_FAULT;
    else if (q.sum > SSIZE_LIMIT)
        want_err = __WASI_ERRNO_INVAL;
    else if (rd) {
        uint64_t at = pos ? (uint64_t)off : (uint64_t)offs[d];
        for (i = 0; i < q.n; i++) {
            uint32_t got = at >= size ? 0
                         : size - at < q.len[i] ? (uint32_t)(size - at)
                         : q.len[i];
            shadow_put(q.base[i], model + at, got);
            at += got;
            total += got;
            if (got < q.len[i])
                break;
        }
        shadow_put(q.cnt, &total, 4);
    } else {
        uint64_t at = pos ? (uint64_t)off : (uint64_t)offs[d];
        if (d == D_APPEND && q.sum)
            at = size;
        for (i = 0; i < q.n; i++) {
            memcpy(gathered + total, (const void *)q.base[i], q.len[i]);
            total += q.len[i];
        }
        if (at + total > FILE_CAP)
            fail("model error: file would pass FILE_CAP");
        memcpy(model + at, gathered, total);
        if (total && at + total > size)
            size = at + total;
        shadow_put(q.cnt, &total, 4);
        if (!pos)
            offs[d] = (int64_t)(at + total);
    }

    switch (k) {
    case K_READ:
        r = __imported_wasi_snapshot_preview1_fd_read(
            fd, (int32_t)q.arr, (int32_t)q.n, (int32_t)q.cnt);
        break;
    case K_WRITE:
        r = __imported_wasi_snapshot_preview1_fd_write(
            fd, (int32_t)q.arr, (int32_t)q.n, (int32_t)q.cnt);
        break;
    case K_PREAD:
        r = __imported_wasi_snapshot_preview1_fd_pread(
            fd, (int32_t)q.arr, (int32_t)q.n, off, (int32_t)q.cnt);
        break;
    default:
        r = __imported_wasi_snapshot_preview1_fd_pwrite(
            fd, (int32_t)q.arr, (int32_t)q.n, off, (int32_t)q.cnt);
        break;
    }
    EXPECT((uint32_t)r == want_err,
           "fd %d, %u iovecs (sum %llu), offset %lld: errno %d, expected %u",
           fd, q.n, (unsigned long long)q.sum, (long long)off, r, want_err);
    if (!want_err && rd && !pos)
        offs[d] += total;
    shadow_same(op_name);
}

/* The file and every offset, read back through the C library. */
void rw_verify(void)
{
    static uint8_t back[FILE_CAP];
    ssize_t n;
    int i;

    op_name = "verify";
    n = pread(fds[D_RW], back, FILE_CAP, 0);
    EXPECT(n == (ssize_t)size, "file size %zd, model %zu", n, size);
    EXPECT(!memcmp(back, model, size), "file contents differ from the model");
    for (i = 0; i < D_COUNT; i++) {
        off_t o = lseek(fds[i], 0, SEEK_CUR);
        EXPECT(o == offs[i], "descriptor %d at offset %lld, model %lld", i,
               (long long)o, (long long)offs[i]);
    }
}
