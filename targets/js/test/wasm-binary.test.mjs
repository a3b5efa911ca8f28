// wasm-binary.test.mjs: the wasm binary reader on crafted bad modules, and the writers read back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkHeader,
  concatBytes,
  coreModules,
  customSections,
  isComponent,
  MAX_COMPONENT_DEPTH,
  i32Leb,
  Reader,
  readImport,
  readExports,
  readNameMaps,
  section,
  sections,
  u32Leb,
  vec,
  WasmReadError,
} from '../wasm-binary.mjs';

const HEADER = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
const mod = (...bytes) => Uint8Array.from([...HEADER, ...bytes]);
const name = (s) => [s.length, ...Buffer.from(s)];
const refused = (fn, message) => assert.throws(fn, (e) => e instanceof WasmReadError && e.message === message);

test('header: magic and version', () => {
  checkHeader(mod());
  refused(() => checkHeader(Uint8Array.from([0, 0x61, 0x73])), 'not a WebAssembly module (no \\0asm header)');
  refused(
    () => checkHeader(Uint8Array.from([1, 0x61, 0x73, 0x6d, 1, 0, 0, 0])),
    'not a WebAssembly module (no \\0asm header)',
  );
  refused(
    () => checkHeader(Uint8Array.from([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0])),
    'not a WebAssembly binary module of version 1',
  );
  refused(
    () => checkHeader(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 1])),
    'not a WebAssembly binary module of version 1',
  );
});

test('sections: in order, and one that runs past the end is refused', () => {
  assert.deepEqual(sections(mod(1, 1, 0, 10, 0)), [
    { id: 1, start: 8, body: 10, end: 11 },
    { id: 10, start: 11, body: 13, end: 13 },
  ]);
  refused(() => sections(mod(5, 10, 1, 0)), 'truncated at byte 10');
  refused(() => sections(mod(5)), 'truncated at byte 9');
});

test('LEB128: too long, out of range, cut short', () => {
  refused(() => new Reader(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0])).u32(), 'LEB128 too long at byte 0');
  refused(() => new Reader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x1f])).u32(), 'LEB128 out of range at byte 0');
  assert.equal(new Reader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f])).u32(), 0xffffffff);
  refused(() => new Reader(Uint8Array.from([0x80])).u32(), 'truncated at byte 1');
  refused(
    () => new Reader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x4f])).signed(32),
    'LEB128 out of range at byte 0',
  );
  assert.equal(new Reader(Uint8Array.from([0x7f])).signed(32), -1);
});

test('Reader: never outside its range', () => {
  const b = Uint8Array.from([1, 2, 3, 4]);
  refused(() => new Reader(b, 2, 5), 'range 2..5 is outside the 4 bytes');
  refused(() => new Reader(b, -1, 2), 'range -1..2 is outside the 4 bytes');
  refused(() => new Reader(b, 3, 2), 'range 3..2 is outside the 4 bytes');
  const r = new Reader(b, 1, 3);
  assert.deepEqual([...r.bytes(2)], [2, 3]);
  refused(() => r.byte(), 'truncated at byte 3');
  refused(() => new Reader(b).bytes(-1), 'truncated at byte 0');
  refused(() => new Reader(Uint8Array.from([5, 0x61])).name(), 'truncated at byte 1');
});

test('imports: every kind read, an unknown kind refused', () => {
  const body = Uint8Array.from([
    ...name('m'),
    ...name('f'),
    0,
    3,
    ...name('m'),
    ...name('t'),
    1,
    0x70,
    1,
    1,
    2,
    ...name('m'),
    ...name('mem'),
    2,
    0,
    1,
    ...name('m'),
    ...name('g'),
    3,
    0x7f,
    1,
    ...name('m'),
    ...name('x'),
    7,
  ]);
  const r = new Reader(body);
  assert.deepEqual(readImport(r), { module: 'm', name: 'f', kind: 0 });
  assert.deepEqual(readImport(r), { module: 'm', name: 't', kind: 1 });
  assert.deepEqual(readImport(r), { module: 'm', name: 'mem', kind: 2 });
  assert.deepEqual(readImport(r), { module: 'm', name: 'g', kind: 3 });
  refused(() => readImport(r), 'unknown import kind 7 for m.x');
});

