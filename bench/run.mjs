// run.mjs: the benchmark suite's driver.
//
//   node bench/run.mjs --build BUILD [--out DIR] [--scale S] [--reps N]
//                      [--only GROUP,...] [--smoke] [--jit MODE] [--wall]
//
// Runs every workload program (built by bench/CMakeLists.txt into
// BUILD/bench) in each column, side by side:
//   vfs     wasm32-wasi-vfs on Node (BUILD/bin/wasi-run.mjs), no host directory
//   wasi    wasm32-wasi on Node, its files in a directory on tmpfs
//           (--dir TMP::/bench)
//   native  the same source built natively, its files on tmpfs
//   core    the same source built natively on the vfs core itself
//           (bench/vfs_shim.c): the core without WebAssembly, a reference
// and the peers of peers.mjs (browser_wasi_shim, Emscripten's MEMFS and
// WasmFS) on the file workloads.
// The tmpfs directory is $BENCH_TMPFS or /dev/shm. Repetitions are
// interleaved (repetition r runs every workload in every column, the
// column order rotating), so that noise from a shared machine falls on all
// columns alike; the figures are medians over the repetitions.
//
// --scale S multiplies every count and size of the workloads
// (default 1: 10,000 files, 256 MiB, 10,000,000 appends, ...); the
// environment variable BENCH_SCALE does the same. --reps N (or BENCH_REPS)
// sets the repetitions (default 5). --only runs some groups: meta, bulk,
// append, startup, memory, size, sqlite. --smoke runs everything once at
// a tiny scale and only checks that every program succeeds and that every
// column reports the same results (exit 1 otherwise). --jit MODE runs
// the modules with wasi-run's --jit MODE instead of its default (see
// common.mjs, wasiRunner).
//
// Every figure is the CPU time of the program's thread in the measured
// loop (kernel time of its system calls included; bench.h): on a machine
// other jobs share, the elapsed time mostly measures how long the others
// held the CPU. --wall uses the elapsed time instead.
//
// Writes DIR/results.md (the tables, ready for RESULTS.md), DIR/results.json
// (every sample) and DIR/bench.svg (the chart); prints the tables.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chart } from "./chart.mjs";
import { columnCommand } from "./columns.mjs";
import { figure, median, parseBench, run, wasiRunner } from "./common.mjs";
import { goalsOf } from "./goals.mjs";
import { addPeers, peerReport, peerSizes } from "./peers.mjs";

// ---------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const o = {
    build: null, out: null, scale: +(process.env.BENCH_SCALE || 1),
    reps: +(process.env.BENCH_REPS || 5), only: null, smoke: false, jit: null,
    wall: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === "--build") o.build = path.resolve(v());
    else if (a === "--out") o.out = path.resolve(v());
    else if (a === "--scale") o.scale = +v();
    else if (a === "--reps") o.reps = +v();
    else if (a === "--only") o.only = v().split(",");
    else if (a === "--smoke") o.smoke = true;
    else if (a === "--jit") o.jit = v();
    else if (a === "--wall") o.wall = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.build) throw new Error("--build BUILD is needed");
  if (!(o.scale > 0) || !(o.reps >= 1)) throw new Error("bad --scale or --reps");
  if (o.smoke) {
    o.scale = Math.min(o.scale, 0.001);
    o.reps = 1;
  }
  o.out ??= path.join(o.build, "bench", "results");
  return o;
}

// ---------------------------------------------------------------------------
// Workloads. n(x) scales a count, with a floor so that tiny scales still
// do some work; sizes stay multiples of 1 MiB.

