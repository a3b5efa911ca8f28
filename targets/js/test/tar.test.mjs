// tar.test.mjs: the tar reader on bad headers (pax sizes, numbers, checksums, cut-short archives) and the writer read back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concatBytes } from '../bytes.mjs';
import {
  bytesSource,
  cleanName,
  END_OF_ARCHIVE,
  entryHeaders,
  looksLikeTar,
  makeTar,
  readTar,
  TarError,
  tarEntries,
} from '../tar.mjs';

const enc = new TextEncoder();

// A ustar header block: fields as given (octal strings), checksum computed.
function header({ name = 'f', mode = '0000644', size = '00000000000', mtime = '00000000000', type = '0', sum = null }) {
  const h = new Uint8Array(512);
  h.set(enc.encode(name), 0);
  h.set(enc.encode(mode), 100);
  h.set(enc.encode(size), 124);
  h.set(enc.encode(mtime), 136);
  h[156] = type.charCodeAt(0);
  h.set(enc.encode('ustar\u000000'), 257);
  h.fill(32, 148, 156);
  let s = 0;
  for (const b of h) s += b;
  h.set(enc.encode((sum ?? s.toString(8).padStart(6, '0')) + '\0 '), 148);
  return h;
}

// One pax record, "LEN key=value\n".
function record(key, value) {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
}

const pad = (b) => new Uint8Array(Math.ceil(b.length / 512) * 512).fill(0).map((_, i) => b[i] ?? 0);
const join = (...parts) => concatBytes(parts);
// An archive of a pax header with `records`, then file f with `data`.
function withPax(records, data = new Uint8Array(0)) {
  const pax = enc.encode(records);
  const size = pax.length.toString(8).padStart(11, '0');
  return join(
    header({ name: 'PaxHeader', type: 'x', size }),
    pad(pax),
    header({ size: data.length.toString(8).padStart(11, '0') }),
    pad(data),
    END_OF_ARCHIVE,
  );
}
const entries = (bytes) => [...tarEntries(bytesSource(bytes))];
const refused = (bytes, message) =>
  assert.throws(
    () => entries(bytes),
    (e) => e instanceof TarError && e.message === message,
  );

test('pax size: negative, garbage, empty and too large are refused', () => {
  refused(withPax(record('size', '-5')), 'bad pax size');
  refused(withPax(record('size', '12abc')), 'bad pax size');
  refused(withPax(record('size', '')), 'bad pax size');
  refused(withPax(record('size', ' 7')), 'bad pax size');
  refused(withPax(record('size', '1e3')), 'bad pax size');
  refused(withPax(record('size', '9223372036854775808')), 'pax size too large');
});

test('pax size: a good one replaces the header size', () => {
  const data = enc.encode('hello');
  const [e] = entries(withPax(record('size', '5'), data));
  assert.equal(e.size, 5);
  // the size field of the header said 5 too; a pax size larger than the data left is cut short
  refused(withPax(record('size', '4096'), data), 'truncated archive: the stream ended inside an entry');
});

test('pax records: malformed ones are refused', () => {
  refused(withPax('5 a=b'), 'malformed pax extended header record');
  refused(withPax('99 path=x\n'), 'malformed pax extended header record');
  refused(withPax('x path=y\n'), 'malformed pax extended header record');
  refused(withPax(record('path', 'a\0b')), 'NUL byte in a pax path');
  refused(withPax('7 path\n'), "pax record without '='");
  refused(withPax(record('mtime', 'yesterday')), 'bad pax mtime');
});

test('header numbers and checksums', () => {
  refused(join(header({ size: '0000000000z' }), END_OF_ARCHIVE), 'malformed number in a header');
  refused(join(header({ mode: '-000644' }), END_OF_ARCHIVE), 'malformed number in a header');
  const neg = header({});
  neg[124] = 0xff; // base-256, negative
  neg.fill(32, 148, 156);
  let s = 0;
  for (const b of neg) s += b;
  neg.set(enc.encode(s.toString(8).padStart(6, '0') + '\0 '), 148);
  refused(join(neg, END_OF_ARCHIVE), 'malformed number in a header');
  refused(join(header({ sum: '000001' }), END_OF_ARCHIVE), 'not a tar archive, or a damaged header (bad checksum)');
  refused(join(header({ type: '3' }), END_OF_ARCHIVE), 'f: unsupported entry type character device');
});

test('archives cut short, lone zero blocks, empty streams', () => {
  refused(new Uint8Array(0), 'empty stream: no tar archive');
  refused(new Uint8Array(100), 'not a tar archive: fewer than 512 bytes');
  refused(header({}), 'truncated archive: no end-of-archive marker');
  refused(join(header({}), new Uint8Array(512), header({}), END_OF_ARCHIVE), 'a lone zero block inside the archive');
  const pax = enc.encode(record('path', 'x'));
  refused(
    join(
      header({ name: 'PaxHeader', type: 'x', size: pax.length.toString(8).padStart(11, '0') }),
      pad(pax),
      END_OF_ARCHIVE,
    ),
    'truncated archive: an extended header with no entry after it',
  );
  refused(
    join(header({ size: '00000001000' }), new Uint8Array(10)),
    'truncated archive: the stream ended inside an entry',
  );
});

test('names: ".." and NUL refused, the rest cleaned', () => {
  assert.throws(() => cleanName(enc.encode('a/../b')), TarError);
  assert.throws(() => cleanName(Uint8Array.of(0x61, 0, 0x62)), TarError);
  assert.deepEqual(
    cleanName(enc.encode('/./a//b/')).map((p) => new TextDecoder().decode(p)),
    ['a', 'b'],
  );
});

test('writer: makeTar and entryHeaders read back', () => {
  const files = [
    { path: 'a.txt', bytes: enc.encode('alpha'), mode: 0o600, mtime: 1000 },
    { path: `${'d/'.repeat(60)}long`, bytes: new Uint8Array(513).fill(7), mtime: 2000 },
  ];
  const tar = makeTar(files);
  assert.ok(looksLikeTar(tar.subarray(0, 512)));
  const back = readTar(tar);
  assert.deepEqual(
    back.map((f) => [f.path, f.bytes.length, f.mode, f.mtime]),
    [
      ['a.txt', 5, 0o600, 1000],
      [files[1].path, 513, 0o644, 2000],
    ],
  );
  const h = entryHeaders({ name: enc.encode('x'), type: '0', size: 0, mode: 0o644, mtime: 1500000000n });
  const [e] = entries(join(h, END_OF_ARCHIVE));
  assert.equal(e.mtime, 1500000000n); // the fraction of a second goes through a pax mtime
});
