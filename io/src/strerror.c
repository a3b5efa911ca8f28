/* Names of the codes in wasi_io.h. */
#include "internal.h"

const char *wasi_io_strerror(int code)
{
    if (code > 0)
        return "success";
    switch (code) {
    case 0: return "end of stream";
    case WASI_IO_EAGAIN: return "resource temporarily unavailable";
    case WASI_IO_EBADF: return "bad descriptor";
    case WASI_IO_EFBIG: return "data too large";
    case WASI_IO_EINVAL: return "invalid argument";
    case WASI_IO_EIO: return "input/output error";
    case WASI_IO_ENOMEM: return "out of memory";
    case WASI_IO_ENOSPC: return "no space left";
    case WASI_IO_ENOTSUP: return "not supported";
    case WASI_IO_EOVERFLOW: return "value too large";
    case WASI_IO_EPIPE: return "broken pipe";
    case -2: return "permission denied";           /* WASI EACCES */
    case -31: return "is a directory";             /* WASI EISDIR */
    case -52: return "function not supported";     /* WASI ENOSYS */
    case -63: return "operation not permitted";    /* WASI EPERM */
    case -70: return "not seekable";               /* WASI ESPIPE */
    case -76: return "not capable";                /* WASI ENOTCAPABLE */
    default: return "error";
    }
}
