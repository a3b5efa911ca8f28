// wasi-vfs-pack-image.mjs: the file image format (libc-overlay/IMAGE.md): written from a tree, read back checked.

import fs from 'node:fs';
import { fail } from './wasi-vfs-pack-fail.mjs';
import { newDir, S_IFDIR, S_IFLNK, S_IFREG } from './wasi-vfs-pack-tree.mjs';

// Writing an image.

export const HEADER = 32,
  ENTRY = 32;
export const MAGIC = Buffer.from('WASIVFS\x01', 'latin1');
const align = (n, a) => Math.ceil(n / a) * a;

export const sortedChildren = (dir) =>
  [...dir.children.entries()].sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')));

// The image of `root` as a Buffer.
export function writeImage(root) {
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
      if (!nameOff.has(name)) {
        nameOff.set(name, off);
        off += Buffer.byteLength(name, 'latin1');
      }
    }
  }
  const dataOff = new Map();
  for (const d of dirs) {
    for (const [, n] of d.entries) {
      if (n.kind === 'link') {
        n.data = off;
        off += n.bytes.length;
      }
    }
  }
  for (const d of dirs) {
    for (const [, n] of d.entries) {
      if (n.kind !== 'file') continue;
      const size = n.bytes ? n.bytes.length : n.size;
      if (n.key && dataOff.has(n.key)) {
        n.data = dataOff.get(n.key);
        continue;
      }
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
  if (size > img.length || size < HEADER) bad("the module's file image is truncated");
  const damaged = (what) => bad(`the module's file image is damaged: ${what}`);
  const within = (off, len, what) => {
    if (off + len > size) damaged(`${what} at ${off} runs past its end`);
  };
  const u32 = (off) => {
    within(off, 4, 'a field');
    return img.readUInt32LE(off);
  };
  const seen = new Set();
  const table = (off) => {
    if (seen.has(off)) bad("the module's file image has a directory cycle");
    seen.add(off);
    const dir = newDir();
    const n = u32(off);
    within(off + 8, n * ENTRY, 'a directory table');
    for (let i = 0; i < n; i++) {
      const e = off + 8 + i * ENTRY;
      const nameAt = u32(e),
        nameLen = u32(e + 4);
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
        dir.children.set(name, {
          kind: type === S_IFLNK ? 'link' : 'file',
          mode: mode & 0o7777,
          mtime,
          bytes: Buffer.from(img.subarray(data, data + len)),
          key: `image:${data}:${len}`,
        });
      }
    }
    return dir;
  };
  return table(img.readUInt32LE(12));
}
