/* vfsops: file operations from the command line, for the hostile-guest
 * tests (wasm32-wasi-vfs with the transfer part). Runs each command in
 * order; a failing call prints "vfsops: CMD ARG: strerror" and exits 1.
 *   mkdir P | rmdir P | unlink P | write P TEXT | big P BYTES
 *   rename A B | chmod P OCTAL | sparse P OFFSET (one byte 'x' there)
 *   deep P N NAME (N nested directories NAME under P, file "f" at the end)
 *   bytename DIR HEX (an empty file whose name is the byte 0xHEX)
 *   mtime P (prints "SECONDS.NANOSECONDS") | exit N | abort */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(int ok, const char *cmd, const char *arg)
{
    if (!ok) {
        printf("vfsops: %s %s: %s\n", cmd, arg, strerror(errno));
        exit(1);
    }
}

static void put(const char *p, const char *text, size_t n, off_t at)
{
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    check(fd >= 0, "open", p);
    if (at)
        check(lseek(fd, at, SEEK_SET) == at, "lseek", p);
    while (n) {
        size_t k = n > 65536 ? 65536 : n;
        ssize_t w = write(fd, text, k);
        check(w > 0, "write", p);
        n -= (size_t)w;
    }
    check(close(fd) == 0, "close", p);
}

int main(int argc, char **argv)
{
    int i = 1;
    while (i < argc) {
        const char *c = argv[i], *a = i + 1 < argc ? argv[i + 1] : "";
        const char *b = i + 2 < argc ? argv[i + 2] : "";
        if (!strcmp(c, "mkdir")) {
            check(mkdir(a, 0755) == 0, c, a), i += 2;
        } else if (!strcmp(c, "rmdir")) {
            check(rmdir(a) == 0, c, a), i += 2;
        } else if (!strcmp(c, "unlink")) {
            check(unlink(a) == 0, c, a), i += 2;
        } else if (!strcmp(c, "write")) {
            put(a, b, strlen(b), 0), i += 3;
        } else if (!strcmp(c, "big")) {
            static char block[65536];
            size_t n = strtoull(b, NULL, 10);
            int fd = open(a, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            memset(block, 'a', sizeof block);
            check(fd >= 0, "open", a);
            while (n) {
                size_t k = n > sizeof block ? sizeof block : n;
                check(write(fd, block, k) == (ssize_t)k, "write", a);
                n -= k;
            }
            close(fd), i += 3;
        } else if (!strcmp(c, "rename")) {
            check(rename(a, b) == 0, c, a), i += 3;
        } else if (!strcmp(c, "chmod")) {
            check(chmod(a, (mode_t)strtoul(b, NULL, 8)) == 0, c, a), i += 3;
        } else if (!strcmp(c, "sparse")) {
            put(a, "x", 1, (off_t)strtoull(b, NULL, 10)), i += 3;
        } else if (!strcmp(c, "deep")) {
            static char path[65536];
            int n = atoi(b), k;
            const char *name = i + 3 < argc ? argv[i + 3] : "d";
            check(chdir(a) == 0, "chdir", a);
            for (k = 0; k < n; k++) {
                check(mkdir(name, 0755) == 0 && chdir(name) == 0, "mkdir", name);
            }
            put("f", "deep\n", 5, 0);
            check(getcwd(path, sizeof path) != NULL, "getcwd", a);
            check(chdir("/") == 0, "chdir", "/"), i += 4;
        } else if (!strcmp(c, "bytename")) {
            char p[4096];
            snprintf(p, sizeof p, "%s/%c", a, (char)strtoul(b, NULL, 16));
            put(p, b, strlen(b), 0), i += 3;
        } else if (!strcmp(c, "mtime")) {
            struct stat st;
            check(stat(a, &st) == 0, c, a);
            printf("%lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec), i += 2;
        } else if (!strcmp(c, "exit")) {
            exit(atoi(a));
        } else if (!strcmp(c, "abort")) {
            abort();
        } else {
            printf("vfsops: unknown command %s\n", c);
            return 2;
        }
    }
    return 0;
}
