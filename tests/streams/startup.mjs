// startup.mjs OUT.md TOOLS... : start-up time of a wasm32-wasi-vfs module
// with no file image, with one small file, and with 10,000 files of 100 MiB
// in all (100 directories of 100 files), both packed after linking.
//   node startup.mjs REPORT.md PACK STARTUP.wasm WORK [RUNNER]
// Measured with wasi-shim.mjs (its monotonic clock is performance.now(),
// so the module's times and the host's share an origin), median of 3 runs:
//   compile      WebAssembly.compile of the module's bytes
//   instantiate  WebAssembly.instantiate (the engine copies data segments,
//                the image among them, into memory)
//   to main      _start called -> main's first line (what the module does
//                before main: nothing here grows with the image)
//   first open   main -> a file of the image opened and one byte read (the
//                filesystem created, the image mounted, the directories on
//                the way filled)
// and, with the runner, the whole process (node start to exit).
// The times are a report, not a check (they depend on the machine's load;
// bench/ measures speed). The check is deterministic: the linear memory
// that start-up and the first open add (memory.grow) with the 100 MiB
// image is at most 256 KiB more than with no image, so nothing of the
// image is copied in proportion to its size. Exit 1 when it is more.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WasiShim } from '../../targets/web/wasi-shim.mjs';

const [report, pack, startup, work, runner] = process.argv.slice(2);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

// The trees.
const small = path.join(work, 'small');
fs.mkdirSync(small);
fs.writeFileSync(path.join(small, 'hello.txt'), 'hello\n');
const big = path.join(work, 'big');
const chunk = Buffer.alloc(10486, 'x'); // 10,000 of them: 100 MiB
for (let d = 0; d < 100; d++) {
  const dir = path.join(big, `d${d}`);
  fs.mkdirSync(dir, { recursive: true });
  for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(dir, `f${f}.txt`), chunk);
}

const variants = [
  { name: 'no image', module: startup, file: '/tmp' },
  { name: 'one small file', spec: `${small}:/data`, file: '/data/hello.txt' },
  { name: '10,000 files, 100 MiB', spec: `${big}:/data`, file: '/data/d57/f42.txt' },
];
for (const v of variants) {
  if (v.spec) {
    v.module = path.join(work, `${v.name.replace(/[^a-zA-Z0-9]+/g, '-')}.wasm`);
    execFileSync(pack, [startup, v.spec, '-o', v.module]);
  }
  v.bytes = fs.readFileSync(v.module);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const v of variants) {
  const m = { compile: [], instantiate: [], main: [], open: [], process: [], grown: [] };
  for (let i = 0; i < 3; i++) {
    let out = '';
    const shim = new WasiShim({ args: ['startup', v.file], stdout: (b) => { out += Buffer.from(b); } });
    const t0 = performance.now();
    const module = await WebAssembly.compile(v.bytes);
    const t1 = performance.now();
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: shim.imports });
    const t2 = performance.now();
    shim.memory = instance.exports.memory;
    const before = instance.exports.memory.buffer.byteLength;
    shim.start(instance);
    m.grown.push(instance.exports.memory.buffer.byteLength - before);
    const main = Number(/main (\d+)/.exec(out)[1]) / 1e6;
    const open = Number(/open (\d+)/.exec(out)[1]) / 1e6;
    if (!/byte (\d+)/.test(out) || /byte -1/.test(out)) throw new Error(`${v.name}: ${out}`);
    m.compile.push(t1 - t0);
    m.instantiate.push(t2 - t1);
    m.main.push(main - t2);
    m.open.push(open - main);
    if (runner) {
      const p0 = performance.now();
      execFileSync(runner, [v.module, v.file]);
      m.process.push(performance.now() - p0);
    }
  }
  rows.push({ name: v.name, size: v.bytes.length, ...Object.fromEntries(Object.entries(m).map(([k, xs]) => [k, xs.length ? median(xs) : NaN])) });
}

const ms = (x) => (Number.isNaN(x) ? '-' : x.toFixed(2));
const lines = [
  '| image | module bytes | compile ms | instantiate ms | _start to main ms | first open ms | wasi-run process ms | memory grown |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.size} | ${ms(r.compile)} | ${ms(r.instantiate)} | ${ms(r.main)} | ${ms(r.open)} | ${ms(r.process)} | ${r.grown} |`),
];
fs.writeFileSync(report, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
const [none, , large] = rows;
const slack = 256 * 1024;
if (large.grown > none.grown + slack) {
  console.log(`FAIL memory: start-up and the first open grew memory by ${large.grown} bytes with the big image, ${none.grown} without`);
  process.exit(1);
}
console.log(`ok memory: grown by ${large.grown} bytes with the big image, ${none.grown} without`);
