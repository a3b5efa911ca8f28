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

import { readImport, Reader, readNameMaps, sections, u32Leb } from './js/wasm-binary.mjs';

export const STACK_POINTER_EXPORT = '__wasi_run_stack_pointer';

// Frames kept by V8 for a backtrace, and how many are printed.
Error.stackTraceLimit = 200;
const SHOWN = 40;

// Index -> name maps of the name section's subsections 1 (functions) and
// 7 (globals); payload is the section's content after its name.
const nameMaps = (payload) => readNameMaps(new Reader(payload));

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
      const r = new Reader(b, imports.body, imports.end);
      for (let n = r.u32(); n > 0; n--) if (readImport(r).kind === 3) importedGlobals++;
    }
    let index = -1;
    for (const s of secs.filter((c) => c.id === 0)) {
      const r = new Reader(b, s.body, s.end);
      if (r.name() !== 'name') continue;
      for (const [i, n] of readNameMaps(r)[7]) if (n === '__stack_pointer') index = i;
    }
    if (index < 0) {
      const r = new Reader(b, globals.body, globals.end);
      if (r.u32() > 0 && r.byte() === 0x7f && r.byte() === 1) index = importedGlobals;
    }
    if (index < 0) return bytes;
    const r = new Reader(b, exports.body, exports.end);
    const count = r.u32();
    const entry = [...u32Leb(STACK_POINTER_EXPORT.length), ...Buffer.from(STACK_POINTER_EXPORT), 3, ...u32Leb(index)];
    const payload = [...u32Leb(count + 1), ...b.subarray(r.p, exports.end), ...entry];
    const out = Buffer.concat([
      b.subarray(0, exports.start),
      Uint8Array.from([7, ...u32Leb(payload.length), ...payload]),
      b.subarray(exports.end),
    ]);
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
    } catch {
      /* a malformed name section names nothing */
    }
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
