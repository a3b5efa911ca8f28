// wasi-run.mjs: run a WASI preview1 command module on Node.js's built-in WASI.
//
//   wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
//
// Normally started by the `wasi-run` shell launcher next to this file, which
// picks the Node.js flags (see there). The guest sees argv = [MODULE, ARGS...],
// only the environment and directories the options give it, and the process's
// own stdin/stdout/stderr.
//
// Exit status (documented contract, also in README.md next to this file):
//   the module's exit code (proc_exit or return from main), truncated to 8 bits
//   2    bad options (usage printed on stderr)
//   70   internal error in the runner itself
//   126  module cannot run: unreadable, not WebAssembly, unsupported import,
//        no _start (a reactor), no exported memory, link error
//   127  module file not found
//   134  the module trapped (128 + SIGABRT, as a native abort() would)
//   141  stdout/stderr reader went away (EPIPE; 128 + SIGPIPE, as native code)
//
// Stdio: Node's WASI fails with EAGAIN when fd 0/1/2 is a non-blocking file
// description (some other Node process on the same pipe or terminal may have
// set O_NONBLOCK). So fd_read on guest fd 0 and fd_write on guest fds 1 and 2
// are served here with synchronous reads/writes that wait and retry on EAGAIN;
// every other import is Node's WASI unchanged.

import fs from 'node:fs';

const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;
const EXIT_CANNOT_RUN = 126;
const EXIT_NOT_FOUND = 127;
const EXIT_TRAP = 128 + 6;
const EXIT_SIGPIPE = 128 + 13;

const USAGE = `usage: wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
  --dir HOST::GUEST  preopen host directory HOST as GUEST (repeatable);
                     --dir PATH means --dir PATH::PATH
  --env NAME=VALUE   set a guest environment variable (repeatable);
                     --env NAME copies NAME from the host environment, if set
  --inherit-env      start from the whole host environment (default: empty)
  --help             print this help
  --                 end of options
`;

// ---------------------------------------------------------------------------
// Blocking I/O on possibly non-blocking host descriptors.

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
function readBlocking(fd, buf) {
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
function writeBlocking(fd, buf) {
  let done = 0;
  for (let attempt = 0; done < buf.length; ) {
    try {
      done += fs.writeSync(fd, buf, done, buf.length - done);
      attempt = 0;
    } catch (e) {
      if (!RETRY_CODES.has(e.code)) throw e;
      pause(attempt++);
    }
  }
}

// Prints `wasi-run: MESSAGE` on stderr and exits with `code`. Never returns.
function die(code, message) {
  try {
    writeBlocking(2, Buffer.from(`wasi-run: ${message}\n`));
  } catch {
    // stderr is gone; the exit status still tells.
  }
  process.exit(code);
}

// ---------------------------------------------------------------------------
// Command line.

// Parses argv (without node and script). Returns { preopens, env, module,
// args } or exits with EXIT_USAGE after printing why and the usage.
function parseArgs(argv) {
  const preopens = {};
  const envOptions = [];
  let inheritEnv = false;
  let i = 0;
  const usageError = (why) => {
    try {
      writeBlocking(2, Buffer.from(`wasi-run: ${why}\n${USAGE}`));
    } catch {}
    process.exit(EXIT_USAGE);
  };

  for (; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('-') || arg === '-') break;
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    const needValue = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usageError(`option ${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--help' || arg === '-h') {
      writeBlocking(1, Buffer.from(USAGE));
      process.exit(0);
    } else if (arg === '--inherit-env' && value === undefined) {
      inheritEnv = true;
    } else if (arg === '--dir') {
      const spec = needValue();
      const sep = spec.indexOf('::');
      const host = sep < 0 ? spec : spec.slice(0, sep);
      const guest = sep < 0 ? spec : spec.slice(sep + 2);
      if (host === '' || guest === '') usageError(`--dir ${spec}: empty path`);
      if (!isDirectory(host)) usageError(`--dir ${spec}: ${host} is not a directory`);
      preopens[guest] = host;
    } else if (arg === '--env') {
      const spec = needValue();
      if (spec === '' || spec.startsWith('=')) usageError(`--env ${spec}: empty name`);
      envOptions.push(spec);
    } else {
      usageError(`unknown option ${argv[i]}`);
    }
  }
  if (i >= argv.length) usageError('no module given');

  const env = inheritEnv ? { ...process.env } : {};
  for (const spec of envOptions) {
    const eq = spec.indexOf('=');
    if (eq > 0) env[spec.slice(0, eq)] = spec.slice(eq + 1);
    else if (process.env[spec] !== undefined) env[spec] = process.env[spec];
  }
  return { preopens, env, module: argv[i], args: argv.slice(i + 1) };
}

// True when `path` names a directory (following symlinks).
function isDirectory(path) {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Module checks. Each returns normally or exits with a message naming `file`.

// Reads and compiles `file`. Exits 127 if it does not exist, 126 if it cannot
// be read or is not a WebAssembly module.
async function loadModule(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') die(EXIT_NOT_FOUND, `${file}: not found`);
    die(EXIT_CANNOT_RUN, `${file}: cannot read: ${e.code === 'EISDIR' ? 'is a directory' : e.message}`);
  }
  try {
    return await WebAssembly.compile(bytes);
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${file}: not a valid WebAssembly module: ${e.message}`);
  }
}