function workloads(scale) {
  const n = (x, min = 10) => Math.max(min, Math.round(x * scale));
  const mib = (x) => `${Math.max(1, Math.round(x * scale))}M`;
  const all = ["vfs", "wasi", "native", "core"];
  return [
    { group: "meta", prog: "meta", args: ["files", n(10000)], cols: all },
    { group: "meta", prog: "meta", args: ["tree", n(1000), n(10000)], cols: all },
    { group: "meta", prog: "meta", args: ["readdir", n(100000), n(10000)], cols: all },
    { group: "meta", prog: "meta", args: ["lookup", "20", n(100000)], cols: all },
    // what one timestamp costs: a read of the wall clock
    { group: "meta", prog: "meta", args: ["clock", n(1000000)], cols: ["vfs", "wasi", "native"] },
    { group: "bulk", prog: "bulk", args: ["seq", mib(256), "64K"], cols: all },
    { group: "bulk", prog: "bulk", args: ["seq", mib(256), "1M"], cols: all },
    { group: "bulk", prog: "bulk", args: ["random", mib(256), n(65536)], cols: all },
    // the ceiling: memcpy inside wasm (the vfs triple's C library's, which
    // the vfs core uses: memory.copy from 128 bytes on), and memory.copy
    // inline (-mbulk-memory)
    { group: "bulk", prog: "bulk", args: ["memcpy", mib(256), "64K"], cols: ["vfs", "native"] },
    { group: "bulk", prog: "bulk", args: ["memcpy", mib(256), "1M"], cols: ["vfs", "native"] },
    // the same in 4 KiB and 16 KiB pieces: what a copy per file block costs
    { group: "bulk", prog: "bulk", args: ["memcpy", mib(256), "4K"], cols: ["vfs", "native"] },
    { group: "bulk", prog: "bulk", args: ["memcpy", mib(256), "16K"], cols: ["vfs", "native"] },
    { group: "bulk", prog: "bulk", args: ["memcpy-random", mib(256), n(65536)], cols: ["vfs", "native"] },
    { group: "bulk", prog: "memcopy", args: ["memcpy", mib(256), "64K"], cols: ["vfs"] },
    { group: "bulk", prog: "memcopy", args: ["memcpy", mib(256), "1M"], cols: ["vfs"] },
    { group: "bulk", prog: "memcopy", args: ["memcpy-random", mib(256), n(65536)], cols: ["vfs"] },
    // one copy by size: the vfs triple's memcpy (vfs), wasi-libc's (wasi),
    // memory.copy at every size (memcopy), glibc's (native)
    { group: "bulk", prog: "bulk", args: ["memcpy-sizes", n(2000000)], cols: ["vfs", "wasi", "native"] },
    { group: "bulk", prog: "memcopy", args: ["memcpy-sizes", n(2000000)], cols: ["vfs"] },
    // appends at N/10 and N: linear means the same time per append
    { group: "append", prog: "bulk", args: ["append", n(1000000)], cols: all, tag: "small" },
    { group: "append", prog: "bulk", args: ["append", n(10000000, 100)], cols: all, tag: "big" },
  ];
}

// ---------------------------------------------------------------------------
// Columns.

const COLUMNS = {
  vfs: "wasm32-wasi-vfs",
  wasi: "wasm32-wasi (Node, tmpfs)",
  native: "native (Linux, tmpfs)",
  core: "vfs core, native",
};

// The engine settings the wasm columns ran with, for the report: wasi-run's
// --jit mode (its default unless --jit) and the V8 flags it stands for,
// from the runner's own table (build/bin/wasi-run-engine.mjs).
async function engineOf(o) {
  const { JIT_DEFAULT, JIT_MODES } = await import(path.join(o.build, "bin", "wasi-run-engine.mjs"));
  const mode = o.jit || JIT_DEFAULT;
  return `wasi-run --jit ${mode}${o.jit ? "" : " (its default)"}: ${JIT_MODES[mode].join(" ")}`;
}

// "value NAME NUMBER UNIT" lines -> { NAME: { v, unit } }
function parseValues(out) {
  const res = {};
  for (const line of out.split("\n")) {
    const m = /^value (\S+) (-?[0-9.]+) (\S+)$/.exec(line);
    if (m) res[m[1]] = { v: +m[2], unit: m[3] };
  }
  return res;
}

// ---------------------------------------------------------------------------
// The timed workloads, interleaved.

