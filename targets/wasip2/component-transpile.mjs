// component-transpile.mjs: jco's transpiler for components that use WebAssembly exception handling (setjmp/longjmp), through a stand-in.
//
//   transpileComponent(bytes, opts, transpileBytes)
//       -> Promise<{ files, imports, exports }>
//
// transpileBytes is jco-transpile's (`import { transpileBytes } from
// '@bytecodealliance/jco-transpile'`), opts its options. A component
// whose core modules define no exception tag goes to it as it is. Else it
// transpiles the stand-in (component-standin.mjs), with base64Cutoff 0 so
// that every core module is a file of its own, and the files are checked
// and mapped back: jco names a component's core modules NAME.core.wasm,
// NAME.core2.wasm, ... (NAME: opts.name, else "component") in the order
// coreModules reads them, writes each as it is, and the generated
// NAME.js compiles them from those files (WebAssembly.compile); each file
// must hold exactly the stand-in's module of its number, and there must
// be one file per module, or the transpilation is refused. The stand-ins'
// files then get the original modules, which V8 compiles with exception
// handling. Refused: opts.js (asm.js is made from the stand-in) and
// opts.optimize (it would rewrite the stand-in); the error is a
// StandInError with a one-line message.
import { coreModules } from './js/wasm-binary.mjs';
import { standInComponent, StandInError } from './component-standin.mjs';

export { StandInError };

export { oneLineMessage } from './wasi-run-exit.mjs';

const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// The file name jco gives the component's `index`th core module.
export const coreFileName = (name, index) => `${name}.core${index ? index + 1 : ''}.wasm`;

export async function transpileComponent(bytes, opts, transpileBytes) {
  const { bytes: standIn, replaced } = standInComponent(bytes);
  if (!replaced.length) return transpileBytes(bytes, opts);
  for (const option of ['js', 'optimize']) {
    if (opts[option]) throw new StandInError(`option ${option}: not with a component that uses exception handling`);
  }
  const name = opts.name ?? 'component';
  const out = await transpileBytes(standIn, { ...opts, name, base64Cutoff: 0 });
  const emitted = new Map();
  for (const file of Object.keys(out.files)) {
    if (file.endsWith('.wasm')) emitted.set(file.slice(file.lastIndexOf('/') + 1), file);
  }
  const modules = coreModules(standIn);
  if (emitted.size !== modules.length)
    throw new StandInError(`jco wrote ${emitted.size} core module files for ${modules.length} core modules`);
  modules.forEach((m, index) => {
    const file = emitted.get(coreFileName(name, index));
    if (!file || !sameBytes(out.files[file], standIn.subarray(m.body, m.end)))
      throw new StandInError(`core module ${index} is not jco's ${coreFileName(name, index)}`);
  });
  for (const { index, original } of replaced) out.files[emitted.get(coreFileName(name, index))] = original;
  return out;
}
