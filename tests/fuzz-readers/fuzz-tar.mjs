// fuzz-tar.mjs: a mutation fuzzer for the JS tar reader and writer
// (targets/js/tar.mjs, the runner's and the page's) and the runner's
// extraction (targets/runner/wasi-run-tar.mjs).
//
//   node fuzz-tar.mjs BINDIR CORPUS WORKDIR [--runs N] [--seed S]
//
// BINDIR holds js/tar.mjs and wasi-run-tar.mjs (build/bin). Each input is a
// seed of CORPUS (tests/fuzz-readers/corpus-tar), mutated from a fixed
// seed: bytes flipped or set, blocks cut, copied or spliced from another
// seed, header fields (size, mtime, mode, checksum, type) and pax records
// overwritten with hostile values (negative, non-numeric, huge, lengths
// that lie). The checks, for each input:
//   - tarEntries either finishes or throws TarError, in under 2 s, never
//     another exception (a bug);
//   - an accepted archive's entries lie inside the input, and written
//     again with entryHeaders they read back the same (name, type, size,
//     mode, mtime, link, data);
//   - one input in 8 is extracted into WORKDIR/out, beside a file outside
//     it: the extraction succeeds or throws TarError/ExportError, the file
//     outside is untouched, and a refused one leaves out/ as it was.
// Prints "fuzz-tar: N inputs, A accepted, R refused, E extracted, F failed"
// and exits 1 when F > 0, leaving each failing input in WORKDIR/fail-*.tar.
import fs from 'node:fs';
import path from 'node:path';

const [binDir, corpusDir, work, ...rest] = process.argv.slice(2);
if (!binDir || !corpusDir || !work) {
  process.stderr.write('usage: fuzz-tar.mjs BINDIR CORPUS WORKDIR [--runs N] [--seed S]\n');
  process.exit(2);
}
let runs = 2000;
let seed = 1;
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] === '--runs') runs = Number(rest[i + 1]);
  else if (rest[i] === '--seed') seed = Number(rest[i + 1]);
  else { process.stderr.write(`fuzz-tar: unknown option ${rest[i]}\n`); process.exit(2); }
}
const tar = await import(path.resolve(binDir, 'js', 'tar.mjs'));
const host = await import(path.resolve(binDir, 'wasi-run-tar.mjs'));

// xorshift32: the same inputs for the same seed.
let state = seed >>> 0 || 1;
const rnd = (n) => {
  state ^= state << 13; state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5; state >>>= 0;
  return state % n;
};
const pick = (a) => a[rnd(a.length)];
const enc = new TextEncoder();

const seeds = fs.readdirSync(corpusDir).sort().map((f) => new Uint8Array(fs.readFileSync(path.join(corpusDir, f))));
const HOSTILE = ['-1536', 'abc', '99999999999999999999999', '0', '-0', '1.5', '', ' ', '+7',
  '9007199254740993', '18446744073709551616', '0x10', '1e3'];
const PAX_KEYS = ['size', 'mtime', 'path', 'linkpath', 'uid', 'GNU.sparse.size', 'GNU.sparse.realsize',
  'GNU.sparse.major', 'GNU.sparse.name'];

function paxBlock(record) {
  let len = record.length + 3;
  while (String(len).length + record.length + 2 !== len) len = String(len).length + record.length + 2;
  const lie = rnd(4) === 0 ? len + rnd(20) - 10 : len;
  const body = enc.encode(`${lie} ${record}\n`);
  const h = new Uint8Array(512);
  h.set(enc.encode('././@PaxHeader'));
  h.set(enc.encode(body.length.toString(8).padStart(11, '0')), 124);
  h.set(enc.encode('00000000000'), 136);
  h[156] = 0x78;
  h.set(enc.encode('ustar\u000000'), 257);
  fixSum(h);
  const data = new Uint8Array(Math.ceil(body.length / 512) * 512);
  data.set(body);
  return concat([h, data]);
}

