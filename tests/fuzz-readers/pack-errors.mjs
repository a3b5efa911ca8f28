// pack-errors.mjs PACKER IMAGE_CORPUS WORK: wasi-vfs-pack on malformed
// modules and damaged images inside modules: each is refused with exactly
// one line "wasi-vfs-pack: FILE: ..." on stderr, exit status 1, no stack
// trace and no output file, within a few seconds (it once looped forever
// on an offset expression without an end). Prints "ok NAME" / "FAIL NAME:
// why", then "N passed, M failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AT, leb, section, tinyModule } from './tiny-module.mjs';

const [packer, corpus, work] = process.argv.slice(2);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'files'), { recursive: true });
fs.writeFileSync(path.join(work, 'files', 'f'), 'x');
let passed = 0, failed = 0;
const ok = (n) => { console.log(`ok ${n}`); passed++; };
const bad = (n, why) => { console.log(`FAIL ${n}: ${why}`); failed++; };

// refused(NAME, BYTES, MESSAGE): both --list and packing refuse it
function refused(name, bytes, message) {
  const file = path.join(work, `${name}.wasm`), out = path.join(work, `${name}-out.wasm`);
  fs.writeFileSync(file, bytes);
  for (const args of [['--list', file], [file, `${path.join(work, 'files')}:/d`, '-o', out]]) {
    const r = spawnSync(packer, args, { encoding: 'utf8', timeout: 20000 });
    const lines = r.stderr.split('\n').filter((l) => l);
    const want = `wasi-vfs-pack: ${file}: ${message}`;
    const what = `${name} (${args[0] === '--list' ? 'list' : 'pack'})`;
    if (r.error) bad(what, `${r.error.code}: did not end`);
    else if (r.status !== 1) bad(what, `status ${r.status}: ${r.stderr}`);
    else if (lines.length !== 1 || lines[0] !== want) bad(what, `stderr ${JSON.stringify(r.stderr)}, wanted ${JSON.stringify(want)}`);
    else if (fs.existsSync(out)) bad(what, 'an output was written');
    else ok(what);
  }
}

const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
// 18 bytes: a data segment whose offset expression never ends
refused('offset-without-end', Buffer.from([...header, ...section(11, [1, 0, 0x23, 0, 0x6a, 0x6a, 0x6a, 0x6a])]),
  'malformed module: truncated at byte 18');
refused('leb-too-long', Buffer.from([...header, 11, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
  'malformed module: LEB128 too long at byte 9');
refused('leb-out-of-range', Buffer.from([...header, 11, 0xff, 0xff, 0xff, 0xff, 0x1f]),
  'malformed module: LEB128 out of range at byte 9');
refused('section-past-end', Buffer.from([...header, 5, 10, 1, 0]), 'malformed module: truncated at byte 10');
refused('i32-const-too-long', Buffer.from([...header, ...section(11, [1, 0, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x0b, 0])]),
  'malformed module: LEB128 too long at byte 13');
refused('unknown-instruction', Buffer.from([...header, ...section(11, [1, 0, 0x20, 0, 0x0b, 0])]),
  'malformed module: instruction 0x20 at byte 12 in a data segment\'s offset');
refused('bad-segment-kind', Buffer.from([...header, ...section(11, [1, 7])]),
  'malformed module: data segment kind 7 at byte 11');

// damaged images inside a module built around a good one
const good = fs.readFileSync(path.join(corpus, 'small.img'));
const mod = tinyModule(good);
const imageAt = mod.indexOf(good.subarray(0, 8));
const damage = (name, off, value, message) => {
  const m = Buffer.from(mod);
  m.writeUInt32LE(value, imageAt + off);
  refused(name, m, message);
};
damage('image-root-past-end', 12, 0x7fffff00, 'the module\'s file image is damaged: a field at 2147483392 runs past its end');
damage('image-size-past-memory', 8, 0xfffffff0, `the file image (4294967280 bytes at 0x${AT.toString(16)}) runs past the module's memory`);
const root = good.readUInt32LE(12);
damage('image-table-past-end', root, 0x10000000, `the module's file image is damaged: a directory table at ${root + 8} runs past its end`);
damage('image-name-past-end', root + 8, 0xfffff000, 'the module\'s file image is damaged: a name at 4294963200 runs past its end');
const r = spawnSync(packer, ['--list', path.join(work, 'good.wasm')], { encoding: 'utf8' });
fs.writeFileSync(path.join(work, 'good.wasm'), mod);
const g = spawnSync(packer, ['--list', path.join(work, 'good.wasm')], { encoding: 'utf8' });
if (g.status === 0 && /image of \d+ bytes at 0x1000/.test(g.stdout)) ok('the undamaged module lists'); else bad('the undamaged module lists', g.stderr);
void r; void leb;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
