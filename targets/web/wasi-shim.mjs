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

const ERRNO = { SUCCESS: 0, BADF: 8, FAULT: 21, INVAL: 28, NOSYS: 52, SPIPE: 70 };

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
  constructor({ args = ['module.wasm'], env = {}, stdin = null, stdout = () => {},
    stderr = () => {}, streams = {} } = {}) {
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
    const putStrings = ({ bytes }, table, buf) => {
      const v = self.view();
      let at = buf >>> 0;
      bytes.forEach((b, i) => {
        v.setUint32((table >>> 0) + 4 * i, at, true);
        self.bytes(at, b.length).set(b);
        at += b.length;
      });
      return ERRNO.SUCCESS;
    };
    const sizes = ({ bytes, size }, countPtr, sizePtr) => {
      const v = self.view();
      v.setUint32(countPtr >>> 0, bytes.length, true);
      v.setUint32(sizePtr >>> 0, size, true);
      return ERRNO.SUCCESS;
    };
    // iovecs at (ptr, n): [{ptr, len}]
    const iovecs = (ptr, n) => {
      const v = self.view();
      const list = [];
      for (let i = 0; i < n; i++) {
        list.push({ ptr: v.getUint32((ptr >>> 0) + 8 * i, true), len: v.getUint32((ptr >>> 0) + 8 * i + 4, true) });
      }
      return list;
    };
    const now = (id) => {
      if (id === 0) return BigInt(Date.now()) * 1000000n; // realtime
      return BigInt(Math.round(performance.now() * 1e6)); // monotonic, cputime
    };
    return {
      args_sizes_get: (c, s) => sizes(self.argv, c, s),
      args_get: (t, b) => putStrings(self.argv, t, b),
      environ_sizes_get: (c, s) => sizes(self.envp, c, s),
      environ_get: (t, b) => putStrings(self.envp, t, b),
      clock_res_get: (id, ptr) => {
        self.view().setBigUint64(ptr >>> 0, id === 0 ? 1000000n : 1000n, true);
        return ERRNO.SUCCESS;
      },
      clock_time_get: (id, precision, ptr) => {
        if (id < 0 || id > 3) return ERRNO.INVAL;
        self.view().setBigUint64(ptr >>> 0, now(id), true);
        return ERRNO.SUCCESS;
      },
      random_get: (ptr, len) => {
        for (let at = 0; at < len; at += 65536) {
          crypto.getRandomValues(self.bytes((ptr >>> 0) + at, Math.min(65536, len - at)));
        }
        return ERRNO.SUCCESS;
      },
      fd_read: (fd, iovs, n, nreadPtr) => {
        const source = self.in[fd];
        if (!source) return ERRNO.BADF;
        let total = 0;
        for (const { ptr, len } of iovecs(iovs, n)) {
          if (len === 0) continue;
          const chunk = source(len);
          if (!chunk || chunk.length === 0) break;
          self.bytes(ptr, chunk.length).set(chunk);
          total += chunk.length;
          if (chunk.length < len) break;
        }
        self.view().setUint32(nreadPtr >>> 0, total, true);
        return ERRNO.SUCCESS;
      },
      fd_write: (fd, iovs, n, nwrittenPtr) => {
        const sink = self.out[fd];
        if (!sink) return ERRNO.BADF;
        let total = 0;
        for (const { ptr, len } of iovecs(iovs, n)) {
          if (len) sink(self.bytes(ptr, len).slice());
          total += len;
        }
        self.view().setUint32(nwrittenPtr >>> 0, total, true);
        return ERRNO.SUCCESS;
      },
      fd_fdstat_get: (fd, ptr) => {
        if (!self.in[fd] && !self.out[fd]) return ERRNO.BADF;
        const v = self.view();
        self.bytes(ptr, 24).fill(0);
        v.setUint8(ptr >>> 0, 0); // filetype unknown: a plain stream
        v.setBigUint64((ptr >>> 0) + 8, self.in[fd] ? 2n : 64n, true); // fd_read / fd_write
        return ERRNO.SUCCESS;
      },
      fd_close: (fd) => (self.in[fd] || self.out[fd] ? ERRNO.SUCCESS : ERRNO.BADF),
      fd_seek: (fd) => (self.in[fd] || self.out[fd] ? ERRNO.SPIPE : ERRNO.BADF),
      fd_prestat_get: () => ERRNO.BADF,
      fd_prestat_dir_name: () => ERRNO.BADF,
      poll_oneoff: (inPtr, outPtr, nsubs, neventsPtr) => {
        const v = self.view();
        for (let i = 0; i < nsubs; i++) {
          const sub = (inPtr >>> 0) + 48 * i;
          const ev = (outPtr >>> 0) + 32 * i;
          self.bytes(ev, 32).fill(0);
          v.setBigUint64(ev, v.getBigUint64(sub, true), true);
          const tag = v.getUint8(sub + 8);
          const fd = v.getUint32(sub + 16, true);
          const known = self.in[fd] || self.out[fd];
          v.setUint16(ev + 8, tag !== 0 && !known ? ERRNO.BADF : ERRNO.SUCCESS, true);
          v.setUint8(ev + 10, tag);
        }
        v.setUint32(neventsPtr >>> 0, nsubs, true);
        return ERRNO.SUCCESS;
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