// Returns { samples, med, units, counts, disagree }: samples[key][col] the
// figures of every repetition, med[key][col] their median; key is the
// result name, with "@tag" for a job that has a tag. disagree lists the
// jobs whose columns did not report the same result names.
function timed(o, jobs, log) {
  const samples = {}, units = {}, counts = {}, disagree = [];
  for (let rep = 0; rep < o.reps; rep++) {
    for (const job of jobs) {
      // rotate the column order from one repetition to the next
      const cols = job.cols.slice();
      for (let k = 0; k < rep % cols.length; k++) cols.push(cols.shift());
      const names = {};
      for (const col of cols) {
        const c = columnCommand(o, col, job.prog, job.args);
        const what = `${job.prog} ${job.args.join(" ")} [${col}]`;
        let out;
        try {
          out = run(c.argv, what);
        } finally {
          c.cleanup();
        }
        const res = parseBench(out, o.wall);
        names[col] = res.map((r) => r.name).join(" ");
        for (const r of res) {
          const key = r.name + (job.tag ? `@${job.tag}` : "");
          ((samples[key] ??= {})[col] ??= []).push(figure(r));
          units[key] = r.unit === "op" ? "ns/op" : "MiB/s";
          counts[key] = r.count;
        }
        log(`rep ${rep + 1}/${o.reps} ${what}: ` +
            res.map((r) => `${r.name} ${figure(r).toFixed(r.unit === "op" ? 1 : 0)}`).join(", "));
      }
      const distinct = new Set(Object.values(names));
      if (distinct.size !== 1 || distinct.has(""))
        disagree.push(`${job.prog} ${job.args.join(" ")}: ` +
                      Object.entries(names).map(([c, n]) => `${c}: [${n}]`).join("; "));
    }
  }
  const med = {};
  for (const [k, byCol] of Object.entries(samples)) {
    med[k] = {};
    for (const [col, xs] of Object.entries(byCol)) med[k][col] = median(xs);
  }
  return { samples, med, units, counts, disagree };
}

// ---------------------------------------------------------------------------
// Main.

function machine() {
  const first = (cmd, args, re) => {
    const r = spawnSync(cmd, args, { encoding: "utf8" });
    if (r.status !== 0) return "unknown";
    const m = re ? re.exec(r.stdout) : null;
    return (m ? m[1] : r.stdout.split("\n")[0]).trim();
  };
  return {
    cpu: first("lscpu", [], /Model name:\s*(.*)/),
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    clang: first(process.env.WASI_CLANG || "clang-19", ["--version"]),
    tmpfs: process.env.BENCH_TMPFS || "/dev/shm",
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const want = (g) => !o.only || o.only.includes(g);
  // the project's runner as shipped (common.mjs, wasiRunner): wasi-run's
  // own engine settings and no Node or V8 flag of the suite's; --jit MODE
  // passes wasi-run's --jit to both wasm columns
  o.runner = wasiRunner(o.build, o.jit);
  fs.mkdirSync(o.out, { recursive: true });
  const log = (s) => process.stderr.write(`${s}\n`);
  const result = { machine: machine(), scale: o.scale, reps: o.reps,
                   engine: await engineOf(o),
                   clock: o.wall ? "elapsed (CLOCK_MONOTONIC)" : "CPU time of the thread (CLOCK_THREAD_CPUTIME_ID)" };

  const jobs = workloads(o.scale).filter((j) => want(j.group));
  // the peer columns (peers.mjs) join the jobs they run
  if (jobs.length) result.peers = addPeers(o, jobs, log);
  if (jobs.length) Object.assign(result, timed(o, jobs, log));

  const extras = await import("./extras.mjs");
  if (want("startup")) result.startup = extras.startup(o, log);
  if (want("memory")) result.memory = extras.memory(o, run, parseValues);
  if (want("size")) result.size = extras.sizes(o, log);
  if (want("sqlite")) result.sqlite = extras.speedtest1(o, log, run);

  if (o.smoke) {
    const bad = smokeCheck(result);
    if (bad.length) {
      log(`bench smoke: FAILED\n  ${bad.join("\n  ")}`);
      process.exit(1);
    }
    log("bench smoke: every program ran and every column reported the same results");
    return;
  }
  const goals = goalsOf(result);
  const { report } = await import("./report.mjs");
  if (result.peers) result.peers.sizes = peerSizes(o, result.peers.present);
  const md = report(result, goals, COLUMNS) + peerReport(result);
  fs.writeFileSync(path.join(o.out, "results.json"), JSON.stringify({ ...result, goals }, null, 1));
  fs.writeFileSync(path.join(o.out, "results.md"), md);
  fs.writeFileSync(path.join(o.out, "bench.svg"), chart(result, goals, COLUMNS));
  process.stdout.write(md);
  log(`\nwritten: ${path.join(o.out, "results.md")}, results.json, bench.svg`);
}

// What the smoke test checks: every job's columns reported the same
// results, and the other parts ran.
function smokeCheck(result) {
  const bad = [...(result.disagree || [])];
  for (const part of ["startup", "memory", "size", "sqlite"])
    if (result[part] && result[part].error) bad.push(`${part}: ${result[part].error}`);
  return bad;
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exit(1);
});
