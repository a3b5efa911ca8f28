// wasm-binary.mjs: the one reader and writer of WebAssembly binary modules (and of the components that hold them), bounds-checked.
//
// Reader(bytes, start, end): a cursor over bytes[start, end) that cannot
// read outside it: a read past `end`, a LEB128 longer than its type allows
// (5 bytes for 32 bits, 10 for 64) or out of its range throws a
// WasmReadError whose message names the byte. Nothing here reads a byte
// outside the array it is given, whatever the bytes hold.
//
// Readers of a module's parts, each on a Reader:
//   checkHeader(bytes)        the "\0asm" magic and version 1, else a WasmReadError
//   sections(bytes[, start, end])
//                             [{ id, start (its id byte), body, end }], in order,
//                             of the module or component at bytes[start, end)
//   readImport(r)             { module, name, kind (0 function .. 4 tag) }
//   readNameMaps(r)           the "name" section's payload after its name:
//                             { 1: Map(function index -> name), 7: Map(global
//                             index -> name) }
// Components (the component model's binary format, layer 1):
//   isComponent(bytes[, start, end])  the header of a component
//   coreModules(bytes)        its core modules, nested components' included,
//                             depth-first in binary order: [{ start (the
//                             section's id byte), body (the module's "\0asm"),
//                             end, depth }]
// Writers (Uint8Array out):
//   u32Leb(n), i32Leb(n), section(id, body), vec(items), concatBytes(parts)

import { concatBytes } from './bytes.mjs';

export { concatBytes };

export class WasmReadError extends Error {}

export const SECTION = Object.freeze({
  CUSTOM: 0,
  TYPE: 1,
  IMPORT: 2,
  FUNCTION: 3,
  TABLE: 4,
  MEMORY: 5,
  GLOBAL: 6,
  EXPORT: 7,
  START: 8,
  ELEMENT: 9,
  CODE: 10,
  DATA: 11,
  DATA_COUNT: 12,
  TAG: 13,
});

// A component's sections read here: those that hold other binaries, a
// core module (a whole module, header and all) and a nested component, and
// its imports.
export const COMPONENT_SECTION = Object.freeze({ CORE_MODULE: 1, COMPONENT: 4, IMPORT: 10 });

// How deep coreModules() follows nested components before it gives up.
export const MAX_COMPONENT_DEPTH = 64;

export const IMPORT_KINDS = Object.freeze(['function', 'table', 'memory', 'global', 'tag']);

