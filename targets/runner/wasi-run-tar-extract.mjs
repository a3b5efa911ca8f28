// wasi-run-tar-extract.mjs: --out: the module's archive into a host directory, planned, staged and applied all or nothing.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cleanName, show, TarError, tarEntries } from './js/tar.mjs';
import { isZero, join, PAGE, SLASH } from './wasi-run-tar-bytes.mjs';

const NS = 1000000000n;
const PATH_MAX = 4096; // Linux: a path given to a call, with its NUL
const NAME_MAX = 255; // Linux: one component

// An export the runner refuses, and why; `host` says whether the host
// (not the archive) is at fault (the status differs).
export class ExportError extends Error {
  constructor(message, host = false) {
    super(message);
    this.host = host;
  }
}

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
    if (long)
      throw new TarError(`${show(e.name)}: a name component of ${long.length} bytes, over NAME_MAX (${NAME_MAX})`);
    const full = Buffer.concat([dir, ...parts.flatMap((p) => [SLASH, p])]);
    if (full.length + 1 > PATH_MAX) {
      throw new TarError(
        `${show(e.name)}: the host path would be ${full.length} bytes, over PATH_MAX (${PATH_MAX - 1})`,
      );
    }
    if ((e.stored ?? e.size) > opts.limit) throw new TarError(`${show(e.name)}: size ${e.size} over the limit`);
    let at = dir;
    for (const part of parts.slice(0, -1)) {
      at = join(at, part);
      const planned = byPath.get(key(at));
      if (planned && planned.type !== '5') {
        throw new TarError(
          `${show(e.name)}: an entry under ${show(at)}, which the archive made a ${planned.type === '2' ? 'symlink' : 'file'}`,
        );
      }
      const kind = hostKind(at);
      if (kind === 'symlink')
        throw new ExportError(`${show(at)}: a symlink on the host; an entry under it would climb out`, true);
      if (kind === 'other')
        throw new ExportError(`${show(at)}: not a directory on the host, but the archive has entries under it`, true);
      if (kind === null) throw new TarError(`${show(e.name)}: no entry for its directory ${show(at)} before it`);
      parents.add(key(at));
    }
    const k = key(full);
    const prev = byPath.get(k);
    const kind = hostKind(full);
    if (e.type === '5') {
      if (prev && prev.type !== '5') throw new TarError(`${show(e.name)}: a directory after a file of that name`);
      if (!prev && kind && kind !== 'dir') {
        throw new ExportError(
          `${show(full)}: ${kind === 'symlink' ? 'a symlink' : 'a file'} on the host, and the program made it a directory`,
          true,
        );
      }
      kinds.set(k, 'dir');
    } else {
      if ((prev && prev.type === '5') || (!prev && kind === 'dir')) {
        throw new ExportError(
          `${show(full)}: a directory on the host, and the program made it a ${e.type === '2' ? 'symlink' : 'file'}`,
          !prev,
        );
      }
      kinds.set(k, 'other');
    }
    const item = {
      ...e,
      path: full,
      exists: prev ? prev.exists : kind !== null,
      mode: hostMode(e.mode, opts.keepModes),
    };
    if (!prev) order.push(k);
    byPath.set(k, item);
  }
  const items = order.map((k) => byPath.get(k));
  // The host directories the apply step adds to, to give their times back
  // on a rollback.
  items.touched = [
    dir,
    ...[...parents].filter((k) => !byPath.has(k) || byPath.get(k).exists).map((k) => Buffer.from(k, 'latin1')),
  ];
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
    if (src.nextData) {
      // skip a hole of the spool at once
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
      if (it.path.toString('latin1').startsWith(stageKey))
        throw new TarError(`${show(it.path)}: the runner's own staging name`);
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
        journal.push({
          undo: () => {
            const f = fs.openSync(it.path, c.O_RDONLY | c.O_DIRECTORY | c.O_NOFOLLOW);
            try {
              fs.fchmodSync(f, Number(old.mode & 0o7777n));
              fs.futimesSync(f, secs(old.atimeNs), secs(old.mtimeNs));
            } finally {
              fs.closeSync(f);
            }
          },
        });
        fs.fchmodSync(fd, it.mode);
        fs.futimesSync(fd, secs(it.mtime), secs(it.mtime));
      } finally {
        fs.closeSync(fd);
      }
    }
  } catch (e) {
    for (let j = journal.length - 1; j >= 0; j--) {
      try {
        journal[j].undo();
      } catch {}
    }
    if (stage)
      try {
        fs.rmSync(stage, { recursive: true, force: true });
      } catch {}
    for (const [p, st] of times) {
      try {
        fs.utimesSync(p, secs(st.atimeNs), secs(st.mtimeNs));
      } catch {}
    }
    if (madeRoot) {
      // HOST and the parents made for it, innermost first
      const first = path.resolve(madeRoot);
      for (let d = path.resolve(hostDir); d.startsWith(first); d = path.dirname(d)) {
        try {
          fs.rmdirSync(d);
        } catch {
          break;
        }
        if (d === first) break;
      }
    }
    throw e;
  }
  fs.rmSync(stage, { recursive: true, force: true });
  return items.length;
}
