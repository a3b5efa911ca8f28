// wasi-run-archive-fds.mjs: the imports that serve the --in and --out archives' descriptors.

import { streamErrno } from './wasi-run-io.mjs';
import { say } from './wasi-run-exit.mjs';
import { ERRNO, iovecs, putFdstat, putU32, RIGHTS } from './js/wasi-abi.mjs';

// The imports that serve the archives' descriptors over `base`: reads of
// an --in archive (blocking: the bytes are there), writes of an --out one
// (kept in memory until the module exits), fdstat of both.
export function archiveImports(base, table) {
  let memory = null;
  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    const a = table.get(fd);
    if (!a || !a.read) return base.fd_read(fd, iovs, iovsLen, nreadPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    let total = 0;
    try {
      for (const b of bufs) {
        const n = a.read(b);
        total += n;
        if (n < b.length) break;
      }
    } catch (e) {
      say(`--in ${a.host}: ${e.message}`);
      return ERRNO.IO;
    }
    return putU32(memory, nreadPtr, total);
  }
  function fd_write(fd, iovs, iovsLen, nwrittenPtr) {
    const a = table.get(fd);
    if (!a || !a.spool) return base.fd_write(fd, iovs, iovsLen, nwrittenPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    let total = 0;
    try {
      for (const b of bufs) {
        if (!a.spool.write(b)) return ERRNO.FBIG; // over --out-limit
        total += b.length;
      }
    } catch (e) {
      return streamErrno(e);
    }
    return putU32(memory, nwrittenPtr, total);
  }
  function fd_fdstat_get(fd, ptr) {
    const a = table.get(fd);
    if (!a) return base.fd_fdstat_get(fd, ptr);
    return putFdstat(memory, ptr, { rightsBase: a.read ? RIGHTS.FD_READ : RIGHTS.FD_WRITE });
  }
  return {
    imports: { fd_read, fd_write, fd_fdstat_get },
    setMemory(m) {
      memory = m;
    },
  };
}
