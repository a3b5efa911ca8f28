// wasi-transpile.mjs: bin/wasi-transpile: a component into JavaScript and its core modules, as `jco transpile` writes them, through component-transpile.mjs (so that a component that uses exception handling, setjmp/longjmp, is taken).
//
//   node wasi-transpile.mjs MODULES [OPTIONS] COMPONENT -o DIR
//
// MODULES: the node_modules/@bytecodealliance folder with jco-transpile.
// Writes DIR/NAME.js, DIR/NAME.core*.wasm (and NAME.d.ts and the
// interfaces' declarations unless --no-typescript); the WASI imports are
// mapped to @bytecodealliance/preview2-shim, as `jco transpile` maps them,
// and every core module is a file (base64Cutoff 0) when one needed a
// stand-in. Statuses: 0 written, 1 refused (one line), 2 bad usage, 66
// COMPONENT unreadable, 73 DIR not writable.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { walkOptions } from './wasi-run-args.mjs';
import { die, EXIT_CANNOT_CREATE, EXIT_NO_INPUT, setProgramName, usageExit } from './wasi-run-exit.mjs';
import { writeBlocking } from './wasi-run-io.mjs';
import { oneLineMessage, transpileComponent } from './component-transpile.mjs';

const USAGE = `usage: wasi-transpile [OPTIONS] COMPONENT -o DIR
  -o, --out-dir DIR  where NAME.js and NAME.core*.wasm go
  --name NAME        the files' name (default: COMPONENT's, without .wasm)
  --no-typescript    no .d.ts files
  --help             print this help
`;

setProgramName('wasi-transpile');
const usageError = (why) => usageExit(why, USAGE);

const [modules, ...argv] = process.argv.slice(2);
const opts = { noTypescript: false };
const inputs = [];
for (let at = 0; at < argv.length;) {
  at =
    walkOptions(argv.slice(at), usageError, (arg, value, needValue, word) => {
      if ((arg === '--help' || arg === '-h') && value === undefined) {
        writeBlocking(1, Buffer.from(USAGE));
        process.exit(0);
      } else if (arg === '-o' || arg === '--out-dir') {
        opts.outDir = needValue();
      } else if (arg === '--name') {
        opts.name = needValue();
      } else if (arg === '--no-typescript' && value === undefined) {
        opts.noTypescript = true;
      } else {
        usageError(`unknown option ${word}`);
      }
    }) + at;
  if (at < argv.length) inputs.push(argv[at++]);
}
if (inputs.length !== 1)
  usageError(inputs.length ? `one component only, not ${inputs.join(' ')}` : 'no component given');
if (!opts.outDir) usageError('no output folder given (-o DIR)');
const component = inputs[0];
const name = opts.name ?? path.basename(component).replace(/\.wasm$/, '');

let bytes;
try {
  bytes = new Uint8Array(fs.readFileSync(component));
} catch (e) {
  die(EXIT_NO_INPUT, `${component}: cannot read it: ${e.code ?? e.message}`);
}
let files;
try {
  const { transpileBytes } = await import(pathToFileURL(path.join(modules, 'jco-transpile/dist/index.js')).href);
  ({ files } = await transpileComponent(
    bytes,
    { name, emitTypescriptDeclarations: !opts.noTypescript, wasiShim: true },
    transpileBytes,
  ));
} catch (e) {
  die(1, `${component}: ${oneLineMessage(e)}`);
}
try {
  for (const [file, content] of Object.entries(files)) {
    const to = path.join(opts.outDir, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, content);
  }
} catch (e) {
  die(EXIT_CANNOT_CREATE, `${opts.outDir}: cannot write it: ${e.code ?? e.message}`);
}
