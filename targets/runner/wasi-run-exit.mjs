// wasi-run-exit.mjs: the runner's exit statuses and its one-line messages on stderr.
//
// The statuses are the runner's documented contract (wasi-run.mjs,
// README.md). die() and usageError() never return.

import { writeBlocking } from './wasi-run-io.mjs';

export const EXIT_USAGE = 2;
export const EXIT_NO_INPUT = 66;
export const EXIT_INTERNAL = 70;
export const EXIT_CANNOT_CREATE = 73;
export const EXIT_IO = 74;
export const EXIT_CANNOT_RUN = 126;
export const EXIT_NOT_FOUND = 127;
export const EXIT_TRAP = 128 + 6;
export const EXIT_SIGPIPE = 128 + 13;

// Called before the runner exits on an error: removes the temporary files of
// a typed entry point's outputs (set by openStreams once there are some).
let discard = () => {};
export function setDiscardOutputs(fn) {
  discard = fn;
}
export function discardOutputs() {
  discard();
}

// The name that starts every message: wasi-run's, or that of a runner that
// shares these parts (wasi-run-component, targets/wasip2).
let program = 'wasi-run';
export function setProgramName(name) {
  program = name;
}
export const programName = () => program;

// Prints `wasi-run: MESSAGE` (or the name setProgramName gave) on stderr as
// one line, whatever the names in it hold: control characters (a newline in
// a file name) are written as \xNN; only "\nwasi-run: " inside MESSAGE starts a line of its own. A
// stderr that is gone is ignored: the exit status still tells.
export function say(message) {
  const line = message
    .split(`\n${program}: `)
    .map((part) => part.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  try {
    writeBlocking(2, Buffer.from(`${program}: ${line.join(`\n${program}: `)}\n`));
  } catch {}
}

// Prints `wasi-run: MESSAGE` on stderr and exits with `code`. Never returns.
export function die(code, message) {
  discardOutputs();
  say(message);
  process.exit(code);
}

// Prints `wasi-run: WHY` and `usage` on stderr and exits with EXIT_USAGE.
export function usageExit(why, usage) {
  discardOutputs();
  say(why);
  try {
    writeBlocking(2, Buffer.from(usage));
  } catch {}
  process.exit(EXIT_USAGE);
}

// Messages for the errors opening a host file can give.
const OPEN_ERRORS = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'file exists',
};
export const openError = (e) => OPEN_ERRORS[e.code] ?? e.message;

// Any error's message as one line: its lines trimmed, joined with ": "
// (jco's "Caused by:" lines left out).
export function oneLineMessage(e) {
  return String(e?.message ?? e)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== 'Caused by:')
    .join(': ');
}

// What a trap of WebAssembly code under V8 says, for "NAME: trap: WHAT":
// the engine's message (without jco's "wasm trap: " prefix), or "stack
// overflow" when V8's stack ran out; null when e is not a trap.
export function trapLine(e) {
  if (e instanceof WebAssembly.RuntimeError) return oneLineMessage(e).replace(/^wasm trap: /, '');
  if (e instanceof RangeError && /call stack size/.test(e.message)) return 'stack overflow';
  return null;
}
