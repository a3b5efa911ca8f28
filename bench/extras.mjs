// extras.mjs: the parts of the suite that are not timed loops inside a
// workload program: memory held by the vfs core, module sizes, SQLite's
// speedtest1, start-up time. Each returns a plain object for results.json
// ({ error } when it could not run; { skipped } when its programs are not
// built), and never throws. o.runner is the command line that runs a
// module (common.mjs's wasiRunner).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./common.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.dirname(HERE);

function guard(what, f) {
  try {
    return f();
  } catch (e) {
    return { error: `${what}: ${e.message}` };
  }
}

// ---- memory -------------------------------------------------------------------
// The vfs core's memory (memory.c), natively (64-bit) and as the vfs
// triple carries it (wasm32).
export function memory(o, run, parseValues) {
  return guard("memory", () => {
    const n = String(Math.max(100, Math.round(10000 * o.scale)));
    const size = String(Math.max(1, Math.round(100 * o.scale)) * 1048576);
    const B = path.join(o.build, "bench");
    return {
      files: +n, size: +size,
      wasm32: parseValues(run([...o.runner,
                               path.join(B, "wasm32-wasi", "memory.wasm"), n, size], "memory (wasm32)")),
      native: parseValues(run([path.join(B, "native", "memory"), n, size], "memory (native)")),
    };
  });
}

// ---- sizes --------------------------------------------------------------------
// What wasm32-wasi-vfs adds over wasm32-wasi to the size-budget programs of
// tests/overlay/size (-Oz, stripped, as tests/overlay/size.cmake builds
// them), and per feature when tests/streams/feature-sizes.sh is there.
export function sizes(o, log) {
  return guard("sizes", () => {
    const work = path.join(o.out, "sizes");
    fs.mkdirSync(work, { recursive: true });
    const rows = [];
    for (const name of ["hello", "tiny", "most"]) {
      const src = path.join(SRC, "tests", "overlay", "size", `${name}.c`);
      const row = { name };
      for (const t of ["wasm32-wasi", "wasm32-wasi-vfs"]) {
        const out = path.join(work, `${name}-${t}.wasm`);
        const r = spawnSync(path.join(o.build, "bin", `${t}-clang`),
                            ["-Oz", "-Wl,--strip-all", src, "-o", out], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`${t}-clang ${src}: ${r.stderr}`);
        row[t] = fs.statSync(out).size;
      }
      row.added = row["wasm32-wasi-vfs"] - row["wasm32-wasi"];
      rows.push(row);
      log(`size ${name}: +${row.added} bytes`);
    }
    const result = { programs: rows };
    // the optional parts, each a driver option (tests/streams)
    const script = path.join(SRC, "tests", "streams", "feature-sizes.sh");
    if (fs.existsSync(script)) {
      const report = path.join(work, "features.md");
      const r = spawnSync("sh", [script, path.join(o.build, "bin"), path.join(SRC, "tests", "overlay", "size"),
                                 path.join(work, "features"), report], { encoding: "utf8" });
      result.features = fs.existsSync(report) ? fs.readFileSync(report, "utf8") : `(${r.stderr.trim()})`;
      if (r.status !== 0) result.featuresNote = r.stderr.trim();
    }
    return result;
  });
}

