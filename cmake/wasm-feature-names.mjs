// node wasm-feature-names.mjs IN OUT
// node wasm-feature-names.mjs --check FILE...
//
// Copies a wasm object file or an archive of them (IN) to OUT, with the
// feature names of each object's "target_features" section written in the
// names this build's tools know (clang 19's wasm-ld, binaryen 108). A
// wasi-libc built by a newer LLVM (20 and later) names two subsets of older
// features on their own, and binaryen 108, which does not know those
// names, then rejects the instructions they cover ("bulk memory is
// disabled"). Each is written as the feature it is part of:
//   bulk-memory-opt        -> bulk-memory      (memory.copy, memory.fill)
//   call-indirect-overlong -> reference-types  (call_indirect's table index
//                                               as a multi-byte LEB)
// which asks of the engine what the object already needs. Nothing else in
// a file changes: the sections keep their order and every other byte.
// A name neither known nor mapped stops the copy (exit 1, naming the
// member and the name): such an object cannot be linked honestly here.
// Non-wasm members are copied as they are. An archive's symbol index is
// dropped; run llvm-ranlib on OUT. Exit status: 0 done, 1 failed, 2 usage.
// --check writes nothing: exit status 0 when no FILE has a name to map,
// 3 when one has (named on stdout), 1 for a name neither known nor mapped.
// The module is read and written with the project's one wasm reader and
// writer (targets/js/wasm-binary.mjs: bounds-checked, LEB128 ranges).
import { readFileSync, writeFileSync } from "node:fs";
import {
  Reader, WasmReadError, concatBytes, section, sections, u32Leb,
} from "../targets/js/wasm-binary.mjs";

const MAPPED = new Map([
  ["bulk-memory-opt", "bulk-memory"],
  ["call-indirect-overlong", "reference-types"],
]);
// LLVM 19's WebAssembly features and the linker's shared-mem.
const KNOWN = new Set([
  "atomics", "bulk-memory", "exception-handling", "extended-const",
  "half-precision", "multimemory", "multivalue", "mutable-globals",
  "nontrapping-fptoint", "reference-types", "relaxed-simd", "sign-ext",
  "simd128", "tail-call", "shared-mem",
]);

class Failure extends Error {}
const mapped = new Set();

// A wasm name: its length, then its UTF-8 bytes.
function nameBytes(s) {
  const b = new TextEncoder().encode(s);
  return concatBytes([u32Leb(b.length), b]);
}

// The target_features payload (r over it) with mapped names; null when
// unchanged.
function rewriteFeatures(r, where) {
  const count = r.u32();
  const out = [];
  const seen = new Map();
  let changed = false;
  for (let i = 0; i < count; i++) {
    const prefix = r.byte();
    let name = r.name();
    if (MAPPED.has(name)) {
      mapped.add(`${where}: ${name}`);
      name = MAPPED.get(name);
      changed = true;
    } else if (!KNOWN.has(name)) {
      throw new Failure(`${where}: target feature '${name}' is not known to this build's tools and has no mapping`);
    }
    if (seen.has(name)) {
      if (seen.get(name) !== prefix)
        throw new Failure(`${where}: target feature '${name}' is both '${String.fromCharCode(seen.get(name))}' and '${String.fromCharCode(prefix)}'`);
      changed = true;
      continue;
    }
    seen.set(name, prefix);
    out.push(Uint8Array.of(prefix), nameBytes(name));
  }
  return changed ? concatBytes([u32Leb(seen.size), ...out]) : null;
}

// A wasm object with its target_features section rewritten.
function rewriteObject(buf, where) {
  const parts = [buf.subarray(0, 8)];
  try {
    for (const s of sections(buf)) {
      if (s.id === 0) {
        const r = new Reader(buf, s.body, s.end);
        if (r.name() === "target_features") {
          const payload = rewriteFeatures(r, where);
          if (payload) {
            parts.push(section(0, concatBytes([nameBytes("target_features"), payload])));
            continue;
          }
        }
      }
      parts.push(buf.subarray(s.start, s.end));
    }
  } catch (e) {
    if (e instanceof WasmReadError) throw new Failure(`${where}: ${e.message}`);
    throw e;
  }
  return Buffer.from(concatBytes(parts));
}

const isWasm = (b) => b.length >= 8 && b.readUInt32LE(0) === 0x6d736100;

// An ar archive (GNU/llvm format) with each wasm member rewritten; the
// symbol index ("/", "/SYM64/") is left out.
function rewriteArchive(buf, file) {
  const parts = [buf.subarray(0, 8)];
  let pos = 8;
  let longNames = null;
  while (pos < buf.length) {
    if (pos + 60 > buf.length) throw new Failure(`${file}: truncated member header`);
    const header = buf.subarray(pos, pos + 60);
    const rawName = header.subarray(0, 16).toString("latin1").trimEnd();
    const sizeField = header.subarray(48, 58).toString("latin1").trimEnd();
    if (!/^\d+$/.test(sizeField) || pos + 60 + Number(sizeField) > buf.length)
      throw new Failure(`${file}: bad member size '${sizeField}' at byte ${pos}`);
    const size = Number(sizeField);
    const data = buf.subarray(pos + 60, pos + 60 + size);
    pos += 60 + size + (size & 1);
    if (rawName === "/" || rawName === "/SYM64/") continue;
    if (rawName === "//") longNames = data.toString("latin1");
    let name = rawName.replace(/\/$/, "");
    if (/^\/\d+$/.test(rawName) && longNames !== null) {
      const off = Number(rawName.slice(1));
      name = longNames.slice(off, longNames.indexOf("\n", off)).replace(/\/$/, "");
    }
    let content = data;
    if (rawName !== "//" && isWasm(data)) content = rewriteObject(data, `${file}(${name})`);
    const h = Buffer.from(header);
    h.write(String(content.length).padEnd(10, " "), 48, "latin1");
    parts.push(h, content);
    if (content.length & 1) parts.push(Buffer.from("\n"));
  }
  return Buffer.concat(parts);
}

const rewrite = (buf, file) =>
  buf.subarray(0, 8).toString("latin1") === "!<arch>\n" ? rewriteArchive(buf, file)
  : isWasm(buf) ? rewriteObject(buf, file) : buf;

// The exit status is set, not exited with, so that what --check prints to
// a pipe is all written first.
const args = process.argv.slice(2);
try {
  if (args[0] === "--check" && args.length > 1) {
    for (const f of args.slice(1)) rewrite(readFileSync(f), f);
    for (const m of mapped) console.log(m);
    process.exitCode = mapped.size ? 3 : 0;
  } else if (args.length !== 2) {
    console.error("usage: node wasm-feature-names.mjs IN OUT | --check FILE...");
    process.exitCode = 2;
  } else {
    writeFileSync(args[1], rewrite(readFileSync(args[0]), args[0]));
  }
} catch (e) {
  if (!(e instanceof Failure)) throw e;
  console.error(`wasm-feature-names: ${e.message}`);
  process.exitCode = 1;
}