test('name section: maps read, a subsection past the section refused', () => {
  const good = Uint8Array.from([1, 7, 1, 0, ...name('main'), 7, 5, 1, 2, ...name('sp')]);
  const maps = readNameMaps(new Reader(good));
  assert.deepEqual([...maps[1]], [[0, 'main']]);
  assert.deepEqual([...maps[7]], [[2, 'sp']]);
  refused(() => readNameMaps(new Reader(Uint8Array.from([1, 9, 1, 0]))), 'name section runs past its end');
  // A subsection whose entries claim more than it holds stops at its own end.
  refused(() => readNameMaps(new Reader(Uint8Array.from([1, 2, 5, 0, 7, 0]))), 'truncated at byte 4');
});

test('writers: LEB128s read back, sections and vectors framed', () => {
  for (const n of [0, 1, 127, 128, 624485, 0xffffffff]) assert.equal(new Reader(u32Leb(n)).u32(), n);
  for (const n of [0, -1, 63, 64, -64, -65, 0x7fffffff, -0x80000000]) assert.equal(new Reader(i32Leb(n)).signed(32), n);
  assert.deepEqual([...section(11, Uint8Array.of(9, 9))], [11, 2, 9, 9]);
  assert.deepEqual([...vec([Uint8Array.of(1), Uint8Array.of(2, 3)])], [2, 1, 2, 3]);
  assert.deepEqual([...concatBytes([])], []);
  const m = concatBytes([Uint8Array.from(HEADER), section(1, vec([]))]);
  assert.deepEqual(sections(m), [{ id: 1, start: 8, body: 10, end: 11 }]);
});

const COMPONENT = [0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0];
const component = (...bytes) => Uint8Array.from([...COMPONENT, ...bytes]);

test('components: core modules depth-first, nested ones included; bad ones refused', () => {
  assert.ok(isComponent(component()));
  assert.ok(!isComponent(mod()));
  // a module, a nested component holding a module, a custom section, a module
  const nested = [...COMPONENT, 1, 8, ...HEADER];
  const c = component(1, 8, ...HEADER, 4, nested.length, ...nested, 0, 1, 0, 1, 8, ...HEADER);
  assert.deepEqual(coreModules(c), [
    { start: 8, body: 10, end: 18, depth: 0 },
    { start: 28, body: 30, end: 38, depth: 1 },
    { start: 41, body: 43, end: 51, depth: 0 },
  ]);
  refused(() => coreModules(mod()), 'not a WebAssembly component (no component header at byte 0)');
  refused(() => coreModules(component(1, 3, 1, 2, 3)), 'not a WebAssembly module (no \\0asm header)');
  refused(() => coreModules(component(4, 3, 1, 2, 3)), 'not a WebAssembly component (no component header at byte 10)');
  refused(() => coreModules(component(1, 9, ...HEADER)), 'truncated at byte 10');
  let deep = COMPONENT;
  for (let i = 0; i <= MAX_COMPONENT_DEPTH; i++) deep = [...COMPONENT, 4, ...u32Leb(deep.length), ...deep];
  assert.throws(
    () => coreModules(Uint8Array.from(deep)),
    (e) => e instanceof WasmReadError && e.message.startsWith(`components nest deeper than ${MAX_COMPONENT_DEPTH} at`),
  );
});

test('custom sections and exports, read without compiling, as the engine reads them', () => {
  const bytes = mod(
    ...section(0, Uint8Array.from([...name('wasi-io-main'), ...Buffer.from('1 in:a')])),
    ...section(0, Uint8Array.from([...name('other'), 9])),
    ...section(0, Uint8Array.from([...name('wasi-io-main')])),
    ...section(7, vec([Uint8Array.from([...name('main'), 0, 3]), Uint8Array.from([...name('memory'), 2, 0])])),
  );
  const got = customSections(bytes, 'wasi-io-main').map((b) => Buffer.from(b).toString());
  assert.deepEqual(got, ['1 in:a', '']);
  assert.deepEqual(readExports(bytes), [
    { name: 'main', kind: 0 },
    { name: 'memory', kind: 2 },
  ]);
  // the same as V8's reading (a valid module: these sections alone)
  const m = new WebAssembly.Module(mod(...section(0, Uint8Array.from([...name('wasi-io-main'), 7]))));
  assert.deepEqual(
    customSections(mod(...section(0, Uint8Array.from([...name('wasi-io-main'), 7]))), 'wasi-io-main').map((b) => [
      ...b,
    ]),
    WebAssembly.Module.customSections(m, 'wasi-io-main').map((b) => [...new Uint8Array(b)]),
  );
  refused(() => customSections(mod(0, 5, 1), 'x'), 'truncated at byte 10');
});
