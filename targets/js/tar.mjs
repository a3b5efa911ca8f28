// tar.mjs: tar archives over byte arrays, for the web page and the runner
// (wasi-run's --in and --out reach it through targets/runner/wasi-run-tar.mjs,
// a thin Node adapter). One reader, with the rules of the modules' own C
// reader (libc-overlay/src/transfer/tar_read.c), and one writer.
//
//   tarEntries(source)   -> iterator of entries, reading headers only:
//       source.read(pos, n) gives the n bytes at pos (fewer at the end);
//       each entry { name, link (Uint8Array, raw bytes as archived, not
//       cleaned), type ('0' file, '5' directory, '2' symlink, '1' hard
//       link), size, mode (07777 bits), mtime (BigInt nanoseconds),
//       offset (where its data starts in the source), and for a sparse
//       file map: [[offset, length], ...] the runs of data, stored one
//       after the other from offset (size is then the real size, stored
//       the sum of the runs' lengths) }
//   readTar(bytes)       -> [{ path, type, bytes, mode, mtime (seconds),
//                             link }]  (the page's form)
//   entryHeaders({ name, type, size, mode, mtime (BigInt ns), link })
//                        -> Uint8Array: the header blocks of one entry
//   makeTar([{ path, bytes, mode, mtime (seconds) }]) -> Uint8Array
//   cleanName(name)      -> the components of an entry name (Uint8Array[]),
//                           or throws TarError for ".." or a NUL byte
//   looksLikeTar(block)  -> whether a first 512-byte block starts an archive
//
// Formats read: POSIX ustar (with the prefix field), pax extended headers
// (path, linkpath, size, mtime with its fraction; global headers checked
// and dropped), GNU long names and targets (L, K), GNU base-256 numbers,
// old-style directories (a file entry named "dir/"), sparse files in PAX
// format 1.0 (GNU.sparse.major=1, minor=0, name, realsize records; the
// map at the start of the data: a count, then offset and length pairs,
// one decimal number a line, padded to a block; runs in order, not
// overlapping, within the real size, all but the last whole blocks, their
// lengths summing to what the entry stores after the map). Refused, each with a
// TarError saying why: a bad checksum, a malformed number or pax record,
// a pax or long-name entry over 64 KiB, a lone zero block inside the
// archive, an archive cut short (no end-of-archive marker: two zero
// blocks), an extended header with no entry after it, unsupported entry
// types (devices, FIFOs, sparse, multi-volume, ...). Nothing past the
// end-of-archive marker is read.

import { concatBytes } from './bytes.mjs';

const BLOCK = 512;
const META_MAX = 65536;
const NS = 1000000000n;
const INT64_MAX = (1n << 63n) - 1n;
const enc = new TextEncoder();
const dec = new TextDecoder();

export class TarError extends Error {}

const KINDS = {
  3: 'character device',
  4: 'block device',
  6: 'FIFO',
  S: 'sparse file',
  M: 'multi-volume continuation',
  V: 'volume label',
  D: 'incremental dump directory',
};

// ---- header fields ---------------------------------------------------------

// An octal (or GNU base-256) number field: its value, -1 when malformed
// or negative, Infinity when over 2^53 (no archive holds that much).
// Leading spaces; NUL or spaces after.
function num(h, off, n) {
  const p = h.subarray(off, off + n);
  let v = 0;
  let i = 0;
  if (p[0] & 0x80) {
    if (p[0] & 0x40) return -1;
    v = p[0] & 0x3f;
    for (i = 1; i < n; i++) v = v * 256 + p[i];
    return v > Number.MAX_SAFE_INTEGER ? Infinity : v;
  }
  while (i < n && p[i] === 0x20) i++;
  for (; i < n && p[i] >= 0x30 && p[i] <= 0x37; i++) v = v * 8 + (p[i] - 0x30);
  for (; i < n; i++) if (p[i] !== 0x20 && p[i] !== 0) return -1;
  return v > Number.MAX_SAFE_INTEGER ? Infinity : v;
}

