/* 03-sparse: holes read as zeros; truncate/ftruncate grow and shrink.
 * st_blocks is only compared with the size ("small" means fewer than a
 * quarter of the size in 512-byte blocks): block accounting differs by
 * filesystem. */
#include "conf.h"

#define MIB (1024L * 1024L)

static long long fdsize(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
}

static int blocks_small(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    return (long long)st.st_blocks * 512 < (long long)st.st_size / 4;
}

/* Reads n bytes at off; returns 1 when all are zero. */
static int zeros_at(int fd, off_t off, size_t n)
{
    static char buf[65536];
    size_t i;
    if (n > sizeof buf || pread(fd, buf, n, off) != (ssize_t)n)
        return 0;
    for (i = 0; i < n; i++)
        if (buf[i] != 0)
            return 0;
    return 1;
}

int main(void)
{
    char buf[32];
    int fd;

    conf_begin("conf-03-sparse");

    SAY("-- a hole made by lseek past the end");
    fd = OK("open(s, O_RDWR|O_CREAT)", open("s", O_RDWR | O_CREAT, 0644));
    RC("write(head)", write(fd, "head", 4), 4);
    RC("lseek(1 MiB)", lseek(fd, MIB, SEEK_SET), MIB);
    RC("write(end)", write(fd, "end", 3), 3);
    RC("st_size", fdsize(fd), MIB + 3);
    YES("st_blocks small", blocks_small(fd), 1);
    RC("pread(4 at 0)", pread(fd, buf, 4, 0), 4);
    YES("head intact", memcmp(buf, "head", 4) == 0, 1);
    YES("hole [4, 65540) reads zeros", zeros_at(fd, 4, 65536), 1);
    YES("hole [500000, +4096) reads zeros", zeros_at(fd, 500000, 4096), 1);
    YES("hole [1 MiB - 4096, 1 MiB) reads zeros", zeros_at(fd, MIB - 4096, 4096), 1);
    RC("pread(10 at 1 MiB)", pread(fd, buf, 10, MIB), 3);
    YES("end intact", memcmp(buf, "end", 3) == 0, 1);

    SAY("-- pwrite past the end");
    RC("pwrite(P at 3 MiB)", pwrite(fd, "P", 1, 3 * MIB), 1);
    RC("st_size", fdsize(fd), 3 * MIB + 1);
    YES("hole [1 MiB + 3, +4096) reads zeros", zeros_at(fd, MIB + 3, 4096), 1);
    YES("hole [3 MiB - 4096, 3 MiB) reads zeros", zeros_at(fd, 3 * MIB - 4096, 4096), 1);
    YES("st_blocks small", blocks_small(fd), 1);

    SAY("-- ftruncate grow and shrink");
    OK("ftruncate(8 MiB)", ftruncate(fd, 8 * MIB));
    RC("st_size", fdsize(fd), 8 * MIB);
    YES("st_blocks small", blocks_small(fd), 1);
    YES("grown part reads zeros", zeros_at(fd, 8 * MIB - 65536, 65536), 1);
    RC("pread at 3 MiB still P", pread(fd, buf, 1, 3 * MIB), 1);
    YES("P intact", buf[0] == 'P', 1);
    RC("offset unchanged by ftruncate", lseek(fd, 0, SEEK_CUR), MIB + 3);
    OK("ftruncate(2)", ftruncate(fd, 2));
    RC("st_size", fdsize(fd), 2);
    RC("offset still past the end", lseek(fd, 0, SEEK_CUR), MIB + 3);
    RC("read at old offset", read(fd, buf, 4), 0);
    OK("ftruncate(100) grows again", ftruncate(fd, 100));
    RC("pread(100 at 0)", pread(fd, buf, 4, 0), 4);
    YES("kept bytes then zeros (\"he\\0\\0\")", memcmp(buf, "he\0\0", 4) == 0, 1);
    YES("bytes cut off do not come back", zeros_at(fd, 2, 98), 1);
    RC("write at old offset", write(fd, "W", 1), 1);
    RC("st_size", fdsize(fd), MIB + 4);
    YES("hole before W reads zeros", zeros_at(fd, MIB - 65536, 65536), 1);
    YES("st_blocks small", blocks_small(fd), 1);
    OK("ftruncate(0)", ftruncate(fd, 0));
    RC("st_size", fdsize(fd), 0);
    ERR("ftruncate(-1)", ftruncate(fd, -1), EINVAL);
    OK("close", close(fd));

    SAY("-- truncate by path");
    conf_put("t", "0123456789");
    OK("truncate(t, 4)", truncate("t", 4));
    STR("content", conf_get("t", buf, sizeof buf), "0123");
    OK("truncate(t, 6)", truncate("t", 6));
    fd = open("t", O_RDONLY);
    RC("read", read(fd, buf, sizeof buf), 6);
    YES("\"0123\\0\\0\"", memcmp(buf, "0123\0\0", 6) == 0, 1);
    ERR("ftruncate on O_RDONLY fd", ftruncate(fd, 0), EINVAL);
    close(fd);
    ERR("truncate(t, -1)", truncate("t", -1), EINVAL);
    ERR("truncate(missing)", truncate("missing", 0), ENOENT);
    ERR("truncate(t/x)", truncate("t/x", 0), ENOTDIR);
    OK("mkdir(d)", mkdir("d", 0755));
    ERR("truncate(d)", truncate("d", 0), EISDIR);
    ERR("ftruncate(-1 fd)", ftruncate(-1, 0), EBADF);
    OK("rmdir(d)", rmdir("d"));
    OK("unlink(t)", unlink("t"));
    OK("unlink(s)", unlink("s"));
    return conf_end();
}
