/* wasi: the preview1 filesystem functions, called directly through
 * wasi/api.h as wasi-libc's own code calls them, all served inside the
 * module; and wasi-libc's preopen table, which finds "/" at descriptor 3. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>
#include <wasi/libc-find-relpath.h>

#include "check.h"

#define P(s) s /* the wrappers pass strlen(s) on */

int main(void)
{
    __wasi_prestat_t pre;
    __wasi_filestat_t fst;
    __wasi_fdstat_t fds;
    __wasi_filesize_t off;
    __wasi_size_t n;
    __wasi_fd_t fd, fd2;
    char buf[256], *rel = buf;
    const char *abs;
    struct stat st;
    uint8_t dents[512];
    __wasi_ciovec_t iov = {(const uint8_t *)"hello", 5};

    /* the preopen table was filled before main: "/" at 3 */
    EQ(__wasi_fd_prestat_get(3, &pre), 0);
    EQ(pre.tag, __WASI_PREOPENTYPE_DIR);
    EQ(pre.u.dir.pr_name_len, 1);
    EQ(__wasi_fd_prestat_dir_name(3, (uint8_t *)buf, 1), 0);
    EQ(buf[0], '/');
    EQ(__wasi_fd_prestat_get(4, &pre), __WASI_ERRNO_BADF);
    EQ(__wasilibc_find_relpath("/tmp/x", &abs, &rel, sizeof buf), 3);
    STREQ(rel, "tmp/x");
    OK(fstat(3, &st));
    CHECK(S_ISDIR(st.st_mode));

    /* path_* */
    EQ(__wasi_path_create_directory(3, P("tmp/d")), 0);
    EQ(__wasi_path_create_directory(3, P("tmp/d")), __WASI_ERRNO_EXIST);
    EQ(__wasi_path_open(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, P("tmp/d/f"),
                        __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL,
                        __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0,
                        0, &fd),
       0);
    EQ(__wasi_fd_write(fd, &iov, 1, &n), 0);
    EQ(n, 5);
    EQ(__wasi_fd_tell(fd, &off), 0);
    EQ(off, 5);
    EQ(__wasi_fd_seek(fd, -2, __WASI_WHENCE_END, &off), 0);
    EQ(off, 3);
    EQ(__wasi_fd_filestat_get(fd, &fst), 0);
    EQ(fst.filetype, __WASI_FILETYPE_REGULAR_FILE);
    EQ(fst.size, 5);
    EQ(fst.nlink, 1);
    EQ(__wasi_fd_filestat_set_size(fd, 2), 0);
    EQ(__wasi_fd_allocate(fd, 0, 10), 0);
    EQ(__wasi_fd_filestat_get(fd, &fst), 0);
    EQ(fst.size, 10);
    EQ(__wasi_fd_filestat_set_times(fd, 5000000000ull, 0,
                                    __WASI_FSTFLAGS_ATIM |
                                        __WASI_FSTFLAGS_MTIM_NOW),
       0);
    EQ(__wasi_fd_filestat_get(fd, &fst), 0);
    EQ(fst.atim, 5000000000ull);
    EQ(__wasi_fd_filestat_set_times(fd, 1, 0,
                                    __WASI_FSTFLAGS_ATIM |
                                        __WASI_FSTFLAGS_ATIM_NOW),
       __WASI_ERRNO_INVAL);
    EQ(__wasi_fd_advise(fd, 0, 10, __WASI_ADVICE_SEQUENTIAL), 0);
    EQ(__wasi_fd_sync(fd), 0);
    EQ(__wasi_fd_datasync(fd), 0);
    EQ(__wasi_fd_fdstat_get(fd, &fds), 0);
    EQ(fds.fs_filetype, __WASI_FILETYPE_REGULAR_FILE);
    EQ(__wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND), 0);
    EQ(__wasi_fd_fdstat_get(fd, &fds), 0);
    EQ(fds.fs_flags, __WASI_FDFLAGS_APPEND);
    EQ(__wasi_fd_fdstat_set_rights(fd, 0, 0), 0);
    EQ(__wasi_fd_pwrite(fd, &iov, 1, 0, &n), 0);

    EQ(__wasi_path_filestat_get(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW,
                                P("tmp/d/f"), &fst),
       0);
    EQ(fst.size, 15); /* pwrite appended (O_APPEND) */
    EQ(__wasi_path_filestat_set_times(3, 0, P("tmp/d/f"), 7, 8,
                                      __WASI_FSTFLAGS_ATIM |
                                          __WASI_FSTFLAGS_MTIM),
       0);
    EQ(__wasi_path_filestat_get(3, 0, P("tmp/d/f"), &fst), 0);
    EQ(fst.mtim, 8);
    EQ(__wasi_path_symlink(P("f"), 3, P("tmp/d/l")), 0);
    EQ(__wasi_path_readlink(3, P("tmp/d/l"), (uint8_t *)buf, sizeof buf, &n),
       0);
    EQ(n, 1);
    EQ(__wasi_path_filestat_get(3, 0, P("tmp/d/l"), &fst), 0);
    EQ(fst.filetype, __WASI_FILETYPE_SYMBOLIC_LINK);
    EQ(__wasi_path_open(3, 0, P("tmp/d/l"), 0, __WASI_RIGHTS_FD_READ, 0, 0,
                        &fd2),
       __WASI_ERRNO_LOOP);
    EQ(__wasi_path_link(3, 0, P("tmp/d/f"), 3, P("tmp/d/h")), 0);
    EQ(__wasi_path_rename(3, P("tmp/d/h"), 3, P("tmp/d/h2")), 0);
    EQ(__wasi_path_unlink_file(3, P("tmp/d/h2")), 0);
    EQ(__wasi_path_unlink_file(3, P("tmp/d/h2")), __WASI_ERRNO_NOENT);
    EQ(__wasi_path_remove_directory(3, P("tmp/d")), __WASI_ERRNO_NOTEMPTY);

    /* fd_readdir: cut entries and cookies */
    EQ(__wasi_path_open(3, 0, P("tmp/d"), __WASI_OFLAGS_DIRECTORY,
                        __WASI_RIGHTS_FD_READDIR, 0, 0, &fd2),
       0);
    EQ(__wasi_fd_readdir(fd2, dents, sizeof dents, 0, &n), 0);
    EQ(n, 4 * sizeof(__wasi_dirent_t) + 1 + 2 + 1 + 1); /* . .. f l */
    EQ(__wasi_fd_readdir(fd2, dents, 30, 0, &n), 0);
    EQ(n, 30); /* full: the second entry is cut */
    {
        __wasi_dirent_t d;
        memcpy(&d, dents, sizeof d);
        EQ(d.d_namlen, 1);
        EQ(d.d_type, __WASI_FILETYPE_DIRECTORY);
        EQ(__wasi_fd_readdir(fd2, dents, sizeof dents, d.d_next, &n), 0);
        EQ(n, 3 * sizeof(__wasi_dirent_t) + 2 + 1 + 1);
    }
    EQ(__wasi_fd_readdir(fd, dents, sizeof dents, 0, &n),
       __WASI_ERRNO_NOTDIR);

    /* fd_renumber */
    EQ(__wasi_fd_renumber(fd, fd2), 0);
    EQ(__wasi_fd_filestat_get(fd2, &fst), 0);
    EQ(fst.filetype, __WASI_FILETYPE_REGULAR_FILE);
    EQ(__wasi_fd_close(fd), __WASI_ERRNO_BADF);
    EQ(__wasi_fd_renumber(fd2, 1024), __WASI_ERRNO_BADF);
    EQ(__wasi_fd_close(fd2), 0);
    return DONE();
}
