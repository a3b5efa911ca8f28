// plain-wasi.mjs MODULE [ARGS...]: runs a module on Node's own WASI with
// nothing but the process's standard streams and the WASI_VFS_* variables
// of the environment: no runner, no preopen, as any preview1 runtime's
// command line would (wasmtime --env ..., and so on). Exit status: the
// module's.
import fs from 'node:fs';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WASI_VFS_')));
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env, returnOnExit: true });
const { instance } = await WebAssembly.instantiate(fs.readFileSync(file),
  { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
