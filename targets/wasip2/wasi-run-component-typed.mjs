// wasi-run-component-typed.mjs: runs the typed function of a wasm32-wasip2-io
// component (io/libc/wasip2/README.md), as wasi-run runs a typed module:
//
//   wasi-run-component COMPONENT INPUT... -o OUTPUT... [-- ARGS...]
//
// The component, transpiled by component-run.mjs's prepareRun (jco, over
// preview2-shim, as for a command), is imported in this process. The
// runner opens the files (wasi-run's parts: wasi-run-typed.mjs, so the same
// checks, messages and statuses), hands the program each one as a wasi:io
// stream of preview2-shim (a file's stream, or stdin / stdout for "-") and
// calls
//   main(["COMPONENT", ...ARGS], stream, ...) -> u8
// An output lands in place (renamed from a temporary file beside it) only
// when the status is 0 (exit() inside the function ends the run with
// wasi:cli/exit's 0 or 1, and writes no output). Statuses: the function's
// (0-255); wasi-run's 2, 66, 73 for the command line and files; 126 a
// component that imports anything but wasi:io, wasi:cli, wasi:clocks and
// wasi:random, or whose main does not take the streams its section
// declares; 134 a trap.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUN_NAME } from './component-run.mjs';
import { coreModules, Reader, SECTION, sections } from './js/wasm-binary.mjs';
import { die, discardOutputs, EXIT_CANNOT_RUN, EXIT_TRAP } from './wasi-run-exit.mjs';
import { finishOutputs, openStreams, parseTypedArgs, typedEntryOfSections } from './wasi-run-typed.mjs';

// The typed entry point of the component in bytes, from the wasi-io-main
// sections of its core modules (typedEntryOfSections: null when there is
// none; exits 126 when there are several, or the one is malformed).
function typedEntryOf(component, bytes) {
  const found = [];
  for (const m of coreModules(bytes)) {
    for (const s of sections(bytes, m.body, m.end)) {
      if (s.id !== SECTION.CUSTOM) continue;
      const r = new Reader(bytes, s.body, s.end);
      if (r.name() === 'wasi-io-main') found.push(bytes.subarray(r.p, s.end));
    }
  }
  return typedEntryOfSections(component, found);
}

// A preview2-shim stream over one of openStreams' entries.
function shimStream(shim, s, filePath) {
  if (filePath === '-') return s.output ? shim.cli.stdout.getStdout() : shim.cli.stdin.getStdin();
  const dir = path.resolve(path.dirname(filePath));
  const fsys = shim.filesystem.createFilesystem({ preopens: { '/': dir } });
  const [[root]] = fsys.preopens.getDirectories();
  const name = path.basename(filePath);
  if (!s.output) return root.openAt({}, name, {}, { read: true }).readViaStream(0n);
  return root.openAt({}, path.basename(s.temp ?? filePath), {}, { write: true }).writeViaStream(0n);
}

// Runs COMPONENT's typed function with argv (what follows COMPONENT), or
// returns false when it has none (a command: the caller runs it). run is
// prepareRun's; modules the node_modules/@bytecodealliance folder.
export async function runTypedComponent({ run, setup, modules, component, argv }) {
  let entry;
  try {
    entry = typedEntryOf(component, new Uint8Array(fs.readFileSync(component)));
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${component}: cannot run it: ${String(e.message ?? e).split('\n')[0]}`);
  }
  if (entry === null) return false;
  // streams are all it gets: preview2-shim would give a socket or an HTTP
  // request to a component that imports them
  const prefix = '@bytecodealliance/preview2-shim/';
  const other = run.imports
    .map((i) => (i.startsWith(prefix) ? `wasi:${i.slice(prefix.length)}` : i))
    .filter((i) => !/^wasi:(io|cli|clocks|random)$/.test(i));
  if (other.length)
    die(
      EXIT_CANNOT_RUN,
      `${component}: a typed component imports ${other[0]}: it gets wasi:io streams, wasi:cli, wasi:clocks and wasi:random only`,
    );
  const plan = parseTypedArgs(component, entry, argv, false);
  const streams = openStreams(plan);
  await import(pathToFileURL(setup).href);
  const shim = await import(pathToFileURL(path.join(modules, 'preview2-shim', 'dist', 'nodejs', 'index.js')).href);
  const program = await import(pathToFileURL(path.join(run.dir, `${RUN_NAME}.js`)).href);
  if (typeof program.main !== 'function') return false;
  const paths = [...plan.inputs, ...plan.outputs];
  const byFd = [...streams.values()].map((s, k) => shimStream(shim, s, paths[k]));
  // declaration order: the k-th input or output of the entry
  const nin = entry.inputs.length;
  let i = 0;
  let o = 0;
  const params = entry.streams.map(({ output }) => (output ? byFd[nin + o++] : byFd[i++]));
  // exit() inside the function ends this process (preview2-shim's
  // wasi:cli/exit): its outputs are not written
  process.once('exit', discardOutputs);
  let status;
  try {
    status = program.main([path.basename(component), ...plan.args], ...params);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError)
      die(EXIT_TRAP, `${component}: trap: ${String(e.message).replace(/^wasm trap: /, '')}`);
    if (e instanceof RangeError && /call stack size/.test(e.message))
      die(EXIT_TRAP, `${component}: trap: stack overflow`);
    // jco's glue refused the call: main's type is not the section's
    die(
      EXIT_CANNOT_RUN,
      `${component}: its main does not take the streams its wasi-io-main section declares: ${String(e.message ?? e).split('\n')[0]}`,
    );
  }
  process.removeListener('exit', discardOutputs);
  for (const s of byFd) s[Symbol.dispose]?.();
  return finishOutputs(component, streams, status);
}
