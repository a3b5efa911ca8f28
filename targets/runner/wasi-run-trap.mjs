// wasi-run-trap.mjs: what wasi-run says when a module traps.
//
//   exportStackPointer(bytes) -> bytes
//     the module with one more export, STACK_POINTER_EXPORT, of its stack
//     pointer global (the global the name section calls __stack_pointer,
//     else the first mutable i32 global the module defines, which is where
//     wasm-ld puts it); the bytes unchanged when there is no such global or
//     no export section. Lets trapReport tell a stack overflow.
//   trapReport(file, error, module, instance) -> string
//     "FILE: trap: WHAT" and the function backtrace, innermost first, one
//     "  at NAME (wasm-function[N]:0xOFFSET)" line per frame; lines are
//     joined by "\nwasi-run: ", so that each is the runner's. Names come
//     from the module's name section (the triples' drivers keep it when
//     clang runs wasm-opt), else from V8, else the export naming the
//     function. WHAT is V8's message, or "stack overflow" when the engine's
//     call stack ran out (RangeError) or the guest's stack pointer went
//     below the bottom of the stack (below byte 1024, where wasm-ld starts
//     data, or wrapped past the end of memory).
export const STACK_POINTER_EXPORT = '__wasi_run_stack_pointer';

// Frames kept by V8 for a backtrace, and how many are printed.
Error.stackTraceLimit = 200;
const SHOWN = 40;

class Bytes {
  constructor(b, p = 0) { this.b = b; this.p = p; }
  u32() {
    let r = 0, shift = 0, c;
    do {
      if (this.p >= this.b.length) throw new Error('truncated');
      c = this.b[this.p++];
      r += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
    return r;
  }
  name() {
    const n = this.u32();
    const s = Buffer.from(this.b.subarray(this.p, this.p + n)).toString('utf8');
    this.p += n;
    return s;
  }
}

function leb(n) {
  const out = [];
  do {
    let c = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) c |= 0x80;
    out.push(c);
  } while (n);
  return out;
}

// Sections of a module: [{id, head (its id byte), start (payload), end}].
function sections(b) {
  const r = new Bytes(b, 8);
  const out = [];
  while (r.p < b.length) {
    const head = r.p;
    const id = b[r.p++];
    const size = r.u32();
    out.push({ id, head, start: r.p, end: r.p + size });
    r.p += size;
  }
  return out;
}

// Index -> name maps of the name section's subsections 1 (functions) and
// 7 (globals); payload is the section's content after its name.
function nameMaps(payload) {
  const maps = { 1: new Map(), 7: new Map() };
  const r = new Bytes(payload);
  while (r.p < payload.length) {
    const sub = payload[r.p++];
    const size = r.u32();
    const end = r.p + size;
    if (maps[sub]) {
      for (let n = r.u32(); n > 0; n--) {
        const i = r.u32();
        maps[sub].set(i, r.name());
      }
    }
    r.p = end;
  }
  return maps;
}

export function exportStackPointer(bytes) {
  try {
    const b = new Uint8Array(bytes);
    const secs = sections(b);
    const imports = secs.find((s) => s.id === 2);
    const globals = secs.find((s) => s.id === 6);
    const exports = secs.find((s) => s.id === 7);
    if (!globals || !exports) return bytes;
    let importedGlobals = 0;
    if (imports) {
      const r = new Bytes(b, imports.start);
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = b[r.p++];
        if (kind === 0) r.u32();
        else if (kind === 1) { r.p++; const f = b[r.p++]; r.u32(); if (f & 1) r.u32(); }
        else if (kind === 2) { const f = b[r.p++]; r.u32(); if (f & 1) r.u32(); }
        else if (kind === 3) { r.p += 2; importedGlobals++; }
        else if (kind === 4) { r.p++; r.u32(); }
        else return bytes;
      }
    }
    let index = -1;
    for (const s of secs.filter((c) => c.id === 0)) {
      const r = new Bytes(b, s.start);
      if (r.name() !== 'name') continue;
      for (const [i, n] of nameMaps(b.subarray(r.p, s.end))[7])
        if (n === '__stack_pointer') index = i;
    }
    if (index < 0) {
      const r = new Bytes(b, globals.start);
      if (r.u32() > 0 && b[r.p] === 0x7f && b[r.p + 1] === 1) index = importedGlobals;
    }
    if (index < 0) return bytes;
    const r = new Bytes(b, exports.start);
    const count = r.u32();
    const entry = [...leb(STACK_POINTER_EXPORT.length), ...Buffer.from(STACK_POINTER_EXPORT),
                   3, ...leb(index)];
    const payload = [...leb(count + 1), ...b.subarray(r.p, exports.end), ...entry];
    const out = Buffer.concat([b.subarray(0, exports.head),
      Uint8Array.from([7, ...leb(payload.length), ...payload]), b.subarray(exports.end)]);
    return WebAssembly.validate(out) ? out : bytes;
  } catch {
    return bytes;
  }
}

function functionNames(module) {
  const names = new Map();
  for (const s of WebAssembly.Module.customSections(module, 'name')) {
    try {
      for (const [i, n] of nameMaps(new Uint8Array(s))[1]) names.set(i, n);
    } catch { /* a malformed name section names nothing */ }
  }
  return names;
}

function stackOverflowed(error, instance) {
  if (error instanceof RangeError) return true;
  const sp = instance?.exports?.[STACK_POINTER_EXPORT];
  const memory = instance?.exports?.memory;
  if (!(sp instanceof WebAssembly.Global) || !(memory instanceof WebAssembly.Memory)) return false;
  const v = sp.value >>> 0;
  return v < 1024 || v >= memory.buffer.byteLength;
}

export function trapReport(file, error, module, instance) {
  const what = stackOverflowed(error, instance) ? 'stack overflow' : error.message;
  const names = functionNames(module);
  const frames = [];
  for (const line of String(error.stack ?? '').split('\n')) {
    const m = /^\s*at (?:(.*?) \()?wasm:\/\/wasm\/[^:]*:wasm-function\[(\d+)\]:(0x[0-9a-f]+)\)?$/.exec(line);
    if (!m) continue;
    const index = Number(m[2]);
    const v8name = m[1] && !/^\$?wasm-function\[/.test(m[1]) ? m[1].replace(/^\$/, '') : null;
    frames.push(`  at ${names.get(index) ?? v8name ?? `function[${index}]`} (wasm-function[${index}]:${m[3]})`);
  }
  const lines = [`${file}: trap: ${what}`, ...frames.slice(0, SHOWN)];
  if (frames.length > SHOWN) lines.push(`  ... ${frames.length - SHOWN} more frames`);
  if (!frames.length) lines.push('  (no WebAssembly frames)');
  return lines.join('\nwasi-run: ');
}
