// wasi-run-component-typed.mjs: runs the typed function of a wasm32-wasip2-io
// component (io/libc/wasip2/README.md), as wasi-run runs a typed module:
//
//   wasi-run-component COMPONENT INPUT... -o OUTPUT... [-- ARGS...]
//
// The component is transpiled with jco (its JavaScript API) into a
// temporary folder and imported in this process, over preview2-shim as
// `jco run` gives it. The runner opens the files (wasi-run's parts:
// wasi-run-typed.mjs, so the same checks, messages and statuses), hands
// the program each one as a wasi:io stream of preview2-shim (a file's
// stream, or stdin / stdout for "-") and calls
//   main(["COMPONENT", ...ARGS], stream, ...) -> u8
// An output lands in place (renamed from a temporary file beside it) only
// when the status is 0 (exit() inside the function ends the run with
// wasi:cli/exit's 0 or 1, and writes no output). Statuses: the function's
// (0-255); wasi-run's 2, 66, 73 for the command line and files; 70 when
// jco cannot transpile the component; 126 a component that imports
// anything but wasi:io, wasi:cli, wasi:clocks and wasi:random, or whose
// main does not take the streams its section declares; 134 a trap.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { die, discardOutputs, EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_TRAP } from './wasi-run-exit.mjs';
import { parseTypedEntry } from './js/typed-entry.mjs';
import { finishOutputs, openStreams, parseTypedArgs } from './wasi-run-typed.mjs';

// The transpiled component in a temporary folder, with preview2-shim where
// its imports find it (node_modules/@bytecodealliance/preview2-shim, a
// link to the build's). Returns { dir, files }; files are jco's (name ->
// bytes).
async function transpileInto(jco, component, shim) {
  const { transpile } = await import(pathToFileURL(path.join(path.dirname(jco), 'api.js')).href);
  const { files, imports } = await transpile(fs.readFileSync(component), {
    name: 'component',
    noTypescript: true,
    quiet: true,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-run-component-'));
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  fs.mkdirSync(path.join(dir, 'node_modules', '@bytecodealliance'), { recursive: true });
  fs.symlinkSync(shim, path.join(dir, 'node_modules', '@bytecodealliance', 'preview2-shim'), 'dir');
  return { dir, files, imports };
}

// The typed entry point of the transpiled component: parseTypedEntry's from
// the wasi-io-main section of its core module, or null.
function typedEntryOf(files) {
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.wasm')) continue;
    const sections = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'wasi-io-main');
    if (sections.length === 1) return parseTypedEntry(Buffer.from(sections[0]).toString('latin1'));
  }
  return null;
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
// returns false when it has none (a command: the caller runs it).
export async function runTypedComponent({ jco, setup, shimDir, component, argv }) {
  let t;
  try {
    t = await transpileInto(jco, component, shimDir);
  } catch (e) {
    die(EXIT_INTERNAL, `${component}: jco cannot transpile it: ${String(e.message ?? e).split('\n')[0]}`);
  }
  try {
    const entry = typedEntryOf(t.files);
    if (entry === null) return false;
    // streams are all it gets: the shim would give a socket or an HTTP
    // request to a component that imports them
    const prefix = '@bytecodealliance/preview2-shim/';
    const other = t.imports
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
    const shim = await import(pathToFileURL(path.join(shimDir, 'dist', 'nodejs', 'index.js')).href);
    const program = await import(pathToFileURL(path.join(t.dir, 'component.js')).href);
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
      if (e instanceof WebAssembly.RuntimeError) die(EXIT_TRAP, `${component}: trap: ${e.message}`);
      // jco's glue refused the call: main's type is not the section's
      die(
        EXIT_CANNOT_RUN,
        `${component}: its main does not take the streams its wasi-io-main section declares: ${String(e.message ?? e).split('\n')[0]}`,
      );
    }
    process.removeListener('exit', discardOutputs);
    for (const s of byFd) s[Symbol.dispose]?.();
    return finishOutputs(component, streams, status);
  } finally {
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
}