function fixSum(h) {
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function mutate(input) {
  let b = Uint8Array.from(input);
  const blocks = () => Math.max(1, b.length >> 9);
  for (let k = 1 + rnd(3); k > 0; k--) {
    switch (rnd(9)) {
      case 0: if (b.length) b[rnd(b.length)] ^= 1 << rnd(8); break;
      case 1: if (b.length) b[rnd(b.length)] = pick([0, 0x20, 0x30, 0x37, 0x38, 0x80, 0xff, 0x2f, 0x2e]); break;
      case 2: b = b.subarray(0, rnd(b.length + 1)); break;
      case 3: { // a header field set to a hostile value, checksum fixed or not
        const at = rnd(blocks()) * 512;
        if (at + 512 > b.length) break;
        const [off, len] = pick([[124, 12], [136, 12], [100, 8], [148, 8], [156, 1], [0, 100], [157, 100], [345, 155]]);
        const v = enc.encode(pick(HOSTILE.concat(['77777777777', '\x80\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00', '../x', '/', 'a/../../b', '5', 'x', 'g', 'L', 'S', '1', '2', '6'])));
        b.fill(0, at + off, at + off + len);
        b.set(v.subarray(0, len), at + off);
        if (rnd(4)) fixSum(b.subarray(at, at + 512));
        break;
      }
      case 4: { // a pax header inserted before a block
        const at = rnd(blocks() + 1) * 512;
        const rec = `${pick(PAX_KEYS)}=${pick(HOSTILE.concat(['../evil', 'a'.repeat(rnd(300)), '/etc/passwd']))}`;
        b = concat([b.subarray(0, Math.min(at, b.length)), paxBlock(rec), b.subarray(Math.min(at, b.length))]);
        break;
      }
      case 5: { // a block repeated
        const at = rnd(blocks()) * 512;
        b = concat([b.subarray(0, at + 512), b.subarray(at, at + 512), b.subarray(at + 512)]);
        break;
      }
      case 6: { // spliced with another seed
        const other = pick(seeds);
        const cut = rnd(blocks() + 1) * 512;
        const from = rnd(Math.max(1, other.length >> 9)) * 512;
        b = concat([b.subarray(0, cut), other.subarray(from)]);
        break;
      }
      case 7: { // a block removed
        const at = rnd(blocks()) * 512;
        b = concat([b.subarray(0, at), b.subarray(at + 512)]);
        break;
      }
      default: { // a zero block inserted
        const at = rnd(blocks() + 1) * 512;
        b = concat([b.subarray(0, at), new Uint8Array(512), b.subarray(at)]);
      }
    }
  }
  return b;
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// Reads `b`; returns null (refused) or the entries with their data.
function read(b) {
  const out = [];
  for (const e of tar.tarEntries(tar.bytesSource(b))) {
    const stored = e.map ? e.stored : e.size;
    if (e.offset < 0 || e.offset + stored > b.length) throw new Error(`entry data outside the input (${e.offset}+${stored})`);
    if (e.map) { // a sparse file: its runs inside its real size, expanded when small
      let at = e.offset;
      const data = e.size <= 1 << 20 ? new Uint8Array(e.size) : null;
      for (const [off, len] of e.map) {
        if (off < 0 || len <= 0 || off + len > e.size) throw new Error(`sparse run ${off}+${len} outside ${e.size}`);
        if (data) data.set(b.subarray(at, at + len), off);
        at += len;
      }
      if (at !== e.offset + stored) throw new Error(`sparse runs hold ${at - e.offset} bytes, the entry ${stored}`);
      out.push({ ...e, data });
      continue;
    }
    out.push({ ...e, data: b.subarray(e.offset, e.offset + e.size) });
  }
  return out;
}

function roundTrip(list) {
  // A regular file named "x/" (type '7' in the input) would be written as
  // type '0', which a reader takes for an old-style directory: the writer
  // cannot say it, so such an archive is not written again.
  if (list.some((e) => e.type === '0' && e.name[e.name.length - 1] === 0x2f)) return;
  // A large sparse file is not expanded to be written again.
  if (list.some((e) => e.data === null)) return;
  const parts = [];
  for (const e of list) {
    parts.push(tar.entryHeaders({ name: e.name, type: e.type, size: e.size, mode: e.mode, mtime: e.mtime,
      link: e.type === '0' || e.type === '5' ? null : e.link }));
    parts.push(e.data, new Uint8Array((512 - (e.size % 512)) % 512));
  }
  parts.push(tar.END_OF_ARCHIVE);
  const again = read(concat(parts));
  if (again.length !== list.length) throw new Error(`round trip: ${again.length} entries, want ${list.length}`);
  list.forEach((e, i) => {
    const f = again[i];
    for (const k of ['type', 'size', 'mode', 'mtime']) {
      if (e[k] !== f[k]) throw new Error(`round trip: entry ${i} ${k} ${f[k]}, want ${e[k]}`);
    }
    if (!same(e.name, f.name) || !same(e.data, f.data)) throw new Error(`round trip: entry ${i} name or data differs`);
    if (e.type !== '0' && e.type !== '5' && !same(e.link, f.link)) throw new Error(`round trip: entry ${i} link differs`);
  });
}

const listing = (d) => {
  const out = [];
  const walk = (p) => {
    for (const n of fs.readdirSync(p).sort()) {
      const q = path.join(p, n);
      const st = fs.lstatSync(q);
      out.push(`${q} ${st.mode} ${st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(q);
    }
  };
  walk(d);
  return out.join('\n');
};

function extractCheck(b) {
  const root = path.join(work, 'x');
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'out/dir'), { recursive: true });
  fs.writeFileSync(path.join(root, 'out/file'), 'file\n');
  fs.symlinkSync('../outside', path.join(root, 'out/link'));
  fs.writeFileSync(path.join(root, 'outside'), 'outside\n');
  const before = listing(path.join(root, 'out'));
  try {
    host.extract(tar.bytesSource(b), path.join(root, 'out'), { keepModes: false, limit: 1 << 30, maxEntries: 10000 });
  } catch (e) {
    if (!(e instanceof tar.TarError) && !(e instanceof host.ExportError)) throw e;
    const after = listing(path.join(root, 'out'));
    if (after !== before) throw new Error(`refused (${e.message}) but out/ changed`);
  }
  if (fs.readFileSync(path.join(root, 'outside'), 'utf8') !== 'outside\n' || fs.readdirSync(root).sort().join() !== 'out,outside') {
    throw new Error('something outside out/ changed');
  }
}

fs.mkdirSync(work, { recursive: true });
let accepted = 0;
let refused = 0;
let extracted = 0;
let failed = 0;
for (let i = 0; i < runs; i++) {
  const input = i < seeds.length ? seeds[i] : mutate(pick(seeds));
  const t0 = Date.now();
  try {
    let list = null;
    try {
      list = read(input);
    } catch (e) {
      if (!(e instanceof tar.TarError)) throw e;
    }
    if (list) { accepted++; roundTrip(list); } else refused++;
    if (i % 8 === 0) { extracted++; extractCheck(input); }
    if (Date.now() - t0 > 2000) throw new Error(`took ${Date.now() - t0} ms`);
  } catch (e) {
    failed++;
    const file = path.join(work, `fail-${i}.tar`);
    fs.writeFileSync(file, input);
    process.stdout.write(`fuzz-tar: input ${i} (${file}): ${e.stack ?? e}\n`);
  }
}
fs.rmSync(path.join(work, 'x'), { recursive: true, force: true });
process.stdout.write(`fuzz-tar: ${runs} inputs, ${accepted} accepted, ${refused} refused, ${extracted} extracted, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
