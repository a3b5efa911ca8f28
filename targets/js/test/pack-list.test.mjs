// pack-list.test.mjs: wasi-vfs-pack --list's lines: sorted, depth first, with modes, sizes, times and link targets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listTree } from '../../tools/wasi-vfs-pack-list.mjs';

const dir = (children) => ({ kind: 'dir', mode: 0o755, mtime: 0n, children: new Map(children) });
const file = (text, mtime) => ({ kind: 'file', mode: 0o644, mtime, bytes: Buffer.from(text) });

test('listing: sorted, depth first, modes, sizes, times, link targets', () => {
  const root = dir([
    ['b', file('xyz', 1500000000123456789n)],
    ['a', dir([['l', { kind: 'link', mode: 0o777, mtime: 0n, bytes: Buffer.from('../b') }]])],
  ]);
  const out = [];
  listTree(root, '', out);
  assert.deepEqual(out, [
    'drwxr-xr-x          0 1970-01-01 00:00:00 /a',
    'lrwxrwxrwx          4 1970-01-01 00:00:00 /a/l -> ../b',
    '-rw-r--r--          3 2017-07-14 02:40:00 /b',
  ]);
});
