// wasi-run-component.mjs: wasi-run-component's runner: transpiles a command component (component-run.mjs: with setjmp/longjmp's exception handling) and runs it on Node.js; with --in and --out, a host folder goes into a wasm32-wasip2-vfs component as a tar archive on its stdin, what the program changed comes back as one on its stdout, checked and extracted by wasi-run's parts.
//
//   node wasi-run-component.mjs MODULES SETUP [OPTIONS] [--] COMPONENT [ARGS...]
//
// (bin/wasi-run-component runs it; MODULES is the node_modules/@bytecodealliance
// folder with jco-transpile and preview2-shim, SETUP
// libexec/wasi-triples-p2/run-setup.mjs; JCO_RUN_ARGS, Node's flags for
// the run, as `jco run` takes them: the launcher puts V8's stack size
// there.) A component has no
// descriptor but its standard streams, so the archives use them, with
// libc-overlay/STREAMS.md's WASI_VFS_IN=0:GUEST and WASI_VFS_OUT=GUEST:1:
// the program reads the --in archive through its end-of-archive marker
// and then the runner's own stdin; once it first uses a file, its standard
// output goes to the runner's stderr, and its stdout carries the archive,
// which the runner spools, checks and extracts exactly as wasi-run does
// (wasi-run-archives.mjs, wasi-run-tar*.mjs: the guest and its archive are
// not trusted). Statuses and messages are wasi-run's (targets/runner/README.md),
// but that the component's own status is 0 or 1 (wasi:cli/exit): 126 a
// component that cannot be read, transpiled or instantiated, 134 a trap
// (one line, no backtrace), 70 any other error of the run.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGuestPath, OUT_DEFAULTS, OUT_OPTIONS_HELP, outOption, splitSpec, walkOptions } from './wasi-run-args.mjs';
import { planArchives } from './wasi-run-archives.mjs';
import { die, EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_USAGE, say, setProgramName, usageExit } from './wasi-run-exit.mjs';
import { prepareRun, removeRun } from './component-run.mjs';
import { oneLineMessage } from './component-transpile.mjs';
import { writeBlocking } from './wasi-run-io.mjs';
import { runTypedComponent } from './wasi-run-component-typed.mjs';

const USAGE = `usage: wasi-run-component [OPTIONS] [--] COMPONENT [ARGS...]
  --in HOST:GUEST    wasm32-wasip2-vfs component: host directory HOST (or tar
                     file) goes into the program's filesystem at GUEST, as a
                     tar archive on its stdin (once)
  --out GUEST:HOST   wasm32-wasip2-vfs component: what the program created or
                     changed under GUEST lands in host directory HOST when it
                     exits 0, as a tar archive on its stdout (once; the
                     program's own stdout then goes to stderr); write :: for
                     : when a path has one
${OUT_OPTIONS_HELP}  --help             print this help
  --                 end of options
`;

setProgramName('wasi-run-component');
const usageError = (why) => usageExit(why, USAGE);

// Parses the options. Returns { ins, outs, keepModes, outLimit, maxEntries,
// component, args } or exits 2 with why and the usage.
function parseOptions(argv) {
  const opts = { ins: [], outs: [], ...OUT_DEFAULTS };
  const at = walkOptions(argv, usageError, (arg, value, needValue, word) => {
    if ((arg === '--help' || arg === '-h') && value === undefined) {
      writeBlocking(1, Buffer.from(USAGE));
      process.exit(0);
    } else if (arg === '--in' || arg === '--out') {
      const spec = needValue();
      const list = arg === '--in' ? opts.ins : opts.outs;
      if (list.length)
        usageError(`${arg} ${spec}: only one ${arg}: a component's archives go through its stdin and stdout`);
      const [a, b] = splitSpec(arg, spec, arg === '--in' ? 'HOST_DIR:GUEST_DIR' : 'GUEST_DIR:HOST_DIR', usageError);
      const [host, guest] = arg === '--in' ? [a, b] : [b, a];
      checkGuestPath(arg, spec, guest, usageError);
      list.push({ host, guest, spec });
    } else if (!outOption(opts, arg, value, needValue, usageError)) {
      usageError(`unknown option ${word}`);
    }
  });
  if (at >= argv.length) usageError('no component given');
  return { ...opts, component: argv[at], args: argv.slice(at + 1) };
}

// Writes the --in archive to the program's stdin, then the runner's own
// stdin after it; stops when the program is gone (it need not read it all).
async function feed(child, read, gone, host) {
  const sink = child.stdin;
  sink.on('error', () => {}); // the program exited without reading it all
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n;
    try {
      n = read(chunk);
    } catch (e) {
      // the program finds the archive cut short and says so (wasi-vfs: ...)
      say(`--in ${host}: ${e.message}`);
      sink.end();
      return;
    }
    if (n === 0) break;
    if (!sink.write(Buffer.from(chunk.subarray(0, n)))) {
      const more = await Promise.race([new Promise((r) => sink.once('drain', () => r(true))), gone]);
      if (!more) return;
    }
  }
  process.stdin.on('error', () => {});
  process.stdin.pipe(sink);
}

const [modules, setup, ...rest] = process.argv.slice(2);
const opts = parseOptions(rest);
if (!fs.existsSync(opts.component)) {
  die(EXIT_USAGE, `${opts.component}: no such file`);
}
if (!fs.existsSync(path.join(modules, 'jco-transpile'))) {
  die(EXIT_USAGE, `jco not found in ${modules} (the build installs it: npm ci)`);
}
let run;
try {
  run = await prepareRun({ component: opts.component, modules, setup });
} catch (e) {
  die(EXIT_CANNOT_RUN, `${opts.component}: cannot run it: ${oneLineMessage(e)}`);
}
process.once('exit', () => removeRun(run.dir));
if (!opts.ins.length && !opts.outs.length) {
  // a wasm32-wasip2-io component's typed function, or else a command
  const status = await runTypedComponent({ run, setup, modules, component: opts.component, argv: opts.args });
  if (status !== false) process.exit(status);
}
opts.env = { ...process.env, WASI_RUN_COMPONENT_NAME: path.basename(opts.component) };
const archives = await planArchives(opts, true);
const nodeArgs = process.env.JCO_RUN_ARGS ? process.env.JCO_RUN_ARGS.split(' ').filter(Boolean) : [];
const child = spawn(process.execPath, [...nodeArgs, run.script, ...opts.args], {
  env: opts.env,
  stdio: [opts.ins.length ? 'pipe' : 'inherit', opts.outs.length ? 'pipe' : 'inherit', 'inherit'],
});
const gone = new Promise((resolve) => child.once('exit', () => resolve(false)));
if (opts.ins.length) feed(child, archives.table.get(0).read, gone, opts.ins[0].host);
if (opts.outs.length) {
  const spool = opts.outs[0].spool;
  child.stdout.on('data', (bytes) => spool.write(bytes)); // false past --out-limit: refused at the end
}
child.once('error', (e) => {
  die(EXIT_INTERNAL, `cannot start ${process.execPath}: ${e.message}`);
});
// A signal to the runner goes to the run, whose end then ends the runner
// (and removes the transpiled files): a Ctrl-C reaches both.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.once('close', (code, signal) => {
  const status = code ?? 128 + (os.constants.signals[signal] ?? 0);
  process.exit(archives.finish(opts.component, status));
});
