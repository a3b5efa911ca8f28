// wasm-info.mjs: what a WebAssembly module is made of, read from its bytes
// (no runtime, no external tool). Shared by wasi-sizes.mjs and
// wasi-triple.mjs.
//
//   readModule(bytes) -> {
//     bytes,                       total size
//     code, data, custom, other,   bytes per kind of section, headers
//                                  included (code + data + custom + other
//                                  + 8 == bytes)
//     customs: [{name, bytes}],    the custom sections
//     imports: [{module, name, kind}],
//     functionNames: [string],     from the "name" section ([] when
//                                  stripped)
//   }
//   Throws an Error whose message says what is wrong when bytes are not a
//   WebAssembly binary module (version 1) or a section runs past the end.
//
//   capabilities(imports) -> [{group, names: [string]}]
//     the module's preview1 imports grouped by what they ask of the host
//     (GROUPS order); imports from other modules go to "other".
//   needsFilesystem(imports) -> bool: imports anything of group "files".
//
//   Reader(bytes, start, end): a cursor over bytes[start, end) that cannot
//   read outside it: every read past `end`, a LEB128 longer than its type
//   allows (5 bytes for 32 bits, 10 for 64) or out of its range throws a
//   WasmReadError, whose message names the byte. wasi-vfs-pack reads
//   modules with it too.

export const GROUPS = [
  // A host filesystem: preopened directories and what works on them.
  ["files", /^(path_|fd_prestat_|fd_readdir$|fd_filestat_|fd_advise$|fd_allocate$|fd_renumber$|fd_fdstat_set_rights$|fd_sync$|fd_datasync$|fd_pread$|fd_pwrite$)/],
  // Streams: standard input and output (and seeking on them).
  ["streams", /^(fd_read|fd_write|fd_close|fd_seek|fd_tell|fd_fdstat_get|fd_fdstat_set_flags)$/],
  ["poll", /^poll_oneoff$/],
  ["args", /^(args_|environ_)/],
  ["clocks", /^clock_/],
  ["random", /^random_get$/],
  ["process", /^(proc_exit|proc_raise|sched_yield)$/],
  ["sockets", /^sock_/],
];
const PREVIEW1 = "wasi_snapshot_preview1";

export class WasmReadError extends Error {}

export class Reader {
  constructor(bytes, start = 0, end = bytes.length) {
    if (start < 0 || end > bytes.length || start > end)
      throw new WasmReadError(`range ${start}..${end} is outside the ${bytes.length} bytes`);
    this.b = bytes;
    this.p = start;
    this.end = end;
  }
  need(n) {
    if (!(n >= 0) || this.p + n > this.end)
      throw new WasmReadError("truncated at byte " + this.p);
  }
  byte() {
    this.need(1);
    return this.b[this.p++];
  }
  // The next n bytes (a view), skipped.
  bytes(n) {
    this.need(n);
    this.p += n;
    return this.b.subarray(this.p - n, this.p);
  }
  // An unsigned LEB128 of at most `bits` bits (5 bytes for 32).
  unsigned(bits) {
    const at = this.p, most = Math.ceil(bits / 7);
    let r = 0, c;
    for (let i = 0; ; i++) {
      if (i === most) throw new WasmReadError("LEB128 too long at byte " + at);
      c = this.byte();
      r += (c & 0x7f) * 2 ** (7 * i);
      if (!(c & 0x80)) break;
    }
    if (r >= 2 ** bits) throw new WasmReadError("LEB128 out of range at byte " + at);
    return r;
  }
  u32() {
    return this.unsigned(32);
  }
  // A signed LEB128 of at most `bits` bits (i32.const: 32, i64.const: 64;
  // a 64-bit value comes back as a BigInt).
  signed(bits) {
    const at = this.p, most = Math.ceil(bits / 7);
    let r = 0n, shift = 0n, c;
    for (let i = 0; ; i++) {
      if (i === most) throw new WasmReadError("LEB128 too long at byte " + at);
      c = this.byte();
      r |= BigInt(c & 0x7f) << shift;
      shift += 7n;
      if (!(c & 0x80)) break;
    }
    if (c & 0x40) r -= 1n << shift;
    if (r < -(1n << BigInt(bits - 1)) || r >= 1n << BigInt(bits - 1))
      throw new WasmReadError("LEB128 out of range at byte " + at);
    return bits <= 32 ? Number(r) : r;
  }
  name() {
    const n = this.u32();
    this.need(n);
    const s = new TextDecoder().decode(this.b.subarray(this.p, this.p + n));
    this.p += n;
    return s;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

const KINDS = ["function", "table", "memory", "global", "tag"];

function readImports(r) {
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    const module = r.name(), name = r.name(), kind = r.byte();
    switch (kind) {
      case 0: r.u32(); break;              // type index
      case 1: r.byte(); r.limits(); break; // reftype, limits
      case 2: r.limits(); break;
      case 3: r.byte(); r.byte(); break;   // valtype, mutability
      case 4: r.byte(); r.u32(); break;    // attribute, type index
      default: throw new WasmReadError(`unknown import kind ${kind} for ${module}.${name}`);
    }
    out.push({ module, name, kind: KINDS[kind] });
  }
  return out;
}

// Function names from the "name" section's subsection 1.
function readFunctionNames(r) {
  const names = [];
  while (r.p < r.end) {
    const id = r.byte(), size = r.u32(), next = r.p + size;
    if (next > r.end) throw new WasmReadError("name section runs past its end");
    if (id === 1) {
      for (let n = r.u32(); n > 0; n--) {
        r.u32();
        names.push(r.name());
      }
    }
    r.p = next;
  }
  return names;
}

export function readModule(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length < 8 || b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d)
    throw new WasmReadError("not a WebAssembly module (no \\0asm header)");
  if (b[4] !== 1 || b[5] || b[6] || b[7])
    throw new WasmReadError("not a WebAssembly binary module of version 1");
  const m = { bytes: b.length, code: 0, data: 0, custom: 0, other: 0,
              customs: [], imports: [], functionNames: [] };
  const r = new Reader(b, 8);
  while (r.p < b.length) {
    const start = r.p, id = r.byte(), size = r.u32(), body = r.p;
    if (body + size > b.length)
      throw new WasmReadError(`section ${id} at byte ${start} runs past the end`);
    const total = body + size - start;
    if (id === 0) {
      const name = new Reader(b, body, body + size).name();
      m.custom += total;
      m.customs.push({ name, bytes: total });
      if (name === "name") {
        const nr = new Reader(b, body, body + size);
        nr.name();
        m.functionNames = readFunctionNames(nr);
      }
    } else if (id === 10) {
      m.code += total;
    } else if (id === 11) {
      m.data += total;
    } else {
      m.other += total;
      if (id === 2) m.imports = readImports(new Reader(b, body, body + size));
    }
    r.p = body + size;
  }
  return m;
}

export function capabilities(imports) {
  const groups = new Map(GROUPS.map(([g]) => [g, []]));
  groups.set("other", []);
  for (const i of imports) {
    if (i.kind !== "function") continue;
    let g = "other";
    if (i.module === PREVIEW1) {
      const hit = GROUPS.find(([, re]) => re.test(i.name));
      if (hit) g = hit[0];
    }
    groups.get(g).push(i.module === PREVIEW1 ? i.name : `${i.module}.${i.name}`);
  }
  return [...groups].filter(([, n]) => n.length).map(([group, names]) =>
    ({ group, names: names.sort() }));
}

export function needsFilesystem(imports) {
  return capabilities(imports).some((c) => c.group === "files");
}
