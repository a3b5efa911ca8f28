// stingy-host.mjs MODULE io|vfs: io/'s host descriptor streams under a host
// that hands bytes over a few at a time.
//
// Runs MODULE twice on Node's WASI, its standard input and output served
// here: once by a generous host (every read and write whole), once by a
// stingy one whose descriptors 0 and 1 are non-blocking, whose fd_read gives
// at most 5 bytes and fd_write takes at most 7, and each says EAGAIN on every
// other call. Both runs must exit 0 and write the same bytes.
//   io:  MODULE copies standard input to standard output with io/'s blocking
//        calls (stingy-copy.c); the output must be the input.
//   vfs: MODULE is squish, given a tar on standard input (WASI_VFS_IN=0:/in)
//        and exporting /in as a tar on standard output (WASI_VFS_OUT=/in:1):
//        the overlay's archive streams. The export must hold data.sq.
// Prints "FAIL <what>" and exits 1 on a difference.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { ERRNO, EVENT_SIZE, SUBSCRIPTION_SIZE, iovecs, putFdstat, putU32 } from '../../targets/js/wasi-abi.mjs';
import { makeTar, readTar } from '../../targets/js/tar.mjs';

const FDFLAGS_NONBLOCK = 4;
const RIGHTS_ALL = (1n << 29n) - 1n;

const [modulePath, kind] = process.argv.slice(2);
if (!modulePath || !['io', 'vfs'].includes(kind)) {
  console.error('usage: stingy-host.mjs MODULE io|vfs');
  process.exit(2);
}
const module = new WebAssembly.Module(readFileSync(modulePath));

function fail(what) {
  console.log(`FAIL ${what}`);
  process.exit(1);
}

// Bytes with runs and noise, the same on every run.
function sample(n) {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (i >> 9) % 3 === 0 ? 65 + ((i >> 9) % 26) : x >>> 24;
  }
  return out;
}

// Runs the module with `input` on descriptor 0; returns { status, output }.
function run(input, stingy, args, env) {
  const wasi = new WASI({ version: 'preview1', args, env, returnOnExit: true });
  const real = wasi.wasiImport;
  const chunks = [];
  let memory, at = 0, calls = 0;
  const refuse = () => stingy && ++calls % 2 === 1;
  const imports = {
    ...real,
    fd_read(fd, iovs, n, nread) {
      if (fd !== 0) return real.fd_read(fd, iovs, n, nread);
      if (refuse()) return ERRNO.AGAIN;
      const bufs = iovecs(memory, iovs, n);
      if (!Array.isArray(bufs)) return bufs;
      let got = 0;
      for (const b of bufs) {
        const take = Math.min(b.length, input.length - at, stingy ? 5 - got : Infinity);
        b.set(input.subarray(at, at + take));
        at += take;
        got += take;
        if (take < b.length) break;
      }
      return putU32(memory, nread, got);
    },
    fd_write(fd, iovs, n, nwritten) {
      if (fd !== 1) return real.fd_write(fd, iovs, n, nwritten);
      if (refuse()) return ERRNO.AGAIN;
      const bufs = iovecs(memory, iovs, n);
      if (!Array.isArray(bufs)) return bufs;
      let put = 0;
      for (const b of bufs) {
        const take = Math.min(b.length, stingy ? 7 - put : Infinity);
        chunks.push(b.slice(0, take));
        put += take;
        if (take < b.length) break;
      }
      return putU32(memory, nwritten, put);
    },
    fd_fdstat_get(fd, ptr) {
      if (fd !== 0 && fd !== 1) return real.fd_fdstat_get(fd, ptr);
      return putFdstat(memory, ptr, {
        filetype: 0, // a pipe: not seekable, not a file
        flags: stingy ? FDFLAGS_NONBLOCK : 0,
        rightsBase: RIGHTS_ALL,
      });
    },
    fd_seek(fd, ...rest) {
      return fd === 0 || fd === 1 ? ERRNO.SPIPE : real.fd_seek(fd, ...rest);
    },
    // Descriptors 0 and 1 are always ready: the stingy host refuses anyway.
    poll_oneoff(subs, events, n, nevents) {
      const view = new DataView(memory.buffer);
      let out = 0;
      for (let i = 0; i < n; i++) {
        const s = subs + i * SUBSCRIPTION_SIZE;
        const tag = view.getUint8(s + 8);
        if (tag === 0 && n > 1) continue; // the clock, when a descriptor is ready
        const e = events + out++ * EVENT_SIZE;
        new Uint8Array(memory.buffer, e, EVENT_SIZE).fill(0);
        view.setBigUint64(e, view.getBigUint64(s, true), true);
        view.setUint8(e + 10, tag);
      }
      return putU32(memory, nevents, out);
    },
  };
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: imports });
  memory = instance.exports.memory;
  const status = wasi.start(instance);
  return { status, output: Buffer.concat(chunks) };
}

const data = sample(100_000);
let input, args, env;
if (kind === 'io') {
  input = data;
  args = ['stingy-copy'];
  env = {};
} else {
  input = makeTar([{ path: 'data', bytes: data, mtime: 1e9 }]);
  args = ['squish', '-k', '/in/data'];
  env = { WASI_VFS_IN: '0:/in', WASI_VFS_OUT: '/in:1' };
}
const generous = run(input, false, args, env);
const stingy = run(input, true, args, env);
if (generous.status !== 0) fail(`${kind}: generous host: exit status ${generous.status}`);
if (stingy.status !== 0) fail(`${kind}: stingy host: exit status ${stingy.status}`);
if (!stingy.output.equals(generous.output)) {
  fail(`${kind}: ${stingy.output.length} bytes from the stingy host, ${generous.output.length} from the generous one`);
}
if (kind === 'io' && !stingy.output.equals(Buffer.from(data))) fail('io: the copy differs from the input');
if (kind === 'vfs') {
  const names = readTar(new Uint8Array(stingy.output)).map((e) => e.path);
  if (!names.some((n) => n.endsWith('data.sq'))) fail(`vfs: the export lacks data.sq (${names.join(' ')})`);
}
console.log(`ok ${kind}: ${stingy.output.length} bytes out, the same from both hosts`);
