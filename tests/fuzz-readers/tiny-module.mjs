// tiny-module.mjs: the smallest module wasi-vfs-pack takes, built from
// bytes (no toolchain): one memory, an image slot at SLOT pointing at
// AT, and the file image `image` there (or no image: a null pointer).
// Used by the packer's fuzzer and its error tests.
import { i32Leb, u32Leb } from '../../targets/js/wasm-binary.mjs';

export const SLOT = 1024, AT = 4096;

// Arrays, to spread into the byte lists below: the encoders of the
// project's one wasm writer (targets/js/wasm-binary.mjs).
export const leb = (n) => Array.from(u32Leb(n));
const sleb = (n) => Array.from(i32Leb(n));

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
