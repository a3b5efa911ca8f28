// component-run.mjs: a command component made ready to run on Node.js, as `jco run` makes it, but transpiled by component-transpile.mjs (so that setjmp/longjmp's exception handling runs) and with one-line errors.
//
//   prepareRun({ component, modules, setup }) -> Promise<{ dir, script, imports, bytes }>
//
// component: the component's path; modules: the node_modules/@bytecodealliance
// folder with jco-transpile and preview2-shim; setup: run-setup.mjs, loaded
// before the component. Makes a temporary folder `dir` with the
// transpiled component (its WASI imports mapped to preview2-shim, which a
// link in dir/node_modules finds), a package.json that makes its .js
// files modules, and `script`, which runs the component's wasi:cli/run
// when Node runs it with the program's arguments after it:
//   exit status 0 when run returns ok; 1 when it returns err (the status
//   wasi:cli/exit gives a failure, which preview2-shim exits with itself);
//   126 and `wasi-run-component: NAME: cannot run it: WHY` when it cannot
//   be instantiated or is no command; 134 and `wasi-run-component: NAME:
//   trap: MESSAGE` on stderr when the component traps ("stack overflow"
//   when V8's stack ran out); 70 and `wasi-run-component: NAME: MESSAGE`
//   for any other error. Every message is one line.
// `bytes` is the component as read; `imports` are the modules the
// transpiled code imports (preview2-shim's
// "@bytecodealliance/preview2-shim/io", ... for the WASI interfaces); the
// component itself is dir/component.js.
// Throws (one-line message) when the component cannot be read or
// transpiled; the caller removes dir (removeRun) once the run is over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpileComponent } from './component-transpile.mjs';

export const RUN_NAME = 'component';

// The script the run's Node loads: setup first, then the component.
function runScript(setup, label) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const exit = pathToFileURL(path.join(here, 'wasi-run-exit.mjs')).href;
  return `import ${JSON.stringify(pathToFileURL(setup).href)};
import { EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_TRAP, oneLineMessage as oneLine, say, setProgramName, trapLine } from ${JSON.stringify(exit)};
setProgramName('wasi-run-component');
const label = ${JSON.stringify(label)};
let mod;
try {
  mod = await import('./${RUN_NAME}.js');
} catch (e) {
  say(\`\${label}: cannot run it: \${oneLine(e)}\`);
  process.exit(EXIT_CANNOT_RUN);
}
if (!mod.run?.run) {
  say(\`\${label}: cannot run it: not a command component (no wasi:cli/run export)\`);
  process.exit(EXIT_CANNOT_RUN);
}
try {
  await mod.run.run();
} catch (e) {
  const trap = trapLine(e);
  if (trap !== null) {
    say(\`\${label}: trap: \${trap}\`);
    process.exit(EXIT_TRAP);
  }
  if (e instanceof Error) {
    say(\`\${label}: \${oneLine(e)}\`);
    process.exit(EXIT_INTERNAL);
  }
  process.exit(1); // run returned err
}
await new Promise((resolve) => setTimeout(resolve)); // the streams' last writes
process.exit(0);
`;
}

export async function prepareRun({ component, modules, setup }) {
  const { transpileBytes } = await import(pathToFileURL(path.join(modules, 'jco-transpile/dist/index.js')).href);
  const bytes = new Uint8Array(fs.readFileSync(component));
  const { files, imports } = await transpileComponent(
    bytes,
    { name: RUN_NAME, emitTypescriptDeclarations: false, wasiShim: true, quiet: true },
    transpileBytes,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-run-component-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    fs.mkdirSync(path.join(dir, 'node_modules/@bytecodealliance'), { recursive: true });
    fs.symlinkSync(path.join(modules, 'preview2-shim'), path.join(dir, 'node_modules/@bytecodealliance/preview2-shim'));
    const script = path.join(dir, '_run.mjs');
    fs.writeFileSync(script, runScript(setup, path.basename(component)));
    return { dir, script, imports, bytes };
  } catch (e) {
    removeRun(dir);
    throw e;
  }
}

export function removeRun(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {}
}
