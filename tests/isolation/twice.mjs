// twice.mjs - two instances of one wasm32-wasi-vfs module share nothing.
//
//   node twice.mjs WASI-RUN INSTANCE.wasm
//
// In one process: the module is compiled once and instantiated twice. The
// first instance ("dirty", instance.c) changes its files, current
// directory, umask, environment and descriptors and grows its memory by
// 16 MiB, then calls sched_yield; this script serves that call by running
// the second instance ("pristine") to the end, which must find none of it;
// then the first goes on and finds all of it still there. Then the same
// with two processes under the runner at once. Prints "ok ..." per step;
// exits 1 at the first failure.
import { spawn, execFile } from 'node:child_process';
import { WASI } from 'node:wasi';
import fs from 'node:fs';

const [runner, file] = process.argv.slice(2);
const MiB = 1 << 20;
const fail = (why) => { console.log(`FAIL: ${why}`); process.exit(1); };

// ---- one process, one compiled module, two instances ----------------------
const module = await WebAssembly.compile(fs.readFileSync(file));

function instance(args, extra = {}) {
  const wasi = new WASI({ version: 'preview1', args: ['instance.wasm', ...args], env: {}, returnOnExit: true });
  return { wasi, imports: { ...wasi.wasiImport, ...extra } };
}

let second = null;
const a = instance(['dirty', 'yield'], {
  sched_yield() {
    if (second) fail('sched_yield called twice');
    const b = instance(['pristine']);
    const inst = new WebAssembly.Instance(module, { wasi_snapshot_preview1: b.imports });
    second = { status: b.wasi.start(inst), memory: inst.exports.memory };
    return 0;
  },
});
const first = new WebAssembly.Instance(module, { wasi_snapshot_preview1: a.imports });
const status = a.wasi.start(first);
if (!second) fail('the first instance never yielded');
if (second.status !== 0) fail(`the second instance, run while the first was dirty, exited ${second.status}`);
if (status !== 0) fail(`the first instance exited ${status} after the second ran`);
const bytesA = first.exports.memory.buffer.byteLength;
const bytesB = second.memory.buffer.byteLength;
if (first.exports.memory === second.memory) fail('the two instances have one memory');
if (bytesA < 16 * MiB) fail(`the first instance's memory is only ${bytesA} bytes`);
if (bytesB >= MiB) fail(`the second instance's memory grew to ${bytesB} bytes`);
console.log(`ok one process: first instance ${bytesA} bytes of memory, second ${bytesB}, nothing shared`);

// A third instance after the first has finished: still pristine.
const c = instance(['pristine']);
const third = new WebAssembly.Instance(module, { wasi_snapshot_preview1: c.imports });
if (c.wasi.start(third) !== 0) fail('a third instance, after the first, is not pristine');
console.log('ok one process: a third instance after the first finished is pristine');

// ---- two processes at once ------------------------------------------------
const dirty = spawn(runner, [file, 'dirty', 'stdin'], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
const exited = new Promise((resolve) => dirty.on('exit', (code) => resolve(code)));
await new Promise((resolve) => {
  dirty.stdout.on('data', (d) => {
    out += d;
    if (out.includes('ready\n')) resolve();
  });
  dirty.on('exit', resolve);
});
if (!out.includes('ready\n')) fail(`the dirty process ended early: ${out}`);
const pristine = await new Promise((resolve) =>
  execFile(runner, [file, 'pristine'], (err, stdout) => resolve({ code: err ? err.code : 0, stdout })));
if (pristine.code !== 0) fail(`the pristine process, run beside the dirty one: ${pristine.stdout}`);
dirty.stdin.end();
const code = await exited;
if (code !== 0) fail(`the dirty process exited ${code}: ${out}`);
console.log('ok two processes at once: nothing shared');
