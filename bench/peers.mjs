// peers.mjs: the peer columns of the benchmark suite: the same workload
// programs (meta.c, bulk.c) on the in-memory filesystems a web developer
// would pick today, run by run.mjs side by side with the vfs in the same
// repetitions, and their part of the report.
//
//   shim               the wasm32-wasi build on @bjorn3/browser_wasi_shim
//                      (npm, bench/peers/package-lock.json): an in-memory
//                      PreopenDirectory of in-memory Files
//                      (bench/peers/shim-run.mjs)
//   emscripten-memfs   emcc -O2 for Node (Debian's emscripten), its default
//                      filesystem, MEMFS (file data in JavaScript arrays)
//   emscripten-wasmfs  the same with -sWASMFS (file data in linear memory)
// Node's WASI on tmpfs and native are run.mjs's own wasi and native
// columns. bench/peers/peers.cmake builds them all (target bench_peers).
//
// Every peer runs on the Node of the wasm columns with the V8 flags of the
// same wasi-run --jit mode (wasi-run-engine.mjs), and is timed by the same
// CPU clock of the program's thread (bench/peers/thread-clock.mjs).
//
//   addPeers(o, jobs, log)         adds the built peers' columns to the
//                                  jobs they run (throws under CI=true
//                                  when a peer is not built); returns
//                                  { present, missing, notRun, versions }
//                                  (notRun: the jobs a peer is left out
//                                  of, and why), kept as result.peers
//   peerCommand(o, col, prog, args) the command line, as run.mjs's command()
//   peerSizes(o, present)          module and JS bytes of each build
//   peerReport(result)             the Markdown section "Peers"
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { JIT_DEFAULT, JIT_MODES } from "../targets/runner/wasi-run-engine.mjs";
import { SECTION, sections } from "../targets/js/wasm-binary.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const PEER_COLUMNS = {
  shim: "@bjorn3/browser_wasi_shim (in-memory, Node)",
  "emscripten-memfs": "Emscripten MEMFS (Node)",
  "emscripten-wasmfs": "Emscripten WasmFS (Node)",
};

// The workloads every peer runs: meta.c's and bulk.c's file workloads.
const PEER_WORKLOADS = new Set(["files", "tree", "readdir", "lookup", "seq", "random", "append"]);

const shimDeps = (o) => path.join(o.build, "bench", "peers");
const emDir = (o, col) => path.join(o.build, "bench", col);

// col -> the file whose presence says the peer is built
function marker(o, col) {
  if (col === "shim")
    return path.join(shimDeps(o), "node_modules", "@bjorn3", "browser_wasi_shim", "package.json");
  return path.join(emDir(o, col), "meta.js");
}

function peerColumns(o, log) {
  const present = [];
  for (const col of Object.keys(PEER_COLUMNS)) {
    if (fs.existsSync(marker(o, col))) {
      present.push(col);
      continue;
    }
    const why = `peer ${col} is not built (${marker(o, col)} is missing: ` +
                (col === "shim" ? "npm could not install @bjorn3/browser_wasi_shim)" : "emcc not found at configure)");
    if (process.env.CI === "true") throw new Error(`${why}; CI=true leaves no column out`);
    log(`bench: ${why}: its column is left out`);
  }
  return present;
}

// "13M", "64K", "100" -> a number
function size(s) {
  const m = /^(\d+)([KM]?)$/.exec(String(s));
  return m ? +m[1] * { "": 1, K: 1024, M: 1048576 }[m[2]] : NaN;
}

// The shim grows a file by copying it whole into a new array on every write
// that extends it, and lists a directory by copying its entries into an
// array for every entry it returns: those workloads cost it the square of
// their size. Beyond these bounds (minutes at the issue's sizes) its column
// is left out of a job, and the report says so.
const SHIM_COPY_LIMIT = 8 * 2 ** 30; // bytes copied by growing files
const SHIM_READDIR_LIMIT = 2e8; // directory entries copied by readdir

function shimTooBig(job) {
  const [w, a, b] = job.args;
  let cost = 0, limit = SHIM_COPY_LIMIT, what = "bytes copied to grow the file";
  if (w === "seq") cost = size(a) ** 2 / 2 / size(b);
  else if (w === "random") cost = size(a) ** 2 / 2 / 1048576; // written in 1 MiB pieces first
  else if (w === "append") cost = size(a) ** 2 / 2;
  else if (w === "readdir") {
    cost = size(a) ** 2 / 2;
    limit = SHIM_READDIR_LIMIT;
    what = "directory entries copied to list the directory";
  }
  if (cost <= limit) return null;
  return `about ${cost.toExponential(1)} ${what} (left out above ${limit.toExponential(1)})`;
}

// The peers' versions, for the report.
function versions(o, present) {
  const v = {};
  if (present.includes("shim"))
    v.shim = `@bjorn3/browser_wasi_shim ${JSON.parse(fs.readFileSync(marker(o, "shim"), "utf8")).version} (npm)`;
  if (present.some((c) => c.startsWith("emscripten-"))) {
    const r = spawnSync("emcc", ["--version"], { encoding: "utf8" });
    const m = r.status === 0 ? /\d+\.\d+\.\d+/.exec(r.stdout) : null;
    v.emscripten = `Emscripten ${m ? m[0] : "(version unknown)"} (emcc -O2)`;
  }
  return v;
}

