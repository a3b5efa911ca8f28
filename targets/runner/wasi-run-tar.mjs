// wasi-run-tar.mjs: the archives of wasi-run's --in and --out (loaded only
// when they are used). A host directory becomes a tar stream the module
// reads on a descriptor of its own; the tar stream the module writes at
// exit becomes files in a host directory.
//
// Archives are POSIX ustar with pax extended headers for names, link
// targets and sizes that do not fit; times are whole seconds. Host
// entries other than directories, regular files and symlinks are skipped
// with a warning. Extraction is guarded: a name with "..", or one that
// would pass through a symlink, is refused, and nothing is written outside
// the host directory.

import fs from 'node:fs';
import path from 'node:path';

const BLOCK = 512;
const ZEROS = Buffer.alloc(2 * BLOCK);

export class ArchiveError extends Error {}

// ---------------------------------------------------------------------------
// Writing: a host directory as a stream of Buffers.

function octal(buf, off, len, value) {
  const s = value.toString(8);
  if (s.length > len - 1) return false;
  buf.write(s.padStart(len - 1, '0'), off, 'latin1');
  return true;
}

function paxRecord(key, value) {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')]);
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return Buffer.concat([Buffer.from(String(len)), body]);
}

function header(name, type, size, mode, mtime, link) {
  const h = Buffer.alloc(BLOCK);
  name.copy(h, 0, 0, Math.min(name.length, 100));
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.max(0, Math.min(mtime, 0o77777777777)));
  h.write(type, 156, 'latin1');
  if (link) link.copy(h, 157, 0, Math.min(link.length, 100));
  h.write('ustar\x0000', 257, 'latin1');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

// The headers (pax first when needed) of one entry.
function* headers(name, type, size, mode, mtime, link) {
  const recs = [];
  if (name.length > 100) recs.push(paxRecord('path', name));
  if (link && link.length > 100) recs.push(paxRecord('linkpath', link));
  if (size > 0o77777777777) recs.push(paxRecord('size', Buffer.from(String(size))));
  if (recs.length) {
    const data = Buffer.concat(recs);
    yield header(Buffer.from('././@PaxHeader'), 'x', data.length, 0o644, mtime);
    yield data;
    if (data.length % BLOCK) yield ZEROS.subarray(0, BLOCK - (data.length % BLOCK));
  }
  yield header(name, type, size > 0o77777777777 ? 0 : size, mode, mtime, link);
}

// Yields the tar archive of host directory `dir` (names relative to it), or
// the bytes of `dir` itself when it is a regular file (an archive made
// already). warn(message) hears about skipped entries.
export function* archive(dir, warn) {
  if (fs.statSync(dir).isFile()) {
    yield* fileChunks(dir, fs.statSync(dir).size);
    return;
  }
  const stack = [[dir, Buffer.alloc(0)]];
  while (stack.length) {
    const [host, rel] = stack.pop();
    const names = fs.readdirSync(host, { encoding: 'buffer' }).sort(Buffer.compare);
    const subdirs = [];
    for (const nameBuf of names) {
      const hostPath = Buffer.concat([Buffer.from(`${host}/`), nameBuf]);
      const relPath = rel.length ? Buffer.concat([rel, Buffer.from('/'), nameBuf]) : nameBuf;
      const st = fs.lstatSync(hostPath);
      const mtime = Math.floor(st.mtimeMs / 1000);
      if (st.isDirectory()) {
        yield* headers(Buffer.concat([relPath, Buffer.from('/')]), '5', 0, st.mode, mtime);
        subdirs.push([hostPath, relPath]);
      } else if (st.isFile()) {
        yield* headers(relPath, '0', st.size, st.mode, mtime);
        yield* fileChunks(hostPath, st.size);
        if (st.size % BLOCK) yield ZEROS.subarray(0, BLOCK - (st.size % BLOCK));
      } else if (st.isSymbolicLink()) {
        yield* headers(relPath, '2', 0, 0o777, mtime, fs.readlinkSync(hostPath, { encoding: 'buffer' }));
      } else {
        warn(`${hostPath.toString()}: not a file, directory or symlink: not sent`);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  yield ZEROS;
}

function* fileChunks(file, size) {
  const fd = fs.openSync(file, 'r');
  try {
    for (let at = 0; at < size;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, size - at));
      const n = fs.readSync(fd, buf, 0, buf.length, at);
      if (n === 0) throw new ArchiveError(`${file}: shorter than when it was listed`);
      at += n;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

// A reader over a generator of Buffers: read(dst) fills dst as far as it
// can, returning the count (0 at the end).
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
      cur.copy(dst, done, at, at + n);
      at += n;
      done += n;
    }
    return done;
  };
}

// ---------------------------------------------------------------------------
// Reading: an archive (Buffer) into a host directory.

function num(h, off, len) {
  const field = h.subarray(off, off + len);
  if (field[0] & 0x80) {
    let v = 0;
    for (let i = 1; i < len; i++) v = v * 256 + field[i];
    return v + (field[0] & 0x3f) * 256 ** (len - 1);
  }
  const s = field.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new ArchiveError('malformed number in a header');
  return parseInt(s, 8);
}

function cstr(h, off, len) {
  const z = h.indexOf(0, off);
  return h.subarray(off, z < 0 || z > off + len ? off + len : z);
}

// The entries of archive `buf`: [{ name (Buffer), type, size, mode, mtime,
// link, data }]. Throws ArchiveError for a malformed or incomplete one.
export function entries(buf) {
  const out = [];
  let pos = 0;
  let pax = {};
  for (;;) {
    if (pos + BLOCK > buf.length) throw new ArchiveError('incomplete archive (no end-of-archive marker)');
    const h = buf.subarray(pos, pos + BLOCK);
    pos += BLOCK;
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (sum !== num(h, 148, 8)) throw new ArchiveError('damaged archive (bad header checksum)');
    const type = String.fromCharCode(h[156] || 0x30);
    let size = num(h, 124, 12);
    if (type !== 'x' && pax.size !== undefined) size = pax.size;
    if (pos + size > buf.length) throw new ArchiveError('incomplete archive (an entry is cut short)');
    const data = buf.subarray(pos, pos + size);
    pos += Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = {};
      for (let p = 0; p < data.length;) {
        const sp = data.indexOf(0x20, p);
        const len = parseInt(data.toString('latin1', p, sp), 10);
        if (!(len > 0) || p + len > data.length) throw new ArchiveError('damaged pax header');
        const rec = data.subarray(sp + 1, p + len - 1);
        const eq = rec.indexOf(0x3d);
        const key = rec.toString('latin1', 0, eq);
        const value = rec.subarray(eq + 1);
        if (key === 'path') pax.path = Buffer.from(value);
        else if (key === 'linkpath') pax.link = Buffer.from(value);
        else if (key === 'size') pax.size = Number(value.toString());
        p += len;
      }
      continue;
    }
    if (type === 'g') continue;
    let name = pax.path ?? cstr(h, 0, 100);
    if (!pax.path && h.toString('latin1', 257, 263) === 'ustar\0' && h[345]) {
      name = Buffer.concat([cstr(h, 345, 155), Buffer.from('/'), name]);
    }
    out.push({ name, type, size, mode: num(h, 100, 8) & 0o7777, mtime: num(h, 136, 12),
      link: pax.link ?? cstr(h, 157, 100), data });
    pax = {};
  }
  return out;
}

