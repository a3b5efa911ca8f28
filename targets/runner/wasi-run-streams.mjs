// wasi-run-streams.mjs: the imports that serve a typed module's stream descriptors (plain streams, not seekable).

import fs from 'node:fs';
import { readBlocking, streamErrno, writeBlocking } from './wasi-run-io.mjs';
import {
  ERRNO,
  EVENT_SIZE,
  EVENTTYPE,
  FILESTAT_SIZE,
  inMemory,
  iovecs,
  putFdstat,
  putU32,
  RIGHTS,
  SUBSCRIPTION_SIZE,
} from './js/wasi-abi.mjs';

// Returns the imports that serve a typed module's stream descriptors, laid
// over `base` (Node's WASI with blocking stdio), and setMemory(memory).
// A stream descriptor is a plain stream: readable or writable, not seekable,
// no name, type unknown; polling it always finds it ready.
export function typedStreamImports(base, streams) {
  let memory = null;
  const open = (fd, output) => {
    const s = streams.get(fd);
    return s && !s.closed && s.output === output ? s : null;
  };
  const errnoFor = (e) => {
    if (!e.code) throw e;
    return streamErrno(e);
  };

  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    if (!streams.has(fd)) return base.fd_read(fd, iovs, iovsLen, nreadPtr);
    const s = open(fd, false);
    if (!s) return ERRNO.BADF;
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    const target = bufs.find((b) => b.length > 0);
    try {
      return putU32(memory, nreadPtr, target ? readBlocking(s.hostFd, target) : 0);
    } catch (e) {
      return errnoFor(e);
    }
  }

  function fd_write(fd, iovs, iovsLen, nwrittenPtr) {
    if (!streams.has(fd)) return base.fd_write(fd, iovs, iovsLen, nwrittenPtr);
    const s = open(fd, true);
    if (!s) return ERRNO.BADF;
    const bufs = iovecs(memory, iovs, iovsLen);
    if (typeof bufs === 'number') return bufs;
    try {
      for (const b of bufs) writeBlocking(s.hostFd, b);
    } catch (e) {
      return e.code === 'EPIPE' ? ERRNO.PIPE : errnoFor(e);
    }
    return putU32(
      memory,
      nwrittenPtr,
      bufs.reduce((sum, b) => sum + b.length, 0),
    );
  }

  function fd_fdstat_get(fd, ptr) {
    if (!streams.has(fd)) return base.fd_fdstat_get(fd, ptr);
    const s = streams.get(fd);
    if (s.closed) return ERRNO.BADF;
    const rights = (s.output ? RIGHTS.FD_WRITE : RIGHTS.FD_READ) | RIGHTS.FD_FILESTAT_GET | RIGHTS.POLL_FD_READWRITE;
    return putFdstat(memory, ptr, { rightsBase: rights }); // filetype 0: unknown
  }

  function fd_filestat_get(fd, ptr) {
    if (!streams.has(fd)) return base.fd_filestat_get(fd, ptr);
    if (streams.get(fd).closed) return ERRNO.BADF;
    ptr >>>= 0;
    if (!inMemory(memory, ptr, FILESTAT_SIZE)) return ERRNO.FAULT;
    new Uint8Array(memory.buffer, ptr, FILESTAT_SIZE).fill(0);
    return ERRNO.SUCCESS;
  }

  function fd_close(fd) {
    if (!streams.has(fd)) return base.fd_close(fd);
    const s = streams.get(fd);
    if (s.closed) return ERRNO.BADF;
    s.closed = true;
    if (s.own) {
      try {
        fs.closeSync(s.hostFd);
      } catch {}
    }
    return ERRNO.SUCCESS;
  }

  const notSeekable =
    (name) =>
    (fd, ...rest) => {
      if (!streams.has(fd)) return base[name](fd, ...rest);
      return streams.get(fd).closed ? ERRNO.BADF : ERRNO.SPIPE;
    };

  function fd_renumber(from, to) {
    if (!streams.has(from) && !streams.has(to)) return base.fd_renumber(from, to);
    return ERRNO.NOTSUP;
  }

  // Subscriptions on stream descriptors are ready at once (a file always
  // is); when there are any, only they are reported, as poll may report a
  // subset of what is ready. Everything else is Node's.
  function poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
    inPtr >>>= 0;
    outPtr >>>= 0;
    nsubs >>>= 0;
    const buffer = memory.buffer;
    if (inPtr + SUBSCRIPTION_SIZE * nsubs > buffer.byteLength || outPtr + EVENT_SIZE * nsubs > buffer.byteLength) {
      return ERRNO.FAULT;
    }
    const view = new DataView(buffer);
    const ours = [];
    for (let k = 0; k < nsubs; k++) {
      const sub = inPtr + SUBSCRIPTION_SIZE * k;
      const tag = view.getUint8(sub + 8);
      if (tag !== EVENTTYPE.FD_READ && tag !== EVENTTYPE.FD_WRITE) continue;
      const fd = view.getUint32(sub + 16, true);
      if (streams.has(fd)) ours.push({ sub, tag, fd });
    }
    if (ours.length === 0) return base.poll_oneoff(inPtr, outPtr, nsubs, neventsPtr);
    ours.forEach(({ sub, tag, fd }, k) => {
      const ev = outPtr + EVENT_SIZE * k;
      const s = open(fd, tag === EVENTTYPE.FD_WRITE);
      new Uint8Array(buffer, ev, EVENT_SIZE).fill(0);
      view.setBigUint64(ev, view.getBigUint64(sub, true), true);
      view.setUint16(ev + 8, s ? ERRNO.SUCCESS : ERRNO.BADF, true);
      view.setUint8(ev + 10, tag);
    });
    return putU32(memory, neventsPtr, ours.length);
  }

  return {
    imports: {
      fd_read,
      fd_write,
      fd_fdstat_get,
      fd_filestat_get,
      fd_close,
      fd_renumber,
      fd_seek: notSeekable('fd_seek'),
      fd_tell: notSeekable('fd_tell'),
      poll_oneoff,
    },
    setMemory(m) {
      memory = m;
    },
  };
}