// ---- speedtest1 -----------------------------------------------------------------
// SQLite's speedtest1 on an on-disk database, in each column, interleaved:
//   vfs           wasm32-wasi-vfs, the database in the module's filesystem
//   vfs-dotfile   the same with --vfs unix-dotfile (the locking the
//                 wasm32-wasi column must use), like for like
//   wasi          wasm32-wasi on Node, the database on tmpfs, --vfs
//                 unix-dotfile (preview1 has no locks)
//   native        natively, the database on tmpfs
// SQLite's temporary files (VACUUM's) go to the same tmpfs directory
// (TMPDIR) in the wasi and native columns, to /tmp in the vfs ones.
// Returns medians of the TOTAL time and of every test's time.
export function speedtest1(o, log, run) {
  return guard("speedtest1", () => {
    const dir = path.join(o.build, "bench", "speedtest1");
    const prog = (t) => path.join(dir, t, "speedtest1");
    if (!["native", "wasm32-wasi", "wasm32-wasi-vfs"].every((t) => fs.existsSync(prog(t))))
      return { skipped: "speedtest1 is not built (cmake --build BUILD --target bench_speedtest1)" };
    const size = String(Math.max(5, Math.round(100 * o.scale)));
    const runner = o.runner;
    const cols = {
      vfs: () => ({ argv: [...runner, prog("wasm32-wasi-vfs"), "--size", size, "/tmp/speedtest1.db"] }),
      "vfs-dotfile": () => ({ argv: [...runner, prog("wasm32-wasi-vfs"), "--size", size,
                                     "--vfs", "unix-dotfile", "/tmp/speedtest1.db"] }),
      wasi: (tmp) => ({ argv: [...runner, "--dir", `${tmp}::/bench`, "--env", "TMPDIR=/bench",
                               prog("wasm32-wasi"), "--size", size, "--vfs", "unix-dotfile",
                               "/bench/speedtest1.db"] }),
      native: (tmp) => ({ argv: [prog("native"), "--size", size, path.join(tmp, "speedtest1.db")],
                          env: { ...process.env, TMPDIR: tmp } }),
    };
    const samples = {};
    const names = Object.keys(cols);
    for (let rep = 0; rep < o.reps; rep++) {
      const order = names.slice(rep % names.length).concat(names.slice(0, rep % names.length));
      for (const col of order) {
        const tmp = fs.mkdtempSync(path.join(process.env.BENCH_TMPFS || "/dev/shm", "wasi-bench-"));
        let out;
        try {
          const c = cols[col](tmp);
          out = run(c.argv, `speedtest1 [${col}]`, c.env);
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true });
        }
        const tests = {};
        for (const line of out.split("\n")) {
          const m = /^\s*(\d+|TOTAL) ?-? ?(.*?)\.{2,}\s+([0-9.]+)s$/.exec(line);
          if (m) tests[m[1] === "TOTAL" ? "TOTAL" : `${m[1]} ${m[2].trim()}`] = +m[3];
        }
        if (!("TOTAL" in tests)) throw new Error(`speedtest1 [${col}]: no TOTAL line`);
        for (const [k, v] of Object.entries(tests)) ((samples[k] ??= {})[col] ??= []).push(v);
        log(`rep ${rep + 1}/${o.reps} speedtest1 --size ${size} [${col}]: ${tests.TOTAL}s`);
      }
    }
    const med = {};
    for (const [k, byCol] of Object.entries(samples)) {
      med[k] = {};
      for (const [c, xs] of Object.entries(byCol)) med[k][c] = median(xs);
    }
    return { size: +size, med, samples };
  });
}

// ---- start-up -------------------------------------------------------------------
// Time to main with a file image of no file, one small file, and 10,000
// files of 100 MiB in all, packed into tests/streams/startup.c's module
// after linking: tests/streams/startup.mjs measures it (medians of 7 runs
// of compile, instantiate, _start to main, main to the first byte of a
// file of the image, and the whole wasi-run process); its table is parsed.
export function startup(o, log) {
  return guard("startup", () => {
    const mod = path.join(o.build, "bench", "wasm32-wasi-vfs", "startup.wasm");
    const script = path.join(SRC, "tests", "streams", "startup.mjs");
    if (!fs.existsSync(mod) || !fs.existsSync(script))
      return { skipped: "the start-up module is not built" };
    const report = path.join(o.out, "startup.md");
    const r = spawnSync(process.execPath, [script, report, path.join(o.build, "bin", "wasi-vfs-pack"), mod,
                                           path.join(o.out, "startup-work"), path.join(o.build, "bin", "wasi-run")],
                        { encoding: "utf8", maxBuffer: 1 << 26 });
    fs.rmSync(path.join(o.out, "startup-work"), { recursive: true, force: true });
    if (!fs.existsSync(report)) throw new Error(`startup.mjs: ${(r.stderr || "").trim()}`);
    const rows = {};
    for (const line of fs.readFileSync(report, "utf8").split("\n")) {
      const c = line.split("|").map((x) => x.trim());
      if (c.length < 8 || !/^\d+$/.test(c[2])) continue;
      rows[c[1]] = { bytes: +c[2], compile: +c[3], instantiate: +c[4], main: +c[5], open: +c[6],
                     process: +c[7] };
    }
    const names = Object.keys(rows);
    if (names.length !== 3) throw new Error(`startup.mjs: cannot read ${report}`);
    log(`startup: ${names.map((n) => `${n} ${rows[n].main} ms to main`).join(", ")}`);
    return { rows, none: names[0], many: names[2], table: fs.readFileSync(report, "utf8") };
  });
}
