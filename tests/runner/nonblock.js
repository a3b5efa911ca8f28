// node nonblock.js CMD [ARGS...]: run CMD while its stdin and stdout are
// O_NONBLOCK, the situation another Node process on the same pipe creates.
//
// libuv clears O_NONBLOCK on a child's stdio while spawning it, so the flag is
// set afterwards: opening Node's own process.stdin/process.stdout handles makes
// libuv set O_NONBLOCK on those open file descriptions (pipes or terminals),
// which the running child shares. The handles are never read or written.
// Exits with CMD's status (128 + signal number if it was killed).
'use strict';
const { spawn } = require('node:child_process');
const os = require('node:os');

const child = spawn(process.argv[2], process.argv.slice(3), { stdio: 'inherit' });
child.on('spawn', () => {
  void process.stdin;
  void process.stdout;
});
child.on('error', (e) => {
  console.error(`nonblock: ${e.message}`);
  process.exit(127);
});
child.on('exit', (status, signal) => {
  process.exit(status ?? 128 + os.constants.signals[signal]);
});
