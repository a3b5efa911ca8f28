// wasi-run-tar.mjs: the archives of wasi-run's --in, --out and --dir on a
// wasm32-wasi-vfs module (loaded only when they are used): the Node side
// of js/tar.mjs (the one tar reader and writer, shared with the web page).
//
// In: a host directory becomes a tar stream the module reads on a
// descriptor of its own (names byte for byte, mtimes in nanoseconds).
//
// Out: the module, which is not trusted, writes an archive at exit. The
// runner spools it to an unlinked temporary file (zero blocks are not
// stored, so a sparse file costs no disk), bounded by a limit, and then
// extracts it into the host directory all or nothing:
//   1. plan: every header is read and checked before anything is written:
//      names (no "..", no NUL, none through a symlink, none longer than
//      the host's PATH_MAX or with a component over NAME_MAX), types, sizes, and what is on the host at
//      each place (a directory there cannot become a file);
//   2. stage: each file and symlink is made in a fresh private directory
//      inside the host directory (mkdtemp: a random name made with
//      O_EXCL semantics), opened O_CREAT|O_EXCL|O_NOFOLLOW; data, mode
//      and times are set on the descriptor (fchmod, futimes), never by
//      name; runs of zero blocks become holes;
//   3. apply: each staged entry is renamed into place, the file it
//      replaces first moved aside; new directories are made (mkdir never
//      follows a symlink). Every step is journalled; on any failure the
//      journal is undone, last first, and the host directory is as it
//      was.
// Modes lose setuid, setgid, sticky and the write bit for others unless
// keepModes is set.

import fs from 'node:fs';
import os from 'node:os';
import crypto from 'node:crypto';
import path from 'node:path';
import { TarError, tarEntries, entryHeaders, END_OF_ARCHIVE, cleanName, show, looksLikeTar } from './js/tar.mjs';

export { TarError, looksLikeTar };

const BLOCK = 512;
const PAGE = 4096;
const NS = 1000000000n;
const PATH_MAX = 4096; // Linux: a path given to a call, with its NUL
const NAME_MAX = 255; // Linux: one component
const SLASH = Buffer.from('/');
const ZEROS = Buffer.alloc(1 << 20);

// An export the runner refuses, and why; `host` says whether the host
// (not the archive) is at fault (the status differs).
export class ExportError extends Error {
  constructor(message, host = false) {
    super(message);
    this.host = host;
  }
}

const join = (dir, name) => Buffer.concat([dir, SLASH, name]);
// Whether byte array b (at most 1 MiB) is all zeros (memcmp, not a loop).
const isZero = (b) => Buffer.from(b.buffer, b.byteOffset, b.length).equals(ZEROS.subarray(0, b.length));

// ---------------------------------------------------------------------------
// In: a host directory as a stream of byte arrays.

