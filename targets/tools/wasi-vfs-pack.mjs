// wasi-vfs-pack.mjs: put host files into a wasm32-wasi-vfs module's own
// data (the file image, libc-overlay/IMAGE.md), after linking or for the
// link.
//
//   wasi-vfs-pack MODULE.wasm DIR[:GUEST]... -o OUT.wasm   add files to a module
//   wasi-vfs-pack --list MODULE.wasm                      show the module's image
//   wasi-vfs-pack --image OUT.img DIR[:GUEST]...          the image alone
//   wasi-vfs-pack --asm OUT.s DIR[:GUEST]...              for the link: OUT.s
//                                                         (+ OUT.s.img) defining
//                                                         __wasi_vfs_image
//   wasi-vfs-pack --driver [--name NAME] CLANG ARGS...    what the compiler
//                                                         driver NAME runs when
//                                                         ARGS hold a --vfs-
//                                                         option
//   wasi-vfs-pack --driver-options                        the driver's --vfs-
//                                                         options, for its --help
//
// Started by the `wasi-vfs-pack` launcher next to this file. Exit status: 0,
// 1 on an error (one line on stderr starting "wasi-vfs-pack: ", or in
// --driver mode with the driver's NAME, the command the user typed; a
// malformed module or a damaged image inside one among them), 2 bad usage.
// Imported (by the readers' fuzzer, tests/fuzz-readers/fuzz-pack.mjs), it
// runs nothing and exports its readers.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Reader, WasmReadError } from './wasm-info.mjs';

const USAGE = `usage: wasi-vfs-pack MODULE.wasm DIR[:GUEST]... -o OUT.wasm
       wasi-vfs-pack --list MODULE.wasm
       wasi-vfs-pack --image OUT.img DIR[:GUEST]...
       wasi-vfs-pack --asm OUT.s DIR[:GUEST]...
  DIR[:GUEST]  host directory DIR, copied recursively (modes, mtimes,
               symlinks) to GUEST in the module (default /); write DIR::GUEST
               when a path holds a colon
  -o OUT.wasm  where the module with the files goes (may be MODULE.wasm)
`;

export class Failure extends Error {}
// The name errors start with: this tool's, or the driver's that ran it.
let progName = 'wasi-vfs-pack';
const fail = (msg) => { throw new Failure(msg); };

// ---------------------------------------------------------------------------
// The tree: { kind: 'dir'|'file'|'link', mode, mtime (BigInt ns),
//             children: Map(latin1 name -> node), bytes: Buffer (file, link),
//             file: host path (file, read when the image is written), key }

const S_IFDIR = 0o040000, S_IFREG = 0o100000, S_IFLNK = 0o120000;
const newDir = (mode = 0o755, mtime = 0n) => ({ kind: 'dir', mode, mtime, children: new Map() });

// Splits DIR[:GUEST] (DIR::GUEST when a path holds a colon).
function parseSpec(spec) {
  let sep = spec.indexOf('::');
  let len = 2;
  if (sep < 0) { sep = spec.indexOf(':'); len = 1; }
  const host = sep < 0 ? spec : spec.slice(0, sep);
  const guest = sep < 0 ? '/' : spec.slice(sep + len);
  if (host === '') fail(`${spec}: empty host directory`);
  if (!guest.startsWith('/')) fail(`${spec}: the guest directory must be absolute`);
  return { host, guest };
}

// The directory node at guest path `guest`, made (mode 0755, mtime) as
// needed. Fails when a non-directory is in the way.
function guestDir(root, guest, mtime) {
  let dir = root;
  for (const part of guest.split('/').filter((p) => p && p !== '.')) {
    if (part === '..') fail(`${guest}: ".." in a guest path`);
    let next = dir.children.get(part);
    if (!next) dir.children.set(part, (next = newDir(0o755, mtime)));
    if (next.kind !== 'dir') fail(`${guest}: ${part} is not a directory in the image`);
    dir = next;
  }
  return dir;
}