// Exits 126 listing every import that is not a function Node's WASI provides
// under wasi_snapshot_preview1.
function checkImports(file, module, wasiImport) {
  const bad = WebAssembly.Module.imports(module).filter(
    (imp) =>
      imp.module !== 'wasi_snapshot_preview1' ||
      imp.kind !== 'function' ||
      imp.name.startsWith('_') ||
      typeof wasiImport[imp.name] !== 'function');
  if (bad.length > 0) {
    die(EXIT_CANNOT_RUN, bad.map((imp) =>
      `${file}: unsupported import ${imp.module}.${imp.name}` +
      (imp.kind === 'function' ? '' : ` (${imp.kind})`)).join('\nwasi-run: '));
  }
}

// Exits 126 unless the module is a WASI command: exports function _start and
// memory "memory", and no _initialize.
function checkExports(file, module) {
  const kinds = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  if (kinds.get('_start') !== 'function') {
    die(EXIT_CANNOT_RUN, kinds.has('_initialize')
      ? `${file}: is a reactor (exports _initialize, no _start); nothing to run`
      : `${file}: not a WASI command (no _start export)`);
  }
  if (kinds.has('_initialize')) die(EXIT_CANNOT_RUN, `${file}: exports both _start and _initialize`);
  if (kinds.get('memory') !== 'memory') die(EXIT_CANNOT_RUN, `${file}: does not export its memory`);
}

// ---------------------------------------------------------------------------
// Stdio imports that block instead of failing with EAGAIN.

const ERRNO_SUCCESS = 0;
const ERRNO_FAULT = 21;
const ERRNO_IO = 29;
// Node error code -> WASI errno, for errors a read/write on stdio can return.
const WASI_ERRNO = {
  EACCES: 2, EBADF: 8, ECONNRESET: 15, EDQUOT: 19, EFBIG: 22, EINVAL: 28,
  EIO: 29, EISDIR: 31, ENOSPC: 51, ENXIO: 60, EPERM: 63, EPIPE: 64,
};

