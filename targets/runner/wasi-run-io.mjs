// wasi-run-io.mjs: blocking reads and writes on host descriptors that may be non-blocking, and their errnos.

import fs from 'node:fs';
import { ERRNO, errnoOfCode } from './js/wasi-abi.mjs';

const RETRY_CODES = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

// Blocks the thread for a short time that grows with `attempt` (0.1 ms
// doubling up to 10 ms), without spinning the CPU.
function pause(attempt) {
  Atomics.wait(sleepCell, 0, 0, Math.min(0.1 * 2 ** attempt, 10));
}

// Reads at least one byte into `buf` unless at end of file, like a blocking
// read(2). Returns the byte count (0 = end of file); throws Node's error on
// failure other than EAGAIN/EINTR, which are waited out.
export function readBlocking(fd, buf) {
  for (let attempt = 0; ; attempt++) {
    try {
      return fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EOF') return 0; // Windows pipes
      if (!RETRY_CODES.has(e.code)) throw e;
      pause(attempt);
    }
  }
}

// Writes all of `buf`, like a blocking write(2) to a pipe. Throws Node's error
// on failure other than EAGAIN/EINTR, which are waited out.
export function writeBlocking(fd, buf) {
  let done = 0;
  for (let attempt = 0; done < buf.length;) {
    try {
      done += fs.writeSync(fd, buf, done, buf.length - done);
      attempt = 0;
    } catch (e) {
      if (!RETRY_CODES.has(e.code)) throw e;
      pause(attempt++);
    }
  }
}

// The host errors a read or write on a stream can give the guest as they
// are; any other is EIO.
const STREAM_ERRORS = new Set([
  'EACCES',
  'EBADF',
  'ECONNRESET',
  'EDQUOT',
  'EFBIG',
  'EINVAL',
  'EIO',
  'EISDIR',
  'ENOSPC',
  'ENXIO',
  'EPERM',
  'EPIPE',
]);

// The WASI errno of Node I/O error `e` on a stream.
export const streamErrno = (e) => (STREAM_ERRORS.has(e.code) ? errnoOfCode(e.code) : ERRNO.IO);
