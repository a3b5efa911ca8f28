/* test_tar.c - the tar reader and writer of libc-overlay (vfs_streams.h),
 * natively under ASan/UBSan: round trips, formats (ustar, pax, GNU),
 * what an import replaces and merges, what an export of changes holds,
 * and every refusal with its exact error, the filesystem left as it was. */
#include "streams_test.h"

/* A tree with what tar must keep: nested and empty directories, modes,
 * nanosecond mtimes, symlinks, long names, a file of several blocks. */
static void make_tree(struct vfs *fs, const char *top)
{
    static char big[200000];
    char p[4096], longname[300];
    size_t i;

    for (i = 0; i < sizeof big; i++)
        big[i] = (char)(i * 7 + i / 1000);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, top, 0755), 0);
#define P(x) (snprintf(p, sizeof p, "%s/%s", top, x), p)
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, P("docs"), 0750), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, P("docs/empty"), 0700), 0);
    put_file(fs, P("docs/readme.txt"), "read me\n", 8, 0644);
    set_mtime(fs, p, 1000000000, 123456789);
    put_file(fs, P("docs/secret"), "s", 1, 0400);
    put_file(fs, P("big.bin"), big, sizeof big, 0755);
    put_file(fs, P("empty-file"), "", 0, 0600);
    EQ(vfs_symlinkat(fs, "docs/readme.txt", VFS_AT_ROOT, P("link")), 0);
    EQ(vfs_symlinkat(fs, "/elsewhere/absolute", VFS_AT_ROOT, P("abs")), 0);
    memset(longname, 'n', 150);
    longname[150] = 0;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, P(longname), 0755), 0);
    snprintf(p, sizeof p, "%s/%s/%s-file.txt", top, longname, longname);
    put_file(fs, p, "deep\n", 5, 0644);
    snprintf(p, sizeof p, "%s/%s/%s-link", top, longname, longname);
    {
        char target[200];
        memset(target, 't', 180);
        target[180] = 0;
        EQ(vfs_symlinkat(fs, target, VFS_AT_ROOT, p), 0);
    }
    set_mtime(fs, P("docs/empty"), 1200000000, 0);
    set_mtime(fs, P("docs"), 1300000000, 0);
#undef P
}

/* Exports src of fs (since) into a new byte array. */
static unsigned char *export(struct vfs *fs, const char *src, int64_t since,
                             size_t *len, int64_t *count)
{
    wasi_io_output *out = wasi_io_output_to_bytes(0);
    char why[200];
    unsigned char *data;
    *count = __wasi_vfs_tar_write(fs, src, since, out, why, sizeof why);
    ck_assert_msg(*count >= 0, "export: %lld %s", (long long)*count, why);
    data = wasi_io_bytes_output_take(out, len);
    wasi_io_output_close(out);
    return data;
}

START_TEST(round_trip)
{
    struct vfs *a = mkfs(), *b = mkfs();
    struct ar ar = {0};
    char why[200] = "x";
    char *la, *lb;
    int64_t n, m;

    make_tree(a, "/src");
    ar.p = export(a, "/src", 0, &ar.len, &n);
    EQ(n, 11);
    EQ(ar.len % 512, 0);
    m = import(b, &ar, "/dst/deeper", why, sizeof why);
    ck_assert_msg(m == 11, "import: %lld %s", (long long)m, why);
    EQ(why[0], 0);
    la = listing(a, "/src", 0, 1);
    lb = listing(b, "/dst/deeper", 0, 1);
    SAME_TEXT(lb, la);
    /* the destination's parents were made, 0755 */
    EQ(vfs_fstatat(b, VFS_AT_ROOT, "/dst", &(struct vfs_stat){0}, 0), 0);
    /* no staging directory is left */
    EQ(vfs_fstatat(b, VFS_AT_ROOT, "/.wasi-vfs-import-1",
                   &(struct vfs_stat){0}, 0), -ENOENT);
    CHECK_FS(b);
    free(la);
    free(lb);
    free(ar.p);
    vfs_destroy(a);
    vfs_destroy(b);
}
END_TEST

