// wasi-run.mjs: run a WASI preview1 command module on Node.js's built-in WASI.
//
//   wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
//
// Normally started by the `wasi-run` shell launcher next to this file, which
// picks the Node.js flags (see there). The guest sees argv = [MODULE, ARGS...],
// only the environment and directories the options give it, and the process's
// own stdin/stdout/stderr.
//
// Typed entry point: a module with a custom section "wasi-io-main" (written by
// WASI_IO_MAIN of io/'s wasi_io.h: "1 in:TYPE out:TYPE ...") takes streams, not
// file names. The runner does the file work at the edge:
//
//   wasi-run [OPTIONS] [--] MODULE.wasm INPUT... [-o OUTPUT]... [-- ARGS...]
//
// opens each INPUT and hands it to the guest as a plain stream (not seekable,
// no name) on descriptor 3, 4, ...; each -o OUTPUT follows as the next
// descriptor. The module sees argv = [MODULE, ARGS...] and no directory.
// An output is written to a temporary file beside OUTPUT and renamed over it
// when the module exits 0, and removed otherwise (an OUTPUT that is not a
// regular file, such as /dev/stdout, is written directly). `-` as INPUT is
// the runner's stdin, as OUTPUT its stdout.
//
// Exit status (documented contract, also in README.md next to this file):
//   the module's exit code (proc_exit or return from main), truncated to 8 bits
//   2    bad options or arguments that do not match the typed entry point
//        (usage printed on stderr), --dir on a module that cannot see it
//   66   typed entry point: an INPUT cannot be opened for reading; --in:
//        HOST is not readable, or neither a directory nor a tar archive
//   70   internal error in the runner itself
//   73   typed entry point: an OUTPUT cannot be created; --out/--dir: HOST
//        cannot be written or conflicts with the archive (nothing written)
//   74   --out/--dir: the module's archive is refused: malformed, cut
//        short, hostile, over a limit (nothing written)
//   126  module cannot run: unreadable, not WebAssembly, unsupported import,
//        no _start (a reactor), no exported memory, link error
//   127  module file not found
//   134  the module trapped (128 + SIGABRT, as a native abort() would)
//   141  stdout/stderr reader went away (EPIPE; 128 + SIGPIPE, as native code)
//
// Files through streams (wasm32-wasi-vfs modules): --in HOST:GUEST sends
// host directory HOST (or a tar file) as a tar archive on a descriptor of
// the module's own, which extracts it under GUEST before main
// (WASI_VFS_IN); --out GUEST:HOST has the module write GUEST as an archive
// at exit (WASI_VFS_OUT: what the program created or changed), which the
// runner extracts into HOST when the module exits 0 (wasi-run-tar.mjs:
// checked whole, staged, applied all or nothing). --dir HOST::GUEST on
// such a module is both, written back on any exit status. The archives'
// descriptors are 3, 4, ...: the module's own stdin and stdout stay
// its. The module imports no filesystem function for any of this.
//
// Path calls (path_*, fd_readdir) on a descriptor that is not a preopen
// or opened by path_open are answered here (ENOTDIR, EBADF), never by
// Node's WASI, which would resolve them in the runner's directory.
//
// Stdio: Node's WASI fails with EAGAIN when fd 0/1/2 is a non-blocking file
// description (some other Node process on the same pipe or terminal may have
// set O_NONBLOCK). So fd_read on guest fd 0 and fd_write on guest fds 1 and 2
// are served here with synchronous reads/writes that wait and retry on EAGAIN;
// every other import is Node's WASI unchanged.
//
// The parts, one job each: wasi-run-args.mjs (command line), -engine
// (how V8 compiles the module, --jit), -module (loading and checks), -stdio and -io (blocking standard streams),
// -typed and -streams (typed entry point), -archives, -archive-fds and
// -tar (--in/--out), -dirs (--dir on a vfs module), -paths (path calls on
// non-directories), -trap (trap reports), -exit (statuses, messages); the
// WASI ABI and tar come from js/ (targets/js).