// Adds host directory `host` (recursively) into dir. Later additions win.
function addHostDir(dir, host, warn) {
  let names;
  try {
    names = fs.readdirSync(host, { encoding: 'buffer' });
  } catch (e) {
    fail(`${host}: cannot read directory: ${e.code ?? e.message}`);
  }
  for (const nameBuf of names) {
    const name = nameBuf.toString('latin1');
    const hostPath = Buffer.concat([Buffer.from(host + '/'), nameBuf]);
    const st = fs.lstatSync(hostPath, { bigint: true });
    const mode = Number(st.mode & 0o7777n);
    if (st.isDirectory()) {
      let sub = dir.children.get(name);
      if (!sub || sub.kind !== 'dir') dir.children.set(name, (sub = newDir()));
      sub.mode = mode;
      sub.mtime = st.mtimeNs;
      addHostDir(sub, hostPath, warn);
    } else if (st.isFile()) {
      dir.children.set(name, { kind: 'file', mode, mtime: st.mtimeNs, file: hostPath,
        size: Number(st.size), key: `${st.dev}:${st.ino}` });
    } else if (st.isSymbolicLink()) {
      const bytes = fs.readlinkSync(hostPath, { encoding: 'buffer' });
      if (bytes.length === 0 || bytes.length >= 4096) {
        warn(`${hostPath}: symlink target of ${bytes.length} bytes skipped`);
        continue;
      }
      dir.children.set(name, { kind: 'link', mode: 0o777, mtime: st.mtimeNs, bytes });
    } else {
      warn(`${hostPath.toString()}: not a file, directory or symlink: skipped`);
    }
  }
}

// Builds the tree of the specs over `base` (a tree already there, or a new
// root).
function buildTree(specs, base, warn) {
  const root = base ?? newDir();
  for (const spec of specs) {
    const { host, guest } = parseSpec(spec);
    let st;
    try {
      st = fs.statSync(host, { bigint: true });
    } catch (e) {
      fail(`${host}: ${e.code === 'ENOENT' ? 'no such directory' : e.code ?? e.message}`);
    }
    if (!st.isDirectory()) fail(`${host}: not a directory`);
    const dir = guestDir(root, guest, st.mtimeNs);
    if (guest.split('/').some((p) => p && p !== '.')) {
      dir.mode = Number(st.mode & 0o7777n);
      dir.mtime = st.mtimeNs;
    }
    addHostDir(dir, host, warn);
  }
  return root;
}

// ---------------------------------------------------------------------------
// Writing an image.

const HEADER = 32, ENTRY = 32;
const MAGIC = Buffer.from('WASIVFS\x01', 'latin1');
const align = (n, a) => Math.ceil(n / a) * a;

const sortedChildren = (dir) =>
  [...dir.children.entries()].sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')));

// The image of `root` as a Buffer.
function writeImage(root) {
  // Layout: header, tables (breadth first), names, targets, file bytes.
  const dirs = [];
  const queue = [root];
  while (queue.length) {
    const d = queue.shift();
    d.entries = sortedChildren(d);
    dirs.push(d);
    for (const [, n] of d.entries) if (n.kind === 'dir') queue.push(n);
  }
  let off = HEADER;
  let count = 0;
  for (const d of dirs) {
    off = align(off, 8);
    d.table = off;
    off += 8 + ENTRY * d.entries.length;
    count += d.entries.length;
  }
  const nameOff = new Map();
  for (const d of dirs) {
    for (const [name] of d.entries) {
      if (!nameOff.has(name)) { nameOff.set(name, off); off += Buffer.byteLength(name, 'latin1'); }
    }
  }
  const dataOff = new Map();
  for (const d of dirs) {
    for (const [, n] of d.entries) {
      if (n.kind === 'link') { n.data = off; off += n.bytes.length; }
    }
  }
  for (const d of dirs) {
    for (const [, n] of d.entries) {
      if (n.kind !== 'file') continue;
      const size = n.bytes ? n.bytes.length : n.size;
      if (n.key && dataOff.has(n.key)) { n.data = dataOff.get(n.key); continue; }
      off = align(off, 16);
      n.data = off;
      if (n.key) dataOff.set(n.key, off);
      off += size;
    }
  }
  const size = align(off, 16);
  if (size > 0xffffffff) fail(`the image would be ${size} bytes: more than 4 GiB`);
  const img = Buffer.alloc(size);
  MAGIC.copy(img, 0);
  img.writeUInt32LE(size, 8);
  img.writeUInt32LE(root.table, 12);
  img.writeUInt32LE(count, 16);
  for (const [name, o] of nameOff) img.write(name, o, 'latin1');
  for (const d of dirs) {
    img.writeUInt32LE(d.entries.length, d.table);
    d.entries.forEach(([name, n], i) => {
      const e = d.table + 8 + i * ENTRY;
      img.writeUInt32LE(nameOff.get(name), e);
      img.writeUInt32LE(Buffer.byteLength(name, 'latin1'), e + 4);
      const type = n.kind === 'dir' ? S_IFDIR : n.kind === 'link' ? S_IFLNK : S_IFREG;
      img.writeUInt32LE(type | n.mode, e + 8);
      img.writeUInt32LE(n.kind === 'dir' ? n.table : n.data, e + 12);
      img.writeUInt32LE(n.kind === 'dir' ? 0 : n.bytes ? n.bytes.length : n.size, e + 16);
      img.writeBigInt64LE(BigInt.asIntN(64, n.mtime), e + 24);
      if (n.kind === 'link') n.bytes.copy(img, n.data);
      else if (n.kind === 'file' && n.bytes) n.bytes.copy(img, n.data);
      else if (n.kind === 'file' && !n.written) {
        readInto(n.file, img, n.data, n.size);
        n.written = true;
      }
    });
  }
  return img;
}

