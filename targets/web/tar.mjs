// tar.mjs: tar archives in the browser (or Node), for pages that hand a
// wasm32-wasi-vfs module its files through streams (WASI_VFS_IN /
// WASI_VFS_OUT) instead of its exports: any vfs module can be used that
// way, also one linked without --vfs-exports.
//
//   makeTar([{ path: 'a/b.txt', bytes, mode, mtime }])  -> Uint8Array
//   readTar(bytes) -> [{ path, type, bytes, mode, mtime }]  (type '0' file,
//                     '5' directory, '2' symlink with `link`)
//
// ustar, with pax extended headers for names longer than 100 bytes. Throws
// on a malformed or incomplete archive.

const BLOCK = 512;
const enc = new TextEncoder();
const dec = new TextDecoder();

function octal(h, off, len, value) {
  const s = value.toString(8).padStart(len - 1, '0');
  for (let i = 0; i < len - 1; i++) h[off + i] = s.charCodeAt(i);
}

function header(name, type, size, mode, mtime) {
  const h = new Uint8Array(BLOCK);
  h.set(name.subarray(0, 100), 0);
  octal(h, 100, 8, mode & 0o7777);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h[156] = type.charCodeAt(0);
  h.set(enc.encode('ustar\u000000'), 257);
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  octal(h, 148, 7, sum);
  return h;
}

function padded(bytes) {
  const out = new Uint8Array(Math.ceil(bytes.length / BLOCK) * BLOCK);
  out.set(bytes);
  return out;
}

export function makeTar(files) {
  const parts = [];
  for (const f of files) {
    const name = enc.encode(f.path);
    const mtime = Math.floor(f.mtime ?? Date.now() / 1000);
    if (name.length > 100) {
      const body = enc.encode(` path=${f.path}\n`);
      let len = body.length + 1;
      while (String(len).length + body.length !== len) len = String(len).length + body.length;
      const rec = enc.encode(`${len}${dec.decode(body)}`);
      parts.push(header(enc.encode('././@PaxHeader'), 'x', rec.length, 0o644, mtime), padded(rec));
    }
    parts.push(header(name, '0', f.bytes.length, f.mode ?? 0o644, mtime), padded(f.bytes));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function num(h, off, len) {
  const s = dec.decode(h.subarray(off, off + len)).replace(/[\0 ]+$/, '').trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new Error('malformed tar header');
  return parseInt(s, 8);
}

function str(h, off, len) {
  const field = h.subarray(off, off + len);
  const z = field.indexOf(0);
  return dec.decode(z < 0 ? field : field.subarray(0, z));
}

export function readTar(bytes) {
  const out = [];
  let pos = 0;
  let paxPath = null;
  for (;;) {
    if (pos + BLOCK > bytes.length) throw new Error('incomplete tar archive');
    const h = bytes.subarray(pos, pos + BLOCK);
    pos += BLOCK;
    if (h.every((b) => b === 0)) return out;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (sum !== num(h, 148, 8)) throw new Error('damaged tar header');
    const type = String.fromCharCode(h[156] || 48);
    const size = num(h, 124, 12);
    const data = bytes.subarray(pos, pos + size);
    pos += Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(dec.decode(data));
      paxPath = m ? m[1] : null;
      continue;
    }
    out.push({ path: paxPath ?? str(h, 0, 100), type, bytes: data, mode: num(h, 100, 8),
      mtime: num(h, 136, 12), link: str(h, 157, 100) });
    paxPath = null;
  }
}
