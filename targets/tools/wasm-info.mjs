// wasm-info.mjs: what a WebAssembly module is made of, read from its bytes
// (no runtime, no external tool). Shared by wasi-sizes.mjs and
// wasi-triple.mjs.
//
//   readModule(bytes) -> {
//     bytes,                       total size
//     code, data, custom, other,   bytes per kind of section, headers
//                                  included (code + data + custom + other
//                                  + 8 == bytes)
//     customs: [{name, bytes}],    the custom sections
//     imports: [{module, name, kind}],
//     functionNames: [string],     from the "name" section ([] when
//                                  stripped)
//   }
//   Throws an Error whose message says what is wrong when bytes are not a
//   WebAssembly binary module (version 1) or a section runs past the end.
//
//   capabilities(imports) -> [{group, names: [string]}]
//     the module's preview1 imports grouped by what they ask of the host
//     (GROUPS order); imports from other modules go to "other".
//   needsFilesystem(imports) -> bool: imports anything of group "files".
//
//   The module is read with js/wasm-binary.mjs (bounds-checked; errors are
//   its WasmReadError).

import { checkHeader, IMPORT_KINDS, Reader, readImport, readNameMaps, sections } from './js/wasm-binary.mjs';

export const GROUPS = [
  // A host filesystem: preopened directories and what works on them.
  [
    'files',
    /^(path_|fd_prestat_|fd_readdir$|fd_filestat_|fd_advise$|fd_allocate$|fd_renumber$|fd_fdstat_set_rights$|fd_sync$|fd_datasync$|fd_pread$|fd_pwrite$)/,
  ],
  // Streams: standard input and output (and seeking on them).
  ['streams', /^(fd_read|fd_write|fd_close|fd_seek|fd_tell|fd_fdstat_get|fd_fdstat_set_flags)$/],
  ['poll', /^poll_oneoff$/],
  ['args', /^(args_|environ_)/],
  ['clocks', /^clock_/],
  ['random', /^random_get$/],
  ['process', /^(proc_exit|proc_raise|sched_yield)$/],
  ['sockets', /^sock_/],
];
const PREVIEW1 = 'wasi_snapshot_preview1';

function readImports(r) {
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    const { module, name, kind } = readImport(r);
    out.push({ module, name, kind: IMPORT_KINDS[kind] });
  }
  return out;
}

export function readModule(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  checkHeader(b);
  const m = { bytes: b.length, code: 0, data: 0, custom: 0, other: 0, customs: [], imports: [], functionNames: [] };
  for (const { id, start, body, end } of sections(b)) {
    const total = end - start;
    if (id === 0) {
      const r = new Reader(b, body, end);
      const name = r.name();
      m.custom += total;
      m.customs.push({ name, bytes: total });
      if (name === 'name') m.functionNames = [...readNameMaps(r)[1].values()];
    } else if (id === 10) {
      m.code += total;
    } else if (id === 11) {
      m.data += total;
    } else {
      m.other += total;
      if (id === 2) m.imports = readImports(new Reader(b, body, end));
    }
  }
  return m;
}

export function capabilities(imports) {
  const groups = new Map(GROUPS.map(([g]) => [g, []]));
  groups.set('other', []);
  for (const i of imports) {
    if (i.kind !== 'function') continue;
    let g = 'other';
    if (i.module === PREVIEW1) {
      const hit = GROUPS.find(([, re]) => re.test(i.name));
      if (hit) g = hit[0];
    }
    groups.get(g).push(i.module === PREVIEW1 ? i.name : `${i.module}.${i.name}`);
  }
  return [...groups].filter(([, n]) => n.length).map(([group, names]) => ({ group, names: names.sort() }));
}

export function needsFilesystem(imports) {
  return capabilities(imports).some((c) => c.group === 'files');
}
