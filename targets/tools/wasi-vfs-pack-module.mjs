// wasi-vfs-pack-module.mjs: module rewriting: a module's image slot, data segments and memory read, and the module rebuilt with an image.

import { i32Leb, Reader, readImport, section, sections, u32Leb, vec, WasmReadError } from './js/wasm-binary.mjs';
import { fail } from './wasi-vfs-pack-fail.mjs';
import { HEADER, MAGIC, readImage, writeImage } from './wasi-vfs-pack-image.mjs';
import { buildTree } from './wasi-vfs-pack-tree.mjs';

// WebAssembly module surgery. Modules are read through js/wasm-binary.mjs's
// Reader, which cannot read past the end (a WasmReadError, which
// readModuleFile turns into a Failure naming the file).

const activeSegment = (addr, bytes) =>
  Buffer.concat([Buffer.from([0, 0x41]), i32Leb(addr), Buffer.from([0x0b]), u32Leb(bytes.length), bytes]);

// { sections: [{id, start, end, bodyStart, name?}], bytes }
export function parseModule(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail('not a WebAssembly module');
  if (bytes.readUInt32LE(4) !== 1) fail('unsupported WebAssembly version');
  const list = sections(bytes).map(({ id, start, body, end }) => {
    const s = { id, start, end, bodyStart: body };
    if (id === 0) {
      const c = new Reader(bytes, body, end);
      const name = c.bytes(c.u32());
      s.name = Buffer.from(name).toString('utf8');
      s.payload = c.p;
    }
    return s;
  });
  return { bytes, sections: list };
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
      if (readImport(r).kind === 2)
        fail('the module imports its memory: there is no place to put files it would not share');
    }
  }
  const s = mod.sections.find((x) => x.id === 5);
  if (!s) fail('the module has no memory');
  const r = body(mod, s);
  const n = r.u32();
  if (n !== 1) fail(`the module has ${n} memories`);
  const flags = r.byte();
  if (flags & ~1) fail('shared or 64-bit memory is not supported');
  const min = r.u32(),
    max = flags & 1 ? r.u32() : null;
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
    const at = r.p,
      c = r.byte();
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
    const from = r.p,
      flags = r.u32();
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
    const a = Math.max(addr, s.addr),
      z = Math.min(addr + len, s.addr + (s.end - s.start));
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
    fail(
      `${file}: no file image slot: a module takes files after linking when it was ` +
        'linked for wasm32-wasi-vfs without --vfs-no-transfer and opens files',
    );
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
export function packModule(file, bytes, specs, warn) {
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
  if (
    drop.size &&
    info.imageAddr >= 65536 &&
    info.imageAddr % 65536 === 0 &&
    Math.ceil((info.imageAddr + info.image.length) / 65536) === info.mem.min
  ) {
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
  const memBody = Buffer.concat([
    u32Leb(1),
    Buffer.from([info.mem.flags]),
    u32Leb(pages),
    info.mem.max !== null ? u32Leb(info.mem.max) : Buffer.alloc(0),
  ]);
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
