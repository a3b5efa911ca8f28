// wasi-run.mjs: run a WASI preview1 command module on Node.js's built-in WASI.
//
//   wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
//
// Normally started by the `wasi-run` shell launcher next to this file, which
// picks the Node.js flags (see there). The guest sees argv = [MODULE, ARGS...],
// only the environment and directories the options give it, and the process's
// own stdin/stdout/stderr.
//
// Typed entry point: a module with a custom section "wasi-io-main" (written by
// WASI_IO_MAIN of io/'s wasi_io.h: "1 in:TYPE out:TYPE ...") takes streams, not
// file names. The runner does the file work at the edge:
//
//   wasi-run [OPTIONS] [--] MODULE.wasm INPUT... [-o OUTPUT]... [-- ARGS...]
//
// opens each INPUT and hands it to the guest as a plain stream (not seekable,
// no name) on descriptor 3, 4, ...; each -o OUTPUT follows as the next
// descriptor. The module sees argv = [MODULE, ARGS...] and no directory.
// An output is written to a temporary file beside OUTPUT and renamed over it
// when the module exits 0, and removed otherwise (an OUTPUT that is not a
// regular file, such as /dev/stdout, is written directly). `-` as INPUT is
// the runner's stdin, as OUTPUT its stdout.
//
// Exit status (documented contract, also in README.md next to this file):
//   the module's exit code (proc_exit or return from main), truncated to 8 bits
//   2    bad options or arguments that do not match the typed entry point
//        (usage printed on stderr), --dir on a module that cannot see it
//   66   typed entry point: an INPUT cannot be opened for reading; --in:
//        HOST is not readable, or neither a directory nor a tar archive
//   70   internal error in the runner itself
//   73   typed entry point: an OUTPUT cannot be created; --out/--dir: HOST
//        cannot be written or conflicts with the archive (nothing written)
//   74   --out/--dir: the module's archive is refused: malformed, cut
//        short, hostile, over a limit (nothing written)
//   126  module cannot run: unreadable, not WebAssembly, unsupported import,
//        no _start (a reactor), no exported memory, link error
//   127  module file not found
//   134  the module trapped (128 + SIGABRT, as a native abort() would)
//   141  stdout/stderr reader went away (EPIPE; 128 + SIGPIPE, as native code)
//
// Files through streams (wasm32-wasi-vfs modules): --in HOST:GUEST sends
// host directory HOST (or a tar file) as a tar archive on a descriptor of
// the module's own, which extracts it under GUEST before main
// (WASI_VFS_IN); --out GUEST:HOST has the module write GUEST as an archive
// at exit (WASI_VFS_OUT: what the program created or changed), which the
// runner extracts into HOST when the module exits 0 (wasi-run-tar.mjs:
// checked whole, staged, applied all or nothing). --dir HOST::GUEST on
// such a module is both, written back on any exit status. The archives'
// descriptors are 3, 4, ...: the module's own stdin and stdout stay
// its. The module imports no filesystem function for any of this.
//
// Path calls (path_*, fd_readdir) on a descriptor that is not a preopen
// or opened by path_open are answered here (ENOTDIR, EBADF), never by
// Node's WASI, which would resolve them in the runner's directory.
//
// Stdio: Node's WASI fails with EAGAIN when fd 0/1/2 is a non-blocking file
// description (some other Node process on the same pipe or terminal may have
// set O_NONBLOCK). So fd_read on guest fd 0 and fd_write on guest fds 1 and 2
// are served here with synchronous reads/writes that wait and retry on EAGAIN;
// every other import is Node's WASI unchanged.

import fs from 'node:fs';
import { exportStackPointer, trapReport } from './wasi-run-trap.mjs';

const EXIT_USAGE = 2;
const EXIT_NO_INPUT = 66;
const EXIT_INTERNAL = 70;
const EXIT_CANNOT_CREATE = 73;
const EXIT_IO = 74;
const EXIT_CANNOT_RUN = 126;
const EXIT_NOT_FOUND = 127;
const EXIT_TRAP = 128 + 6;
const EXIT_SIGPIPE = 128 + 13;

