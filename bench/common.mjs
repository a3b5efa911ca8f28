// common.mjs: what the suite's scripts share (run.mjs, scale.mjs,
// extras.mjs): the runner's command line, scratch folders on tmpfs,
// running a benchmark program and reading its "bench" lines, medians.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The shipped runner, BUILD/bin/wasi-run, with its own engine settings
// unless jit names a mode (its --jit). The launcher runs `node` from PATH,
// or $NODE.
export function wasiRunner(build, jit) {
  const launcher = path.join(build, "bin", "wasi-run");
  return jit ? [launcher, "--jit", jit] : [launcher];
}

// A new scratch folder on tmpfs ($BENCH_TMPFS, else /dev/shm).
export function tmpfsRoot() {
  const base = process.env.BENCH_TMPFS || "/dev/shm";
  return fs.mkdtempSync(path.join(base, "wasi-bench-"));
}

// Runs argv (with env, or this process's environment); returns its stdout,
// or throws with its stderr.
export function run(argv, what, env) {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", maxBuffer: 1 << 26,
                                                 timeout: 3600e3, env: env || process.env });
  if (r.status !== 0)
    throw new Error(`${what} failed (${r.error ? r.error.message : `exit ${r.status}`}):\n` +
                    `  ${argv.join(" ")}\n${(r.stderr || "").trim()}`);
  return r.stdout;
}

// "bench NAME COUNT UNIT CPU_SECONDS WALL_SECONDS" lines (bench.h) ->
// [{ name, count, unit, secs }], secs the CPU time, or with wall the
// elapsed time.
export function parseBench(out, wall) {
  const res = [];
  for (const line of out.split("\n")) {
    const m = /^bench (\S+) (\d+) (op|B) ([0-9.]+) ([0-9.]+)$/.exec(line);
    if (m) res.push({ name: m[1], count: +m[2], unit: m[3], secs: wall ? +m[5] : +m[4] });
  }
  return res;
}

// A sample's figure: ns per op, or MiB/s.
export function figure(r) {
  return r.unit === "op" ? (r.secs / r.count) * 1e9 : r.count / 1048576 / r.secs;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