export function addPeers(o, jobs, log) {
  const present = peerColumns(o, log);
  const notRun = [];
  for (const job of jobs) {
    if (!["meta", "bulk"].includes(job.prog) || !PEER_WORKLOADS.has(job.args[0])) continue;
    for (const col of present) {
      const why = col === "shim" ? shimTooBig(job) : null;
      if (why) {
        notRun.push({ col, job: `${job.prog} ${job.args.join(" ")}`, why });
        continue;
      }
      job.cols = [...job.cols, col];
    }
  }
  for (const n of notRun) log(`bench: ${n.col} left out of ${n.job}: ${n.why}`);
  const missing = Object.keys(PEER_COLUMNS).filter((c) => !present.includes(c));
  return { present, notRun, missing, versions: versions(o, present) };
}

// The command line of prog with args in peer column col (run.mjs's
// command() contract: ROOT after the workload name; cleanup() after).
export function peerCommand(o, col, prog, args) {
  // The Node that runs the wasm columns (the launcher's: $NODE, or this
  // one), with the V8 flags of the same wasi-run --jit mode
  const node = [process.env.NODE || process.execPath, "--no-warnings", ...JIT_MODES[o.jit || JIT_DEFAULT]];
  const [w, ...rest] = args;
  if (col === "shim")
    return { argv: [...node, path.join(HERE, "peers", "shim-run.mjs"), shimDeps(o),
                    path.join(o.build, "bench", "wasm32-wasi", `${prog}.wasm`), w, "/bench/w", ...rest],
             cleanup() {} };
  return { argv: [...node, "--import", path.join(HERE, "peers", "thread-clock.mjs"),
                  path.join(emDir(o, col), `${prog}.js`), w, "/bench", ...rest],
           cleanup() {} };
}

const bytes = (f) => (fs.existsSync(f) ? fs.statSync(f).size : undefined);

// The bytes of a build without what only tools read: a wasm module
// without its custom sections (names, producers; for the vfs also its
// empty image), an ELF executable as strip(1) leaves it.
function strippedBytes(f) {
  if (!fs.existsSync(f)) return undefined;
  if (f.endsWith(".wasm")) {
    const b = fs.readFileSync(f);
    return sections(b).filter((x) => x.id !== SECTION.CUSTOM).reduce((n, x) => n + x.end - x.start, 8);
  }
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wasi-bench-strip-")), "a.out");
  try {
    const r = spawnSync("strip", ["-o", tmp, f]);
    return r.status === 0 ? bytes(tmp) : undefined;
  } finally {
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  }
}

// { prog: { col: { module, stripped, js, note } } } for meta and bulk, as
// the suite built them (-O2; the wasm32 builds keep their name sections,
// emcc -O2 drops them; native has its debug information): module is the
// file's bytes, stripped those of strippedBytes().
export function peerSizes(o, present) {
  const B = path.join(o.build, "bench");
  const shimDist = path.join(shimDeps(o), "node_modules", "@bjorn3", "browser_wasi_shim", "dist");
  const shimJs = fs.existsSync(shimDist)
    ? fs.readdirSync(shimDist).filter((f) => f.endsWith(".js"))
        .reduce((s, f) => s + bytes(path.join(shimDist, f)), 0)
    : undefined;
  const build = (file, note, js) => ({ module: bytes(file), stripped: strippedBytes(file), js, note });
  const out = {};
  for (const p of ["meta", "bulk"]) {
    const plain = path.join(B, "wasm32-wasi", `${p}.wasm`);
    out[p] = {
      vfs: build(path.join(B, "wasm32-wasi-vfs", `${p}.wasm`), "any WASI host (Node's built in)"),
      wasi: build(plain, "Node's built-in WASI"),
      native: build(path.join(B, "native", p), "ELF executable"),
    };
    if (present.includes("shim"))
      out[p].shim = build(plain, "the wasm32-wasi module; JS: the package's dist/*.js", shimJs);
    for (const col of ["emscripten-memfs", "emscripten-wasmfs"])
      if (present.includes(col))
        out[p][col] = build(path.join(emDir(o, col), `${p}.wasm`), "emcc's .wasm and .js",
                            bytes(path.join(emDir(o, col), `${p}.js`)));
  }
  return out;
}

// ---------------------------------------------------------------------------
// The report.

