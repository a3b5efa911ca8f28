// thread-clock.mjs: the CPU time of the calling thread, in nanoseconds
// (a BigInt), for the peer columns whose filesystems run in JavaScript:
// the same clock_gettime(CLOCK_THREAD_CPUTIME_ID) the other columns time
// with, read through Node's own WASI (uvwasi) on a one-page memory of its
// own. Importing it (node --import) also sets
// globalThis.wasiBenchThreadCpuNs, which emscripten-clock.js reads.
import { WASI } from "node:wasi";

// (module (memory (export "memory") 1) (func (export "_initialize")))
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> ()
  0x03, 0x02, 0x01, 0x00, // function 0 of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: 1 page
  0x07, 0x18, 0x02, // exports: 2
  0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, // "memory"
  0x0b, 0x5f, 0x69, 0x6e, 0x69, 0x74, 0x69, 0x61, 0x6c, 0x69, 0x7a, 0x65, 0x00, 0x00, // "_initialize"
  0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code: an empty body
]);
const CLOCK_THREAD_CPUTIME_ID = 3;

const wasi = new WASI({ version: "preview1", returnOnExit: true });
const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE), wasi.getImportObject());
wasi.initialize(instance);
const view = new DataView(instance.exports.memory.buffer);

export function threadCpuNs() {
  const rc = wasi.wasiImport.clock_time_get(CLOCK_THREAD_CPUTIME_ID, 0n, 0);
  if (rc !== 0) throw new Error(`thread-clock: clock_time_get(CLOCK_THREAD_CPUTIME_ID) failed: WASI errno ${rc}`);
  return view.getBigUint64(0, true);
}

globalThis.wasiBenchThreadCpuNs = threadCpuNs;
