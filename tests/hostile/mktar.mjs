// mktar.mjs CASE: writes on stdout the hostile archive CASE (below), for
// the hostile-guest tests (run-tests.sh), which hand it to the runner
// through emit.wasm as if a module had written it at exit.
import { entryHeaders, END_OF_ARCHIVE } from '../../targets/js/tar.mjs';

const enc = new TextEncoder();
const parts = [];
const pad = (n) => new Uint8Array((512 - (n % 512)) % 512);
const mtime = 1700000000n * 1000000000n;
const name = (s) => (typeof s === 'string' ? enc.encode(s) : s);
function file(n, text, mode = 0o644) {
  const bytes = enc.encode(text);
  parts.push(entryHeaders({ name: name(n), type: '0', size: bytes.length, mode, mtime }), bytes, pad(bytes.length));
}
const dir = (n, mode = 0o755) => parts.push(entryHeaders({ name: name(`${n}/`), type: '5', mode, mtime }));
const symlink = (n, target) => parts.push(entryHeaders({ name: name(n), type: '2', mode: 0o777, mtime, link: enc.encode(target) }));

// A raw ustar header with its checksum: fields given as { offset: bytes }.
function raw(fields) {
  const h = new Uint8Array(512);
  for (const [off, v] of Object.entries(fields)) h.set(enc.encode(v), Number(off));
  h.set(enc.encode('ustar\u000000'), 257);
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return h;
}
// A pax header of one record "LEN key=value\n" (LEN counts itself).
function pax(record) {
  let len = record.length + 3;
  while (String(len).length + record.length + 2 !== len) len = String(len).length + record.length + 2;
  const body = enc.encode(`${len} ${record}\n`);
  parts.push(raw({ 0: '././@PaxHeader', 100: '0000644', 124: body.length.toString(8).padStart(11, '0'), 136: '00000000000', 156: 'x' }), body, pad(body.length));
}
// A sparse file in PAX format 1.0: records (key=value strings), then the
// map text and the data in the entry's data area (the map padded to a block).
function sparse(records, map, data) {
  const body = enc.encode(records.map((r) => {
    let len = r.length + 3;
    while (String(len).length + r.length + 2 !== len) len = String(len).length + r.length + 2;
    return `${len} ${r}\n`;
  }).join(''));
  parts.push(raw({ 0: '././@PaxHeader', 100: '0000644', 124: body.length.toString(8).padStart(11, '0'), 136: '00000000000', 156: 'x' }), body, pad(body.length));
  const m = enc.encode(map);
  const d = enc.encode(data);
  const size = m.length + pad(m.length).length + d.length;
  parts.push(raw({ 0: 'GNUSparseFile.0/sp', 100: '0000644', 124: size.toString(8).padStart(11, '0'), 136: '13454210400', 156: '0' }),
    m, pad(m.length), d, pad(d.length));
}
const SPARSE = ['GNU.sparse.major=1', 'GNU.sparse.minor=0', 'GNU.sparse.name=sp', 'GNU.sparse.realsize=8194'];

const cases = {
  // A symlink for every pid-like temporary name beside "victim", then victim.
  plant() {
    for (let pid = 2; pid <= 32768; pid++) symlink(`.victim.wasi-run-${pid}`, '../outside/target');
    file('victim', 'guest data\n');
  },
  dotdot() { file('good.txt', 'good\n'); file('../evil', 'evil\n'); },
  symdir() { symlink('link', '../outside'); file('link/evil', 'evil\n'); },
  absolute() { dir('/abs'); file('/abs/f', 'inside\n'); },
  'pax-negative'() { pax('size=-1536'); file('f', 'x'); },
  'pax-abc'() { pax('size=abc'); file('f', 'x'); },
  'non-utf8'() { file(Uint8Array.of(0xff), 'ff\n'); file(Uint8Array.of(0xfe), 'fe\n'); file(Uint8Array.of(0x61, 0xc3), 'a-c3\n'); },
  'path-max'() {
    let p = 'top';
    dir(p);
    while (p.length < 5000) { p += '/abcdefghij'; dir(p); }
    file(`${p}/f`, 'deep\n');
  },
  hardlink() { file('a', 'a\n'); parts.push(entryHeaders({ name: name('b'), type: '1', mode: 0o644, mtime, link: enc.encode('a') })); },
  setid() { file('suid', 'x\n', 0o6777); dir('sticky', 0o1777); },
  // Three new files and one that replaces keep.txt: for failures mid-apply.
  several() { file('new1', '1\n'); file('keep.txt', 'replaced\n'); dir('newdir'); file('newdir/new2', '2\n'); },
  'no-end'() { file('f', 'x\n'); parts.push(new Uint8Array(512)); },
  fifo() { parts.push(entryHeaders({ name: name('p'), type: '6', mode: 0o644, mtime })); },
  // Under a name that is a symlink on the host (the test plants it).
  'under-host-link'() { dir('sub'); file('sub/evil', 'evil\n'); },
  // Sparse files (PAX 1.0): "abc" in the block at 0, "de" at 8192, the end at 8194.
  'sparse-good'() { sparse(SPARSE, '3\n0\n512\n8192\n2\n8194\n0\n', `abc${'\0'.repeat(509)}de`); },
  'sparse-part-block'() { sparse(SPARSE, '2\n0\n3\n8192\n2\n', 'abcde'); },
  'sparse-order'() { sparse(SPARSE, '2\n8192\n2\n0\n3\n', 'deabc'); },
  'sparse-overlap'() { sparse(SPARSE, '2\n0\n3\n2\n2\n', 'abcde'); },
  'sparse-past-end'() { sparse(SPARSE, '2\n0\n3\n8193\n2\n', 'abcde'); },
  'sparse-count'() { sparse(SPARSE, '2000000\n0\n3\n', 'abc'); },
  'sparse-short-data'() { sparse(SPARSE, '2\n0\n512\n8192\n2\n', `abc${'\0'.repeat(509)}d`); },
  'sparse-not-number'() { sparse(SPARSE, '1\n0x10\n3\n', 'abc'); },
  'sparse-no-map-end'() { sparse(SPARSE, '2\n0\n3\n8192', ''); },
  'sparse-junk-after'() { sparse(SPARSE, '1\n0\n3\nzz', 'abc'); },
  'sparse-old-format'() { sparse(['GNU.sparse.major=0', 'GNU.sparse.minor=1', 'GNU.sparse.name=sp', 'GNU.sparse.map=0,3'], '', 'abc'); },
  'sparse-no-realsize'() { sparse(SPARSE.slice(0, 3), '1\n0\n3\n', 'abc'); },
  'staging-name'() { dir('.wasi-run-x'); file('.wasi-run-x/f', 'x\n'); },
};
if (!cases[process.argv[2]]) {
  process.stderr.write(`mktar: unknown case ${process.argv[2]}\n`);
  process.exit(2);
}
cases[process.argv[2]]();
if (process.argv[2] !== 'no-end') parts.push(END_OF_ARCHIVE);
for (const p of parts) process.stdout.write(p);
