/* errno of the C library <-> the codes of wasi_io.h. Used by the adapters
 * only (descriptors of the C library, FILE *): the stream core never
 * touches errno. On WebAssembly the C library's errno values are WASI's, so
 * the mapping is a negation; natively the codes are mapped by name. */
#include <errno.h>

#include "internal.h"

#ifdef __wasi__
int io__from_errno(int err)
{
    return err > 0 ? -err : IO_EIO;
}

int io__to_errno(int code)
{
    return code < 0 ? -code : EIO;
}
#else
static const struct {
    int code;
    int err;
} table[] = {
    {IO_EAGAIN, EAGAIN}, {IO_EBADF, EBADF},   {IO_EFBIG, EFBIG},
    {IO_EINVAL, EINVAL}, {IO_EIO, EIO},       {IO_ENOMEM, ENOMEM},
    {IO_ENOSPC, ENOSPC}, {IO_ENOTSUP, ENOTSUP}, {IO_EOVERFLOW, EOVERFLOW},
    {IO_EPIPE, EPIPE},
};

int io__from_errno(int err)
{
    if (err == EWOULDBLOCK)
        return IO_EAGAIN;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].err == err)
            return table[i].code;
    return IO_EIO;
}

int io__to_errno(int code)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].code == code)
            return table[i].err;
    return EIO;
}
#endif