// Whether the checksum (unsigned, or signed as old tars made it) is right.
function checksumOk(h) {
  const want = num(h, 148, 8);
  let u = 0;
  let s = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 32 : h[i];
    u += b;
    s += b > 127 && !(i >= 148 && i < 156) ? b - 256 : b;
  }
  return want >= 0 && (want === u || want === s);
}

// The bytes of a NUL-padded field.
function field(h, off, n) {
  const f = h.subarray(off, off + n);
  const z = f.indexOf(0);
  return z < 0 ? f : f.subarray(0, z);
}

const isZero = (b) => b.every((x) => x === 0);

// Whether `block` (the first 512 bytes of a file) starts a tar archive:
// a header with a right checksum, or the zero block of an empty archive.
export function looksLikeTar(block) {
  return block.length === BLOCK && (isZero(block) || checksumOk(block));
}

// ---- names -----------------------------------------------------------------

// The components of `name` with leading "/" and "./", empty and "."
// components dropped, as tar does. Throws for ".." or a NUL byte.
export function cleanName(name) {
  if (name.includes(0)) throw new TarError(`${show(name)}: NUL byte in the name`);
  const parts = [];
  let i = 0;
  while (i <= name.length) {
    let j = name.indexOf(0x2f, i);
    if (j < 0) j = name.length;
    const part = name.subarray(i, j);
    if (part.length === 2 && part[0] === 0x2e && part[1] === 0x2e) {
      throw new TarError(`${show(name)}: a name with "..": it would climb out of the directory`);
    }
    if (part.length && !(part.length === 1 && part[0] === 0x2e)) parts.push(part);
    i = j + 1;
  }
  return parts;
}

// A name for messages: UTF-8 where it is, \xNN for other bytes; a long
// one shortened to its start and end.
export function show(bytes) {
  if (bytes.length > 120) {
    return `${show(bytes.subarray(0, 40))}...${show(bytes.subarray(bytes.length - 40))} (${bytes.length} bytes)`;
  }
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n > 1 && i + n <= bytes.length) {
      try {
        s += new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {}
    }
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
    i += 1;
  }
  return s;
}

// ---- pax records -----------------------------------------------------------

// Parses pax records `s` into `pending` (global ones checked and dropped).
function pax(s, pending, global) {
  for (let p = 0; p < s.length;) {
    let q = p;
    let len = 0;
    while (q < s.length && s[q] >= 0x30 && s[q] <= 0x39 && len < 1000000) len = len * 10 + (s[q++] - 0x30);
    if (q === p || q >= s.length || s[q] !== 0x20 || len > s.length - p || len < 5 || s[p + len - 1] !== 0x0a) {
      throw new TarError('malformed pax extended header record');
    }
    const rec = s.subarray(q + 1, p + len - 1);
    const eq = rec.indexOf(0x3d);
    if (eq < 0) throw new TarError("pax record without '='");
    const key = dec.decode(rec.subarray(0, eq));
    const val = rec.subarray(eq + 1);
    p += len;
    if (global) continue;
    if (key === 'path' || key === 'linkpath') {
      if (val.includes(0)) throw new TarError(`NUL byte in a pax ${key}`);
      pending[key === 'path' ? 'name' : 'link'] = Uint8Array.from(val);
    } else if (key === 'size' || key === 'mtime') {
      pending[key] = paxNumber(key, dec.decode(val));
    } else if (key === 'GNU.sparse.name') {
      if (val.includes(0)) throw new TarError(`NUL byte in a pax ${key}`);
      pending.sparseName = Uint8Array.from(val);
    } else if (key === 'GNU.sparse.realsize') {
      pending.realsize = paxNumber('size', dec.decode(val));
    } else if (key === 'GNU.sparse.major' || key === 'GNU.sparse.minor') {
      pending[key.slice(11)] = dec.decode(val);
    } else if (key.startsWith('GNU.sparse.')) {
      // 0.0 and 0.1: not read
      pending.oldSparse = key;
    }
  }
}

