// wasi-shim.test.mjs: the web page's WASI shim answers pointers outside the module's memory with EFAULT, never an exception.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WasiShim } from '../../web/wasi-shim.mjs';
import { ERRNO } from '../wasi-abi.mjs';

// A shim over a fresh one-page memory, with stdout collected.
function shim(options = {}) {
  const out = [];
  const s = new WasiShim({ args: ['prog', 'arg'], env: { A: 'b' }, stdout: (b) => out.push(b), ...options });
  s.memory = new WebAssembly.Memory({ initial: 1 });
  return { s, out, imp: s.imports, view: new DataView(s.memory.buffer), size: s.memory.buffer.byteLength };
}

test('fd_write: iovecs checked, bytes written, count stored', () => {
  const { imp, out, view, size } = shim();
  new Uint8Array(view.buffer).set(new TextEncoder().encode('hi'), 100);
  view.setUint32(0, 100, true);
  view.setUint32(4, 2, true);
  assert.equal(imp.fd_write(1, 0, 1, 16), ERRNO.SUCCESS);
  assert.equal(view.getUint32(16, true), 2);
  assert.equal(new TextDecoder().decode(out[0]), 'hi');
  assert.equal(imp.fd_write(1, size - 4, 1, 16), ERRNO.FAULT); // the iovec array
  view.setUint32(4, size, true);
  assert.equal(imp.fd_write(1, 0, 1, 16), ERRNO.FAULT); // a buffer
  view.setUint32(4, 2, true);
  assert.equal(imp.fd_write(1, 0, 1, size - 2), ERRNO.FAULT); // the count
  assert.equal(imp.fd_write(1, 0, 1, -1), ERRNO.FAULT);
  assert.equal(out.length, 1); // nothing written by the calls refused
  assert.equal(imp.fd_write(9, 0, 1, 16), ERRNO.BADF);
});

test('fd_read: iovecs checked before any byte is taken', () => {
  const { imp, view, size } = shim({ stdin: new TextEncoder().encode('abc') });
  view.setUint32(0, 200, true);
  view.setUint32(4, 8, true);
  assert.equal(imp.fd_read(0, 0, 1, size), ERRNO.FAULT);
  view.setUint32(0, size - 1, true);
  assert.equal(imp.fd_read(0, 0, 1, 16), ERRNO.FAULT);
  view.setUint32(0, 200, true);
  assert.equal(imp.fd_read(0, 0, 1, 16), ERRNO.SUCCESS);
  assert.equal(view.getUint32(16, true), 3);
  assert.equal(new TextDecoder().decode(new Uint8Array(view.buffer, 200, 3)), 'abc');
});

test('args, environ, clocks, random, fdstat, poll: EFAULT outside memory', () => {
  const { imp, view, size } = shim();
  assert.equal(imp.args_sizes_get(0, 4), ERRNO.SUCCESS);
  assert.deepEqual([view.getUint32(0, true), view.getUint32(4, true)], [2, 9]);
  assert.equal(imp.args_sizes_get(size, 4), ERRNO.FAULT);
  assert.equal(imp.args_get(0, size - 4), ERRNO.FAULT); // the strings
  assert.equal(imp.args_get(size - 4, 64), ERRNO.FAULT); // the table
  assert.equal(imp.args_get(0, 64), ERRNO.SUCCESS);
  assert.equal(imp.environ_get(size - 1, 64), ERRNO.FAULT);
  assert.equal(imp.clock_time_get(1, 0n, size - 7), ERRNO.FAULT);
  assert.equal(imp.clock_time_get(9, 0n, 0), ERRNO.INVAL);
  assert.equal(imp.clock_res_get(0, size - 4), ERRNO.FAULT);
  assert.equal(imp.random_get(size - 10, 11), ERRNO.FAULT);
  assert.equal(imp.random_get(size - 10, 10), ERRNO.SUCCESS);
  assert.equal(imp.fd_fdstat_get(1, size - 23), ERRNO.FAULT);
  assert.equal(imp.fd_fdstat_get(1, 0), ERRNO.SUCCESS);
  assert.equal(view.getBigUint64(8, true), 64n); // fd_write
  assert.equal(imp.poll_oneoff(0, size - 32, 2, 100), ERRNO.FAULT);
  assert.equal(imp.poll_oneoff(size - 40, 200, 1, 100), ERRNO.FAULT);
  assert.equal(imp.poll_oneoff(0, 200, 1, size), ERRNO.FAULT);
  assert.equal(imp.poll_oneoff(0, 200, 1, 100), ERRNO.SUCCESS);
});
