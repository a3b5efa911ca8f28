// shim-run.mjs: runs a wasm32-wasi module on @bjorn3/browser_wasi_shim,
// its files in the shim's in-memory filesystem: the peer column `shim`.
//
//   node shim-run.mjs DEPS_DIR MODULE.wasm ARGS...
//
// DEPS_DIR holds node_modules/@bjorn3/browser_wasi_shim (installed by
// `npm ci` from bench/peers/package-lock.json). The module sees one
// preopened directory, /bench, an empty in-memory PreopenDirectory (the
// workload programs take /bench/w as their ROOT); stdout and stderr go to
// this process's. The shim's clock_time_get knows only CLOCK_REALTIME and
// CLOCK_MONOTONIC (it reports 0 for the CPU clocks): the CPU clocks
// bench.h times with are answered with the thread's CPU time
// (thread-clock.mjs), as the other columns' are. Everything else is the
// shim's own. Exit status: the module's; 2 for a bad command line or a
// module it cannot read, or the shim not installed.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { threadCpuNs } from "./thread-clock.mjs";

const [deps, module, ...args] = process.argv.slice(2);
if (!deps || !module) {
  process.stderr.write("usage: node shim-run.mjs DEPS_DIR MODULE.wasm ARGS...\n");
  process.exit(2);
}
const entry = path.join(deps, "node_modules", "@bjorn3", "browser_wasi_shim", "dist", "index.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(`shim-run: ${entry} is not installed (cmake --build BUILD --target bench_peers)\n`);
  process.exit(2);
}
const shim = await import(pathToFileURL(entry).href);
const { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory } = shim;

const fds = [
  new OpenFile(new File([])),
  new ConsoleStdout((b) => fs.writeSync(1, b)),
  new ConsoleStdout((b) => fs.writeSync(2, b)),
  new PreopenDirectory("/bench", new Map()),
];
const wasi = new WASI([path.basename(module), ...args], [], fds, { debug: false });

const CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3;
const clockTimeGet = wasi.wasiImport.clock_time_get;
wasi.wasiImport.clock_time_get = (id, precision, time) => {
  if (id !== CLOCK_PROCESS_CPUTIME_ID && id !== CLOCK_THREAD_CPUTIME_ID)
    return clockTimeGet(id, precision, time);
  new DataView(wasi.inst.exports.memory.buffer).setBigUint64(time, threadCpuNs(), true);
  return 0;
};

let bytes;
try {
  bytes = fs.readFileSync(module);
} catch (e) {
  process.stderr.write(`shim-run: cannot read ${module}: ${e.message}\n`);
  process.exit(2);
}
const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes),
                                          { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