// A pax size (digits) or mtime (optional '-', digits, optional fraction;
// a time before 1970 is 0) as a BigInt (mtime: nanoseconds).
function paxNumber(key, text) {
  const m = key === 'size' ? /^([0-9]+)$/.exec(text) : /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (!m) throw new TarError(`bad pax ${key}`);
  if (key === 'size') {
    const v = BigInt(m[1]);
    if (v > INT64_MAX) throw new TarError('pax size too large');
    return v;
  }
  const secs = BigInt(m[2]);
  if (secs > INT64_MAX / NS - 1n) throw new TarError('pax mtime too large');
  if (m[1]) return 0n;
  return secs * NS + BigInt((m[3] ?? '').slice(0, 9).padEnd(9, '0'));
}

// ---- reading ---------------------------------------------------------------

// Reads exactly n bytes at pos, or throws `short` when the source ends.
function exact(source, pos, n, short) {
  const b = source.read(pos, n);
  if (b.length !== n) throw new TarError(short);
  return b;
}

// The entries of the archive in `source` ({ read(pos, n) }), headers
// only: each entry's data is at entry.offset, entry.size bytes.
export function* tarEntries(source) {
  let pos = 0;
  let count = 0;
  let zeros = 0;
  let pending = {};
  for (;;) {
    const h = source.read(pos, BLOCK);
    if (h.length < BLOCK) {
      throw new TarError(
        !count && !zeros && pos === 0
          ? h.length
            ? 'not a tar archive: fewer than 512 bytes'
            : 'empty stream: no tar archive'
          : h.length
            ? 'truncated archive: the stream ended inside a header'
            : 'truncated archive: no end-of-archive marker',
      );
    }
    pos += BLOCK;
    if (isZero(h)) {
      if (++zeros === 2) break;
      continue;
    }
    if (zeros) throw new TarError('a lone zero block inside the archive');
    if (!checksumOk(h)) throw new TarError('not a tar archive, or a damaged header (bad checksum)');
    let size = num(h, 124, 12);
    let mtime = num(h, 136, 12);
    const mode = num(h, 100, 8);
    let type = String.fromCharCode(h[156]);
    if (size < 0 || mtime < 0 || mode < 0) throw new TarError('malformed number in a header');
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      const what = type === 'x' || type === 'g' ? 'pax extended header' : 'GNU long name';
      if (size > META_MAX) throw new TarError(`${what} larger than 64 KiB`);
      const n = size;
      const data = exact(source, pos, n, 'truncated archive: the stream ended inside an entry');
      pos += Math.ceil(n / BLOCK) * BLOCK;
      if (type === 'x' || type === 'g') pax(data, pending, type === 'g');
      else pending[type === 'L' ? 'name' : 'link'] = Uint8Array.from(field(data, 0, n));
      continue;
    }
    if (pending.size !== undefined)
      size = pending.size > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(pending.size);
    if (pending.mtime !== undefined) mtime = pending.mtime;
    else if (mtime === Infinity || BigInt(mtime) > INT64_MAX / NS) throw new TarError('mtime out of range');
    else mtime = BigInt(mtime) * NS;
    let name = pending.name;
    if (!name) {
      name = field(h, 0, 100);
      if (dec.decode(h.subarray(257, 263)) === 'ustar\0' && h[345]) {
        const prefix = field(h, 345, 155);
        const joined = new Uint8Array(prefix.length + 1 + name.length);
        joined.set(prefix);
        joined[prefix.length] = 0x2f;
        joined.set(name, prefix.length + 1);
        name = joined;
      }
    }
    if ((type === '0' || type === '\0') && name.length && name[name.length - 1] === 0x2f) type = '5';
    if (type === '\0' || type === '7') type = '0';
    if (!['0', '5', '2', '1'].includes(type)) {
      throw new TarError(`${show(name)}: unsupported entry type ${KINDS[type] ?? `'${show(h.subarray(156, 157))}'`}`);
    }
    const sparse = ['major', 'minor', 'sparseName', 'realsize'].filter((k) => pending[k] !== undefined);
    if (pending.oldSparse)
      throw new TarError(`${show(name)}: unsupported sparse format (${pending.oldSparse}): only PAX 1.0`);
    if (sparse.length && (pending.major !== '1' || pending.minor !== '0')) {
      throw new TarError(
        `${show(name)}: unsupported sparse format ${pending.major ?? '?'}.${pending.minor ?? '?'}: only PAX 1.0`,
      );
    }
    if (sparse.length && (sparse.length < 4 || type !== '0')) {
      throw new TarError(`${show(name)}: incomplete sparse header (GNU.sparse.major, minor, name, realsize on a file)`);
    }
    if (sparse.length) name = pending.sparseName;
    const link = pending.link ?? Uint8Array.from(field(h, 157, 100));
    const hasData = type === '0';
    if (!hasData) size = 0;
    let offset = pos;
    let extra = {};
    if (sparse.length) {
      if (size === Infinity || pending.realsize > BigInt(Number.MAX_SAFE_INTEGER))
        throw new TarError(`${show(name)}: size too large`);
      const { map, skip } = sparseMap(source, pos, size, Number(pending.realsize), name);
      extra = { map, stored: size - skip, realsize: Number(pending.realsize) };
      offset = pos + skip;
    }
    if (hasData) {
      const end = pos + size;
      if (end > Number.MAX_SAFE_INTEGER) throw new TarError(`${show(name)}: size too large`);
      pos = Math.ceil(end / BLOCK) * BLOCK;
      // The data must be there, up to its last byte.
      if (size > 0 && source.read(end - 1, 1).length !== 1) {
        throw new TarError('truncated archive: the stream ended inside an entry');
      }
    }
    count++;
    pending = {};
    const { realsize, ...sparseInfo } = extra;
    if (extra.map) size = realsize;
    yield { name: Uint8Array.from(name), link, type, size, mode: mode & 0o7777, mtime, offset, ...sparseInfo };
  }
  if (Object.keys(pending).length) throw new TarError('truncated archive: an extended header with no entry after it');
}

