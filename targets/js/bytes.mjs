// bytes.mjs: byte arrays put together, for the wasm writer, tar and the page.

// The byte arrays of `parts`, one after the other, in a new Uint8Array.
export function concatBytes(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
