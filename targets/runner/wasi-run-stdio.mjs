// wasi-run-stdio.mjs: the guest's fds 0, 1 and 2 served with blocking reads and writes instead of Node's EAGAIN.

import { discardOutputs, EXIT_SIGPIPE } from './wasi-run-exit.mjs';
import { readBlocking, streamErrno, writeBlocking } from './wasi-run-io.mjs';
import { ERRNO, iovecs, putU32 } from './js/wasi-abi.mjs';

// Returns the fd_read, fd_write, fd_close and fd_renumber imports to lay
// over Node's `wasiImport`, and setMemory(memory) to call once the instance
// exists (before any import runs).
//
// Guest fds 0, 1 and 2 map to host fds 0, 1 and 2 (Node's default) until the
// guest closes or renumbers one of them; from then on that fd is left to Node.
export function blockingStdio(wasiImport) {
  const ownStdio = new Set([0, 1, 2]);
  let memory = null;

  // Maps a Node I/O error to a WASI errno. A vanished reader on stdout or
  // stderr ends the process as SIGPIPE would end a native program.
  function errnoFor(e) {
    if (!e.code) throw e; // not an I/O error: a bug, reported as internal
    if (e.code === 'EPIPE') {
      discardOutputs();
      process.exit(EXIT_SIGPIPE);
    }
    return streamErrno(e);
  }

  // fd_read on fd 0: one blocking read into the first non-empty buffer
  // (a short read, as readv(2) may return).
  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    if (fd !== 0 || !ownStdio.has(fd)) return wasiImport.fd_read(fd, iovs, iovsLen, nreadPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    const target = bufs.find((b) => b.length > 0);
    try {
      return putU32(memory, nreadPtr, target ? readBlocking(fd, target) : 0);
    } catch (e) {
      return errnoFor(e);
    }
  }

  // fd_write on fds 1 and 2: writes every buffer completely, in order.
  function fd_write(fd, iovs, iovsLen, nwrittenPtr) {
    if ((fd !== 1 && fd !== 2) || !ownStdio.has(fd)) {
      return wasiImport.fd_write(fd, iovs, iovsLen, nwrittenPtr);
    }
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    try {
      for (const b of bufs) writeBlocking(fd, b);
    } catch (e) {
      return errnoFor(e);
    }
    return putU32(
      memory,
      nwrittenPtr,
      bufs.reduce((sum, b) => sum + b.length, 0),
    );
  }

  function fd_close(fd) {
    const result = wasiImport.fd_close(fd);
    if (result === ERRNO.SUCCESS) ownStdio.delete(fd);
    return result;
  }

  function fd_renumber(from, to) {
    const result = wasiImport.fd_renumber(from, to);
    if (result === ERRNO.SUCCESS) {
      ownStdio.delete(from);
      ownStdio.delete(to);
    }
    return result;
  }

  return {
    imports: { fd_read, fd_write, fd_close, fd_renumber },
    setMemory(m) {
      memory = m;
    },
  };
}