// Reads `size` bytes of host file `file` into buf at off.
function readInto(file, buf, off, size) {
  const fd = fs.openSync(file, 'r');
  try {
    let done = 0;
    while (done < size) {
      const n = fs.readSync(fd, buf, off + done, size - done, done);
      if (n === 0) fail(`${file}: shorter than when it was listed`);
      done += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

// The tree held by image bytes `img` (for --list and for merging), read
// from module `file` (named in the messages) when it is given. Every
// offset and length is checked against the image's size: a damaged image
// is a Failure naming what is wrong, never a read outside it.
export function readImage(img, file = null) {
  const bad = (m) => fail(file === null ? m : `${file}: ${m}`);
  if (img.length < HEADER || !img.subarray(0, 8).equals(MAGIC)) bad('the module holds no valid file image');
  const size = img.readUInt32LE(8);
  if (size > img.length || size < HEADER) bad('the module\'s file image is truncated');
  const damaged = (what) => bad(`the module's file image is damaged: ${what}`);
  const within = (off, len, what) => { if (off + len > size) damaged(`${what} at ${off} runs past its end`); };
  const u32 = (off) => { within(off, 4, 'a field'); return img.readUInt32LE(off); };
  const seen = new Set();
  const table = (off) => {
    if (seen.has(off)) bad('the module\'s file image has a directory cycle');
    seen.add(off);
    const dir = newDir();
    const n = u32(off);
    within(off + 8, n * ENTRY, 'a directory table');
    for (let i = 0; i < n; i++) {
      const e = off + 8 + i * ENTRY;
      const nameAt = u32(e), nameLen = u32(e + 4);
      within(nameAt, nameLen, 'a name');
      const name = img.toString('latin1', nameAt, nameAt + nameLen);
      const mode = u32(e + 8);
      const data = u32(e + 12);
      const len = u32(e + 16);
      const mtime = img.readBigInt64LE(e + 24);
      if ((mode & 0o170000) !== S_IFDIR) within(data, len, `the contents of ${JSON.stringify(name)}`);
      const type = mode & 0o170000;
      if (type === S_IFDIR) {
        const sub = table(data);
        sub.mode = mode & 0o7777;
        sub.mtime = mtime;
        dir.children.set(name, sub);
      } else {
        // files that shared bytes (hard links) keep sharing them
        dir.children.set(name, { kind: type === S_IFLNK ? 'link' : 'file', mode: mode & 0o7777,
          mtime, bytes: Buffer.from(img.subarray(data, data + len)), key: `image:${data}:${len}` });
      }
    }
    return dir;
  };
  return table(img.readUInt32LE(12));
}

// ---------------------------------------------------------------------------
// WebAssembly module surgery. Modules are read through wasm-info.mjs's
// Reader, which cannot read past the end (a WasmReadError, which
// readModuleFile turns into a Failure naming the file).

function u32Leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

function i32Leb(n) {
  const out = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); break; }
    out.push(b | 0x80);
  }
  return Buffer.from(out);
}

const section = (id, body) => Buffer.concat([Buffer.from([id]), u32Leb(body.length), body]);
const vec = (items) => Buffer.concat([u32Leb(items.length), ...items]);
const activeSegment = (addr, bytes) =>
  Buffer.concat([Buffer.from([0, 0x41]), i32Leb(addr), Buffer.from([0x0b]), u32Leb(bytes.length), bytes]);

// { sections: [{id, start, end, bodyStart, name?}], bytes }
export function parseModule(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail('not a WebAssembly module');
  if (bytes.readUInt32LE(4) !== 1) fail('unsupported WebAssembly version');
  const sections = [];
  const r = new Reader(bytes, 8);
  while (r.p < bytes.length) {
    const start = r.p, id = r.byte(), len = r.u32(), body = r.p;
    r.bytes(len);
    const s = { id, start, end: r.p, bodyStart: body };
    if (id === 0) {
      const c = new Reader(bytes, body, s.end);
      const name = c.bytes(c.u32());
      s.name = Buffer.from(name).toString('utf8');
      s.payload = c.p;
    }
    sections.push(s);
  }
  return { bytes, sections };
}

