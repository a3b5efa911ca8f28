/* Names of the codes in wasi_io.h. */
#include "internal.h"

const char *io_strerror(int code)
{
    if (code > 0)
        return "success";
    switch (code) {
    case 0: return "end of stream";
    case IO_EAGAIN: return "resource temporarily unavailable";
    case IO_EBADF: return "bad descriptor";
    case IO_EFBIG: return "data too large";
    case IO_EINVAL: return "invalid argument";
    case IO_EIO: return "input/output error";
    case IO_ENOMEM: return "out of memory";
    case IO_ENOSPC: return "no space left";
    case IO_ENOTSUP: return "not supported";
    case IO_EOVERFLOW: return "value too large";
    case IO_EPIPE: return "broken pipe";
    case -2: return "permission denied";           /* WASI EACCES */
    case -31: return "is a directory";             /* WASI EISDIR */
    case -52: return "function not supported";     /* WASI ENOSYS */
    case -63: return "operation not permitted";    /* WASI EPERM */
    case -70: return "not seekable";               /* WASI ESPIPE */
    case -76: return "not capable";                /* WASI ENOTCAPABLE */
    default: return "error";
    }
}
