// measure.mjs: the sizes of a module file, as wasi-sizes and wasi-triple
// report them.
//
//   measure(file, work) -> { m, opt, gzip, optNote }
//     m        readModule() of the file as it is (raw)
//     opt      bytes of the form it ships in: the smallest of the module
//              stripped (wasm-opt --strip-debug --strip-producers), the
//              module after wasm-opt -Oz and stripped, and the module as it
//              is when it has no debug, name or producers section (clang
//              already runs wasm-opt at link time when it is on PATH, and
//              another pass can add a few bytes); null without binaryen's
//              wasm-opt
//     gzip     bytes of that (of the raw module without wasm-opt),
//              gzip -9
//     optNote  why opt is null although wasm-opt exists, or null
//   Throws readModule()'s Error when the file is not a module. work is a
//   scratch folder.
//   haveWasmOpt() -> bool: wasm-opt ($WASM_OPT, else on PATH) runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readModule } from './wasm-info.mjs';

const WASM_OPT = process.env.WASM_OPT || 'wasm-opt';
let have;

export function haveWasmOpt() {
  if (have === undefined) have = spawnSync(WASM_OPT, ['--version']).status === 0;
  return have;
}

export function measure(file, work) {
  const bytes = readFileSync(file);
  const m = readModule(bytes);
  let shipped = bytes,
    opt = null,
    optNote = null;
  if (haveWasmOpt()) {
    const strippable = m.customs.some(
      (c) => c.name === 'name' || c.name === 'producers' || c.name.startsWith('.debug'),
    );
    if (!strippable) opt = bytes.length;
    for (const level of [[], ['-Oz']]) {
      const out = join(work, 'opt.wasm');
      const r = spawnSync(WASM_OPT, [...level, '--strip-debug', '--strip-producers', file, '-o', out], {
        encoding: 'utf8',
      });
      if (r.status !== 0) {
        optNote = `wasm-opt failed: ${(r.stderr || '').split('\n')[0]}`;
        continue;
      }
      const b = readFileSync(out);
      if (opt === null || b.length < opt) {
        shipped = b;
        opt = b.length;
      }
    }
    if (opt !== null) optNote = null;
  }
  return { m, opt, gzip: gzipSync(shipped, { level: 9 }).length, optNote };
}