// A section's body, as a Reader.
const body = (mod, s) => new Reader(mod.bytes, s.bodyStart, s.end);

// The memory section's limits: { flags, min, max, s }; fails on imported
// or several memories.
function memoryLimits(mod) {
  const imp = mod.sections.find((s) => s.id === 2);
  if (imp) {
    const r = body(mod, imp);
    for (let n = r.u32(); n > 0; n--) {
      r.bytes(r.u32());
      r.bytes(r.u32());
      const kind = r.byte();
      if (kind === 0) r.u32();
      else if (kind === 1) { r.byte(); if (r.byte() & 1) r.u32(); r.u32(); }
      else if (kind === 2) fail('the module imports its memory: there is no place to put files it would not share');
      else if (kind === 3) r.bytes(2);
      else if (kind === 4) { r.byte(); r.u32(); }
      else fail(`unknown import kind ${kind}`);
    }
  }
  const s = mod.sections.find((x) => x.id === 5);
  if (!s) fail('the module has no memory');
  const r = body(mod, s);
  const n = r.u32();
  if (n !== 1) fail(`the module has ${n} memories`);
  const flags = r.byte();
  if (flags & ~1) fail('shared or 64-bit memory is not supported');
  const min = r.u32(), max = flags & 1 ? r.u32() : null;
  if (min > 65536 || (max !== null && (max > 65536 || max < min)))
    fail(`the module's memory limits are not valid (${min}, ${max})`);
  return { flags, min, max, s };
}

