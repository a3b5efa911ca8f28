// The typed entry point's declaration (typed-entry.mjs): what WASI_IO_MAIN
// writes is read back in order; anything else is refused, saying why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTypedEntry, witParams, witSignature } from '../typed-entry.mjs';

test('streams in declaration order', () => {
  assert.deepEqual(parseTypedEntry('1 in:image out:image in:text/plain'), {
    inputs: ['image', 'text/plain'],
    outputs: ['image'],
    streams: [
      { output: false, type: 'image' },
      { output: true, type: 'image' },
      { output: false, type: 'text/plain' },
    ],
  });
});

test('malformed declarations are refused', () => {
  const bad = [
    ['2 in:a', /unknown version '2'/],
    ['1', /0 streams \(1 to 8\)/],
    [`1${' in:a'.repeat(9)}`, /9 streams \(1 to 8\)/],
    ['1 in:', /'in:'/],
    ['1 inout:a', /'inout:a'/],
    ['1 in:a"b', /'in:a"b'/],
    ['1  in:a', /''/],
  ];
  for (const [text, why] of bad) assert.throws(() => parseTypedEntry(text), why, text);
});

test('WIT names: the type in words, then in or out; repeats numbered', () => {
  const names = (text) => witParams(parseTypedEntry(text)).map((p) => p.name);
  assert.deepEqual(names('1 in:image out:image'), ['image-in', 'image-out']);
  assert.deepEqual(names('1 in:Text/Plain in:text/plain in:text.plain'), [
    'text-plain-in',
    'text-plain-in-2',
    'text-plain-in-3',
  ]);
  assert.deepEqual(names('1 in:7z out:x509 in:+-'), ['s7z-in', 'x509-out', 'in']);
  assert.equal(
    witSignature(parseTypedEntry('1 in:data out:data')),
    'main: func(args: list<string>, data-in: borrow<input-stream>, data-out: borrow<output-stream>) -> u8',
  );
});
