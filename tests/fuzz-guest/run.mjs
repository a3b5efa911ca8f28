// run.mjs - drives the guest-memory fuzzer (README.md).
//
//   node run.mjs WASI-RUN GUEST.wasm [--seeds FIRST-LAST] [--ops N]
//                [--time SECONDS] [--jobs N]
//
// Runs the module under the runner once per seed, each in its own process
// (a fresh module instance, as a user runs it), --jobs at a time (default
// 2): by default seeds 1-8 with 20000 operations each (what ctest runs);
// with --time, seeds drawn at random until that many seconds have passed.
// Prints one line per run (only the totals with --time); on a divergence
// prints the harness's report and the command that replays it, and exits 1.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';

const usage = 'usage: node run.mjs WASI-RUN GUEST.wasm [--seeds FIRST-LAST] [--ops N] [--time SECONDS] [--jobs N]';
const argv = process.argv.slice(2);
const files = [];
let first = 1, last = 8, ops = 20000, seconds = 0, jobs = 2;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => {
    if (i + 1 >= argv.length) { console.error(usage); process.exit(2); }
    return argv[++i];
  };
  if (a === '--seeds') {
    const m = /^(\d+)-(\d+)$/.exec(value());
    if (!m) { console.error(usage); process.exit(2); }
    [first, last] = [Number(m[1]), Number(m[2])];
  } else if (a === '--ops') ops = Number(value());
  else if (a === '--time') seconds = Number(value());
  else if (a === '--jobs') jobs = Number(value());
  else if (!a.startsWith('-')) files.push(a);
  else { console.error(usage); process.exit(2); }
}
if (files.length !== 2 || !(ops >= 0) || !(jobs >= 1)) { console.error(usage); process.exit(2); }
const [runner, module] = files;

// Runs one seed; resolves to { seed, code, text }.
function runSeed(seed) {
  return new Promise((resolve) => {
    execFile(runner, [module, String(seed), String(ops)], { maxBuffer: 1 << 20 },
      (err, stdout, stderr) => resolve({ seed, code: err ? err.code : 0, text: (stdout + stderr).trim() }));
  });
}

const end = Date.now() + seconds * 1000;
let next = first;
// The next seed to run, or null when done.
function nextSeed() {
  if (seconds > 0) return Date.now() < end ? crypto.randomInt(1, 2 ** 47) : null;
  return next <= last ? next++ : null;
}

let runs = 0, totalOps = 0, totalChecks = 0, failed = false;
async function worker() {
  for (let seed; !failed && (seed = nextSeed()) !== null;) {
    const { code, text } = await runSeed(seed);
    const m = /: (\d+) operations, (\d+) checks$/.exec(text);
    if (code !== 0 || !m) {
      if (!failed) {
        console.log(text || '(no output)');
        console.log(`guest: seed ${seed} failed (exit status ${code}); replay: ${runner} ${module} ${seed} ${ops}`);
      }
      failed = true;
      return;
    }
    runs++;
    totalOps += Number(m[1]);
    totalChecks += Number(m[2]);
    if (seconds === 0) console.log(text);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
if (failed) process.exit(1);
console.log(`guest: ${runs} runs, ${totalOps} operations, ${totalChecks} checks, no divergence`);
