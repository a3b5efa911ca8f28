// wasi-run-engine.mjs: how V8 compiles the module (--jit): the engine settings, one place.
//
// Two choices, measured (bench/README.md "Engine settings"):
//   tiered     V8's own default (--liftoff --wasm-lazy-compilation): each
//              function compiled by the baseline compiler (Liftoff) when
//              first called, and by the optimizing compiler (TurboFan) once
//              it has run about 1.8 MB of instructions: the quickest start;
//              hot code runs slower until a background thread tiers it up.
//   optimized  every function compiled by TurboFan before _start
//              (--no-liftoff --no-wasm-lazy-compilation): loops run at full
//              speed from their first iteration, but start-up pays the
//              compile of the whole module (40 ms of CPU for a 50 KB
//              module, 0.5 s for SQLite's 1 MB), which doubled the time of
//              a short run here and saved 8% on a 5-second one.
// The flags are set with v8.setFlagsFromString before the module is
// compiled, so they hold however the runner is started (the launcher, or
// `node wasi-run.mjs`, as the benchmark suite does) and nothing else in
// the process changes.

import v8 from 'node:v8';

export const JIT_MODES = {
  optimized: ['--no-liftoff', '--no-wasm-lazy-compilation'],
  tiered: ['--liftoff', '--wasm-lazy-compilation'],
};

// The default: chosen by measurement (bench/README.md "Engine settings").
export const JIT_DEFAULT = 'tiered';

// Sets V8's compilation flags for `mode` (a key of JIT_MODES).
export function applyJit(mode) {
  for (const flag of JIT_MODES[mode]) v8.setFlagsFromString(flag);
}