const PHASES = [
  ["meta.create", "create + write 100 B + close"],
  ["meta.stat_read", "stat + open + read + close"],
  ["meta.rename", "rename"],
  ["meta.unlink", "unlink"],
  ["meta.mkdir_deep", "mkdir, deep chain"],
  ["meta.rmdir_deep", "rmdir, deep chain"],
  ["meta.mkdir_wide", "mkdir, wide"],
  ["meta.rmdir_wide", "rmdir, wide"],
  ["meta.readdir", "readdir, per entry"],
  ["meta.dirops_empty", "create + stat + unlink, empty dir"],
  ["meta.dirops_big", "create + stat + unlink, big dir"],
  ["meta.lookup", "stat, 20 levels deep"],
  ["bulk.write_64k", "sequential write of a new file, 64 KiB"],
  ["bulk.read_64k", "sequential read, 64 KiB"],
  ["bulk.rewrite_64k", "sequential rewrite, 64 KiB"],
  ["bulk.write_1024k", "sequential write of a new file, 1 MiB"],
  ["bulk.read_1024k", "sequential read, 1 MiB"],
  ["bulk.rewrite_1024k", "sequential rewrite, 1 MiB"],
  ["bulk.pread_4k", "random pread, 4 KiB"],
  ["bulk.pwrite_4k", "random pwrite, 4 KiB"],
  ["bulk.append@small", "one-byte append (N/10)"],
  ["bulk.append@big", "one-byte append (N)"],
];
const OTHERS = ["wasi", "native", "shim", "emscripten-memfs", "emscripten-wasmfs"];
const SHORT = { wasi: "Node WASI, tmpfs", native: "native, tmpfs", shim: "browser_wasi_shim",
                "emscripten-memfs": "Emscripten MEMFS", "emscripten-wasmfs": "Emscripten WasmFS" };

function num(x) {
  if (x === undefined) return "–";
  if (x >= 1000) return Math.round(x).toLocaleString("en-US");
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

// How many times the vfs is ahead of col on key (> 1: the vfs is faster).
function aheadOf(result, key, col) {
  const m = result.med?.[key];
  if (!m || m.vfs === undefined || m[col] === undefined) return undefined;
  return result.units[key] === "ns/op" ? m[col] / m.vfs : m.vfs / m[col];
}

export function peerReport(result) {
  const p = result.peers;
  if (!p) return "";
  const med = result.med || {};
  const cols = OTHERS.filter((c) => c === "wasi" || c === "native" || p.present.includes(c));
  const out = [`## Peers: the same programs on every filesystem, side by side\n`];
  const v = Object.values(p.versions || {});
  out.push(`The file workloads of meta.c and bulk.c in every column of the same repetitions` +
           `${v.length ? `; peers: ${v.join("; ")}` : ""}. The peers run on the Node and engine ` +
           `flags of the wasm columns, timed by the same clock.\n`);
  const row = (cells) => `| ${cells.join(" | ")} |`;
  out.push(row(["phase", "unit", "vfs", ...cols.map((c) => SHORT[c]), ...cols.map((c) => `vfs vs ${SHORT[c]}`)]));
  out.push(row(["---", "---", ...Array(1 + 2 * cols.length).fill("---:")]));
  let ahead = 0, pairs = 0;
  const behind = [];
  for (const [key, what] of PHASES) {
    if (!med[key]) continue;
    const ratios = cols.map((c) => {
      const r = aheadOf(result, key, c);
      if (r === undefined) return p.notRun.some((n) => n.col === c) && !med[key][c] ? "not run" : "–";
      pairs++;
      if (r > 1) ahead++;
      else behind.push(`${what} vs ${SHORT[c]} (${r.toFixed(2)}x)`);
      const t = r >= 10 ? r.toFixed(0) : r.toFixed(2);
      return r > 1 ? `${t}x` : `**${t}x**`;
    });
    out.push(row([what, result.units[key], num(med[key].vfs), ...cols.map((c) => num(med[key][c])), ...ratios]));
  }
  out.push(`\nvfs vs X: how many times faster the vfs is (X's time over the vfs's, or the vfs's ` +
           `MiB/s over X's); bold where the vfs is not ahead. The vfs is ahead in ${ahead} of ${pairs} ` +
           `(phase, peer) pairs.${behind.length ? ` Not ahead: ${behind.join("; ")}.` : ""}\n`);
  if (p.notRun.length)
    out.push(`Left out: ${p.notRun.map((n) => `${SHORT[n.col]} in \`${n.job}\`: ${n.why}`).join("; ")}.\n`);
  if (p.missing?.length) out.push(`Not built here: ${p.missing.join(", ")}.\n`);

  out.push(`### Bytes of each build of the same program (as the suite built them, -O2)\n`);
  const n = (x) => (x === undefined ? "–" : x.toLocaleString("en-US"));
  out.push(row(["program", "column", "module", "module, stripped", "JS", "what"]));
  out.push(row(["---", "---", "---:", "---:", "---:", "---"]));
  for (const [prog, byCol] of Object.entries(p.sizes || {}))
    for (const [col, s] of Object.entries(byCol))
      out.push(row([`${prog}.c`, col === "vfs" ? "vfs" : SHORT[col], n(s.module), n(s.stripped), n(s.js), s.note]));
  out.push(`\nmodule: the file as built; stripped: a wasm module without its custom sections ` +
           `(names, producers; the vfs's empty file image), an executable after strip(1). JS: what ` +
           `the peer loads besides the module (Node's WASI is built into Node).\n`);
  return out.join("\n") + "\n";
}
