// component-standin.mjs: the stand-in of a component whose core modules use WebAssembly exception handling (the setjmp/longjmp lowering), which jco's transpiler can translate.
//
//   standInComponent(bytes) -> { bytes, replaced: [{ index, original, standIn }] }
//
// jco 1.35's transpiler validates every core module with the exceptions
// proposal off ("exceptions proposal not enabled"), and with
// bindgenEnableWasmExnref on still refuses the legacy instructions clang
// emits (try, catch, throw, rethrow, delegate, catch_all), which Node's V8
// runs. A module that defines tags (a tag section: clang's __c_longjmp) is
// replaced here by a stand-in with the same types, imports, exports,
// functions, tables, memories, globals, elements and data, but no tag
// section and every function body `unreachable`: it validates, and the
// JavaScript generated for it instantiates it exactly as the original
// (component-transpile.mjs then puts the original's bytes where the
// stand-in's were emitted). A module that imports or exports a tag cannot
// be stood in for (its interface would change) and is refused; one that
// uses the instructions without defining a tag is left as it is (jco's
// transpiler then refuses it with its own message). `index` counts the
// component's core modules depth-first in binary order (coreModules),
// `bytes` is the whole component, `replaced` is empty when no module
// needed a stand-in (and `bytes` is then the component given).
//
// Read with js/wasm-binary.mjs (bounds-checked): a malformed component
// throws its WasmReadError (offsets inside a core module count from its
// header: "core module N: truncated at byte B"), a module that cannot be stood in for a
// StandInError, each with a one-line message.
import {
  concatBytes,
  COMPONENT_SECTION,
  coreModules,
  Reader,
  readImport,
  SECTION,
  section,
  sections,
  vec,
  WasmReadError,
} from './js/wasm-binary.mjs';

export class StandInError extends Error {}

const TAG_KIND = 4;
// A function body of no locals and one `unreachable`.
const UNREACHABLE_BODY = Uint8Array.of(3, 0, 0x00, 0x0b);

// The names of the tags the module at bytes imports or exports.
function tagInterface(bytes, list) {
  const names = [];
  for (const s of list) {
    const r = new Reader(bytes, s.body, s.end);
    if (s.id === SECTION.IMPORT) {
      for (let n = r.u32(); n > 0; n--) {
        const i = readImport(r);
        if (i.kind === TAG_KIND) names.push(`imports tag ${i.module}.${i.name}`);
      }
    } else if (s.id === SECTION.EXPORT) {
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name(),
          kind = r.byte();
        r.u32();
        if (kind === TAG_KIND) names.push(`exports tag ${name}`);
      }
    }
  }
  return names;
}

// The stand-in of core module `bytes` (the component's `index`th), or
// null when it defines no tag.
export function standInModule(bytes, index) {
  const list = sections(bytes);
  if (!list.some((s) => s.id === SECTION.TAG)) return null;
  const tags = tagInterface(bytes, list);
  if (tags.length) throw new StandInError(`core module ${index} ${tags[0]}: no stand-in can take its place`);
  const parts = [bytes.subarray(0, 8)];
  for (const s of list) {
    if (s.id === SECTION.TAG) continue;
    if (s.id === SECTION.CODE) {
      // every body read past (bounds-checked), so that the count is real
      const r = new Reader(bytes, s.body, s.end);
      const bodies = [];
      for (let n = r.u32(); n > 0; n--) {
        r.bytes(r.u32());
        bodies.push(UNREACHABLE_BODY);
      }
      parts.push(section(SECTION.CODE, vec(bodies)));
    } else {
      parts.push(bytes.subarray(s.start, s.end));
    }
  }
  return concatBytes(parts);
}

// The component at bytes[start, end) with each core module that
// standIn(module) replaces re-encoded, nested components included; null
// when nothing in it changed.
function rebuild(bytes, start, end, standIn) {
  const parts = [bytes.subarray(start, start + 8)];
  let changed = false;
  for (const s of sections(bytes, start, end)) {
    let body = null;
    if (s.id === COMPONENT_SECTION.CORE_MODULE) body = standIn(bytes.subarray(s.body, s.end));
    else if (s.id === COMPONENT_SECTION.COMPONENT) body = rebuild(bytes, s.body, s.end, standIn);
    parts.push(body ? section(s.id, body) : bytes.subarray(s.start, s.end));
    changed ||= body !== null;
  }
  return changed ? concatBytes(parts) : null;
}

export function standInComponent(bytes) {
  coreModules(bytes); // the whole component read first: headers, bounds, depth
  const replaced = [];
  let index = 0;
  const out = rebuild(bytes, 0, bytes.length, (original) => {
    let standIn;
    try {
      standIn = standInModule(original, index);
    } catch (e) {
      if (e instanceof WasmReadError) e.message = `core module ${index}: ${e.message}`;
      throw e;
    }
    if (standIn) replaced.push({ index, original, standIn });
    index++;
    return standIn;
  });
  return { bytes: out ?? bytes, replaced };
}