const MAP_RUNS = 1 << 20; // runs in a sparse map (a bound on the reader's memory)

// The map of a PAX 1.0 sparse entry whose data (`size` bytes) starts at
// pos: { map, skip (bytes of the map with its padding) }. Throws for a
// map that is malformed or does not fit the entry.
function sparseMap(source, pos, size, realsize, name) {
  const bad = (why) => new TarError(`${show(name)}: bad sparse map: ${why}`);
  let at = 0; // bytes of the map read
  let buf = new Uint8Array(0);
  let i = 0;
  const next = () => {
    // the next decimal line as a Number
    let v = 0;
    let digits = 0;
    for (;;) {
      if (i === buf.length) {
        if (at >= size) throw bad('it runs past the entry');
        buf = exact(
          source,
          pos + at,
          Math.min(BLOCK, size - at),
          'truncated archive: the stream ended inside an entry',
        );
        at += buf.length;
        i = 0;
      }
      const c = buf[i++];
      if (c === 0x0a && digits) return v;
      if (c < 0x30 || c > 0x39 || ++digits > 16) throw bad('expected a decimal number on a line');
      v = v * 10 + (c - 0x30);
      if (v > Number.MAX_SAFE_INTEGER) throw bad('a number too large');
    }
  };
  const count = next();
  if (count > MAP_RUNS) throw bad(`more than ${MAP_RUNS} runs`);
  const map = [];
  let end = 0;
  let stored = 0;
  for (let k = 0; k < count; k++) {
    const off = next();
    const len = next();
    if (off < end) throw bad('runs out of order or overlapping');
    if (off + len > realsize) throw bad('a run past the real size');
    // GNU tar reads each run from a block boundary: only the last run with
    // data may end inside a block.
    if (len && stored % BLOCK) throw bad('a run before the last one that is not whole blocks');
    end = off + len;
    stored += len;
    if (len) map.push([off, len]);
  }
  if (buf.subarray(i).some((b) => b !== 0)) throw bad('bytes after the map in its last block');
  if (at + stored !== size) throw bad(`the runs hold ${stored} bytes, the entry ${size - at} after the map`);
  return { map, skip: at };
}