// A data segment's offset expression, read to its end: the address when
// it is `i32.const N`, else null (an extended constant expression: the
// module places that segment itself). Fails on any other instruction.
function offsetExpr(r) {
  const op = r.byte();
  if (op === 0x41) {
    const v = r.signed(32);
    if (r.byte() === 0x0b) return v >>> 0;
    r.p--;
  } else {
    r.p--;
  }
  for (;;) {
    const at = r.p, c = r.byte();
    if (c === 0x0b) return null;
    if (c === 0x41) r.signed(32);
    else if (c === 0x42) r.signed(64);
    else if (c === 0x23) r.u32();
    else if (![0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(c))
      throw new WasmReadError(`instruction 0x${c.toString(16)} at byte ${at} in a data segment's offset`);
  }
}

// The data segments: [{ addr (null: passive, or placed by an expression),
// start, end (in bytes), raw }].
export function dataSegments(mod) {
  const s = mod.sections.find((x) => x.id === 11);
  if (!s) return [];
  const r = body(mod, s);
  const segs = [];
  for (let n = r.u32(); n > 0; n--) {
    const from = r.p, flags = r.u32();
    let addr = null;
    if (flags > 2) throw new WasmReadError(`data segment kind ${flags} at byte ${from}`);
    if (flags === 2) r.u32();
    if (flags !== 1) addr = offsetExpr(r);
    const data = r.bytes(r.u32());
    const start = data.byteOffset - mod.bytes.byteOffset;
    segs.push({ addr, start, end: start + data.length, raw: mod.bytes.subarray(from, start + data.length) });
  }
  return segs;
}

// Reads len bytes of the module's initial memory at addr.
function memRead(mod, segs, addr, len) {
  const out = Buffer.alloc(len);
  for (const s of segs) {
    if (s.addr === null) continue;
    const a = Math.max(addr, s.addr), z = Math.min(addr + len, s.addr + (s.end - s.start));
    if (a < z) mod.bytes.copy(out, a - addr, s.start + (a - s.addr), s.start + (z - s.addr));
  }
  return out;
}

const SLOT_MARK = Buffer.from('\x7fwasi-vfs-at', 'latin1');

// The address of the module's image slot (the record the overlay reads),
// from the custom section, else by its marker.
function findSlot(mod, segs) {
  const cs = mod.sections.find((s) => s.id === 0 && s.name === 'wasi-vfs-image');
  if (cs && cs.end - cs.payload >= 4) return mod.bytes.readUInt32LE(cs.payload);
  for (const s of segs) {
    if (s.addr === null) continue;
    const i = mod.bytes.subarray(s.start, s.end).indexOf(SLOT_MARK);
    if (i >= 0) return s.addr + i;
  }
  return null;
}

// The module in `bytes` (read from `file`) and what inspect() finds in it;
// a malformed module is a Failure naming the file and the byte.
export function readModuleFile(file, bytes) {
  try {
    const mod = parseModule(bytes);
    return { mod, info: inspect(file, mod) };
  } catch (e) {
    if (e instanceof WasmReadError) fail(`${file}: malformed module: ${e.message}`);
    throw e;
  }
}

// { slot, imageAddr, image (Buffer or null), segs, mem } of a module.
export function inspect(file, mod) {
  const segs = dataSegments(mod);
  const slot = findSlot(mod, segs);
  if (slot === null) {
    fail(`${file}: no file image slot: a module takes files after linking when it was ` +
      'linked for wasm32-wasi-vfs without --vfs-no-transfer and opens files');
  }
  if (!memRead(mod, segs, slot, 12).equals(SLOT_MARK)) fail(`${file}: damaged file image slot`);
  const imageAddr = memRead(mod, segs, slot + 12, 4).readUInt32LE(0);
  const mem = memoryLimits(mod);
  let image = null;
  if (imageAddr) {
    const head = memRead(mod, segs, imageAddr, HEADER);
    if (!head.subarray(0, 8).equals(MAGIC)) fail(`${file}: the image slot points at no image`);
    const size = head.readUInt32LE(8);
    if (size < HEADER || imageAddr + size > mem.min * 65536)
      fail(`${file}: the file image (${size} bytes at 0x${imageAddr.toString(16)}) runs past the module's memory`);
    image = memRead(mod, segs, imageAddr, size);
  }
  return { slot, imageAddr, image, segs, mem };
}

// Pages of heap left free below an image added to a module: the
// allocator's first region (IMAGE.md) holds the filesystem and the first
// directories filled without growing the memory, which an engine makes
// costly once the image makes it large (Node 20: 1.5 to 6 ms a call at
// 100 MiB). Pages nobody touches cost no physical memory.
const HEAP_PAGES = 4;

// The module with `root` as its image: placed at the end of the initial
// memory after HEAP_PAGES free pages, the memory grown to hold it, the slot
// pointed at it.
function packModule(file, bytes, specs, warn) {
  const { mod, info } = readModuleFile(file, bytes);
  let base = null;
  if (info.image) base = readImage(info.image, file);
  const root = buildTree(specs, base, warn);
  const img = writeImage(root);
  // Segments an earlier run of this tool added (the image at the end of
  // memory, and the slot's 4 bytes) go; a link-time image stays in place,
  // unused.
  const drop = new Set();
  for (const [i, s] of info.segs.entries()) {
    if (s.addr === info.imageAddr && info.image && s.end - s.start === info.image.length) drop.add(i);
    if (s.addr === info.slot + 12 && s.end - s.start === 4) drop.add(i);
  }
  let minPages = info.mem.min + HEAP_PAGES;
  if (drop.size && info.imageAddr >= 65536 && info.imageAddr % 65536 === 0 &&
      Math.ceil((info.imageAddr + info.image.length) / 65536) === info.mem.min) {
    minPages = info.imageAddr / 65536; // the old image's place, free pages and all
  }
  const addr = minPages * 65536;
  const pages = minPages + Math.ceil(img.length / 65536);
  if (addr + img.length > 2 ** 32) fail(`${file}: the image does not fit in 4 GiB of memory`);
  if (info.mem.max !== null && pages > info.mem.max) {
    fail(`${file}: the image needs ${pages} pages of memory; the module allows at most ${info.mem.max}`);
  }
  const slotBytes = Buffer.alloc(4);
  slotBytes.writeUInt32LE(addr);
  const kept = info.segs.filter((_, i) => !drop.has(i)).map((s) => s.raw);
  const data = vec([...kept, activeSegment(addr, img), activeSegment(info.slot + 12, slotBytes)]);
  const memBody = Buffer.concat([u32Leb(1), Buffer.from([info.mem.flags]), u32Leb(pages),
    info.mem.max !== null ? u32Leb(info.mem.max) : Buffer.alloc(0)]);
  // The slot's marker is in a data segment, so the data section exists;
  // only it, the memory and the data count change.
  const out = [bytes.subarray(0, 8)];
  for (const s of mod.sections) {
    if (s.id === 5) out.push(section(5, memBody));
    else if (s.id === 12) out.push(section(12, u32Leb(kept.length + 2)));
    else if (s.id === 11) out.push(section(11, data));
    else out.push(bytes.subarray(s.start, s.end));
  }
  return { module: Buffer.concat(out), image: img, addr };
}

// ---------------------------------------------------------------------------
// Listing.

function modeString(kind, mode) {
  const t = kind === 'dir' ? 'd' : kind === 'link' ? 'l' : '-';
  let s = '';
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? 'rwx'[(8 - i) % 3] : '-';
  return t + s;
}

function listTree(dir, prefix, out) {
  for (const [name, n] of sortedChildren(dir)) {
    const p = `${prefix}/${name}`;
    const size = n.kind === 'dir' ? 0 : n.bytes.length;
    const when = new Date(Number(n.mtime / 1000000n)).toISOString().replace('T', ' ').slice(0, 19);
    let line = `${modeString(n.kind, n.mode)} ${String(size).padStart(10)} ${when} ${p}`;
    if (n.kind === 'link') line += ` -> ${n.bytes.toString('latin1')}`;
    out.push(line);
    if (n.kind === 'dir') listTree(n, p, out);
  }
}

// ---------------------------------------------------------------------------
// The driver's options for wasm32-wasi-vfs. Every module takes files from
// wasi-vfs-pack and through streams (libc-overlay/src/transfer/transfer.c); these
// change what goes in the link:
//   --vfs-no-transfer  the bare minimum: no file image slot, no
//                    environment configuration, no tar reader or writer
//                    (-lwasi-vfs-no-transfer; wasi-vfs-pack and the
//                    runner's --in/--out refuse the module)
//   --vfs-embed=DIR[:GUEST] (also --vfs-embed DIR[:GUEST]): the image of
//                    the directories assembled into an object that joins
//                    the link
//   --vfs-exports    the embedder's functions (libc-overlay/src/transfer/exports.c),
//                    linked and exported
//   --vfs-image, --vfs-streams  accepted and ignored: what they linked is
//                    in every module now
// and for the filesystem's limits (vfs/LIMITS.md), which a definition of
// __wasi_vfs_config compiled into an object that joins the link sets
// (libc-overlay/src/fs/limits.c is the default it replaces):
//   --vfs-max-open-files=N  the program's descriptors, 0 .. N-1
//   --vfs-max-bytes=SIZE    bytes of file data, names and symlink targets
//                           (K, M, G or T: times 1024, 1024^2, ...)
//   --vfs-max-inodes=N      files, directories, symlinks, devices, pipes
// CLANG ARGS is the compiler command; the options are taken out of it.
const PARTS = {
  '--vfs-no-transfer': '-lwasi-vfs-no-transfer',
  '--vfs-exports': '-Wl,--undefined=__wasi_vfs_export_write_file',
  '--vfs-image': null,
  '--vfs-streams': null,
};

// The limits: option -> [smallest, largest, unit suffixes allowed]. The
// smallest values leave room for what every module's filesystem holds from
// the start (descriptors 0, 1, 2; the ten files and directories of /dev and
// /tmp; their names); the most descriptors keep the table, which the
// current directory's descriptor ends, at 512 KiB.
const LIMITS = {
  '--vfs-max-open-files': [3n, 65536n, false],
  '--vfs-max-bytes': [4096n, (1n << 62n), true],
  '--vfs-max-inodes': [16n, 0xffffffffn, false],
};

// The value of a limit option a (NAME=VALUE), as a BigInt.
function limitValue(a) {
  const eq = a.indexOf('=');
  const name = a.slice(0, eq);
  const text = a.slice(eq + 1);
  const [min, max, units] = LIMITS[name];
  const m = /^([0-9]+)([KMGT]?)$/.exec(text);
  if (!m || (m[2] && !units)) {
    fail(`${a}: not a number${units ? ' (digits, then K, M, G or T if you like)' : ''}`);
  }
  const v = BigInt(m[1]) << BigInt(10 * ' KMGT'.indexOf(m[2] || ' '));
  if (v < min || v > max) fail(`${a}: must be from ${min} to ${max}`);
  return v;
}

// C source defining __wasi_vfs_config (struct vfs_config: the layout that
// libc-overlay/src/fs/limits.c asserts) with the limits given; 0 is the vfs
// core's default, and the descriptor table holds the program's
// descriptors and the current directory's.
function limitsSource(limits) {
  const get = (o, dflt) => limits.get(o) ?? dflt;
  return '/* wasm32-wasi-vfs limits from the driver\'s --vfs-max-* options. */\n' +
    'extern long long __wasi_vfs_now(void *);\n' +
    'const struct {\n' +
    '    unsigned long long max_bytes;\n' +
    '    unsigned max_inodes, max_open_files;\n' +
    '    long long (*now)(void *);\n' +
    '    void *now_ctx, *realloc, *alloc_ctx;\n' +
    '} __wasi_vfs_config = {\n' +
    `    ${get('--vfs-max-bytes', 0n)}ull, ${get('--vfs-max-inodes', 0n)}u,\n` +
    `    ${get('--vfs-max-open-files', 1024n) + 1n}u, __wasi_vfs_now, 0, 0, 0,\n` +
    '};\n';
}

// Options after which clang does not link.
const NO_LINK = new Set(['-c', '-S', '-E', '-M', '-MM', '-fsyntax-only', '-emit-llvm',
  '--precompile', '-###', '--version', '-v', '--help', '-print-search-dirs']);

// The driver's --help text for the options above.
const DRIVER_OPTIONS = `  --vfs-image             the file image slot and reader: wasi-vfs-pack adds
                          files to the linked module (IMAGE.md)
  --vfs-embed=DIR[:GUEST] --vfs-image, and the files of host directory DIR at
                          GUEST (default /) linked in now (repeatable)
  --vfs-streams           files through streams set up by the host at run time:
                          WASI_VFS_IN, WASI_VFS_BIND, WASI_VFS_OUT (wasi-run's
                          --in and --out; STREAMS.md)
  --vfs-exports           the embedder's functions (wasi_vfs_write_file, ...)
  --vfs-max-open-files=N  descriptors 0 .. N-1 (3 to 65536; default 1024)
  --vfs-max-bytes=SIZE    bytes of file data, names, symlink targets (4096 to
                          2^62; K, M, G, T allowed; default 1G)
  --vfs-max-inodes=N      files, directories, symlinks, devices, pipes (16 to
                          4294967295; default 1048576)
`;

// The triple clang builds for, in its wasm32-wasi spelling: --target=T
// (the last one) with wasm32-wasip1 read as wasm32-wasi and the vendor
// (wasm32-unknown-...) dropped.
function canonicalTriple(t) {
  return t === null ? null : t.replace(/^wasm32-unknown-/, 'wasm32-').replace(/^wasm32-wasip1/, 'wasm32-wasi');
}

function driver(argv, warn) {
  if (argv[0] === '--name') {
    if (argv.length < 2) fail('--driver --name needs a name');
    progName = argv[1];
    argv = argv.slice(2);
  }
  const [clang, ...args] = argv;
  const specs = [];
  const rest = [];
  let triple = null;
  const parts = new Set();
  const limits = new Map(); // option -> BigInt; the last one given counts
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    if (Object.hasOwn(PARTS, a)) {
      parts.add(a);
    } else if (Object.hasOwn(LIMITS, a)) {
      fail(`${a} needs a value: ${a}=N`);
    } else if (eq > 0 && Object.hasOwn(LIMITS, a.slice(0, eq))) {
      limits.set(a.slice(0, eq), limitValue(a));
    } else if (a === '--vfs-embed') {
      if (i + 1 >= args.length) fail('--vfs-embed needs DIR[:GUEST]');
      specs.push(args[++i]);
    } else if (a.startsWith('--vfs-embed=')) {
      specs.push(a.slice('--vfs-embed='.length));
    } else if (a.startsWith('--vfs-')) {
      fail(`${a}: unknown option (known: --vfs-embed=DIR[:GUEST], ${Object.keys(PARTS).join(', ')}, ` +
        `${Object.keys(LIMITS).map((o) => `${o}=${LIMITS[o][2] ? 'SIZE' : 'N'}`).join(', ')})`);
    } else {
      if (a.startsWith('--target=')) triple = a.slice('--target='.length);
      else if ((a === '-target' || a === '--target') && i + 1 < args.length) triple = args[i + 1];
      rest.push(a);
    }
  }
  if (specs.length && parts.has('--vfs-no-transfer')) {
    fail('--vfs-embed: a module linked with --vfs-no-transfer has no file image slot');
  }
  const run = (cmd) => {
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
    if (r.error) fail(`${cmd[0]}: ${r.error.code ?? r.error.message}`);
    return r.status ?? 128 + 6;
  };
  const what = specs.length ? '--vfs-embed' : [...parts, ...limits.keys()][0];
  if (parts.size === 0 && limits.size === 0 && specs.length === 0) return run([clang, ...rest]);
  if (canonicalTriple(triple) !== 'wasm32-wasi-vfs') {
    fail(`${what}: only wasm32-wasi-vfs modules have a filesystem of their own (this is ${triple})`);
  }
  // Not linking (-c, -S, -E, ...): the options have nothing to do, as
  // clang's linker inputs do not, so that they may sit in CC or CFLAGS.
  if (rest.some((a) => NO_LINK.has(a) || a.startsWith('-print-'))) return run([clang, ...rest]);
  for (const p of parts) if (PARTS[p]) rest.push(PARTS[p]);
  if (specs.length === 0 && limits.size === 0) return run([clang, ...rest]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-vfs-link-'));
  try {
    const flags = rest.filter((a) => a.startsWith('--target=') || a.startsWith('--config') ||
      a.startsWith('--sysroot'));
    const objects = [];
    const compile = (name, text, why) => {
      const src = path.join(tmp, name);
      const o = `${src}.o`;
      fs.writeFileSync(src, text);
      const status = run([clang, ...flags, '-c', src, '-o', o]);
      if (status !== 0) fail(`could not ${why} (status ${status})`);
      objects.push(o);
    };
    if (specs.length) {
      const img = writeImage(buildTree(specs, null, warn));
      const s = path.join(tmp, 'image.s');
      fs.writeFileSync(`${s}.img`, img);
      compile('image.s', imageAsm(`${s}.img`, img.length), 'assemble the file image');
    }
    if (limits.size) compile('limits.c', limitsSource(limits), 'compile the limits');
    return run([clang, ...rest, ...objects]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Assembly that defines __wasi_vfs_image over the bytes of file imgFile.
function imageAsm(imgFile, length) {
  if (/["\\\n]/.test(imgFile)) fail(`${imgFile}: a path the assembler cannot quote`);
  return '# The file image of wasm32-wasi-vfs (libc-overlay/IMAGE.md), linked in.\n' +
    '\t.section .rodata.__wasi_vfs_image,"",@\n' +
    '\t.globl __wasi_vfs_image\n' +
    '\t.p2align 4\n' +
    '__wasi_vfs_image:\n' +
    `\t.incbin "${imgFile}"\n` +
    `\t.size __wasi_vfs_image, ${length}\n`;
}

// ---------------------------------------------------------------------------
// Command line.

function main(argv) {
  const warn = (m) => process.stderr.write(`${progName}: warning: ${m}\n`);
  const usage = (why) => {
    process.stderr.write(`wasi-vfs-pack: ${why}\n${USAGE}`);
    process.exit(2);
  };
  if (argv[0] === '--help' || argv[0] === '-h') { process.stdout.write(USAGE); return 0; }
  if (argv[0] === '--driver') return driver(argv.slice(1), warn);
  if (argv[0] === '--driver-options') { process.stdout.write(DRIVER_OPTIONS); return 0; }
  if (argv[0] === '--list') {
    if (argv.length !== 2) usage('--list takes one module');
    const { info } = readModuleFile(argv[1], readFile(argv[1]));
    if (!info.image) { process.stdout.write(`${argv[1]}: no file image\n`); return 0; }
    const out = [`${argv[1]}: image of ${info.image.length} bytes at 0x${info.imageAddr.toString(16)}`];
    listTree(readImage(info.image, argv[1]), '', out);
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }
  if (argv[0] === '--image' || argv[0] === '--asm') {
    if (argv.length < 3) usage(`${argv[0]} needs an output and at least one directory`);
    const img = writeImage(buildTree(argv.slice(2), null, warn));
    const out = argv[1];
    if (argv[0] === '--image') {
      fs.writeFileSync(out, img);
    } else {
      const imgFile = path.resolve(`${out}.img`);
      fs.writeFileSync(imgFile, img);
      fs.writeFileSync(out, imageAsm(imgFile, img.length));
    }
    return 0;
  }
  let output = null;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-o') {
      if (i + 1 >= argv.length) usage('-o needs a file');
      output = argv[++i];
    } else if (argv[i].startsWith('-o') && argv[i].length > 2) {
      output = argv[i].slice(2);
    } else if (argv[i].startsWith('-') && argv[i] !== '-') {
      usage(`unknown option ${argv[i]}`);
    } else {
      rest.push(argv[i]);
    }
  }
  if (rest.length < 2) usage('a module and at least one directory are needed');
  if (!output) usage('-o OUT.wasm is needed');
  const [file, ...specs] = rest;
  const { module } = packModule(file, readFile(file), specs, warn);
  const tmp = `${output}.wasi-vfs-pack-${process.pid}`;
  fs.writeFileSync(tmp, module);
  fs.renameSync(tmp, output);
  return 0;
}

function readFile(file) {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    fail(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code ?? e.message}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    process.stderr.write(`${progName}: ${e.message}\n`);
    process.exit(1);
  }
}