START_TEST(export_root_and_changes)
{
    struct vfs *fs = mkfs();
    struct ar ar = {0};
    struct vfs *c = mkfs();
    char why[200];
    char *l;
    int64_t n, since;

    make_tree(fs, "/src");
    since = test_now_ns + 1;
    /* a change, a new file deep down, a new empty directory */
    put_file(fs, "/src/docs/readme.txt", "changed\n", 8, 0644);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/src/new", 0700), 0);
    put_file(fs, "/src/docs/empty/new.txt", "n", 1, 0644);
    ar.p = export(fs, "/src", since, &ar.len, &n);
    EQ(n, 5); /* docs, docs/readme.txt, docs/empty, its new.txt, new */
    EQ(import(c, &ar, "/", why, sizeof why), 5);
    l = listing(c, "/docs", 0, 0);
    SAME_TEXT(l, "empty 40700 0\n"
                 "empty/new.txt 100644 1 t1700000000 \"n\"\n"
                 "readme.txt 100644 8 t1700000000 \"changed\\x0a\"\n");
    free(l);
    free(ar.p);
    /* "/" exports the whole tree but devices */
    ar.p = export(fs, "/", 0, &ar.len, &n);
    EQ(n, 3 /* /dev (its devices left out), /tmp, /src */ + 13);
    free(ar.p);
    vfs_destroy(c);
    vfs_destroy(fs);
}
END_TEST

START_TEST(formats)
{
    struct vfs *fs = mkfs();
    struct ar a = {0};
    char why[200], name[400], rec[2000], buf[64];
    struct vfs_stat st;
    char *l;
    int fd;

    /* GNU: long name ('L'), long link target ('K'), base-256 size */
    memset(name, 'g', 250);
    name[250] = 0;
    ar_head(&a, "././@LongLink", 'L', 251, 0644, 0, NULL, 1);
    ar_put(&a, name, 251);
    ar_pad(&a);
    ar_file(&a, "ignored-short-name", "gnu\n", 0640, 1234567890);
    ar_head(&a, "././@LongLink", 'K', 251, 0644, 0, NULL, 1);
    ar_put(&a, name, 251);
    ar_pad(&a);
    ar_head(&a, "glink", '2', 0, 0777, 1234567890, "short", 1);
    {   /* a file whose size is written in base 256 */
        unsigned char *h;
        ar_head(&a, "b256", '0', 0, 0644, 1234567890, NULL, 1);
        h = a.p + a.len - 512;
        memset(h + 124, 0, 12);
        h[124] = 0x80;
        h[135] = 3;
        {
            unsigned sum = 0;
            int i;
            memset(h + 148, ' ', 8);
            for (i = 0; i < 512; i++)
                sum += h[i];
            snprintf((char *)h + 148, 7, "%06o", sum);
        }
        ar_put(&a, "abc", 3);
        ar_pad(&a);
    }
    /* pax: path, linkpath, size, mtime with a fraction; a global header */
    ar_pax(&a, "");
    a.len -= 512; /* (an empty pax header is legal too; drop the data) */
    ar_head(&a, "pax_global", 'g', 19, 0644, 0, NULL, 0);
    ar_put(&a, "19 comment=ignored\n", 19);
    ar_pad(&a);
    {
        char r2[700] = "", paxname[420];
        snprintf(paxname, sizeof paxname, "%s-pax", name);
        pax_rec(r2, "path", paxname);
        pax_rec(r2, "mtime", "1500000000.000000042");
        pax_rec(r2, "size", "5");
        pax_rec(r2, "uname", "someone"); /* ignored */
        ar_pax(&a, r2);
    }
    ar_head(&a, "short", '0', 99, 0600, 1, NULL, 0); /* pax size wins */
    ar_put(&a, "hello", 5);
    ar_pad(&a);
    ar_end(&a);
    EQ(import(fs, &a, "/f", why, sizeof why), 4);
    l = listing(fs, "/f", 1, 0);
    snprintf(rec, sizeof rec,
             "b256 100644 3 t1234567890.000000000 \"abc\"\n"
             "%s 100640 4 t1234567890.000000000 \"gnu\\x0a\"\n"
             "%s-pax 100600 5 t1500000000.000000042 \"hello\"\n"
             "glink 120777 250 t1234567890.000000000 -> %s\n",
             name, name, name);
    SAME_TEXT(l, rec);
    free(l);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f/b256", VFS_O_RDONLY, 0);
    EQ(vfs_read(fs, fd, buf, sizeof buf), 3);
    EQ(memcmp(buf, "abc", 3), 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/f", &st, 0), 0);
    EQ(st.mode, VFS_S_IFDIR | 0755);
    CHECK_FS(fs);
    free(a.p);
    vfs_destroy(fs);
}
END_TEST

START_TEST(links_duplicates_and_order)
{
    struct vfs *fs = mkfs();
    struct ar a = {0};
    char why[200];
    struct vfs_stat st1, st2;
    char *l;

    ar_file(&a, "./d/deep/f.txt", "first", 0644, 100); /* parents implied */
    ar_head(&a, "d/hard", '1', 0, 0644, 100, "d/deep/f.txt", 0);
    ar_file(&a, "d/dup", "one", 0644, 100);
    ar_file(&a, "d/dup", "two!", 0600, 200); /* a later entry wins */
    ar_head(&a, "d/", '5', 0, 0711, 300, NULL, 0); /* after its contents */
    ar_head(&a, "./", '5', 0, 0700, 400, NULL, 0); /* the destination */
    ar_head(&a, "/abs/x", '5', 0, 0755, 500, NULL, 0); /* "/" dropped */
    ar_end(&a);
    EQ(import(fs, &a, "/t", why, sizeof why), 7);
    l = listing(fs, "/t", 0, 1);
    SAME_TEXT(l, "abs 40755 0 t1700000000\n"
                 "abs/x 40755 0 t500\n"
                 "d 40711 0 t300\n"
                 "d/deep 40755 0 t1700000000\n"
                 "d/deep/f.txt 100644 5 t100 \"first\"\n"
                 "d/dup 100600 4 t200 \"two!\"\n"
                 "d/hard 100644 5 t100 \"first\"\n");
    free(l);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/t/d/hard", &st1, 0), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/t/d/deep/f.txt", &st2, 0), 0);
    EQ(st1.ino, st2.ino);
    EQ(st1.nlink, 2);
    CHECK_FS(fs);
    free(a.p);
    vfs_destroy(fs);
}
END_TEST

