// wasi-vfs.mjs: a wasm32-wasi-vfs module embedded in JavaScript (a browser
// page, Node), with its files put in and taken out through the module's
// exported functions: bytes are copied straight between JavaScript and the
// filesystem in the module's memory, no archive in between.
//
//   const m = await VfsModule.load(bytes, { args: ['prog', '-k', '/data/x'] });
//   m.writeFile('/data/x', bytes);      // parents made as needed
//   const status = m.run();             // _start: main, exit
//   const out = m.readFile('/data/x.out');
//   m.list('/data');                    // [{ type: '-', name: 'x' }, ...]
//
// The exports (libc-overlay/src/transfer/exports.c): wasi_vfs_alloc(size),
// wasi_vfs_free(ptr), wasi_vfs_write_file(path, plen, data, len, mode),
// wasi_vfs_file_size(path, plen), wasi_vfs_read_file(path, plen, dst, len,
// offset), wasi_vfs_list(path, plen, dst, len); they return a negated WASI
// errno on failure, which the methods here throw as VfsError.
//
// A module runs once (_start); files may be put in before and read after,
// also after the program called exit().

import { ERRNO, errnoName } from './js/wasi-abi.mjs';
import { WasiShim, missingImports } from './wasi-shim.mjs';

export class VfsError extends Error {
  constructor(op, path, errno) {
    super(`${op} ${path}: ${errnoName(errno) ?? `errno ${errno}`}`);
    this.errno = errno;
    this.code = errnoName(errno);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class VfsModule {
  // Compiles and instantiates `bytes` (or a compiled WebAssembly.Module)
  // with a WasiShim made from `options` (see wasi-shim.mjs). Throws when
  // the module is not a wasm32-wasi-vfs one (no wasi_vfs_* exports) or
  // needs imports the shim lacks.
  static async load(bytes, options = {}) {
    const module = bytes instanceof WebAssembly.Module ? bytes : await WebAssembly.compile(bytes);
    const shim = new WasiShim(options);
    const missing = missingImports(module, shim);
    if (missing.length) throw new Error(`the module needs imports a page cannot give: ${missing.join(', ')}`);
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: shim.imports });
    shim.memory = instance.exports.memory;
    if (typeof instance.exports.wasi_vfs_write_file !== 'function') {
      throw new Error('not a wasm32-wasi-vfs module with a filesystem (no wasi_vfs_write_file export)');
    }
    return new VfsModule(instance, shim);
  }

  constructor(instance, shim) {
    this.instance = instance;
    this.exports = instance.exports;
    this.shim = shim;
  }

  // Runs the program; returns its exit status.
  run() {
    return this.shim.start(this.instance);
  }

  // Calls fn(ptr) with `bytes` copied into module memory, then frees it.
  withBytes(bytes, fn) {
    const ptr = this.exports.wasi_vfs_alloc(bytes.length) >>> 0; // an address: a u32
    if (!ptr) throw new VfsError('alloc', `${bytes.length} bytes`, ERRNO.NOMEM);
    try {
      new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
      return fn(ptr);
    } finally {
      this.exports.wasi_vfs_free(ptr);
    }
  }

  withPath(path, fn) {
    const p = encoder.encode(path);
    return this.withBytes(p, (ptr) => fn(ptr, p.length));
  }

  // Makes the file at `path` hold `data` (Uint8Array or string).
  writeFile(path, data, mode = 0o644) {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    const r = this.withPath(path, (p, plen) =>
      this.withBytes(bytes, (d) => this.exports.wasi_vfs_write_file(p, plen, d, bytes.length, mode)),
    );
    if (r < 0) throw new VfsError('write', path, -r);
  }

  // The bytes of the file at `path` (Uint8Array).
  readFile(path) {
    return this.withPath(path, (p, plen) => {
      const size = this.exports.wasi_vfs_file_size(p, plen);
      if (size < 0) throw new VfsError('read', path, -size);
      const out = new Uint8Array(size);
      const buf = this.exports.wasi_vfs_alloc(Math.min(size, 1 << 20)) >>> 0;
      if (!buf) throw new VfsError('alloc', path, ERRNO.NOMEM);
      try {
        for (let at = 0; at < size;) {
          const want = Math.min(size - at, 1 << 20);
          const n = this.exports.wasi_vfs_read_file(p, plen, buf, want, at);
          if (n < 0) throw new VfsError('read', path, -n);
          if (n === 0) break;
          if (n > want) throw new VfsError('read', path, ERRNO.IO); // more than asked: the module is broken
          out.set(new Uint8Array(this.exports.memory.buffer, buf, n), at);
          at += n;
        }
      } finally {
        this.exports.wasi_vfs_free(buf);
      }
      return out;
    });
  }

  readText(path) {
    return decoder.decode(this.readFile(path));
  }

  // The entries of the directory at `path`: [{ type, name }], type one of
  // 'd' '-' 'l' 'c' 'p' 's'.
  list(path) {
    return this.withPath(path, (p, plen) => {
      let room = 4096;
      for (;;) {
        const buf = this.exports.wasi_vfs_alloc(room) >>> 0;
        if (!buf) throw new VfsError('alloc', path, ERRNO.NOMEM);
        try {
          const need = this.exports.wasi_vfs_list(p, plen, buf, room);
          if (need < 0) throw new VfsError('list', path, -need);
          if (need <= room) {
            const text = decoder.decode(new Uint8Array(this.exports.memory.buffer, buf, need));
            return text
              .split('\n')
              .filter((l) => l)
              .map((l) => ({ type: l[0], name: l.slice(2) }));
          }
          room = need;
        } finally {
          this.exports.wasi_vfs_free(buf);
        }
      }
    });
  }
}
