// placement.mjs: sequential reads and rewrites with the program's buffer at
// many places in a page, every in-memory column side by side.
//
//   node bench/placement.mjs --build BUILD [--reps N] [--places N] [--size BYTES] [--chunk BYTES] [--jit MODE]
//
// The host's copy (V8's memory.copy and TypedArray copyWithin are both
// glibc's memmove) runs at a speed that hangs on where its source and
// destination lie relative to each other in a page: one place of the
// buffer can favour one filesystem and cost another (bench/RESULTS.md,
// "Where the buffer lies"). So this runs `bulk seq ROOT SIZE CHUNK AT`
// (bench/bulk.c) with AT, the buffer's offset past a 4 KiB boundary, at
// --places (default 16) offsets spread over the page and over the four
// 16-byte slots of a cache line, in the vfs column (the wasm32-wasi-vfs
// module through the shipped runner, BUILD/bin/wasi-run, its default
// engine settings unless --jit), Emscripten's WasmFS and MEMFS builds of
// the same bulk.c (the same V8 flags, as run.mjs runs them; where they
// are built) and natively on tmpfs (columns.mjs). Repetitions are
// interleaved (every offset in every column, then the next repetition). Prints each offset's median MiB/s per
// column, and per column the figure over all offsets: total bytes over
// total time (the harmonic mean), what a program that may get any of
// these places sees, with the vfs's ratio to it. First, the same copies
// by the host alone, without a filesystem (copyAlone).
import fs from "node:fs";
import path from "node:path";
import { columnCommand } from "./columns.mjs";
import { figure, median, parseBench, run, wasiRunner } from "./common.mjs";

const PHASES = ["read", "rewrite"];

function parseArgs(argv) {
  const o = { build: null, reps: +(process.env.BENCH_REPS || 3), places: 16, size: 256 << 20,
              chunk: 64 << 10, jit: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === "--build") o.build = path.resolve(v());
    else if (a === "--reps") o.reps = +v();
    else if (a === "--places") o.places = +v();
    else if (a === "--size") o.size = +v();
    else if (a === "--chunk") o.chunk = +v();
    else if (a === "--jit") o.jit = v();
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.build) throw new Error("--build BUILD is needed");
  if (!(o.reps >= 1) || !(o.places >= 1 && o.places <= 256) || !(o.chunk >= 1024) ||
      !(o.size >= o.chunk) || o.size % o.chunk)
    throw new Error("bad --reps, --places (1 to 256), --chunk (1024 or more) or --size (a multiple of the chunk)");
  return o;
}

// Offset i of n: evenly over the page, and through the 16-byte slots of a
// cache line in turn (n = 16: 0, 272, 544, 816, 1024, ...).
const offset = (i, n) => Math.floor((i * 4096) / n / 64) * 64 + (i % 4) * 16;

// The host's copy alone, in this process: 64 KiB pieces out of a 256 MiB
// area into one buffer, by wasm's memory.copy (a module of one loop,
// below) and by TypedArray copyWithin (Emscripten's memcpy of 512 bytes
// and more), with the buffer at each distance past the source modulo 4 KiB.
// Returns markdown lines.
const LOOP_MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x00, // type: (i32 i32 i32 i32) -> ()
  0x03, 0x02, 0x01, 0x00, // one function of it
  0x05, 0x04, 0x01, 0x00, 0xcc, 0x21, // memory: 4300 pages
  0x07, 0x0e, 0x02, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x04, 0x70, 0x61, 0x73, 0x73, 0x00, 0x00, // "mem", "pass"
  // pass(d, s, n, k): k times { memory.copy(d, s, n); s += n }
  0x0a, 0x21, 0x01, 0x1f, 0x00, 0x03, 0x40,
  0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfc, 0x0a, 0x00, 0x00,
  0x20, 0x01, 0x20, 0x02, 0x6a, 0x21, 0x01,
  0x20, 0x03, 0x41, 0x01, 0x6b, 0x22, 0x03, 0x0d, 0x00, 0x0b, 0x0b,
]);