START_TEST(merge_into_existing)
{
    struct vfs *fs = mkfs();
    struct ar a = {0};
    char why[200];
    char *l;

    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/data", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/data/keep", 0700), 0);
    put_file(fs, "/data/keep/old.txt", "old", 3, 0644);
    ar_file(&a, "keep/new.txt", "new", 0644, 10);  /* into keep/ */
    ar_head(&a, "keep/", '5', 0, 0777, 10, NULL, 0); /* keep/ stays 0700 */
    ar_file(&a, "fresh/x", "x", 0644, 10);
    ar_end(&a);
    EQ(import(fs, &a, "/data", why, sizeof why), 3);
    l = listing(fs, "/data", 0, 0);
    SAME_TEXT(l, "fresh 40755 0\n"
                 "fresh/x 100644 1 t10 \"x\"\n"
                 "keep 40700 0\n"
                 "keep/new.txt 100644 3 t10 \"new\"\n"
                 "keep/old.txt 100644 3 t1700000000 \"old\"\n");
    free(l);
    /* into "/" with /tmp in it: /tmp keeps its sticky mode */
    free(a.p);
    memset(&a, 0, sizeof a);
    ar_file(&a, "tmp/y", "y", 0644, 10);
    ar_end(&a);
    EQ(import(fs, &a, "/", why, sizeof why), 1);
    l = listing(fs, "/tmp", 0, 0);
    SAME_TEXT(l, "y 100644 1 t10 \"y\"\n");
    free(l);
    {
        struct vfs_stat st;
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp", &st, 0), 0);
        EQ(st.mode, VFS_S_IFDIR | 01777);
    }
    CHECK_FS(fs);
    free(a.p);
    vfs_destroy(fs);
}
END_TEST

START_TEST(stops_at_the_end_marker)
{
    struct vfs *fs = mkfs();
    struct ar a = {0};
    char why[200], rest[16];
    wasi_io_input *in;

    ar_file(&a, "a", "a", 0644, 1);
    ar_end(&a);
    ar_put(&a, "TAIL", 4);
    in = wasi_io_input_from_bytes(a.p, a.len);
    EQ(__wasi_vfs_tar_read(fs, in, "/x", why, sizeof why), 1);
    EQ(wasi_io_read_full(in, rest, sizeof rest), 4);
    EQ(memcmp(rest, "TAIL", 4), 0);
    wasi_io_input_close(in);
    free(a.p);
    vfs_destroy(fs);
}
END_TEST

/* ---- refusals --------------------------------------------------------- */

/* Imports a broken archive into a filesystem holding /data/keep.txt and
 * checks the exact error, the words, and that nothing changed. */
static void refused(struct ar *a, const char *dest, int want,
                    const char *words)
{
    struct vfs *fs = mkfs_limit(1 << 20);
    struct vfs_statvfs s1, s2;
    char why[300] = "";
    char *before, *after;
    int64_t r;

    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/data", 0755), 0);
    put_file(fs, "/data/keep.txt", "keep", 4, 0644);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/data/dir", 0755), 0);
    /* (directories' times left out: adding entries to an existing one and
     * removing them again moves its mtime, as a failed cp -r does) */
    before = listing(fs, "/", 1, 0);
    EQ(vfs_statvfs(fs, &s1), 0);
    r = import(fs, a, dest, why, sizeof why);
    ck_assert_msg(r == want, "import: %lld (%s), want %d", (long long)r, why,
                  want);
    ck_assert_msg(strstr(why, words) != NULL, "why: '%s', want '%s'", why,
                  words);
    after = listing(fs, "/", 1, 0);
    SAME_TEXT(after, before);
    EQ(vfs_statvfs(fs, &s2), 0);
    EQ(s2.bfree, s1.bfree);
    EQ(s2.ffree, s1.ffree);
    CHECK_FS(fs);
    free(before);
    free(after);
    free(a->p);
    memset(a, 0, sizeof *a);
    vfs_destroy(fs);
}