const USAGE = `usage: wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
       wasi-run [OPTIONS] [--] TYPED.wasm INPUT... [-o OUTPUT]... [-- ARGS...]
  (TYPED.wasm declares a typed entry point, WASI_IO_MAIN in wasi_io.h: the runner
  opens INPUT and OUTPUT files and hands the module streams)
  --dir HOST::GUEST  preopen host directory HOST as GUEST (repeatable);
                     --dir PATH means --dir PATH::PATH
  --env NAME=VALUE   set a guest environment variable (repeatable);
                     --env NAME copies NAME from the host environment, if set
  --inherit-env      start from the whole host environment (default: empty)
  --in HOST:GUEST    wasm32-wasi-vfs module: host directory HOST (or tar file)
                     goes into the module's filesystem at GUEST (repeatable)
  --out GUEST:HOST   wasm32-wasi-vfs module: what the program created or
                     changed under GUEST lands in host directory HOST when it
                     exits 0 (repeatable); write :: for : when a path has one
                     (on a wasm32-wasi-vfs module, --dir HOST::GUEST means
                     --in HOST:GUEST plus --out GUEST:HOST on any exit status)
  --keep-modes       --out: keep setuid, setgid, sticky and other-writable
                     bits (dropped by default)
  --out-limit SIZE   --out: refuse an archive larger than SIZE bytes (K, M,
                     G, T suffixes; default 64G)
  --out-max-entries N  --out: refuse an archive of more than N entries
                     (default 1048576)
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

// Called before the runner exits on an error: removes the temporary files of
// a typed entry point's outputs. openStreams sets it once there are some.
let discardOutputs = () => {};

// Prints `wasi-run: MESSAGE` on stderr as one line, whatever the names in
// it hold: control characters (a newline in a file name) are written as
// \xNN; only "\nwasi-run: " inside MESSAGE starts a line of its own. A
// stderr that is gone is ignored: the exit status still tells.
function say(message) {
  const line = message.split('\nwasi-run: ').map((part) =>
    part.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  try {
    writeBlocking(2, Buffer.from(`wasi-run: ${line.join('\nwasi-run: ')}\n`));
  } catch {}
}

// Prints `wasi-run: MESSAGE` on stderr and exits with `code`. Never returns.
function die(code, message) {
  discardOutputs();
  say(message);
  process.exit(code);
}

// ---------------------------------------------------------------------------
// Command line.

// Prints `wasi-run: WHY` and the usage on stderr and exits with EXIT_USAGE.
function usageError(why) {
  discardOutputs();
  say(why);
  try {
    writeBlocking(2, Buffer.from(USAGE));
  } catch {}
  process.exit(EXIT_USAGE);
}

// Parses argv (without node and script). Returns { preopens, env, module,
// args } or exits with EXIT_USAGE after printing why and the usage.
// Splits A:B (A::B when a path holds a colon) for --in and --out.
function splitSpec(option, spec, names) {
  let sep = spec.indexOf('::');
  let len = 2;
  if (sep < 0) { sep = spec.indexOf(':'); len = 1; }
  const a = sep < 0 ? '' : spec.slice(0, sep);
  const b = sep < 0 ? '' : spec.slice(sep + len);
  if (a === '' || b === '') usageError(`${option} ${spec}: expected ${names}`);
  return [a, b];
}

// A size: digits with an optional K, M, G or T (powers of 1024).
function parseSize(option, text) {
  const m = /^([0-9]{1,15})([KMGT]?)$/i.exec(text);
  if (!m) usageError(`${option} ${text}: expected a size (digits, optional K, M, G or T)`);
  return Number(m[1]) * 1024 ** ' KMGT'.indexOf(m[2].toUpperCase() || ' ');
}

// Checks a guest path of --in, --out or --dir: absolute, and no ',' (the
// separator of WASI_VFS_IN and WASI_VFS_OUT, libc-overlay/STREAMS.md).
function checkGuestPath(option, spec, guest) {
  if (!guest.startsWith('/')) usageError(`${option} ${spec}: the guest directory must be absolute`);
  if (guest.includes(',')) usageError(`${option} ${spec}: the guest directory may not contain ','`);
}

function parseArgs(argv) {
  const preopens = {};
  const dirs = [];
  let keepModes = false;
  let outLimit = 64 * 1024 ** 3;
  let maxEntries = 1048576;
  const ins = [];
  const outs = [];
  const envOptions = [];
  let inheritEnv = false;
  let i = 0;

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
      dirs.push({ spec, host, guest });
    } else if (arg === '--in') {
      const spec = needValue();
      const [host, guest] = splitSpec(arg, spec, 'HOST_DIR:GUEST_DIR');
      checkGuestPath(arg, spec, guest);
      ins.push({ host, guest });
    } else if (arg === '--out') {
      const spec = needValue();
      const [guest, host] = splitSpec(arg, spec, 'GUEST_DIR:HOST_DIR');
      checkGuestPath(arg, spec, guest);
      outs.push({ host, guest, spec });
    } else if (arg === '--keep-modes' && value === undefined) {
      keepModes = true;
    } else if (arg === '--out-limit') {
      outLimit = parseSize(arg, needValue());
    } else if (arg === '--out-max-entries') {
      maxEntries = parseSize(arg, needValue());
    } else if (arg === '--env') {
      const spec = needValue();
      if (spec === '' || spec.startsWith('=')) usageError(`--env ${spec}: empty name`);
      envOptions.push(spec);
    } else {
      usageError(`unknown option ${argv[i]}`);
    }
  }
  if (i >= argv.length) usageError('no module given');

  // Names are only names: no prototype, so that "__proto__" or "toString"
  // is a variable like any other.
  const env = Object.assign(Object.create(null), inheritEnv ? process.env : {});
  for (const spec of envOptions) {
    const eq = spec.indexOf('=');
    if (eq > 0) env[spec.slice(0, eq)] = spec.slice(eq + 1);
    else if (Object.hasOwn(process.env, spec)) env[spec] = process.env[spec];
  }
  return { preopens, dirs, env, ins, outs, keepModes, outLimit, maxEntries,
    module: argv[i], args: argv.slice(i + 1) };
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
    return await WebAssembly.compile(exportStackPointer(bytes));
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
const ERRNO_FBIG = 22;
// Node error code -> WASI errno, for errors a read/write on stdio can return.
const WASI_ERRNO = {
  EACCES: 2, EBADF: 8, ECONNRESET: 15, EDQUOT: 19, EFBIG: 22, EINVAL: 28,
  EIO: 29, EISDIR: 31, ENOSPC: 51, ENXIO: 60, EPERM: 63, EPIPE: 64,
};

const errnoOf = (e) => WASI_ERRNO[e.code] ?? ERRNO_IO;

// The guest's iovec array at `iovs` (count `n`) in `memory` as Uint8Array
// views, or null when any part lies outside memory. (Wasm i32 arguments
// arrive in JS signed; `>>> 0` reads them as the u32 they are.)
function iovecs(memory, iovs, n) {
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

// Stores the u32 `value` at guest address `ptr`; returns a WASI errno.
function putU32(memory, ptr, value) {
  ptr >>>= 0;
  if (ptr + 4 > memory.buffer.byteLength) return ERRNO_FAULT;
  new DataView(memory.buffer).setUint32(ptr, value, true);
  return ERRNO_SUCCESS;
}

// Returns the fd_read, fd_write, fd_close and fd_renumber imports to lay
// over Node's `wasiImport`, and setMemory(memory) to call once the instance
// exists (before any import runs).
//
// Guest fds 0, 1 and 2 map to host fds 0, 1 and 2 (Node's default) until the
// guest closes or renumbers one of them; from then on that fd is left to Node.
function blockingStdio(wasiImport) {
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
    return WASI_ERRNO[e.code] ?? ERRNO_IO;
  }

  // fd_read on fd 0: one blocking read into the first non-empty buffer
  // (a short read, as readv(2) may return).
  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    if (fd !== 0 || !ownStdio.has(fd)) return wasiImport.fd_read(fd, iovs, iovsLen, nreadPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
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
    if (bufs === null) return ERRNO_FAULT;
    try {
      for (const b of bufs) writeBlocking(fd, b);
    } catch (e) {
      return errnoFor(e);
    }
    return putU32(memory, nwrittenPtr, bufs.reduce((sum, b) => sum + b.length, 0));
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
// Typed entry point: the host opens the files, the module sees streams.

const FIRST_STREAM_FD = 3;
const ERRNO_BADF = 8;
const ERRNO_NOTSUP = 58;
const ERRNO_PIPE = 64;
const ERRNO_SPIPE = 70;
const RIGHTS_FD_READ = 1n << 1n;
const RIGHTS_FD_WRITE = 1n << 6n;
const RIGHTS_FD_FILESTAT_GET = 1n << 21n;
const RIGHTS_POLL_FD_READWRITE = 1n << 27n;
const EVENTTYPE_FD_READ = 1;
const EVENTTYPE_FD_WRITE = 2;

// Messages for the errors opening a file can give.
const OPEN_ERRORS = {
  ENOENT: 'no such file or directory', EACCES: 'permission denied',
  EISDIR: 'is a directory', ENOTDIR: 'not a directory', EROFS: 'read-only file system',
  ENOSPC: 'no space left on device', ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long', EEXIST: 'file exists',
};
const openError = (e) => OPEN_ERRORS[e.code] ?? e.message;

// Reads the typed entry point of `module`: null when it has none, else
// { inputs: [TYPE...], outputs: [TYPE...] } in declaration order. Exits 126
// when the section is malformed.
function typedEntry(file, module) {
  const sections = WebAssembly.Module.customSections(module, 'wasi-io-main');
  if (sections.length === 0) return null;
  const bad = (why) => die(EXIT_CANNOT_RUN, `${file}: malformed wasi-io-main section: ${why}`);
  if (sections.length > 1) bad('more than one');
  const text = Buffer.from(sections[0]).toString('latin1');
  const [version, ...items] = text.split(' ');
  if (version !== '1') bad(`unknown version '${version.slice(0, 20)}'`);
  if (items.length === 0 || items.length > 8) bad(`${items.length} streams (1 to 8)`);
  const entry = { inputs: [], outputs: [] };
  for (const item of items) {
    const m = /^(in|out):([A-Za-z0-9._+/-]+)$/.exec(item);
    if (!m) bad(`'${item.slice(0, 40)}'`);
    (m[1] === 'in' ? entry.inputs : entry.outputs).push(m[2]);
  }
  return entry;
}

// The usage line of a typed module, from its declaration.
function typedUsage(file, entry) {
  const ins = entry.inputs.map((t) => t.toUpperCase()).join(' ');
  const outs = entry.outputs.map((t) => `-o ${t.toUpperCase()}`).join(' ');
  return `wasi-run ${file} ${[ins, outs].filter((x) => x).join(' ')} [-- ARGS...]`;
}

// Splits the arguments after a typed module into input files, -o output files
// and the module's own arguments (after --). Exits EXIT_USAGE, naming what
// does not match the declaration.
function parseTypedArgs(file, entry, argv, hasDirs) {
  const mismatch = (why) => {
    say(`${file}: ${why}`);
    say(`usage: ${typedUsage(file, entry)}`);
    process.exit(EXIT_USAGE);
  };
  if (hasDirs) mismatch('takes streams (typed entry point), not directories: drop --dir');
  const inputs = [];
  const outputs = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { i++; break; }
    if (arg === '-o' || arg === '--output') {
      if (i + 1 >= argv.length) mismatch(`option ${arg} needs a value`);
      outputs.push(argv[++i]);
    } else if (arg.startsWith('-o') && arg.length > 2) {
      outputs.push(arg.slice(2));
    } else if (arg.startsWith('--output=')) {
      outputs.push(arg.slice('--output='.length));
    } else if (arg.startsWith('-') && arg !== '-') {
      mismatch(`unknown option ${arg} (the module's own arguments go after --)`);
    } else {
      inputs.push(arg);
    }
  }
  const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const takes = `takes ${count(entry.inputs.length, 'input')} and ${count(entry.outputs.length, 'output')}`;
  if (inputs.length < entry.inputs.length) {
    const k = inputs.length;
    mismatch(`missing input ${k + 1} (${entry.inputs[k]}): the module ${takes}`);
  }
  if (inputs.length > entry.inputs.length) {
    mismatch(`extra input ${inputs[entry.inputs.length]}: the module ${takes}`);
  }
  if (outputs.length < entry.outputs.length) {
    const k = outputs.length;
    mismatch(`missing -o for output ${k + 1} (${entry.outputs[k]}): the module ${takes}`);
  }
  if (outputs.length > entry.outputs.length) {
    mismatch(`extra output ${outputs[entry.outputs.length]}: the module ${takes}`);
  }
  const seen = new Set();
  for (const out of outputs) {
    if (out !== '-' && seen.has(out)) mismatch(`output ${out} given twice`);
    seen.add(out);
  }
  return { inputs, outputs, args: argv.slice(i) };
}

