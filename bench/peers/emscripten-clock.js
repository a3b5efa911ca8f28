// emscripten-clock.js: clock_gettime for the Emscripten builds of the
// workload programs (an Emscripten JS library, --js-library), as
// Emscripten 3.1.6's own (CLOCK_REALTIME, CLOCK_MONOTONIC) plus the CPU
// clocks bench.h times with: CLOCK_PROCESS_CPUTIME_ID and
// CLOCK_THREAD_CPUTIME_ID read the thread's CPU time through
// globalThis.wasiBenchThreadCpuNs (bench/peers/thread-clock.mjs, loaded
// with node --import), the clock the other columns use. Without it they
// fail with EINVAL, as Emscripten's do.
mergeInto(LibraryManager.library, {
  clock_gettime__sig: 'iii',
  clock_gettime__deps: ['emscripten_get_now', '$setErrNo'],
  clock_gettime: function(clk_id, tp) {
    var ns;
    if (clk_id === 0) {
      ns = Date.now() * 1e6;
    } else if (clk_id === 1 || clk_id === 4) {
      ns = _emscripten_get_now() * 1e6;
    } else if ((clk_id === 2 || clk_id === 3) && globalThis.wasiBenchThreadCpuNs) {
      ns = Number(globalThis.wasiBenchThreadCpuNs());
    } else {
      setErrNo(28);
      return -1;
    }
    // Emscripten 3.1.6: struct timespec { int32 tv_sec; int32 tv_nsec; }
    HEAP32[tp >> 2] = Math.floor(ns / 1e9);
    HEAP32[(tp + 4) >> 2] = Math.floor(ns % 1e9);
    return 0;
  },
});