// A source over a byte array.
export function bytesSource(bytes) {
  return { read: (pos, n) => bytes.subarray(pos, pos + n) };
}

// The page's form: every entry with its bytes.
export function readTar(bytes) {
  const out = [];
  for (const e of tarEntries(bytesSource(bytes))) {
    let data = bytes.subarray(e.offset, e.offset + e.size);
    if (e.map) {
      // holes as zeros
      if (e.size > 1 << 30) throw new TarError(`${show(e.name)}: a sparse file of ${e.size} bytes, too large to hold`);
      data = new Uint8Array(e.size);
      let at = e.offset;
      for (const [off, len] of e.map) {
        data.set(bytes.subarray(at, at + len), off);
        at += len;
      }
    }
    out.push({
      path: dec.decode(e.name),
      type: e.type,
      bytes: data,
      mode: e.mode,
      mtime: Number(e.mtime / NS),
      link: dec.decode(e.link),
    });
  }
  return out;
}

// ---- writing ---------------------------------------------------------------

function octal(h, off, len, value) {
  const s = BigInt(value).toString(8);
  if (s.length > len - 1) return false;
  const t = s.padStart(len - 1, '0');
  for (let i = 0; i < len - 1; i++) h[off + i] = t.charCodeAt(i);
  h[off + len - 1] = 0;
  return true;
}

function paxRecord(key, value) {
  const head = enc.encode(` ${key}=`);
  const body = head.length + value.length + 1;
  let len = body + 1;
  while (String(len).length + body !== len) len = String(len).length + body;
  const rec = new Uint8Array(len);
  const digits = enc.encode(String(len));
  rec.set(digits);
  rec.set(head, digits.length);
  rec.set(value, digits.length + head.length);
  rec[len - 1] = 0x0a;
  return rec;
}

function ustar(name, type, size, mode, secs, link) {
  const h = new Uint8Array(BLOCK);
  h.set(name.subarray(0, 100), 0);
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, secs);
  h[156] = type.charCodeAt(0);
  if (link) h.set(link.subarray(0, 100), 157);
  h.set(enc.encode('ustar\u000000'), 257);
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  octal(h, 148, 7, sum);
  return h;
}

// The header blocks of one entry: a pax header first when the name or
// link is over 100 bytes, the size over 8 GiB, or the mtime has a
// fraction of a second (or is out of the ustar range).
export function entryHeaders({ name, type, size = 0, mode, mtime = 0n, link = null }) {
  const recs = [];
  const ns = mtime < 0n ? 0n : mtime;
  const secs = ns / NS;
  if (name.length > 100) recs.push(paxRecord('path', name));
  if (link && link.length > 100) recs.push(paxRecord('linkpath', link));
  const bigSize = size > 0o77777777777;
  if (bigSize) recs.push(paxRecord('size', enc.encode(String(size))));
  const bigTime = secs > 0o77777777777n;
  if (ns % NS || bigTime) {
    recs.push(paxRecord('mtime', enc.encode(`${secs}.${String(ns % NS).padStart(9, '0')}`)));
  }
  const parts = [];
  const stamp = bigTime ? 0o77777777777n : secs;
  if (recs.length) {
    const data = concatBytes(recs);
    parts.push(ustar(enc.encode('././@PaxHeader'), 'x', data.length, 0o644, stamp));
    parts.push(data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(ustar(name, type, bigSize ? 0 : size, mode, stamp, link));
  return concatBytes(parts);
}

export const END_OF_ARCHIVE = new Uint8Array(2 * BLOCK);

// The page's form: files (names as text) into one archive.
export function makeTar(files) {
  const parts = [];
  for (const f of files) {
    const mtime = BigInt(Math.floor(f.mtime ?? Date.now() / 1000)) * NS;
    parts.push(
      entryHeaders({ name: enc.encode(f.path), type: '0', size: f.bytes.length, mode: f.mode ?? 0o644, mtime }),
    );
    parts.push(f.bytes, new Uint8Array((BLOCK - (f.bytes.length % BLOCK)) % BLOCK));
  }
  parts.push(END_OF_ARCHIVE);
  return concatBytes(parts);
}