// Extracts archive `buf` into host directory `dir` (made when missing).
// Regular files are written beside their place and renamed into it;
// directory modes and times are set last. Returns the number of entries.
export function extract(buf, dir) {
  const list = entries(buf);
  fs.mkdirSync(dir, { recursive: true });
  const real = new Set(); // directories known to be real (not symlinks)
  const dirs = [];
  const place = (name) => {
    const parts = name.toString('latin1').split('/').filter((p) => p && p !== '.');
    if (parts.includes('..')) throw new ArchiveError(`${name}: a name with "..": refused`);
    let at = dir;
    for (const part of parts.slice(0, -1)) {
      at = path.join(at, Buffer.from(part, 'latin1').toString());
      if (real.has(at)) continue;
      let st = null;
      try { st = fs.lstatSync(at); } catch {}
      if (!st) fs.mkdirSync(at);
      else if (!st.isDirectory()) throw new ArchiveError(`${at}: not a directory, but the archive has entries under it`);
      real.add(at);
    }
    return parts.length ? path.join(at, Buffer.from(parts[parts.length - 1], 'latin1').toString()) : null;
  };
  for (const e of list) {
    const target = place(e.name);
    if (!target) continue;
    let st = null;
    try { st = fs.lstatSync(target); } catch {}
    if (e.type === '5') {
      if (st && !st.isDirectory()) fs.unlinkSync(target);
      if (!st || !st.isDirectory()) fs.mkdirSync(target);
      real.add(target);
      dirs.push([target, e.mode, e.mtime]);
    } else if (e.type === '0' || e.type === '7') {
      if (st && st.isDirectory()) throw new ArchiveError(`${target}: a directory, and the archive has a file there`);
      const tmp = path.join(path.dirname(target), `.${path.basename(target)}.wasi-run-${process.pid}`);
      fs.writeFileSync(tmp, e.data, { mode: 0o600 });
      fs.chmodSync(tmp, e.mode);
      fs.utimesSync(tmp, e.mtime, e.mtime);
      fs.renameSync(tmp, target);
    } else if (e.type === '2') {
      if (st && st.isDirectory()) throw new ArchiveError(`${target}: a directory, and the archive has a symlink there`);
      if (st) fs.unlinkSync(target);
      fs.symlinkSync(e.link, target);
    } else {
      throw new ArchiveError(`${e.name}: unsupported entry type '${e.type}'`);
    }
  }
  for (const [d, mode, mtime] of dirs.reverse()) {
    fs.chmodSync(d, mode);
    fs.utimesSync(d, mtime, mtime);
  }
  return list.length;
}