export class Reader {
  constructor(bytes, start = 0, end = bytes.length) {
    if (!(start >= 0) || end > bytes.length || start > end)
      throw new WasmReadError(`range ${start}..${end} is outside the ${bytes.length} bytes`);
    this.b = bytes;
    this.p = start;
    this.end = end;
  }
  // Throws unless n more bytes are there.
  need(n) {
    if (!(n >= 0) || this.p + n > this.end) throw new WasmReadError('truncated at byte ' + this.p);
  }
  byte() {
    this.need(1);
    return this.b[this.p++];
  }
  // The next n bytes (a view), skipped.
  bytes(n) {
    this.need(n);
    this.p += n;
    return this.b.subarray(this.p - n, this.p);
  }
  // An unsigned LEB128 of at most `bits` bits (5 bytes for 32).
  unsigned(bits) {
    const at = this.p,
      most = Math.ceil(bits / 7);
    let r = 0,
      c;
    for (let i = 0; ; i++) {
      if (i === most) throw new WasmReadError('LEB128 too long at byte ' + at);
      c = this.byte();
      r += (c & 0x7f) * 2 ** (7 * i);
      if (!(c & 0x80)) break;
    }
    if (r >= 2 ** bits) throw new WasmReadError('LEB128 out of range at byte ' + at);
    return r;
  }
  u32() {
    return this.unsigned(32);
  }
  // A signed LEB128 of at most `bits` bits (i32.const: 32, i64.const: 64;
  // a 64-bit value comes back as a BigInt).
  signed(bits) {
    const at = this.p,
      most = Math.ceil(bits / 7);
    let r = 0n,
      shift = 0n,
      c;
    for (let i = 0; ; i++) {
      if (i === most) throw new WasmReadError('LEB128 too long at byte ' + at);
      c = this.byte();
      r |= BigInt(c & 0x7f) << shift;
      shift += 7n;
      if (!(c & 0x80)) break;
    }
    if (c & 0x40) r -= 1n << shift;
    if (r < -(1n << BigInt(bits - 1)) || r >= 1n << BigInt(bits - 1))
      throw new WasmReadError('LEB128 out of range at byte ' + at);
    return bits <= 32 ? Number(r) : r;
  }
  // A name: its length, then that many bytes of UTF-8.
  name() {
    return new TextDecoder().decode(this.bytes(this.u32()));
  }
  // Table or memory limits: flags, min, and max when flags & 1.
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

// Throws a WasmReadError unless bytes start a binary module of version 1.
export function checkHeader(bytes) {
  const b = bytes;
  if (b.length < 8 || b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d)
    throw new WasmReadError('not a WebAssembly module (no \\0asm header)');
  if (b[4] !== 1 || b[5] || b[6] || b[7]) throw new WasmReadError('not a WebAssembly binary module of version 1');
}

// The sections after the header of the module or component at
// bytes[start, end) (all of bytes by default): [{ id, start, body, end }]
// (start: the id byte; body: the first byte of the contents; end: one past
// them). Throws a WasmReadError for a section that runs past the end.
export function sections(bytes, start = 0, end = bytes.length) {
  const out = [];
  const r = new Reader(bytes, start + 8, end);
  while (r.p < end) {
    const start = r.p,
      id = r.byte(),
      size = r.u32(),
      body = r.p;
    r.bytes(size);
    out.push({ id, start, body, end: r.p });
  }
  return out;
}

// True when bytes[start, end) starts with a component's header: the
// "\0asm" magic, version 0x0d and layer 1.
export function isComponent(bytes, start = 0, end = bytes.length) {
  const b = bytes,
    s = start;
  return (
    end - s >= 8 &&
    b[s] === 0 &&
    b[s + 1] === 0x61 &&
    b[s + 2] === 0x73 &&
    b[s + 3] === 0x6d &&
    b[s + 4] === 0x0d &&
    b[s + 5] === 0 &&
    b[s + 6] === 1 &&
    b[s + 7] === 0
  );
}

// The core modules of the component in bytes, those of its nested
// components included, depth-first in binary order: [{ start (the
// section's id byte), body (the module's first byte), end, depth (0 at the
// top) }]. Throws a WasmReadError when bytes, or a nested component, is
// not a component, a section runs past its end, a core module has no
// module header, or components nest deeper than MAX_COMPONENT_DEPTH.
export function coreModules(bytes, start = 0, end = bytes.length, depth = 0, out = []) {
  if (!isComponent(bytes, start, end))
    throw new WasmReadError(`not a WebAssembly component (no component header at byte ${start})`);
  if (depth > MAX_COMPONENT_DEPTH)
    throw new WasmReadError(`components nest deeper than ${MAX_COMPONENT_DEPTH} at byte ${start}`);
  for (const s of sections(bytes, start, end)) {
    if (s.id === COMPONENT_SECTION.CORE_MODULE) {
      checkHeader(bytes.subarray(s.body, s.end));
      out.push({ start: s.start, body: s.body, end: s.end, depth });
    } else if (s.id === COMPONENT_SECTION.COMPONENT) {
      coreModules(bytes, s.body, s.end, depth + 1, out);
    }
  }
  return out;
}

// The contents of the custom sections called name of the module at
// bytes[start, end) (all of bytes by default), in order: byte arrays (views
// of bytes). What WebAssembly.Module.customSections gives, without
// compiling the module. Throws a WasmReadError as sections() does.
export function customSections(bytes, name, start = 0, end = bytes.length) {
  const out = [];
  for (const s of sections(bytes, start, end)) {
    if (s.id !== SECTION.CUSTOM) continue;
    const r = new Reader(bytes, s.body, s.end);
    if (r.name() === name) out.push(bytes.subarray(r.p, s.end));
  }
  return out;
}

// The exports of the module at bytes[start, end): [{ name, kind }] (kind a
// number: 0 function, 1 table, 2 memory, 3 global, 4 tag).
export function readExports(bytes, start = 0, end = bytes.length) {
  const out = [];
  for (const s of sections(bytes, start, end)) {
    if (s.id !== SECTION.EXPORT) continue;
    const r = new Reader(bytes, s.body, s.end);
    for (let n = r.u32(); n > 0; n--) {
      const name = r.name();
      const kind = r.byte();
      r.u32();
      out.push({ name, kind });
    }
  }
  return out;
}

// One entry of the import section: its names and kind (a number, see
// IMPORT_KINDS), its description skipped. Throws for an unknown kind.
export function readImport(r) {
  const module = r.name(),
    name = r.name(),
    kind = r.byte();
  switch (kind) {
    case 0:
      r.u32();
      break; // type index
    case 1:
      r.byte();
      r.limits();
      break; // reftype, limits
    case 2:
      r.limits();
      break;
    case 3:
      r.byte();
      r.byte();
      break; // valtype, mutability
    case 4:
      r.byte();
      r.u32();
      break; // attribute, type index
    default:
      throw new WasmReadError(`unknown import kind ${kind} for ${module}.${name}`);
  }
  return { module, name, kind };
}

// The function (1) and global (7) name maps of a "name" section, read from
// r (just after the section's own name) to r.end. Throws a WasmReadError
// when a subsection runs past the section.
export function readNameMaps(r) {
  const maps = { 1: new Map(), 7: new Map() };
  while (r.p < r.end) {
    const id = r.byte(),
      size = r.u32(),
      next = r.p + size;
    if (next > r.end) throw new WasmReadError('name section runs past its end');
    if (maps[id]) {
      const sub = new Reader(r.b, r.p, next);
      for (let n = sub.u32(); n > 0; n--) {
        const index = sub.u32();
        maps[id].set(index, sub.name());
      }
    }
    r.p = next;
  }
  return maps;
}

// ---- writing ---------------------------------------------------------------

// The unsigned LEB128 of n (0 <= n < 2^53).
export function u32Leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Uint8Array.from(out);
}

// The signed LEB128 of n taken as an i32.
export function i32Leb(n) {
  const out = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b);
      break;
    }
    out.push(b | 0x80);
  }
  return Uint8Array.from(out);
}

// A section: its id, its size, its body.
export const section = (id, body) => concatBytes([Uint8Array.of(id), u32Leb(body.length), body]);

// A vector: the count, then the items (byte arrays) as they are.
export const vec = (items) => concatBytes([u32Leb(items.length), ...items]);
