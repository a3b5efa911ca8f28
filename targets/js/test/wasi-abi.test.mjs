// wasi-abi.test.mjs: the errno table against wasi-libc's header, iovec bounds, the fdstat layout.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { ERRNO, errnoName, errnoOfCode, FDSTAT_SIZE, iovecs, putFdstat, putU32, putU64, RIGHTS } from '../wasi-abi.mjs';

// wasi-libc's preview1 header, where install-deps.sh puts it (Debian's wasi-libc).
const API_H = '/usr/include/wasm32-wasi/wasi/api.h';

test('errno table: the numbers of preview1', () => {
  assert.equal(ERRNO.SUCCESS, 0);
  assert.equal(ERRNO.BADF, 8);
  assert.equal(ERRNO.FAULT, 21);
  assert.equal(ERRNO.INVAL, 28);
  assert.equal(ERRNO.NOENT, 44);
  assert.equal(ERRNO.NOTCAPABLE, 76);
  assert.equal(Object.keys(ERRNO).length, 77);
  assert.ok(Object.isFrozen(ERRNO));
  assert.equal(errnoName(8), 'EBADF');
  assert.equal(errnoName(77), undefined);
  assert.equal(errnoName(-1), undefined);
  assert.equal(errnoName(1.5), undefined);
  assert.equal(errnoOfCode('ENOENT'), 44);
  assert.equal(errnoOfCode('EWHATEVER'), undefined);
  assert.equal(errnoOfCode('ESUCCESS'), undefined);
  assert.equal(errnoOfCode('constructor'), undefined);
});

test("errno table: equal to wasi-libc's __WASI_ERRNO_* (when its header is installed)", (t) => {
  if (!fs.existsSync(API_H)) {
    if (process.env.CI === 'true') assert.fail(`${API_H} is missing (install wasi-libc)`);
    t.skip(`no ${API_H}`);
    return;
  }
  const found = [...fs.readFileSync(API_H, 'latin1').matchAll(/#define __WASI_ERRNO_(\w+) \(UINT16_C\((\d+)\)\)/g)];
  assert.equal(found.length, Object.keys(ERRNO).length);
  for (const [, name, n] of found) assert.equal(ERRNO[name], Number(n), name);
});

const memoryOf = (pages = 1) => new WebAssembly.Memory({ initial: pages });

test('iovecs: views of the buffers, or EFAULT / EINVAL', () => {
  const memory = memoryOf();
  const v = new DataView(memory.buffer);
  const size = memory.buffer.byteLength;
  v.setUint32(0, 100, true);
  v.setUint32(4, 5, true);
  v.setUint32(8, size - 3, true);
  v.setUint32(12, 3, true);
  const bufs = iovecs(memory, 0, 2);
  assert.deepEqual(
    bufs.map((b) => [b.byteOffset, b.length]),
    [
      [100, 5],
      [size - 3, 3],
    ],
  );
  assert.deepEqual(iovecs(memory, 0, 0), []);
  // the array outside memory
  assert.equal(iovecs(memory, size - 8, 2), ERRNO.FAULT);
  assert.equal(iovecs(memory, -8, 1), ERRNO.FAULT); // 0xfffffff8 as a u32
  assert.equal(iovecs(memory, 0, 0x20000000), ERRNO.FAULT);
  // a buffer past the end
  v.setUint32(12, 4, true);
  assert.equal(iovecs(memory, 0, 2), ERRNO.FAULT);
  v.setUint32(8, 0xffffffff, true);
  v.setUint32(12, 2, true);
  assert.equal(iovecs(memory, 0, 2), ERRNO.FAULT);
  // lengths that add up past a u32: each buffer in memory, together too many bytes
  const big = memoryOf(65536 / 2 + 1);
  const bv = new DataView(big.buffer);
  for (let i = 0; i < 3; i++) {
    bv.setUint32(8 * i, 0, true);
    bv.setUint32(8 * i + 4, 0x7fffffff, true);
  }
  assert.equal(iovecs(big, 0, 2).length, 2);
  assert.equal(iovecs(big, 0, 3), ERRNO.INVAL);
});

test('stores: u32, u64 and fdstat inside memory, EFAULT outside', () => {
  const memory = memoryOf();
  const size = memory.buffer.byteLength;
  assert.equal(putU32(memory, size - 4, 7), ERRNO.SUCCESS);
  assert.equal(putU32(memory, size - 3, 7), ERRNO.FAULT);
  assert.equal(putU32(memory, -1, 7), ERRNO.FAULT);
  assert.equal(putU64(memory, size - 8, 7n), ERRNO.SUCCESS);
  assert.equal(putU64(memory, size - 7, 7n), ERRNO.FAULT);
  const bytes = new Uint8Array(memory.buffer);
  bytes.fill(0xee, 0, 32);
  assert.equal(
    putFdstat(memory, 0, { filetype: 2, flags: 1, rightsBase: RIGHTS.FD_READ, rightsInheriting: 3n }),
    ERRNO.SUCCESS,
  );
  assert.equal(FDSTAT_SIZE, 24);
  assert.deepEqual(
    [...bytes.subarray(0, 25)],
    [2, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0xee],
  );
  assert.equal(putFdstat(memory, size - 23, {}), ERRNO.FAULT);
});
