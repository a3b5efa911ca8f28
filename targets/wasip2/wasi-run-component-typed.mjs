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

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUN_NAME } from './component-run.mjs';
import { coreModules, customSections, readExports } from './js/wasm-binary.mjs';
import {
  die,
  discardOutputs,
  EXIT_CANNOT_CREATE,
  EXIT_CANNOT_RUN,
  EXIT_NO_INPUT,
  EXIT_TRAP,
  oneLineMessage,
  trapLine,
} from './wasi-run-exit.mjs';
import { finishOutputs, openStreams, parseTypedArgs, typedEntryOrExit } from './wasi-run-typed.mjs';

// The typed entry point of the component in bytes: that of its core module
// that exports "main" (typedEntryOrExit of its wasi-io-main sections), the
// same test as the component step's, or null (a command; a WASI_IO_MAIN
// program on wasm32-wasip2-vfs has the section, not the function).
function typedEntryOf(component, bytes) {
  const typed = coreModules(bytes).filter((m) =>
    readExports(bytes, m.body, m.end).some((e) => e.name === 'main' && e.kind === 0),
  );
  return typedEntryOrExit(
    component,
    typed.flatMap((m) => customSections(bytes, 'wasi-io-main', m.body, m.end)),
  );
}

// A preview2-shim stream over one of openStreams' entries.
function shimStream(shim, s, filePath) {
  if (filePath === '-') return s.output ? shim.cli.stdout.getStdout() : shim.cli.stdin.getStdin();
  const dir = path.resolve(path.dirname(filePath));
  const fsys = shim.filesystem.createFilesystem({ preopens: { '/': dir } });
  const [[root]] = fsys.preopens.getDirectories();
  const name = path.basename(filePath);
  // the name openStreams checked, which may be a link (-o /dev/stdout)
  const follow = { symlinkFollow: true };
  if (!s.output) return root.openAt(follow, name, {}, { read: true }).readViaStream(0n);
  return root.openAt(follow, path.basename(s.temp ?? filePath), {}, { write: true }).writeViaStream(0n);
}

// Runs COMPONENT's typed function with argv (what follows COMPONENT), or
// returns false when it has none (a command: the caller runs it). run is
// prepareRun's; modules the node_modules/@bytecodealliance folder.
export async function runTypedComponent({ run, setup, modules, component, argv }) {
  const entry = typedEntryOf(component, run.bytes);
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
  // exit() inside the function ends this process (preview2-shim's
  // wasi:cli/exit), and so does a stream that cannot be made: no output is
  // written then
  process.once('exit', discardOutputs);
  const paths = [...plan.inputs, ...plan.outputs];
  const byFd = [...streams.values()].map((s, k) => {
    try {
      return shimStream(shim, s, paths[k]);
    } catch (e) {
      const why = `${paths[k]}: cannot open ${s.output ? 'output' : 'input'}: ${oneLineMessage(e)}`;
      return die(s.output ? EXIT_CANNOT_CREATE : EXIT_NO_INPUT, why);
    }
  });
  // declaration order: the k-th input or output of the entry
  const nin = entry.inputs.length;
  let i = 0;
  let o = 0;
  const params = entry.streams.map(({ output }) => (output ? byFd[nin + o++] : byFd[i++]));
  let status;
  try {
    status = program.main([path.basename(component), ...plan.args], ...params);
  } catch (e) {
    const trap = trapLine(e);
    if (trap !== null) die(EXIT_TRAP, `${component}: trap: ${trap}`);
    // jco's glue refused the call: main's type is not the section's
    die(
      EXIT_CANNOT_RUN,
      `${component}: its main does not take the streams its wasi-io-main section declares: ${oneLineMessage(e)}`,
    );
  }
  process.removeListener('exit', discardOutputs);
  for (const s of byFd) s[Symbol.dispose]?.();
  return finishOutputs(component, streams, status);
}