START_TEST(refusals)
{
    struct ar a = {0};
    unsigned char *h;

    refused(&a, "/data", -EIO, "empty stream");
    ar_put(&a, "not a tar", 9);
    refused(&a, "/data", -EIO, "not a tar archive: fewer than 512 bytes");

    ar_file(&a, "ok", "ok", 0644, 1);
    ar_file(&a, "bad", "bad", 0644, 1);
    a.p[512 + 512 + 148] ^= 1; /* the second header's checksum */
    ar_end(&a);
    refused(&a, "/data", -EINVAL, "bad checksum");

    ar_file(&a, "ok", "ok", 0644, 1);
    ar_head(&a, "cut", '0', 2000, 0644, 1, NULL, 0);
    ar_put(&a, "only a little", 13);
    refused(&a, "/data", -EIO, "ended inside an entry");

    ar_file(&a, "ok", "ok", 0644, 1);
    refused(&a, "/data", -EIO, "no end-of-archive marker");

    ar_file(&a, "ok", "ok", 0644, 1);
    ar_put(&a, "half a header", 13);
    refused(&a, "/data", -EIO, "inside a header");

    ar_file(&a, "ok", "ok", 0644, 1);
    ar_file(&a, "sub/../../escape", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EPERM, "sub/../../escape: a name with \"..\"");

    ar_head(&a, "up", '2', 0, 0777, 1, "/", 0);
    ar_file(&a, "up/etc-passwd", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EPERM, "up: a symlink; an entry under it would "
                                 "climb out");

    ar_file(&a, "f", "x", 0644, 1);
    ar_file(&a, "f/g", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -ENOTDIR, "f: not a directory, but the archive has "
                                   "an entry under it");

    ar_head(&a, "hl", '1', 0, 0644, 1, "../outside", 0);
    ar_end(&a);
    refused(&a, "/data", -EPERM, "hl: hard link to a name outside");

    ar_head(&a, "hl", '1', 0, 0644, 1, "missing", 0);
    ar_end(&a);
    refused(&a, "/data", -ENOENT, "hl: hard link to an entry not in");

    ar_head(&a, "huge", '0', 077777777777ull, 0644, 1, NULL, 0);
    ar_end(&a);
    refused(&a, "/data", -EFBIG, "huge: size larger than the space left");

    {
        char r[100] = "";
        pax_rec(r, "size", "99999999999999999999999999999");
        ar_pax(&a, r);
    }
    ar_end(&a);
    refused(&a, "/data", -EFBIG, "pax size too large");

    ar_head(&a, "tty", '3', 0, 0644, 1, NULL, 0);
    ar_end(&a);
    refused(&a, "/data", -ENOTSUP, "tty: unsupported entry type character "
                                   "device");
    ar_file(&a, "ok", "ok", 0644, 1);
    ar_head(&a, "fifo", '6', 0, 0644, 1, NULL, 0);
    ar_end(&a);
    refused(&a, "/data", -ENOTSUP, "fifo: unsupported entry type FIFO");
    ar_head(&a, "what", 'Q', 0, 0644, 1, NULL, 0);
    ar_end(&a);
    refused(&a, "/data", -ENOTSUP, "what: unsupported entry type 'Q'");

    ar_pax(&a, "7 path\n");
    ar_end(&a);
    refused(&a, "/data", -EINVAL, "pax record without '='");
    ar_pax(&a, "99 path=x\n");
    ar_end(&a);
    refused(&a, "/data", -EINVAL, "malformed pax");
    ar_head(&a, "PaxHeader", 'x', 100000, 0644, 0, NULL, 0);
    ar_end(&a);
    refused(&a, "/data", -EFBIG, "pax extended header larger than 64 KiB");
    ar_pax(&a, "11 path=zz\n");
    ar_end(&a);
    refused(&a, "/data", -EIO, "extended header with no entry after it");

    ar_file(&a, "ok", "ok", 0644, 1);
    ar_head(&a, "num", '0', 0, 0644, 1, NULL, 0);
    h = a.p + a.len - 512;
    memcpy(h + 100, "0000x644", 8); /* not octal: the checksum still fits */
    {
        unsigned sum = 0;
        int i;
        memset(h + 148, ' ', 8);
        for (i = 0; i < 512; i++)
            sum += h[i];
        snprintf((char *)h + 148, 7, "%06o", sum);
    }
    ar_end(&a);
    refused(&a, "/data", -EINVAL, "malformed number");

    ar_file(&a, "ok", "ok", 0644, 1);
    {
        static const unsigned char z[512];
        ar_put(&a, z, 512);
    }
    ar_file(&a, "after", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EINVAL, "lone zero block");

    ar_file(&a, "new.txt", "x", 0644, 1);
    ar_file(&a, "dir", "a file where a directory is", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EISDIR, "dir: a directory is there");

    ar_file(&a, "new.txt", "x", 0644, 1);
    ar_file(&a, "keep.txt", "replacing", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EEXIST, "keep.txt: exists already; an import "
                                  "replaces nothing");

    ar_file(&a, "new.txt", "x", 0644, 1); /* no end: the made dest goes */
    refused(&a, "/data/new/deeper", -EIO, "truncated archive: no "
                                          "end-of-archive marker");

    ar_file(&a, "x", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "/data/keep.txt", -ENOTDIR, "/data/keep.txt: not a "
                                            "directory");
    ar_file(&a, "x", "x", 0644, 1);
    ar_end(&a);
    refused(&a, "relative", -EINVAL, "relative: not an absolute path");

    ar_file(&a, "d/", "", 0755, 1); /* an old-style directory */
    ar_file(&a, "d", "file", 0644, 1);
    ar_end(&a);
    refused(&a, "/data", -EISDIR, "d: a directory is there");
}
END_TEST