function copyAlone(reps) {
  const { mem, pass } = new WebAssembly.Instance(new WebAssembly.Module(LOOP_MODULE)).exports;
  const u8 = new Uint8Array(mem.buffer), CH = 65536, N = 4096, SRC = 1 << 20, DST = 8192;
  u8.fill(7, SRC, SRC + N * CH);
  const ways = {
    "memory.copy": (d) => pass(d, SRC, CH, N),
    copyWithin: (d) => { for (let i = 0; i < N; i++) u8.copyWithin(d, SRC + i * CH, SRC + (i + 1) * CH); },
  };
  const dists = [0, 16, 32, 48, 64, 80, 1040, 2064, 4000, 4048, 4080];
  const t = {};
  for (let r = 0; r < reps; r++)
    for (const [w, f] of Object.entries(ways))
      for (const d of dists) {
        const a = process.hrtime.bigint();
        f(DST + d);
        (t[`${w}|${d}`] ??= []).push(Number(process.hrtime.bigint() - a) / 1e9);
      }
  const mibs = (w, d) => ((N * CH) / 1048576 / median(t[`${w}|${d}`])).toFixed(0);
  return ["the host's copy alone: 64 KiB pieces of a 256 MiB area into one buffer, MiB/s (elapsed), " +
          `median of ${reps}`, "",
          `| (buffer - source) mod 4096 | ${dists.join(" | ")} |`, `|---|${dists.map(() => "--:").join("|")}|`,
          ...Object.keys(ways).map((w) => `| ${w} | ${dists.map((d) => mibs(w, d)).join(" | ")} |`)];
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  o.runner = wasiRunner(o.build, o.jit);
  const alone = copyAlone(Math.max(o.reps, 5));
  // Emscripten's columns where bench_peers built them (without Debian's
  // emscripten package, outside CI, it does not)
  const built = (c) => fs.existsSync(path.join(o.build, "bench", c, "bulk.js"));
  const peers = ["emscripten-wasmfs", "emscripten-memfs"];
  const cols = ["vfs", ...peers.filter(built), "native"];
  const unbuilt = peers.filter((c) => !built(c));
  const offs = Array.from({ length: o.places }, (_, i) => offset(i, o.places));
  const kib = o.chunk >> 10;
  const samples = {}; // `${phase}|${col}|${at}` -> [MiB/s]
  for (let rep = 0; rep < o.reps; rep++)
    for (const at of offs)
      for (const col of cols) {
        const c = columnCommand(o, col, "bulk", ["seq", String(o.size), String(o.chunk), String(at)]);
        let out;
        try {
          out = run(c.argv, `bulk seq at ${at} [${col}]`);
        } finally {
          c.cleanup();
        }
        for (const r of parseBench(out))
          for (const ph of PHASES)
            if (r.name === `bulk.${ph}_${kib}k`) (samples[`${ph}|${col}|${at}`] ??= []).push(figure(r));
        process.stderr.write(`rep ${rep + 1}/${o.reps} at ${at} ${col}: ` +
                             PHASES.map((ph) => `${ph} ${samples[`${ph}|${col}|${at}`].at(-1).toFixed(0)}`).join(", ") + "\n");
      }
  const med = (ph, col, at) => median(samples[`${ph}|${col}|${at}`]);
  if (unbuilt.length) alone.push("", `not built, so not run: ${unbuilt.join(", ")}`);
  const out = [...alone, "", `engine: wasi-run${o.jit ? ` --jit ${o.jit}` : " (its default --jit)"}, the same V8 flags for Emscripten; ` +
               `${o.size} bytes in ${kib} KiB pieces; MiB/s (CPU time), median of ${o.reps}`];
  for (const ph of PHASES) {
    out.push("", `${ph}, ${kib} KiB`, "", `| buffer at | ${cols.join(" | ")} |`, `|--:|${cols.map(() => "--:").join("|")}|`);
    for (const at of offs) out.push(`| ${at} | ${cols.map((c) => med(ph, c, at).toFixed(0)).join(" | ")} |`);
    // bytes over time for the same bytes at every offset: the harmonic mean
    const over = (c) => offs.length / offs.reduce((s, at) => s + 1 / med(ph, c, at), 0);
    const range = (c) => `${Math.min(...offs.map((at) => med(ph, c, at))).toFixed(0)} to ` +
                         `${Math.max(...offs.map((at) => med(ph, c, at))).toFixed(0)}`;
    out.push(`| all ${offs.length} | ${cols.map((c) => over(c).toFixed(0)).join(" | ")} |`,
             `| range | ${cols.map(range).join(" | ")} |`,
             `| vfs over it, all | ${cols.map((c) => `${(over("vfs") / over(c)).toFixed(2)}x`).join(" | ")} |`,
             `| offsets where the vfs is ahead | ${cols.map((c) => c === "vfs" ? "" : offs.filter((at) => med(ph, "vfs", at) >= med(ph, c, at)).length + ` of ${offs.length}`).join(" | ")} |`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

try {
  main();
} catch (e) {
  process.stderr.write(`placement: ${e.message}\n`);
  process.exit(1);
}