// Yields the tar archive of host directory `dir` (names relative to it),
// or the bytes of `dir` itself when it is a regular file (an archive made
// already). warn(message) hears about skipped entries.
export function* archive(dir, warn) {
  if (fs.statSync(dir).isFile()) {
    yield* fileChunks(Buffer.from(dir), fs.statSync(dir).size);
    return;
  }
  const stack = [[Buffer.from(dir), Buffer.alloc(0)]];
  while (stack.length) {
    const [host, rel] = stack.pop();
    const names = fs.readdirSync(host, { encoding: 'buffer' }).sort(Buffer.compare);
    const subdirs = [];
    for (const nameBuf of names) {
      const hostPath = join(host, nameBuf);
      const relPath = rel.length ? join(rel, nameBuf) : nameBuf;
      const st = fs.lstatSync(hostPath, { bigint: true });
      const mtime = st.mtimeNs;
      const mode = Number(st.mode & 0o7777n);
      if (st.isDirectory()) {
        yield entryHeaders({ name: Buffer.concat([relPath, SLASH]), type: '5', mode, mtime });
        subdirs.push([hostPath, relPath]);
      } else if (st.isFile()) {
        const size = Number(st.size);
        yield entryHeaders({ name: relPath, type: '0', size, mode, mtime });
        yield* fileChunks(hostPath, size);
        if (size % BLOCK) yield ZEROS.subarray(0, BLOCK - (size % BLOCK));
      } else if (st.isSymbolicLink()) {
        yield entryHeaders({ name: relPath, type: '2', mode: 0o777, mtime,
          link: fs.readlinkSync(hostPath, { encoding: 'buffer' }) });
      } else {
        warn(`${show(hostPath)}: not a file, directory or symlink: not sent`);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  yield END_OF_ARCHIVE;
}

function* fileChunks(file, size) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    for (let at = 0; at < size;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, size - at));
      const n = fs.readSync(fd, buf, 0, buf.length, at);
      if (n === 0) throw new TarError(`${show(file)}: shorter than when it was listed`);
      at += n;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

// A reader over a generator of byte arrays: read(dst) fills dst as far as
// it can, returning the count (0 at the end).
export function pullReader(gen) {
  let cur = null;
  let at = 0;
  return (dst) => {
    let done = 0;
    while (done < dst.length) {
      if (!cur || at === cur.length) {
        const next = gen.next();
        if (next.done) break;
        cur = next.value;
        at = 0;
        continue;
      }
      const n = Math.min(dst.length - done, cur.length - at);
      dst.set(cur.subarray(at, at + n), done);
      at += n;
      done += n;
    }
    return done;
  };
}

// Whether host file `file` is a tar archive (its first block says so).
export function isTarFile(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(BLOCK);
    return fs.readSync(fd, b, 0, BLOCK, 0) === BLOCK && looksLikeTar(b);
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------
// Out: the module's archive, spooled.

// An unlinked temporary file that takes the module's archive: write(bytes)
// appends (false once the limit is passed: the archive is then refused),
// source() reads it back. Pages of zeros are skipped, not written, so they
// cost no disk; the spool keeps the extents it wrote, so that reading back
// a hole costs no read either (source().nextData(pos) says where the next
// written bytes are).
export class Spool {
  constructor(limit) {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/wasi-run-`);
    const file = `${dir}/archive`;
    const c = fs.constants;
    this.fd = fs.openSync(file, c.O_RDWR | c.O_CREAT | c.O_EXCL | c.O_NOFOLLOW, 0o600);
    fs.unlinkSync(file);
    fs.rmdirSync(dir);
    this.length = 0;
    this.limit = limit;
    this.over = false;
    this.extents = []; // [start, end) written, in order, merged
  }

  write(bytes) {
    if (this.over || this.length + bytes.length > this.limit) {
      this.over = true;
      return false;
    }
    if (!isZero(bytes)) {
      for (let at = 0; at < bytes.length;) {
        const n = Math.min(PAGE - ((this.length + at) % PAGE), bytes.length - at);
        const piece = bytes.subarray(at, at + n);
        if (!isZero(piece)) {
          const pos = this.length + at;
          for (let w = 0; w < n;) w += fs.writeSync(this.fd, piece, w, n - w, pos + w);
          const last = this.extents[this.extents.length - 1];
          if (last && last[1] === pos) last[1] = pos + n;
          else this.extents.push([pos, pos + n]);
        }
        at += n;
      }
    }
    this.length += bytes.length;
    return true;
  }

  // The index of the first extent that ends after pos.
  find(pos) {
    let lo = 0;
    let hi = this.extents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.extents[mid][1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  source() {
    return {
      read: (pos, n) => {
        const len = Math.max(0, Math.min(n, this.length - pos));
        const b = Buffer.alloc(len);
        for (let i = this.find(pos); i < this.extents.length && this.extents[i][0] < pos + len; i++) {
          const from = Math.max(pos, this.extents[i][0]);
          const to = Math.min(pos + len, this.extents[i][1]);
          for (let at = from; at < to;) {
            const k = fs.readSync(this.fd, b, at - pos, to - at, at);
            if (k === 0) throw new TarError('the spooled archive shrank');
            at += k;
          }
        }
        return b;
      },
      nextData: (pos) => {
        const i = this.find(pos);
        return i < this.extents.length ? Math.max(pos, this.extents[i][0]) : this.length;
      },
    };
  }

  close() {
    try { fs.closeSync(this.fd); } catch {}
  }
}

// ---------------------------------------------------------------------------
// Out: the archive into a host directory, all or nothing.

// The mode kept from the module: setuid, setgid, sticky and the write bit
// for others dropped unless `keep`.
const hostMode = (mode, keep) => (keep ? mode & 0o7777 : mode & 0o0775);

function lstatOrNull(p) {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
}

// Reads every header of the archive in `src` and checks it against the
// host directory `dir` (a Buffer). Returns the plan: [{ path (Buffer),
// type, size, mode, mtime, link, offset, exists }] in archive order, a
// name used twice kept at its first place with its last entry's content.
function plan(src, dir, opts) {
  const byPath = new Map();
  const order = [];
  const kinds = new Map(); // path (latin1 key) -> 'dir' | 'other' (planned or on the host)
  const key = (p) => p.toString('latin1');
  const hostKind = (p) => {
    const k = key(p);
    if (kinds.has(k)) return kinds.get(k);
    const st = lstatOrNull(p);
    const kind = !st ? null : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
    kinds.set(k, kind);
    return kind;
  };
  const parents = new Set();
  let count = 0;
  for (const e of tarEntries(src)) {
    if (++count > opts.maxEntries) {
      throw new TarError(`more than ${opts.maxEntries} entries (--out-max-entries)`);
    }
    const parts = cleanName(e.name);
    if (parts.length === 0) continue; // the directory itself: kept as it is
    if (e.type === '1') throw new TarError(`${show(e.name)}: hard links are not exported`);
    if (e.type === '2' && e.link.length === 0) throw new TarError(`${show(e.name)}: symlink with an empty target`);
    const long = parts.find((p) => p.length > NAME_MAX);
    if (long) throw new TarError(`${show(e.name)}: a name component of ${long.length} bytes, over NAME_MAX (${NAME_MAX})`);
    const full = Buffer.concat([dir, ...parts.flatMap((p) => [SLASH, p])]);
    if (full.length + 1 > PATH_MAX) {
      throw new TarError(`${show(e.name)}: the host path would be ${full.length} bytes, over PATH_MAX (${PATH_MAX - 1})`);
    }
    if ((e.stored ?? e.size) > opts.limit) throw new TarError(`${show(e.name)}: size ${e.size} over the limit`);
    let at = dir;
    for (const part of parts.slice(0, -1)) {
      at = join(at, part);
      const planned = byPath.get(key(at));
      if (planned && planned.type !== '5') {
        throw new TarError(`${show(e.name)}: an entry under ${show(at)}, which the archive made a ${planned.type === '2' ? 'symlink' : 'file'}`);
      }
      const kind = hostKind(at);
      if (kind === 'symlink') throw new ExportError(`${show(at)}: a symlink on the host; an entry under it would climb out`, true);
      if (kind === 'other') throw new ExportError(`${show(at)}: not a directory on the host, but the archive has entries under it`, true);
      if (kind === null) throw new TarError(`${show(e.name)}: no entry for its directory ${show(at)} before it`);
      parents.add(key(at));
    }
    const k = key(full);
    const prev = byPath.get(k);
    const kind = hostKind(full);
    if (e.type === '5') {
      if (prev && prev.type !== '5') throw new TarError(`${show(e.name)}: a directory after a file of that name`);
      if (!prev && kind && kind !== 'dir') {
        throw new ExportError(`${show(full)}: ${kind === 'symlink' ? 'a symlink' : 'a file'} on the host, and the program made it a directory`, true);
      }
      kinds.set(k, 'dir');
    } else {
      if ((prev && prev.type === '5') || (!prev && kind === 'dir')) {
        throw new ExportError(`${show(full)}: a directory on the host, and the program made it a ${e.type === '2' ? 'symlink' : 'file'}`, !prev);
      }
      kinds.set(k, 'other');
    }
    const item = { ...e, path: full, exists: prev ? prev.exists : kind !== null, mode: hostMode(e.mode, opts.keepModes) };
    if (!prev) order.push(k);
    byPath.set(k, item);
  }
  const items = order.map((k) => byPath.get(k));
  // The host directories the apply step adds to, to give their times back
  // on a rollback.
  items.touched = [dir, ...[...parents].filter((k) => !byPath.has(k) || byPath.get(k).exists)
    .map((k) => Buffer.from(k, 'latin1'))];
  return items;
}

// Copies `size` bytes at `offset` of `src` to descriptor `fd`, leaving
// holes for zero pages; with `map` (a sparse entry's runs, stored one
// after the other at offset), only the runs, each at its place, and
// `size` is the real size.
function copyData(src, offset, size, fd, map = null) {
  if (map) {
    let at = offset;
    for (const [off, len] of map) {
      copyRun(src, at, len, fd, off);
      at += len;
    }
    fs.ftruncateSync(fd, size);
    return;
  }
  copyRun(src, offset, size, fd, 0);
  fs.ftruncateSync(fd, size);
}

// Copies `size` bytes at `offset` of `src` to `fd` at `to`, zero pages
// left out.
function copyRun(src, offset, size, fd, to) {
  for (let at = 0; at < size;) {
    if (src.nextData) { // skip a hole of the spool at once
      const next = src.nextData(offset + at) - offset;
      if (next > at) {
        at = Math.min(size, next - (next % PAGE));
        if (at >= size) break;
      }
    }
    const n = Math.min(1 << 20, size - at);
    const b = src.read(offset + at, n);
    if (b.length !== n) throw new TarError('truncated archive: the stream ended inside an entry');
    for (let p = 0; p < n; p += PAGE) {
      const piece = b.subarray(p, Math.min(p + PAGE, n));
      if (!isZero(piece)) {
        for (let w = 0; w < piece.length;) w += fs.writeSync(fd, piece, w, piece.length - w, to + at + p + w);
      }
    }
    at += n;
  }
}

// Nanoseconds as the seconds Node's futimes takes (a double, which libuv
// truncates back to nanoseconds): the smallest double that does not fall
// short, within one unit of the double's last place (about 0.24 us today).
function secs(ns) {
  const whole = Number(ns / NS);
  const frac = Number(ns % NS);
  let d = whole + frac / 1e9;
  const ulp = 2 ** (Math.floor(Math.log2(Math.max(d, 1))) - 52);
  for (let k = 0; k < 4 && Math.trunc((d - whole) * 1e9) < frac; k++) d += ulp;
  return d;
}

// Extracts the archive in `src` (a { read(pos, n) } source) into host
// directory `hostDir`, all or nothing. opts: { keepModes, limit,
// maxEntries, failAfter (for tests: fail the apply step after that many
// steps) }. Returns the number of entries written; throws TarError
// (the archive is refused) or ExportError / a Node error (the host).
export function extract(src, hostDir, opts) {
  const dir = Buffer.from(hostDir);
  const c = fs.constants;
  let madeRoot = null;
  const rootSt = lstatOrNull(dir) ?? (fs.statSync(dir, { throwIfNoEntry: false }) || null);
  if (rootSt && !fs.statSync(dir).isDirectory()) throw new ExportError(`${hostDir}: not a directory`, true);
  const items = (() => {
    if (rootSt) return plan(src, dir, opts);
    // Missing: plan against an empty directory, which is made only now.
    const list = plan(src, dir, opts);
    if (list.length === 0) return list;
    madeRoot = fs.mkdirSync(dir, { recursive: true }); // the first one made
    return list;
  })();
  if (items.length === 0) return 0;

  const times = items.touched.map((p) => [p, fs.lstatSync(p, { bigint: true })]);
  const journal = [];
  let stage = null;
  let steps = 0;
  const step = () => {
    if (opts.failAfter !== undefined && ++steps > opts.failAfter) {
      throw Object.assign(new Error('injected failure'), { code: 'EIO' });
    }
  };
  try {
    // A fresh name: mkdir fails on anything already there, symlinks too.
    stage = join(dir, Buffer.from(`.wasi-run-${crypto.randomBytes(12).toString('hex')}`));
    fs.mkdirSync(stage, 0o700);
    const stageKey = stage.toString('latin1');
    // 2. stage
    items.forEach((it, i) => {
      if (it.path.toString('latin1').startsWith(stageKey)) throw new TarError(`${show(it.path)}: the runner's own staging name`);
      if (it.type === '5') return;
      it.staged = join(stage, Buffer.from(String(i)));
      if (it.type === '2') {
        fs.symlinkSync(it.link, it.staged);
        fs.lutimesSync(it.staged, secs(it.mtime), secs(it.mtime));
        return;
      }
      const fd = fs.openSync(it.staged, c.O_WRONLY | c.O_CREAT | c.O_EXCL | c.O_NOFOLLOW, 0o600);
      try {
        copyData(src, it.offset, it.size, fd, it.map);
        fs.fchmodSync(fd, it.mode);
        fs.futimesSync(fd, secs(it.mtime), secs(it.mtime));
      } finally {
        fs.closeSync(fd);
      }
    });
    // 3. apply, journalled
    const dirs = [];
    items.forEach((it, i) => {
      step();
      if (it.type === '5') {
        if (!it.exists) {
          fs.mkdirSync(it.path, 0o700);
          journal.push({ undo: () => fs.rmdirSync(it.path) });
        }
        dirs.push(it);
        return;
      }
      if (it.exists) {
        const aside = join(stage, Buffer.from(`old-${i}`));
        fs.renameSync(it.path, aside);
        journal.push({ undo: () => fs.renameSync(aside, it.path) });
      }
      fs.renameSync(it.staged, it.path);
      journal.push({ undo: () => fs.renameSync(it.path, it.staged) });
    });
    // Directories get their modes and times last, deepest first, through
    // a descriptor (O_NOFOLLOW|O_DIRECTORY).
    for (const it of dirs.reverse()) {
      step();
      const fd = fs.openSync(it.path, c.O_RDONLY | c.O_DIRECTORY | c.O_NOFOLLOW);
      try {
        const old = fs.fstatSync(fd, { bigint: true });
        journal.push({ undo: () => {
          const f = fs.openSync(it.path, c.O_RDONLY | c.O_DIRECTORY | c.O_NOFOLLOW);
          try {
            fs.fchmodSync(f, Number(old.mode & 0o7777n));
            fs.futimesSync(f, secs(old.atimeNs), secs(old.mtimeNs));
          } finally { fs.closeSync(f); }
        } });
        fs.fchmodSync(fd, it.mode);
        fs.futimesSync(fd, secs(it.mtime), secs(it.mtime));
      } finally {
        fs.closeSync(fd);
      }
    }
  } catch (e) {
    for (let j = journal.length - 1; j >= 0; j--) {
      try { journal[j].undo(); } catch {}
    }
    if (stage) try { fs.rmSync(stage, { recursive: true, force: true }); } catch {}
    for (const [p, st] of times) {
      try { fs.utimesSync(p, secs(st.atimeNs), secs(st.mtimeNs)); } catch {}
    }
    if (madeRoot) { // HOST and the parents made for it, innermost first
      const first = path.resolve(madeRoot);
      for (let d = path.resolve(hostDir); d.startsWith(first); d = path.dirname(d)) {
        try { fs.rmdirSync(d); } catch { break; }
        if (d === first) break;
      }
    }
    throw e;
  }
  fs.rmSync(stage, { recursive: true, force: true });
  return items.length;
}
