// wasi-shim.mjs: the smallest WASI preview1 host a wasm32-wasi-vfs module
// needs, for browsers and for programs that embed a module (Node too). It
// provides no filesystem at all: arguments, environment, clocks, random
// bytes, standard streams as callbacks, exit. The module's files live in
// its own memory (see wasi-vfs.mjs for putting them in and taking them
// out).
//
//   const shim = new WasiShim({ args, env, stdin, stdout, stderr });
//   const { instance } = await WebAssembly.instantiate(bytes,
//       { wasi_snapshot_preview1: shim.imports });
//   shim.memory = instance.exports.memory;
//   const status = shim.start(instance);       // runs _start
//
// stdin: a Uint8Array (read once, then end of file) or a function
// (maxBytes) -> Uint8Array | null (null: end of file). stdout, stderr:
// functions (Uint8Array) -> void; the bytes are a copy. streams: more
// descriptors (3, 4, ...), each { read } or { write } like stdin / stdout:
// plain streams, for a module's WASI_VFS_IN / WASI_VFS_OUT archives.
//
// Every other descriptor is EBADF; anything the shim does not provide is
// ENOSYS. poll_oneoff reports clock subscriptions as due and
// descriptor subscriptions as ready at once (nothing here ever blocks).
// Every pointer the module passes is checked against its memory: a
// structure or buffer outside it is EFAULT, iovecs whose lengths add up
// past what a u32 counts EINVAL (js/wasi-abi.mjs), never an exception.

import {
  ERRNO,
  EVENT_SIZE,
  FILETYPE,
  inMemory,
  iovecs,
  putFdstat,
  putU32,
  putU64,
  RIGHTS,
  SUBSCRIPTION_SIZE,
} from './js/wasi-abi.mjs';

// Thrown by proc_exit through the module's stack; start() catches it.
export class WasiExit extends Error {
  constructor(status) {
    super(`exit ${status}`);
    this.status = status;
  }
}

const encoder = new TextEncoder();

// Strings to the (pointer table, bytes) layout of args_get and environ_get.
function strings(list) {
  const bytes = list.map((s) => encoder.encode(`${s}\0`));
  return { bytes, size: bytes.reduce((n, b) => n + b.length, 0) };
}

export class WasiShim {
  constructor({
    args = ['module.wasm'],
    env = {},
    stdin = null,
    stdout = () => {},
    stderr = () => {},
    streams = {},
  } = {}) {
    this.memory = null;
    this.argv = strings(args);
    this.envp = strings(Object.entries(env).map(([k, v]) => `${k}=${v}`));
    this.in = { 0: typeof stdin === 'function' ? stdin : onceReader(stdin) };
    this.out = { 1: stdout, 2: stderr };
    for (const [fd, s] of Object.entries(streams)) {
      if (s.read) this.in[fd] = typeof s.read === 'function' ? s.read : onceReader(s.read);
      if (s.write) this.out[fd] = s.write;
    }
    this.imports = this.makeImports();
  }

  // Runs the module's _start; returns its exit status (0 when main
  // returned 0 without calling exit).
  start(instance) {
    this.memory = instance.exports.memory;
    try {
      instance.exports._start();
      return 0;
    } catch (e) {
      if (e instanceof WasiExit) return e.status;
      throw e;
    }
  }

  view() {
    return new DataView(this.memory.buffer);
  }

  bytes(ptr, len) {
    return new Uint8Array(this.memory.buffer, ptr >>> 0, len >>> 0);
  }

