// tiny-module.mjs: the smallest module wasi-vfs-pack takes, built from
// bytes (no toolchain): one memory, an image slot at SLOT pointing at
// AT, and the file image `image` there (or no image: a null pointer).
// Used by the packer's fuzzer and its error tests.
export const SLOT = 1024, AT = 4096;

export function leb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

export const section = (id, body) => [id, ...leb(body.length), ...body];
const segment = (addr, bytes) => [0, 0x41, ...sleb(addr), 0x0b, ...leb(bytes.length), ...bytes];

export function tinyModule(image) {
  const slot = [...Buffer.from('\x7fwasi-vfs-at', 'latin1'), ...(image ? [AT & 255, AT >> 8, 0, 0] : [0, 0, 0, 0])];
  const pages = Math.max(1, Math.ceil((AT + (image ? image.length : 0)) / 65536));
  const segs = [segment(SLOT, slot)];
  if (image) segs.push(segment(AT, [...image]));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(5, [1, 0, ...leb(pages)]),
    ...section(11, [segs.length, ...segs.flat()])]);
}