/* An input stream that fails with io/'s code err after n bytes. */
struct failing {
    wasi_io_input base;
    const unsigned char *p;
    size_t n;
    int err;
};
static ptrdiff_t failing_read(wasi_io_input *self, void *buf, size_t len)
{
    struct failing *f = (struct failing *)self;
    if (!f->n)
        return f->err;
    if (len > f->n)
        len = f->n;
    memcpy(buf, f->p, len);
    f->p += len;
    f->n -= len;
    return (ptrdiff_t)len;
}
static const wasi_io_input_methods failing_methods = {failing_read, NULL, NULL,
                                                 NULL, NULL, NULL};

START_TEST(stream_errors)
{
    struct vfs *fs = mkfs();
    struct ar a = {0};
    struct failing f;
    char why[200];

    ar_file(&a, "a", "aaaa", 0644, 1);
    ar_end(&a);
    f.base.methods = &failing_methods;
    f.p = a.p;
    f.n = 700;
    f.err = WASI_IO_EIO;
    /* io/'s codes come back as errno values (vfs_streams.h) */
    EQ(__wasi_vfs_tar_read(fs, &f.base, "/x", why, sizeof why), -EIO);
    ck_assert_msg(strstr(why, "cannot read the archive: "), "%s", why);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/x", &(struct vfs_stat){0}, 0),
       -ENOENT);
    /* WASI's EINVAL is 28, Linux's ENOSPC: one numbering only */
    f.p = a.p;
    f.n = 0;
    f.err = WASI_IO_EINVAL;
    EQ(__wasi_vfs_tar_read(fs, &f.base, "/x", why, sizeof why), -EINVAL);
    ck_assert_msg(strstr(why, "invalid argument"), "%s", why);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/x", &(struct vfs_stat){0}, 0),
       -ENOENT);
    CHECK_FS(fs);
    free(a.p);
    vfs_destroy(fs);
}
END_TEST

START_TEST(stream_errors_on_export)
{
    struct vfs *fs = mkfs();
    wasi_io_output *out = wasi_io_output_to_bytes(600);
    char why[200];

    make_tree(fs, "/data");
    /* a full output is io/'s WASI_IO_ENOSPC (-51), the export's -ENOSPC */
    EQ(__wasi_vfs_tar_write(fs, "/", 0, out, why, sizeof why), -ENOSPC);
    ck_assert_msg(strstr(why, "cannot write the archive: "), "%s", why);
    wasi_io_output_close(out);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("tar");
    TCase *tc = tcase_create("tar");
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, export_root_and_changes);
    tcase_add_test(tc, formats);
    tcase_add_test(tc, links_duplicates_and_order);
    tcase_add_test(tc, merge_into_existing);
    tcase_add_test(tc, stops_at_the_end_marker);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, stream_errors);
    tcase_add_test(tc, stream_errors_on_export);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