import { archiveImports } from './wasi-run-archive-fds.mjs';
import { noStreams, planArchives } from './wasi-run-archives.mjs';
import { parseArgs, usageError } from './wasi-run-args.mjs';
import { dirsOnModule } from './wasi-run-dirs.mjs';
import { applyJit } from './wasi-run-engine.mjs';
import { die, EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_TRAP } from './wasi-run-exit.mjs';
import { checkExports, checkImports, loadModule, loadWasi } from './wasi-run-module.mjs';
import { pathGuard } from './wasi-run-paths.mjs';
import { blockingStdio } from './wasi-run-stdio.mjs';
import { typedStreamImports } from './wasi-run-streams.mjs';
import { finishOutputs, openStreams, parseTypedArgs, typedEntry } from './wasi-run-typed.mjs';
import { trapReport } from './wasi-run-trap.mjs';

// Runs the command described by `argv`; returns the exit status.
async function main(argv) {
  const opts = parseArgs(argv);
  const WASI = await loadWasi();
  applyJit(opts.jit);
  const module = await loadModule(opts.module);
  const entry = typedEntry(opts.module, module);
  let args = opts.args;
  let plan = null;
  if (entry) {
    plan = parseTypedArgs(opts.module, entry, opts.args, Object.keys(opts.preopens).length > 0);
    args = plan.args;
  }
  const streamsPart = WebAssembly.Module.customSections(module, 'wasi-vfs-streams').length > 0;
  if ((opts.ins.length || opts.outs.length) && entry) {
    usageError(`${opts.module}: takes streams (typed entry point); --in and --out are for modules that open files`);
  }
  if ((opts.ins.length || opts.outs.length) && !streamsPart) noStreams(opts.module);
  // The imports Node's WASI has do not depend on the preopens.
  checkImports(opts.module, module, new WASI({ version: 'preview1', returnOnExit: true }).wasiImport);
  checkExports(opts.module, module);
  if (opts.dirs.length && !entry) dirsOnModule(opts, module, streamsPart);
  let archives = null;
  if (opts.ins.length || opts.outs.length) archives = await planArchives(opts);
  const wasi = new WASI({
    version: 'preview1',
    args: [opts.module, ...args],
    env: opts.env,
    preopens: opts.preopens,
    returnOnExit: true,
  });

  const guard = pathGuard(wasi.wasiImport, Object.keys(opts.preopens).length);
  const stdio = blockingStdio({ ...wasi.wasiImport, ...guard.imports });
  let imports = { ...wasi.wasiImport, ...guard.imports, ...stdio.imports };
  // The descriptors the runner serves itself: a typed module's streams or
  // the archives of --in and --out (never both: checked above).
  let served = null;
  let streams = null;
  if (plan) {
    streams = openStreams(plan);
    served = typedStreamImports(imports, streams);
    imports = { ...imports, ...served.imports };
  }
  if (archives) {
    served = archiveImports(imports, archives.table);
    imports = { ...imports, ...served.imports };
  }
  guard.setStreams((fd) => (streams?.has(fd) && !streams.get(fd).closed) || archives?.table.has(fd));
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports });
  } catch (e) {
    die(EXIT_CANNOT_RUN, `${opts.module}: cannot link: ${e.message}`);
  }
  stdio.setMemory(instance.exports.memory);
  guard.setMemory(instance.exports.memory);
  served?.setMemory(instance.exports.memory);

  let status;
  try {
    status = (wasi.start(instance) ?? 0) & 0xff;
  } catch (e) {
    // V8 reports wasm stack exhaustion as a RangeError.
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      die(EXIT_TRAP, trapReport(opts.module, e, module, instance));
    }
    die(EXIT_INTERNAL, `${opts.module}: internal error: ${e.stack ?? e}`);
  }
  if (archives) return archives.finish(opts.module, status);
  return streams ? finishOutputs(opts.module, streams, status) : status;
}

// Whatever escapes is a bug of the runner: one line, status 70.
let finalStatus;
try {
  finalStatus = await main(process.argv.slice(2));
} catch (e) {
  die(EXIT_INTERNAL, `internal error: ${e?.message ?? e}`);
}
process.exit(finalStatus);
