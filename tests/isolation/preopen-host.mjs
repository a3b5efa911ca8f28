// preopen-host.mjs - runs a module under Node's WASI with host directories
// preopened, as any WASI host does, for the escape test. (wasi-run --dir on
// a wasm32-wasi-vfs module copies the directory in and back out instead,
// so the host's preopens are never offered to such a module there.)
//
//   node preopen-host.mjs [--dir HOST::GUEST]... MODULE.wasm [ARGS...]
//
// Exits with the module's exit status; 2 for a bad command line.
import { WASI } from 'node:wasi';
import fs from 'node:fs';

const argv = process.argv.slice(2);
const preopens = {};
while (argv[0] === '--dir') {
  const [host, guest] = (argv[1] ?? '').split('::');
  if (!host || !guest) {
    console.error(`preopen-host.mjs: --dir ${argv[1] ?? ''}: want HOST::GUEST`);
    process.exit(2);
  }
  preopens[guest] = host;
  argv.splice(0, 2);
}
if (!argv.length) {
  console.error('usage: node preopen-host.mjs [--dir HOST::GUEST]... MODULE.wasm [ARGS...]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: argv, env: {}, preopens, returnOnExit: true });
const module = await WebAssembly.compile(fs.readFileSync(argv[0]));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
