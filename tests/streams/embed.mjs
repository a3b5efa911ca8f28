// embed.mjs MODULE.wasm: a program embedding a wasm32-wasi-vfs module (here
// Node; a page does the same) puts a file into the module's filesystem
// through its exports, runs it, and reads the result out: no archive, no
// host filesystem, only wasi-shim.mjs (which has no filesystem at all).
// MODULE is squish (tests/streams/squish.c) linked with --vfs-exports.
// Prints "ok NAME" per check; exit status 0 when all pass.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { VfsModule, VfsError } from '../../targets/web/wasi-vfs.mjs';

const bytes = fs.readFileSync(process.argv[2]);
const module = await WebAssembly.compile(bytes);
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
  }
}

const text = 'aaaaaaaaaabbbbbbbbbbbbbbbbbbbbcccccccccccccccccccccccccc hello\n'.repeat(100);
let squished;

await check('write, run, read back', async () => {
  const err = [];
  const m = await VfsModule.load(module, { args: ['squish', '-kv', '/data/in.txt'],
    stderr: (b) => err.push(Buffer.from(b)) });
  m.writeFile('/data/in.txt', text);
  assert.deepEqual(m.list('/data'), [{ type: '-', name: 'in.txt' }]);
  assert.equal(m.run(), 0);
  assert.match(Buffer.concat(err).toString(), /^\/data\/in\.txt: \d+% -- replaced with \/data\/in\.txt\.sq\n$/);
  assert.deepEqual(m.list('/data').map((e) => e.name).sort(), ['in.txt', 'in.txt.sq']);
  squished = m.readFile('/data/in.txt.sq');
  assert.ok(squished.length > 7 && squished.length < text.length / 4);
  assert.equal(Buffer.from(squished.subarray(0, 3)).toString(), 'SQ1');
});

await check('the result goes back in through another instance', async () => {
  const m = await VfsModule.load(module, { args: ['squish', '-d', '/x/in.txt.sq'] });
  m.writeFile('/x/in.txt.sq', squished);
  assert.equal(m.run(), 0);
  assert.equal(m.readText('/x/in.txt'), text);
  assert.throws(() => m.readFile('/x/in.txt.sq'), (e) => e instanceof VfsError && e.code === 'ENOENT');
});

await check('exit status and files after exit()', async () => {
  const m = await VfsModule.load(module, { args: ['squish', '/missing', '/data/a'] });
  m.writeFile('/data/a', 'zzzzzzzzzz');
  assert.equal(m.run(), 1); // /missing fails, /data/a is done
  assert.ok(m.readFile('/data/a.sq').length > 0);
});

await check('stdin to stdout, no files', async () => {
  const out = [];
  const m = await VfsModule.load(module, { args: ['squish'], stdin: Buffer.from(text),
    stdout: (b) => out.push(Buffer.from(b)) });
  assert.equal(m.run(), 0);
  // the same records; the size field stays 0 when the output cannot seek
  const got = Buffer.concat(out);
  assert.deepEqual(got.subarray(7), Buffer.from(squished.subarray(7)));
  assert.deepEqual(got.subarray(0, 7), Buffer.from('SQ1\0\0\0\0', 'latin1'));
});

await check('errors of the exports', async () => {
  const m = await VfsModule.load(module, { args: ['squish'] });
  const code = (fn) => { try { fn(); return 'no error'; } catch (e) { return e.code; } };
  assert.equal(code(() => m.readFile('/nope')), 'ENOENT');
  m.writeFile('/f', 'x');
  assert.equal(code(() => m.writeFile('/f/g', 'x')), 'ENOTDIR');
  assert.equal(code(() => m.readFile('/')), 'EISDIR');
  assert.equal(code(() => m.list('/f')), 'ENOTDIR');
  assert.equal(code(() => m.writeFile('relative', 'x')), 'EINVAL');
  // a big file, in pieces
  const big = Buffer.alloc(3 << 20, 7);
  m.writeFile('/big/file', big);
  assert.deepEqual(Buffer.from(m.readFile('/big/file')), big);
  // a long listing (more than the first 4 KiB of room)
  for (let i = 0; i < 300; i++) m.writeFile(`/many/file-with-a-long-name-${i}`, '');
  assert.equal(m.list('/many').length, 300);
});

await check('bytes outside memory are EFAULT, not a trap', async () => {
  const m = await VfsModule.load(module, { args: ['squish'] });
  const x = m.exports;
  const EFAULT = -21;
  const end = x.memory.buffer.byteLength;
  const p = x.wasi_vfs_alloc(16);
  new Uint8Array(x.memory.buffer, p, 2).set([0x2f, 0x66]); // "/f"
  // data past the end of memory, wrapping, or straddling it: nothing made
  assert.equal(x.wasi_vfs_write_file(p, 2, end, 1, 0o644), EFAULT);
  assert.equal(x.wasi_vfs_write_file(p, 2, end - 4, 8, 0o644), EFAULT);
  assert.equal(x.wasi_vfs_write_file(p, 2, 0xfffffff0, 0x20, 0o644), EFAULT);
  assert.equal(x.wasi_vfs_file_size(p, 2), -44); // ENOENT: not created
  assert.equal(x.wasi_vfs_write_file(p, 2, p, 2, 0o644), 0);
  // the same for the result buffers of read_file and list
  assert.equal(x.wasi_vfs_read_file(p, 2, end - 1, 2, 0), EFAULT);
  assert.equal(x.wasi_vfs_list(p, 1, end - 1, 64), EFAULT);
  assert.equal(x.wasi_vfs_read_file(p, 2, 0, 2, 0), EFAULT);
  assert.equal(x.wasi_vfs_read_file(p, 2, p + 8, 2, 0), 2);
  x.wasi_vfs_free(p);
});

await check('a module without the exports is refused', async () => {
  const plain = process.argv[3];
  if (!plain) return;
  await assert.rejects(VfsModule.load(fs.readFileSync(plain)), /no wasi_vfs_write_file export/);
});

process.exit(failed ? 1 : 0);
