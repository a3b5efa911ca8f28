// fuzz-pack.mjs [--runs N] [--seed S] [--crashes DIR] IMAGE_CORPUS [MODULE...]
// A mutation fuzzer of wasi-vfs-pack's readers (targets/tools/
// wasi-vfs-pack*.mjs over targets/js/wasm-binary.mjs's Reader): the images of
// IMAGE_CORPUS (the C image reader's corpus) as they are and inside tiny
// modules (tiny-module.mjs), and each MODULE, are mutated (bit flips,
// interesting bytes and 32-bit values, cuts, insertions, copies) and read
// as the packer reads them: parseModule, inspect, readImage. Every input
// must end in a result or a Failure (one line for the user); any other
// exception is a crash: the input goes to DIR (default .) and the status is 1.
// A hang is caught by the caller's timeout. Prints the number of inputs run.
import fs from 'node:fs';
import path from 'node:path';
import { Failure, readImage, readModuleFile } from '../../targets/tools/wasi-vfs-pack.mjs';
import { tinyModule } from './tiny-module.mjs';

const args = process.argv.slice(2);
let runs = 20000, seed = 1, crashes = '.';
while (args[0]?.startsWith('--')) {
  const [k, v] = [args.shift(), args.shift()];
  if (k === '--runs') runs = Number(v);
  else if (k === '--seed') seed = Number(v);
  else if (k === '--crashes') crashes = v;
  else { console.error(`fuzz-pack: unknown option ${k}`); process.exit(2); }
}
if (!args.length || !(runs >= 0)) { console.error('usage: fuzz-pack.mjs [--runs N] [--seed S] [--crashes DIR] IMAGE_CORPUS [MODULE...]'); process.exit(2); }

let state = seed >>> 0 || 1;
const rand = (n) => { // xorshift32
  state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
  return state % n;
};
const seeds = [];
for (const f of fs.readdirSync(args[0]).sort()) {
  const img = fs.readFileSync(path.join(args[0], f));
  seeds.push({ kind: 'image', bytes: img }, { kind: 'module', bytes: tinyModule(img) });
}
seeds.push({ kind: 'module', bytes: tinyModule(null) });
for (const m of args.slice(1)) seeds.push({ kind: 'module', bytes: fs.readFileSync(m) });

const VALUES = [0, 1, 0x7f, 0x80, 0xff, 0x0b, 0x41, 0x23];
const WORDS = [0, 1, 32, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0, 65536];
function mutate(src) {
  const b = Buffer.from(src);
  let out = b;
  for (let n = 1 + rand(4); n > 0 && out.length; n--) {
    const at = rand(out.length);
    switch (rand(6)) {
      case 0: out[at] ^= 1 << rand(8); break;
      case 1: out[at] = VALUES[rand(VALUES.length)]; break;
      case 2: if (at + 4 <= out.length) out.writeUInt32LE(WORDS[rand(WORDS.length)], at); break;
      case 3: out = out.subarray(0, at + (rand(2) ? 0 : rand(out.length - at))); break;
      case 4: out = Buffer.concat([out.subarray(0, at), Buffer.from([VALUES[rand(VALUES.length)]]), out.subarray(at)]); break;
      case 5: { const len = rand(16), to = rand(out.length); out.copy(out, to, at, Math.min(out.length, at + len)); break; }
    }
  }
  return out;
}

function read(input) {
  if (input.kind === 'image') return readImage(input.bytes, 'input');
  const { info } = readModuleFile('input', input.bytes);
  if (info.image) readImage(info.image, 'input');
}

let refused = 0, accepted = 0, bad = 0;
for (let i = 0; i < runs + seeds.length; i++) {
  const s = seeds[i < seeds.length ? i : rand(seeds.length)];
  const input = { kind: s.kind, bytes: i < seeds.length ? s.bytes : mutate(s.bytes) };
  try {
    read(input);
    accepted++;
  } catch (e) {
    if (e instanceof Failure) { refused++; continue; }
    bad++;
    const file = path.join(crashes, `crash-pack-${input.kind}-${i}`);
    fs.writeFileSync(file, input.bytes);
    console.log(`FAIL ${input.kind} input ${i} (${file}): ${e.stack.split('\n').slice(0, 3).join(' | ')}`);
    if (bad >= 10) break;
  }
}
console.log(`fuzz-pack: ${accepted + refused + bad} inputs (${seeds.length} seeds), ${accepted} read, ${refused} refused, ${bad} crashes`);
process.exit(bad ? 1 : 0);
