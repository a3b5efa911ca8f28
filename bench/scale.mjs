// scale.mjs: the cost per metadata operation from 1,000 to 1,000,000 files, in one directory and spread.
//
//   node bench/scale.mjs --build BUILD [--reps N] [--max N] [--per N] [--jit MODE]
//
// Runs `meta files ROOT N` (bench/meta.c: create + write, stat + read,
// rename, unlink of N small files) for N = 1,000, 10,000, ... up to --max
// (default 1,000,000), with every file in one directory and spread --per
// (default 1,000) to a directory, in the vfs column (the wasm32-wasi-vfs
// module through the shipped runner, BUILD/bin/wasi-run, with its default
// engine settings unless --jit) and natively on tmpfs ($BENCH_TMPFS or
// /dev/shm) for reference. Repetitions are interleaved (every size and
// layout in both columns, then the next repetition); each figure is the
// median CPU time per operation (bench.h). Prints a markdown table, and
// for each operation and layout how the cost grew: the cost at the
// largest N over the cheapest among all N (flat: 1.00x). Not over the
// cost at 1,000: with wasi-run's default --jit tiered the short loops also
// carry V8's warm-up, which makes them the dearest.
import fs from "node:fs";
import path from "node:path";
import { figure, median, parseBench, run, tmpfsRoot, wasiRunner } from "./common.mjs";

function parseArgs(argv) {
  const o = { build: null, reps: +(process.env.BENCH_REPS || 3), max: 1000000, per: 1000, jit: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === "--build") o.build = path.resolve(v());
    else if (a === "--reps") o.reps = +v();
    else if (a === "--max") o.max = +v();
    else if (a === "--per") o.per = +v();
    else if (a === "--jit") o.jit = v();
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.build) throw new Error("--build BUILD is needed");
  if (!(o.reps >= 1) || !(o.max >= 1000) || !(o.per >= 1)) throw new Error("bad --reps, --max or --per");
  return o;
}

// Runs argv; returns { NAME: ns per op } from its "bench" lines (bench.h).
function figures(argv) {
  const res = {};
  for (const r of parseBench(run(argv, argv[0]))) if (r.unit === "op") res[r.name] = figure(r);
  return res;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const runner = wasiRunner(o.build, o.jit);
  const sizes = [];
  for (let n = 1000; n <= o.max; n *= 10) sizes.push(n);
  const layouts = [{ name: "one directory", extra: [] }, { name: `${o.per} to a directory`, extra: [String(o.per)] }];
  const samples = {}; // `${layout}|${col}|${n}` -> { op: [ns] }
  for (let rep = 0; rep < o.reps; rep++)
    for (const n of sizes)
      for (const lay of layouts)
        for (const col of ["vfs", "native"]) {
          let argv, tmp = null;
          if (col === "vfs")
            argv = [...runner, path.join(o.build, "bench", "wasm32-wasi-vfs", "meta.wasm"), "files", "/tmp/bench", String(n), ...lay.extra];
          else {
            tmp = tmpfsRoot();
            argv = [path.join(o.build, "bench", "native", "meta"), "files", path.join(tmp, "w"), String(n), ...lay.extra];
          }
          let f;
          try {
            f = figures(argv);
          } finally {
            if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
          }
          const key = `${lay.name}|${col}|${n}`;
          for (const [op, ns] of Object.entries(f)) ((samples[key] ??= {})[op] ??= []).push(ns);
          process.stderr.write(`rep ${rep + 1}/${o.reps} ${col} ${n} (${lay.name}): ` +
                               Object.entries(f).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ") + "\n");
        }
  const ops = ["meta.create", "meta.stat_read", "meta.rename", "meta.unlink"];
  const out = [`engine: wasi-run${o.jit ? ` --jit ${o.jit}` : " (its default --jit)"}; CPU ns per operation, median of ${o.reps}`, "",
               `| layout | files | ${ops.map((x) => `${x.slice(5)} vfs / native`).join(" | ")} |`,
               `|---|--:|${ops.map(() => "--:").join("|")}|`];
  for (const lay of layouts)
    for (const n of sizes) {
      const cell = (op) => ["vfs", "native"].map((c) => median(samples[`${lay.name}|${c}|${n}`][op]).toFixed(0)).join(" / ");
      out.push(`| ${lay.name} | ${n.toLocaleString("en")} | ${ops.map(cell).join(" | ")} |`);
    }
  out.push("", `| layout | ${ops.map((x) => `${x.slice(5)}: vfs at ${o.max.toLocaleString("en")} / cheapest`).join(" | ")} |`,
           `|---|${ops.map(() => "--:").join("|")}|`);
  for (const lay of layouts) {
    const at = (op, n) => median(samples[`${lay.name}|vfs|${n}`][op]);
    const r = (op) => `${(at(op, sizes.at(-1)) / Math.min(...sizes.map((n) => at(op, n)))).toFixed(2)}x`;
    out.push(`| ${lay.name} | ${ops.map(r).join(" | ")} |`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

try {
  main();
} catch (e) {
  process.stderr.write(`scale: ${e.message}\n`);
  process.exit(1);
}