// Opens the files of a typed module's streams. Returns the stream table
// (guest fd -> { hostFd, output, closed, own, path, temp }) and sets
// discardOutputs. Exits 66 / 73 when a file cannot be opened or created.
function openStreams(plan) {
  const streams = new Map();
  let fd = FIRST_STREAM_FD;
  for (const path of plan.inputs) {
    let hostFd = 0;
    if (path !== '-') {
      try {
        hostFd = fs.openSync(path, 'r');
        if (fs.fstatSync(hostFd).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      } catch (e) {
        die(EXIT_NO_INPUT, `${path}: cannot open input: ${openError(e)}`);
      }
    }
    streams.set(fd++, { hostFd, output: false, closed: false, own: path !== '-' });
  }
  const pending = [];
  discardOutputs = () => {
    for (const s of pending) {
      try { fs.closeSync(s.hostFd); } catch {}
      try { fs.unlinkSync(s.temp); } catch {}
    }
    pending.length = 0;
  };
  for (const path of plan.outputs) {
    const s = { hostFd: 1, output: true, closed: false, own: false, path, temp: null };
    if (path !== '-') {
      let direct = false;
      try {
        const st = fs.statSync(path);
        if (st.isDirectory()) die(EXIT_CANNOT_CREATE, `${path}: cannot create output: is a directory`);
        direct = !st.isFile();
      } catch (e) {
        if (e.code !== 'ENOENT') die(EXIT_CANNOT_CREATE, `${path}: cannot create output: ${openError(e)}`);
      }
      try {
        if (direct) {
          s.hostFd = fs.openSync(path, 'w');
        } else {
          const slash = path.lastIndexOf('/');
          s.temp = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.wasi-run-${process.pid}-${pending.length}`;
          s.hostFd = fs.openSync(s.temp, 'wx');
          pending.push(s);
        }
      } catch (e) {
        die(EXIT_CANNOT_CREATE, `${path}: cannot create output: ${openError(e)}`);
      }
      s.own = true;
    }
    streams.set(fd++, s);
  }
  return streams;
}

// Finishes the outputs once the module has exited with `status`: renames
// them into place on 0, removes them (saying so) otherwise. Returns the
// runner's exit status.
function finishOutputs(file, streams, status) {
  for (const s of streams.values()) {
    if (s.own && !s.closed) {
      try { fs.closeSync(s.hostFd); } catch {}
      s.closed = true;
    }
  }
  if (status !== 0) {
    for (const s of streams.values()) {
      if (s.temp) {
        try { fs.unlinkSync(s.temp); } catch {}
        say(`${s.path}: not written: ${file} exited with status ${status}`);
      }
    }
    return status;
  }
  for (const s of streams.values()) {
    if (!s.temp) continue;
    try {
      fs.renameSync(s.temp, s.path);
    } catch (e) {
      try { fs.unlinkSync(s.temp); } catch {}
      say(`${s.path}: cannot create output: ${openError(e)}`);
      status = EXIT_CANNOT_CREATE;
    }
  }
  return status;
}

// Returns the imports that serve a typed module's stream descriptors, laid
// over `base` (Node's WASI with blocking stdio), and setMemory(memory).
// A stream descriptor is a plain stream: readable or writable, not seekable,
// no name, type unknown; polling it always finds it ready.
function typedStreamImports(base, streams) {
  let memory = null;
  const open = (fd, output) => {
    const s = streams.get(fd);
    return s && !s.closed && s.output === output ? s : null;
  };
  const errnoFor = (e) => {
    if (!e.code) throw e;
    return WASI_ERRNO[e.code] ?? ERRNO_IO;
  };

  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    if (!streams.has(fd)) return base.fd_read(fd, iovs, iovsLen, nreadPtr);
    const s = open(fd, false);
    if (!s) return ERRNO_BADF;
    const bufs = iovecs(memory, iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
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
    if (!s) return ERRNO_BADF;
    const bufs = iovecs(memory, iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
    try {
      for (const b of bufs) writeBlocking(s.hostFd, b);
    } catch (e) {
      return e.code === 'EPIPE' ? ERRNO_PIPE : errnoFor(e);
    }
    return putU32(memory, nwrittenPtr, bufs.reduce((sum, b) => sum + b.length, 0));
  }

  function fd_fdstat_get(fd, ptr) {
    if (!streams.has(fd)) return base.fd_fdstat_get(fd, ptr);
    const s = streams.get(fd);
    if (s.closed) return ERRNO_BADF;
    ptr >>>= 0;
    if (ptr + 24 > memory.buffer.byteLength) return ERRNO_FAULT;
    const view = new DataView(memory.buffer);
    for (let k = 0; k < 24; k += 4) view.setUint32(ptr + k, 0, true);
    const rights = (s.output ? RIGHTS_FD_WRITE : RIGHTS_FD_READ) |
      RIGHTS_FD_FILESTAT_GET | RIGHTS_POLL_FD_READWRITE;
    view.setBigUint64(ptr + 8, rights, true); // filetype 0: unknown
    return ERRNO_SUCCESS;
  }

  function fd_filestat_get(fd, ptr) {
    if (!streams.has(fd)) return base.fd_filestat_get(fd, ptr);
    if (streams.get(fd).closed) return ERRNO_BADF;
    ptr >>>= 0;
    if (ptr + 64 > memory.buffer.byteLength) return ERRNO_FAULT;
    new Uint8Array(memory.buffer, ptr, 64).fill(0);
    return ERRNO_SUCCESS;
  }

  function fd_close(fd) {
    if (!streams.has(fd)) return base.fd_close(fd);
    const s = streams.get(fd);
    if (s.closed) return ERRNO_BADF;
    s.closed = true;
    if (s.own) {
      try { fs.closeSync(s.hostFd); } catch {}
    }
    return ERRNO_SUCCESS;
  }

  const notSeekable = (name) => (fd, ...rest) => {
    if (!streams.has(fd)) return base[name](fd, ...rest);
    return streams.get(fd).closed ? ERRNO_BADF : ERRNO_SPIPE;
  };

  function fd_renumber(from, to) {
    if (!streams.has(from) && !streams.has(to)) return base.fd_renumber(from, to);
    return ERRNO_NOTSUP;
  }

  // Subscriptions on stream descriptors are ready at once (a file always
  // is); when there are any, only they are reported, as poll may report a
  // subset of what is ready. Everything else is Node's.
  function poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
    inPtr >>>= 0;
    outPtr >>>= 0;
    nsubs >>>= 0;
    const buffer = memory.buffer;
    if (inPtr + 48 * nsubs > buffer.byteLength || outPtr + 32 * nsubs > buffer.byteLength) {
      return ERRNO_FAULT;
    }
    const view = new DataView(buffer);
    const ours = [];
    for (let k = 0; k < nsubs; k++) {
      const sub = inPtr + 48 * k;
      const tag = view.getUint8(sub + 8);
      if (tag !== EVENTTYPE_FD_READ && tag !== EVENTTYPE_FD_WRITE) continue;
      const fd = view.getUint32(sub + 16, true);
      if (streams.has(fd)) ours.push({ sub, tag, fd });
    }
    if (ours.length === 0) return base.poll_oneoff(inPtr, outPtr, nsubs, neventsPtr);
    ours.forEach(({ sub, tag, fd }, k) => {
      const ev = outPtr + 32 * k;
      const s = open(fd, tag === EVENTTYPE_FD_WRITE);
      new Uint8Array(buffer, ev, 32).fill(0);
      view.setBigUint64(ev, view.getBigUint64(sub, true), true);
      view.setUint16(ev + 8, s ? ERRNO_SUCCESS : ERRNO_BADF, true);
      view.setUint8(ev + 10, tag);
    });
    return putU32(memory, neventsPtr, ours.length);
  }

  return {
    imports: {
      fd_read, fd_write, fd_fdstat_get, fd_filestat_get, fd_close, fd_renumber,
      fd_seek: notSeekable('fd_seek'), fd_tell: notSeekable('fd_tell'), poll_oneoff,
    },
    setMemory(m) { memory = m; },
  };
}

// ---------------------------------------------------------------------------
// --in and --out: archives on descriptors of their own.

const FIRST_ARCHIVE_FD = 3;

// Exits 2: --in or --out on a module without the transfer part. Every
// wasm32-wasi-vfs module has it but one linked with --vfs-no-transfer; the
// custom section "wasi-vfs-streams" says so (libc-overlay/src/transfer/streams_boot.c).
function noStreams(file) {
  usageError(`${file}: takes no files through streams: --in and --out need a ` +
    'wasm32-wasi-vfs module linked without --vfs-no-transfer');
}

// Checks the host paths, sets the module's WASI_VFS_IN and WASI_VFS_OUT,
// and returns { table (guest fd -> { read } or { spool }), finish(file,
// status) -> runner status }. Exits 66 for an --in HOST that is neither a
// directory nor a tar archive.
async function planArchives(opts) {
  const tar = await import('./wasi-run-tar.mjs');
  const warn = (m) => say(`warning: ${m}`);
  const table = new Map();
  let fd = FIRST_ARCHIVE_FD;
  const inSpecs = [];
  for (const { host, guest } of opts.ins) {
    try {
      const st = fs.statSync(host);
      if (!st.isDirectory() && !(st.isFile() && tar.isTarFile(host))) {
        throw Object.assign(new Error(), { code: 'EINVAL' });
      }
    } catch (e) {
      die(EXIT_NO_INPUT, `--in ${host}: cannot read it: ${e.code === 'EINVAL' ? 'not a directory or tar archive' : openError(e)}`);
    }
    const read = tar.pullReader(tar.archive(host, warn));
    table.set(fd, { read, host });
    inSpecs.push(`${fd++}:${guest}`);
  }
  const outSpecs = [];
  for (const out of opts.outs) {
    try {
      out.spool = new tar.Spool(opts.outLimit);
    } catch (e) {
      die(EXIT_CANNOT_CREATE, `--out ${out.spec}: cannot make a temporary file: ${openError(e)}`);
    }
    table.set(fd, out);
    outSpecs.push(`${out.guest}:${fd++}`);
  }
  const add = (name, list) => {
    if (!list.length) return;
    opts.env[name] = [opts.env[name], ...list].filter((x) => x).join(',');
  };
  add('WASI_VFS_IN', inSpecs);
  add('WASI_VFS_OUT', outSpecs);
  const failAfter = process.env.WASI_RUN_TEST_FAIL_APPLY;
  const finish = (file, status) => {
    for (const out of opts.outs) {
      const what = out.dir ? `--dir ${out.dir}` : `--out ${out.spec}`;
      try {
        if (status !== 0 && !out.dir) {
          say(`${out.host}: not written: ${file} exited with status ${status}`);
          continue;
        }
        if (out.spool.over) {
          say(`${what}: not written: the archive is larger than ${opts.outLimit} bytes (--out-limit)`);
          status = EXIT_IO;
          continue;
        }
        if (out.spool.length === 0) continue; // the program used no file: no changes
        tar.extract(out.spool.source(), out.host, {
          keepModes: opts.keepModes, limit: opts.outLimit, maxEntries: opts.maxEntries,
          failAfter: failAfter === undefined ? undefined : Number(failAfter),
        });
      } catch (e) {
        if (e instanceof tar.TarError && /^(truncated archive|empty stream)/.test(e.message)) {
          say(`${what}: not written: the module's export failed (${e.message})`);
          status = EXIT_IO;
        } else if (e instanceof tar.TarError) {
          say(`${what}: not written: the archive is refused: ${e.message}`);
          status = EXIT_IO;
        } else if (e instanceof tar.ExportError) {
          say(`${what}: not written: ${e.message}`);
          status = e.host ? EXIT_CANNOT_CREATE : EXIT_IO;
        } else if (e.code) {
          say(`${what}: not written: ${e.path ? `${e.path}: ` : ''}${openError(e)}`);
          status = EXIT_CANNOT_CREATE;
        } else {
          say(`${what}: not written: internal error: ${e.message}`);
          status = EXIT_INTERNAL;
        }
      } finally {
        out.spool.close();
      }
    }
    return status;
  };
  return { table, finish };
}

// The imports that serve the archives' descriptors over `base`: reads of
// an --in archive (blocking: the bytes are there), writes of an --out one
// (kept in memory until the module exits), fdstat of both.
function archiveImports(base, table) {
  let memory = null;
  function fd_read(fd, iovs, iovsLen, nreadPtr) {
    const a = table.get(fd);
    if (!a || !a.read) return base.fd_read(fd, iovs, iovsLen, nreadPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
    let total = 0;
    try {
      for (const b of bufs) {
        const n = a.read(b);
        total += n;
        if (n < b.length) break;
      }
    } catch (e) {
      say(`--in ${a.host}: ${e.message}`);
      return ERRNO_IO;
    }
    return putU32(memory, nreadPtr, total);
  }
  function fd_write(fd, iovs, iovsLen, nwrittenPtr) {
    const a = table.get(fd);
    if (!a || !a.spool) return base.fd_write(fd, iovs, iovsLen, nwrittenPtr);
    const bufs = iovecs(memory, iovs, iovsLen);
    if (bufs === null) return ERRNO_FAULT;
    let total = 0;
    try {
      for (const b of bufs) {
        if (!a.spool.write(b)) return ERRNO_FBIG; // over --out-limit
        total += b.length;
      }
    } catch (e) {
      return errnoOf(e);
    }
    return putU32(memory, nwrittenPtr, total);
  }
  function fd_fdstat_get(fd, ptr) {
    const a = table.get(fd);
    if (!a) return base.fd_fdstat_get(fd, ptr);
    ptr >>>= 0;
    if (ptr + 24 > memory.buffer.byteLength) return ERRNO_FAULT;
    new Uint8Array(memory.buffer, ptr, 24).fill(0);
    new DataView(memory.buffer).setBigUint64(ptr + 8, a.read ? RIGHTS_FD_READ : RIGHTS_FD_WRITE, true);
    return ERRNO_SUCCESS;
  }
  return {
    imports: { fd_read, fd_write, fd_fdstat_get },
    setMemory(m) { memory = m; },
  };
}

// ---------------------------------------------------------------------------
// --dir on a module that does not open host files.

// What --dir means for `module`: a plain wasm32-wasi module (it imports
// path_open or fd_prestat_get) gets the preopens; a wasm32-wasi-vfs module
// with the transfer part gets each HOST::GUEST as --in HOST:GUEST and
// --out GUEST:HOST (written back on any exit status, not on a trap), a
// relative GUEST taken from "/"; any other module could not see the
// directory, which is an error (exit 2), never ignored.
function dirsOnModule(opts, module, streamsPart) {
  const names = WebAssembly.Module.imports(module).map((imp) => imp.name);
  if (names.some((n) => n === 'fd_prestat_get' || n.startsWith('path_'))) return;
  const first = opts.dirs[0].spec;
  if (!streamsPart) {
    usageError(`--dir ${first}: ${opts.module} imports no filesystem function and has no ` +
      'file transfer part (it uses no files, or was linked with --vfs-no-transfer): the directory cannot reach it');
  }
  for (const { spec, host, guest } of opts.dirs) {
    const abs = posixResolve(guest);
    if (abs.includes(',')) usageError(`--dir ${spec}: the guest directory may not contain ','`);
    opts.ins.push({ host, guest: abs });
    opts.outs.push({ host, guest: abs, spec: `${abs}:${host}`, dir: spec });
  }
  for (const k of Object.keys(opts.preopens)) delete opts.preopens[k];
}

// `p` made absolute from "/" and normalised ("." and ".." resolved).
function posixResolve(p) {
  const parts = [];
  for (const part of p.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

// ---------------------------------------------------------------------------
// Filesystem calls on descriptors that are not directories.
//
// Node's WASI resolves path_* calls on any descriptor it has, even the
// standard ones (against "<stdin>", ... in the runner's working
// directory). The runner answers every path call and fd_readdir on a
// descriptor that is neither a preopen nor one path_open made itself, with
// what Linux gives: ENOTDIR for an open descriptor that is not a
// directory, EBADF for one that is not open.

const ERRNO_NOTDIR = 54;
const PATH_CALLS = {
  // name: indexes of the descriptor arguments
  path_create_directory: [0], path_filestat_get: [0], path_filestat_set_times: [0],
  path_link: [0, 4], path_open: [0], path_readlink: [0], path_remove_directory: [0],
  path_rename: [0, 3], path_symlink: [2], path_unlink_file: [0], fd_readdir: [0],
};

// Returns the guarding imports, setMemory(memory), and setStreams(has):
// has(fd) says whether fd is a stream the runner serves itself (typed
// entry point, --in/--out archives), which is open and not a directory.
function pathGuard(wasiImport, preopenCount) {
  const kinds = new Map([[0, 'stream'], [1, 'stream'], [2, 'stream']]);
  for (let k = 0; k < preopenCount; k++) kinds.set(3 + k, 'dir');
  let memory = null;
  let streams = () => false;
  const refuse = (fd) => {
    const kind = kinds.get(fd);
    if (kind === 'dir') return 0;
    return kind === 'stream' || streams(fd) ? ERRNO_NOTDIR : ERRNO_BADF;
  };
  const imports = {};
  for (const [name, fds] of Object.entries(PATH_CALLS)) {
    if (typeof wasiImport[name] !== 'function') continue;
    imports[name] = (...args) => {
      for (const i of fds) {
        const e = refuse(args[i]);
        if (e) return e;
      }
      const result = wasiImport[name](...args);
      if (name === 'path_open' && result === ERRNO_SUCCESS) {
        // A descriptor Node opened: a directory or a file, whose rights
        // Node's WASI checks on every later call.
        const ptr = args[8] >>> 0;
        if (ptr + 4 <= memory.buffer.byteLength) kinds.set(new DataView(memory.buffer).getUint32(ptr, true), 'dir');
      }
      return result;
    };
  }
  imports.fd_close = (fd) => {
    const result = wasiImport.fd_close(fd);
    if (result === ERRNO_SUCCESS) kinds.delete(fd);
    return result;
  };
  imports.fd_renumber = (from, to) => {
    const result = wasiImport.fd_renumber(from, to);
    if (result === ERRNO_SUCCESS) {
      const kind = kinds.get(from);
      kinds.delete(from);
      kinds.delete(to);
      if (kind) kinds.set(to, kind);
    }
    return result;
  };
  return { imports, setMemory(m) { memory = m; }, setStreams(has) { streams = has; } };
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
  const entry = typedEntry(opts.module, module);
  let args = opts.args;
  let plan = null;
  if (entry) {
    plan = parseTypedArgs(opts.module, entry, opts.args, Object.keys(opts.preopens).length > 0);
    args = plan.args;
  }
  const streamsPart = WebAssembly.Module.customSections(module, 'wasi-vfs-streams').length > 0;
  if ((opts.ins.length || opts.outs.length) && entry) {
    usageError(`${opts.module}: takes streams (typed entry point); --in and --out are for modules that open files`);
  }
  if ((opts.ins.length || opts.outs.length) && !streamsPart) noStreams(opts.module);
  // The imports Node's WASI has do not depend on the preopens.
  checkImports(opts.module, module, new WASI({ version: 'preview1', returnOnExit: true }).wasiImport);
  checkExports(opts.module, module);
  if (opts.dirs.length && !entry) dirsOnModule(opts, module, streamsPart);
  let archives = null;
  if (opts.ins.length || opts.outs.length) archives = await planArchives(opts);
  const wasi = new WASI({
    version: 'preview1',
    args: [opts.module, ...args],
    env: opts.env,
    preopens: opts.preopens,
    returnOnExit: true,
  });

  const guard = pathGuard(wasi.wasiImport, Object.keys(opts.preopens).length);
  const stdio = blockingStdio({ ...wasi.wasiImport, ...guard.imports });
  let imports = { ...wasi.wasiImport, ...guard.imports, ...stdio.imports };
  let typed = null;
  let streams = null;
  if (plan) {
    streams = openStreams(plan);
    typed = typedStreamImports(imports, streams);
    imports = { ...imports, ...typed.imports };
  }
  if (archives) {
    typed = archiveImports(imports, archives.table);
    imports = { ...imports, ...typed.imports };
  }
  guard.setStreams((fd) => (streams?.has(fd) && !streams.get(fd).closed) || archives?.table.has(fd));
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports });
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${opts.module}: cannot link: ${e.message}`);
  }
  stdio.setMemory(instance.exports.memory);
  guard.setMemory(instance.exports.memory);
  typed?.setMemory(instance.exports.memory);

  let status;
  try {
    status = (wasi.start(instance) ?? 0) & 0xff;
  } catch (e) {
    // V8 reports wasm stack exhaustion as a RangeError.
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      die(EXIT_TRAP, trapReport(opts.module, e, module, instance));
    }
    die(EXIT_INTERNAL, `${opts.module}: internal error: ${e.stack ?? e}`);
  }
  if (archives) return archives.finish(opts.module, status);
  return streams ? finishOutputs(opts.module, streams, status) : status;
}

// Whatever escapes is a bug of the runner: one line, status 70.
let finalStatus;
try {
  finalStatus = await main(process.argv.slice(2));
} catch (e) {
  die(EXIT_INTERNAL, `internal error: ${e?.message ?? e}`);
}
process.exit(finalStatus);
