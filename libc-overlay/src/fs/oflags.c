/*
 * oflags.c - open(2) and fcntl(2) flags between wasi-libc's O_* values and
 * the vfs core's VFS_O_*.
 */
#include "../internal.h"

/* Flags with the same meaning on both sides (access mode aside). */
static const int pairs[][2] = {
    {O_CREAT, VFS_O_CREAT},         {O_EXCL, VFS_O_EXCL},
    {O_TRUNC, VFS_O_TRUNC},         {O_APPEND, VFS_O_APPEND},
    {O_DIRECTORY, VFS_O_DIRECTORY}, {O_NOFOLLOW, VFS_O_NOFOLLOW},
    {O_NONBLOCK, VFS_O_NONBLOCK},   {O_CLOEXEC, VFS_O_CLOEXEC},
};

int __wasi_vfs_oflags_in(int oflag)
{
    int v;
    unsigned i;

    if ((oflag & O_RDWR) == O_RDWR)
        v = VFS_O_RDWR;
    else if (oflag & O_WRONLY)
        v = VFS_O_WRONLY;
    else if (!(oflag & O_RDONLY) && (oflag & (O_SEARCH | O_EXEC)))
        v = VFS_O_PATH;
    else
        v = VFS_O_RDONLY;
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (oflag & pairs[i][0])
            v |= pairs[i][1];
    return v;
}

int __wasi_vfs_oflags_out(int vflags)
{
    static const int modes[4] = {O_RDONLY, O_WRONLY, O_RDWR, O_SEARCH};
    int o;
    unsigned i;

    _Static_assert(VFS_O_RDONLY == 0 && VFS_O_WRONLY == 1 &&
                       VFS_O_RDWR == 2 && VFS_O_PATH == 4 &&
                       VFS_O_ACCMODE == 3,
                   "access modes index modes[]");
    o = vflags & VFS_O_PATH ? O_SEARCH : modes[vflags & VFS_O_ACCMODE];
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (vflags & pairs[i][1])
            o |= pairs[i][0];
    return o;
}
