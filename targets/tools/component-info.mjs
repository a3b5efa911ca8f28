// component-info.mjs: what a WebAssembly component (the component triples'
// output, WASI 0.2) holds, for wasi-sizes.
//
//   isComponent(bytes) -> bool: the header of a component (layer 1).
//   readComponent(bytes) -> { bytes, modules, imports }:
//     bytes    the component's size
//     modules  the sizes of its core modules at the top level, in order:
//              the program's first, then what the tools added (the
//              preview1 adapter and the shims that tie it in)
//     adapter  the size of the preview1 adapter among them (the largest
//              of the others when the program's module imports
//              wasi_snapshot_preview1), else 0
//     imports  the names of the instances and functions it imports
//              ("wasi:cli/environment@0.2.0", ...; not the types a world uses)
//   importGroups(imports) -> [{ group, names }]: the imports by WASI
//     package (io, cli, clocks, random, filesystem, sockets, other).
//
// Read with js/wasm-binary.mjs (bounds-checked); anything that is not a
// component, or is cut off, throws its WasmReadError.
import { COMPONENT_SECTION, isComponent, Reader, sections, WasmReadError } from './js/wasm-binary.mjs';
import { readModule } from './wasm-info.mjs';

export { isComponent };

// One import's extern description, skipped (its kind and type index).
// Returns the kind.
function skipExternDesc(r) {
  const kind = r.byte();
  if (kind === 0x00) {
    r.byte(); // 0x11: a core module type
    r.u32();
  } else if (kind === 0x01 || kind === 0x04 || kind === 0x05) {
    r.u32();
  } else if (kind === 0x02 || kind === 0x03) {
    if (r.byte() === 0x00 || kind === 0x02) r.signed(33);
  } else {
    throw new WasmReadError(`unknown import kind 0x${kind.toString(16)} at byte ${r.p - 1}`);
  }
  return kind;
}
// A type import (a resource type a world `use`s, e.g. wasi:io's
// input-stream named at the top level) asks the host for no capability.
const EXTERN_TYPE = 0x03;

export function readComponent(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (!isComponent(b)) throw new WasmReadError('not a WebAssembly component (no component header)');
  const c = { bytes: b.length, modules: [], adapter: 0, imports: [] };
  let first = null;
  for (const { id, body, end } of sections(b)) {
    if (id === COMPONENT_SECTION.CORE_MODULE) {
      if (!c.modules.length) first = b.subarray(body, end);
      c.modules.push(end - body);
    } else if (id === COMPONENT_SECTION.IMPORT) {
      const r = new Reader(b, body, end);
      for (let n = r.u32(); n > 0; n--) {
        const form = r.byte();
        if (form !== 0x00 && form !== 0x01)
          throw new WasmReadError(`unknown import name form 0x${form.toString(16)} at byte ${r.p - 1}`);
        const name = r.name();
        if (skipExternDesc(r) !== EXTERN_TYPE) c.imports.push(name);
      }
    }
  }
  if (first && readModule(first).imports.some((i) => i.module === 'wasi_snapshot_preview1'))
    c.adapter = Math.max(0, ...c.modules.slice(1));
  return c;
}

const PACKAGES = ['io', 'cli', 'clocks', 'random', 'filesystem', 'sockets'];

export function importGroups(imports) {
  const groups = new Map([...PACKAGES, 'other'].map((g) => [g, []]));
  for (const name of imports) {
    const m = /^wasi:([a-z-]+)\/([^@]+)/.exec(name);
    const g = m && PACKAGES.includes(m[1]) ? m[1] : 'other';
    groups.get(g).push(m ? m[2] : name);
  }
  return [...groups].filter(([, n]) => n.length).map(([group, names]) => ({ group, names }));
}
