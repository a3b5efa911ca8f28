// wasi-run-module.mjs: loading node:wasi and the module, and the checks that it is a WASI command the runner can serve.
//
// Each function returns normally or exits with a message naming `file`.

import fs from 'node:fs';
import { die, EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_NOT_FOUND } from './wasi-run-exit.mjs';
import { exportStackPointer } from './wasi-run-trap.mjs';

// Reads and compiles `file`. Exits 127 if it does not exist, 126 if it cannot
// be read or is not a WebAssembly module.
export async function loadModule(file) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') die(EXIT_NOT_FOUND, `${file}: not found`);
    die(EXIT_CANNOT_RUN, `${file}: cannot read: ${e.code === 'EISDIR' ? 'is a directory' : e.message}`);
  }
  try {
    return await WebAssembly.compile(exportStackPointer(bytes));
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${file}: not a valid WebAssembly module: ${e.message}`);
  }
}

// Exits 126 listing every import that is not a function Node's WASI provides
// under wasi_snapshot_preview1.
export function checkImports(file, module, wasiImport) {
  const bad = WebAssembly.Module.imports(module).filter(
    (imp) =>
      imp.module !== 'wasi_snapshot_preview1' ||
      imp.kind !== 'function' ||
      imp.name.startsWith('_') ||
      typeof wasiImport[imp.name] !== 'function',
  );
  if (bad.length > 0) {
    die(
      EXIT_CANNOT_RUN,
      bad
        .map(
          (imp) =>
            `${file}: unsupported import ${imp.module}.${imp.name}` + (imp.kind === 'function' ? '' : ` (${imp.kind})`),
        )
        .join('\nwasi-run: '),
    );
  }
}

// Exits 126 unless the module is a WASI command: exports function _start and
// memory "memory", and no _initialize.
export function checkExports(file, module) {
  const kinds = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  if (kinds.get('_start') !== 'function') {
    die(
      EXIT_CANNOT_RUN,
      kinds.has('_initialize')
        ? `${file}: is a reactor (exports _initialize, no _start); nothing to run`
        : `${file}: not a WASI command (no _start export)`,
    );
  }
  if (kinds.has('_initialize')) die(EXIT_CANNOT_RUN, `${file}: exports both _start and _initialize`);
  if (kinds.get('memory') !== 'memory') die(EXIT_CANNOT_RUN, `${file}: does not export its memory`);
}

// Loads node:wasi. Node < 20 needs --experimental-wasi-unstable-preview1,
// which the launcher passes; without it, explain instead of a stack trace.
export async function loadWasi() {
  process.removeAllListeners('warning'); // keep stderr for the module alone
  try {
    return (await import('node:wasi')).WASI;
  } catch (e) {
    die(
      EXIT_INTERNAL,
      `Node.js ${process.version} has no usable node:wasi (${e.code ?? e.message}); ` +
        'Node < 20 needs --experimental-wasi-unstable-preview1, which the wasi-run launcher adds',
    );
  }
}
