// wasi-vfs-pack-tree.mjs: the tree of files to pack, read from host directories (DIR[:GUEST] specs).

import fs from 'node:fs';
import { fail } from './wasi-vfs-pack-fail.mjs';

// The tree: { kind: 'dir'|'file'|'link', mode, mtime (BigInt ns),
//             children: Map(latin1 name -> node), bytes: Buffer (file, link),
//             file: host path (file, read when the image is written), key }

export const S_IFDIR = 0o040000,
  S_IFREG = 0o100000,
  S_IFLNK = 0o120000;
export const newDir = (mode = 0o755, mtime = 0n) => ({ kind: 'dir', mode, mtime, children: new Map() });

// Splits DIR[:GUEST] (DIR::GUEST when a path holds a colon).
function parseSpec(spec) {
  let sep = spec.indexOf('::');
  let len = 2;
  if (sep < 0) {
    sep = spec.indexOf(':');
    len = 1;
  }
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
      dir.children.set(name, {
        kind: 'file',
        mode,
        mtime: st.mtimeNs,
        file: hostPath,
        size: Number(st.size),
        key: `${st.dev}:${st.ino}`,
      });
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
export function buildTree(specs, base, warn) {
  const root = base ?? newDir();
  for (const spec of specs) {
    const { host, guest } = parseSpec(spec);
    let st;
    try {
      st = fs.statSync(host, { bigint: true });
    } catch (e) {
      fail(`${host}: ${e.code === 'ENOENT' ? 'no such directory' : (e.code ?? e.message)}`);
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
