// wasi-run-tar-bytes.mjs: byte helpers of the runner's tar side: block and page sizes, paths as Buffers, zero tests.

export const BLOCK = 512;
export const PAGE = 4096;
export const SLASH = Buffer.from('/');
export const ZEROS = Buffer.alloc(1 << 20);

// dir + "/" + name, as bytes (host names are bytes, not text).
export const join = (dir, name) => Buffer.concat([dir, SLASH, name]);
// Whether byte array b (at most 1 MiB) is all zeros (memcmp, not a loop).
export const isZero = (b) => Buffer.from(b.buffer, b.byteOffset, b.length).equals(ZEROS.subarray(0, b.length));