  makeImports() {
    const self = this;
    // Writes the (pointer table, bytes) layout of args_get and environ_get.
    const putStrings = ({ bytes, size }, table, buf) => {
      const memory = self.memory;
      table >>>= 0;
      buf >>>= 0;
      if (!inMemory(memory, table, 4 * bytes.length) || !inMemory(memory, buf, size)) return ERRNO.FAULT;
      const v = self.view();
      let at = buf;
      bytes.forEach((b, i) => {
        v.setUint32(table + 4 * i, at, true);
        self.bytes(at, b.length).set(b);
        at += b.length;
      });
      return ERRNO.SUCCESS;
    };
    const sizes = ({ bytes, size }, countPtr, sizePtr) =>
      putU32(self.memory, countPtr, bytes.length) || putU32(self.memory, sizePtr, size);
    const now = (id) => {
      if (id === 0) return BigInt(Date.now()) * 1000000n; // realtime
      return BigInt(Math.round(performance.now() * 1e6)); // monotonic, cputime
    };
    const known = (fd) => Boolean(self.in[fd] || self.out[fd]);
    return {
      args_sizes_get: (c, s) => sizes(self.argv, c, s),
      args_get: (t, b) => putStrings(self.argv, t, b),
      environ_sizes_get: (c, s) => sizes(self.envp, c, s),
      environ_get: (t, b) => putStrings(self.envp, t, b),
      clock_res_get: (id, ptr) => {
        if (id < 0 || id > 3) return ERRNO.INVAL;
        return putU64(self.memory, ptr, id === 0 ? 1000000n : 1000n);
      },
      clock_time_get: (id, precision, ptr) => {
        if (id < 0 || id > 3) return ERRNO.INVAL;
        return putU64(self.memory, ptr, now(id));
      },
      random_get: (ptr, len) => {
        ptr >>>= 0;
        len >>>= 0;
        if (!inMemory(self.memory, ptr, len)) return ERRNO.FAULT;
        for (let at = 0; at < len; at += 65536) {
          crypto.getRandomValues(self.bytes(ptr + at, Math.min(65536, len - at)));
        }
        return ERRNO.SUCCESS;
      },
      fd_read: (fd, iovs, n, nreadPtr) => {
        const source = self.in[fd];
        if (!source) return ERRNO.BADF;
        const bufs = iovecs(self.memory, iovs, n);
        if (typeof bufs === 'number') return bufs;
        if (!inMemory(self.memory, nreadPtr, 4)) return ERRNO.FAULT;
        let total = 0;
        for (const buf of bufs) {
          if (buf.length === 0) continue;
          const chunk = source(buf.length);
          if (!chunk || chunk.length === 0) break;
          if (chunk.length > buf.length) return ERRNO.INVAL; // a reader that returned more than asked
          // The reader may have grown the memory: take a fresh view.
          self.bytes(buf.byteOffset, chunk.length).set(chunk);
          total += chunk.length;
          if (chunk.length < buf.length) break;
        }
        return putU32(self.memory, nreadPtr, total);
      },
      fd_write: (fd, iovs, n, nwrittenPtr) => {
        const sink = self.out[fd];
        if (!sink) return ERRNO.BADF;
        const bufs = iovecs(self.memory, iovs, n);
        if (typeof bufs === 'number') return bufs;
        if (!inMemory(self.memory, nwrittenPtr, 4)) return ERRNO.FAULT;
        let total = 0;
        for (const buf of bufs) {
          if (buf.length) sink(buf.slice());
          total += buf.length;
        }
        return putU32(self.memory, nwrittenPtr, total);
      },
      fd_fdstat_get: (fd, ptr) => {
        if (!known(fd)) return ERRNO.BADF;
        // A plain stream: filetype unknown, readable or writable.
        return putFdstat(self.memory, ptr, {
          filetype: FILETYPE.UNKNOWN,
          rightsBase: self.in[fd] ? RIGHTS.FD_READ : RIGHTS.FD_WRITE,
        });
      },
      fd_close: (fd) => (known(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
      fd_seek: (fd) => (known(fd) ? ERRNO.SPIPE : ERRNO.BADF),
      fd_prestat_get: () => ERRNO.BADF,
      fd_prestat_dir_name: () => ERRNO.BADF,
      poll_oneoff: (inPtr, outPtr, nsubs, neventsPtr) => {
        inPtr >>>= 0;
        outPtr >>>= 0;
        nsubs >>>= 0;
        const memory = self.memory;
        if (
          !inMemory(memory, inPtr, SUBSCRIPTION_SIZE * nsubs) ||
          !inMemory(memory, outPtr, EVENT_SIZE * nsubs) ||
          !inMemory(memory, neventsPtr, 4)
        ) {
          return ERRNO.FAULT;
        }
        const v = self.view();
        for (let i = 0; i < nsubs; i++) {
          const sub = inPtr + SUBSCRIPTION_SIZE * i;
          const ev = outPtr + EVENT_SIZE * i;
          const userdata = v.getBigUint64(sub, true);
          const tag = v.getUint8(sub + 8);
          const fd = v.getUint32(sub + 16, true);
          self.bytes(ev, EVENT_SIZE).fill(0);
          v.setBigUint64(ev, userdata, true);
          v.setUint16(ev + 8, tag !== 0 && !known(fd) ? ERRNO.BADF : ERRNO.SUCCESS, true);
          v.setUint8(ev + 10, tag);
        }
        return putU32(memory, neventsPtr, nsubs);
      },
      sched_yield: () => ERRNO.SUCCESS,
      proc_exit: (status) => {
        throw new WasiExit(status);
      },
    };
  }
}

// A stdin reader over one byte array.
function onceReader(data) {
  let at = 0;
  const bytes = data ?? new Uint8Array(0);
  return (max) => {
    const chunk = bytes.subarray(at, at + max);
    at += chunk.length;
    return chunk;
  };
}

// The imports of a module that this shim lacks (names), so that a page can
// say what is missing instead of failing at instantiation.
export function missingImports(module, shim) {
  return WebAssembly.Module.imports(module)
    .filter((i) => i.module !== 'wasi_snapshot_preview1' || !(i.name in shim.imports))
    .map((i) => `${i.module}.${i.name}`);
}