// Returns the fd_read, fd_write, fd_close and fd_renumber imports to lay
// over Node's `wasiImport`, and setMemory(memory) to call once the instance
// exists (before any import runs).
//
// Guest fds 0, 1 and 2 map to host fds 0, 1 and 2 (Node's default) until the
// guest closes or renumbers one of them; from then on that fd is left to Node.
function blockingStdio(wasiImport) {
  const ownStdio = new Set([0, 1, 2]);
  let memory = null;

  // The guest's iovec array at `iovs` (count `n`) as Uint8Array views into
  // memory, or null when any part lies outside memory. (Wasm i32 arguments
  // arrive in JS signed; `>>> 0` reads them as the u32 they are.)
  function iovecs(iovs, n) {
    iovs >>>= 0;
    n >>>= 0;
    const buffer = memory.buffer;
    const view = new DataView(buffer);
    const out = [];
    if (iovs + 8 * n > buffer.byteLength) return null;
    for (let i = 0; i < n; i++) {
      const ptr = view.getUint32(iovs + 8 * i, true);
      const len = view.getUint32(iovs + 8 * i + 4, true);
      if (ptr + len > buffer.byteLength) return null;
      out.push(new Uint8Array(buffer, ptr, len));
    }
    return out;
  }

  // Stores the u32 result `count` at guest address `ptr`; returns a WASI errno.
  function putCount(ptr, count) {
    ptr >>>= 0;
    if (ptr + 4 > memory.buffer.byteLength) return ERRNO_FAULT;
    new DataView(memory.buffer).setUint32(ptr, count, true);
    return ERRNO_SUCCESS;
  }

  // Maps a Node I/O error to a WASI errno. A vanished reader on stdout or
  // stderr ends the process as SIGPIPE would end a native program.
  function errnoFor(e) {
    if (!e.code) throw e; // not an I/O error: a bug, reported as internal
    if (e.code === 'EPIPE') process.exit(EXIT_SIGPIPE);
    return WASI_ERRNO[e.code] ?? ERRNO_IO;
  }

  // fd_read on fd 0: one blocking read into the first non-empty buffer
  // (a short read, as readv(2) may return).
  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    if (fd !== 0 || !ownStdio.has(fd)) return wasiImport.fd_read(fd, iovs, iovsLen, nreadPtr);
    const bufs = iovecs(iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
    const target = bufs.find((b) => b.length > 0);
    try {
      return putCount(nreadPtr, target ? readBlocking(fd, target) : 0);
    } catch (e) {
      return errnoFor(e);
    }
  }

  // fd_write on fds 1 and 2: writes every buffer completely, in order.
  function fd_write(fd, iovs, iovsLen, nwrittenPtr) {
    if ((fd !== 1 && fd !== 2) || !ownStdio.has(fd)) {
      return wasiImport.fd_write(fd, iovs, iovsLen, nwrittenPtr);
    }
    const bufs = iovecs(iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
    try {
      for (const b of bufs) writeBlocking(fd, b);
    } catch (e) {
      return errnoFor(e);
    }
    return putCount(nwrittenPtr, bufs.reduce((sum, b) => sum + b.length, 0));
  }

  function fd_close(fd) {
    const result = wasiImport.fd_close(fd);
    if (result === ERRNO_SUCCESS) ownStdio.delete(fd);
    return result;
  }

  function fd_renumber(from, to) {
    const result = wasiImport.fd_renumber(from, to);
    if (result === ERRNO_SUCCESS) { ownStdio.delete(from); ownStdio.delete(to); }
    return result;
  }

  return {
    imports: { fd_read, fd_write, fd_close, fd_renumber },
    setMemory(m) { memory = m; },
  };
}

// ---------------------------------------------------------------------------
// Main.

// Loads node:wasi. Node < 20 needs --experimental-wasi-unstable-preview1,
// which the launcher passes; without it, explain instead of a stack trace.
async function loadWasi() {
  process.removeAllListeners('warning'); // keep stderr for the module alone
  try {
    return (await import('node:wasi')).WASI;
  } catch (e) {
    die(EXIT_INTERNAL, `Node.js ${process.version} has no usable node:wasi (${e.code ?? e.message}); ` +
      'Node < 20 needs --experimental-wasi-unstable-preview1, which the wasi-run launcher adds');
  }
}

// Runs the command described by `argv`; returns the exit status.
async function main(argv) {
  const opts = parseArgs(argv);
  const WASI = await loadWasi();
  const module = await loadModule(opts.module);
  const wasi = new WASI({
    version: 'preview1',
    args: [opts.module, ...opts.args],
    env: opts.env,
    preopens: opts.preopens,
    returnOnExit: true,
  });
  checkImports(opts.module, module, wasi.wasiImport);
  checkExports(opts.module, module);

  const stdio = blockingStdio(wasi.wasiImport);
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, {
      wasi_snapshot_preview1: { ...wasi.wasiImport, ...stdio.imports },
    });
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${opts.module}: cannot link: ${e.message}`);
  }
  stdio.setMemory(instance.exports.memory);

  try {
    return (wasi.start(instance) ?? 0) & 0xff;
  } catch (e) {
    // V8 reports wasm stack exhaustion as a RangeError.
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      die(EXIT_TRAP, `${opts.module}: trap: ${e.message}`);
    }
    die(EXIT_INTERNAL, `${opts.module}: internal error: ${e.stack ?? e}`);
  }
}

process.exit(await main(process.argv.slice(2)));
