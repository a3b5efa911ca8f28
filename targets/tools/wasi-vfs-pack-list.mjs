// wasi-vfs-pack-list.mjs: a tree as `ls -l`-like lines, for --list.

import { sortedChildren } from './wasi-vfs-pack-image.mjs';

function modeString(kind, mode) {
  const t = kind === 'dir' ? 'd' : kind === 'link' ? 'l' : '-';
  let s = '';
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? 'rwx'[(8 - i) % 3] : '-';
  return t + s;
}

// Appends a line per node under dir (paths from prefix) to out, sorted, depth first.
export function listTree(dir, prefix, out) {
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
