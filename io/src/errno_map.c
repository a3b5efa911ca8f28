/* errno of the C library <-> the codes of wasi_io.h. Used by the adapters
 * only (descriptors of the C library, FILE *): the stream core never
 * touches errno. On WebAssembly the C library's errno values are WASI's, so
 * the mapping is a negation; natively the codes are mapped by name. */
#include <errno.h>

#include "internal.h"

#ifdef __wasi__
int __wasi_io__from_errno(int err)
{
    return err > 0 ? -err : WASI_IO_EIO;
}

int __wasi_io__to_errno(int code)
{
    return code < 0 ? -code : EIO;
}
#else
static const struct {
    int code;
    int err;
} table[] = {
    {WASI_IO_EAGAIN, EAGAIN}, {WASI_IO_EBADF, EBADF},   {WASI_IO_EFBIG, EFBIG},
    {WASI_IO_EINVAL, EINVAL}, {WASI_IO_EIO, EIO},       {WASI_IO_ENOMEM, ENOMEM},
    {WASI_IO_ENOSPC, ENOSPC}, {WASI_IO_ENOTSUP, ENOTSUP}, {WASI_IO_EOVERFLOW, EOVERFLOW},
    {WASI_IO_EPIPE, EPIPE},
};

int __wasi_io__from_errno(int err)
{
    if (err == EWOULDBLOCK)
        return WASI_IO_EAGAIN;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].err == err)
            return table[i].code;
    return WASI_IO_EIO;
}

int __wasi_io__to_errno(int code)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].code == code)
            return table[i].err;
    return EIO;
}
#endif
