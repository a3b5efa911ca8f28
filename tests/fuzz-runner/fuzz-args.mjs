// fuzz-args.mjs - feeds the runner (targets/runner) random and mutated
// argument vectors and checks each run against the runner's documented
// contract (targets/runner/README.md):
//   - the exit status is the one the contract gives for that command line
//     (a model of the option parsing and of the module checks, below);
//   - stderr holds only lines starting "wasi-run: " (and, after a usage
//     error, the usage text): never a JavaScript stack trace;
//   - stdout is the module's output, exactly (or the usage, for --help);
//   - no host file is created, changed or removed, but the outputs of a
//     typed module that exits 0 (and no temporary file is left behind).
//
//   node fuzz-args.mjs WASI-RUN EXEC-BYTES WORKDIR ARGS.wasm TYPED.wasm
//                      TRAP.wasm REACTOR.wasm BADIMPORT.wasm
//                      [--runs N] [--seed S] [--jobs N] [--time SECONDS]
//
// Arguments are made of bytes (some not UTF-8, some 60000 long) and passed
// through EXEC-BYTES, since Node passes only UTF-8. Prints one line per
// failure and a summary; exits 1 if any run failed.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const usage = 'usage: node fuzz-args.mjs WASI-RUN EXEC-BYTES WORKDIR ARGS TYPED TRAP REACTOR BADIMPORT ' +
  '[--runs N] [--seed S] [--jobs N] [--time SECONDS]';
const pos = [];
let runs = 300, seed = 1, jobs = 2, seconds = 0;
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--runs') runs = Number(a[++i]);
    else if (a[i] === '--seed') seed = Number(a[++i]);
    else if (a[i] === '--jobs') jobs = Number(a[++i]);
    else if (a[i] === '--time') seconds = Number(a[++i]);
    else pos.push(a[i]);
  }
  if (pos.length !== 8) { console.error(usage); process.exit(2); }
}
const [runner, execBytes, work, ...modules] = pos.map((p) => path.resolve(p));

// ---- randomness ---------------------------------------------------------
let state = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
const M64 = (1n << 64n) - 1n;
function rnd() { // xorshift64*, 32 bits
  state ^= state >> 12n; state ^= (state << 25n) & M64; state ^= state >> 27n;
  return Number(((state * 0x2545f4914f6cdd1dn) & M64) >> 32n);
}
const below = (n) => rnd() % n;
const pick = (list) => list[below(list.length)];
const chance = (n) => below(n) === 0;

// ---- the host directory the runner works in ---------------------------------
const scratch = path.join(work, 'scratch');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(scratch, 'dir'), { recursive: true });
fs.mkdirSync(path.join(scratch, 'out'));
const [argsWasm, typedWasm, trapWasm, reactorWasm, badimportWasm] = modules;
const put = (name, bytes) => fs.writeFileSync(path.join(scratch, name), bytes);
put('args.wasm', fs.readFileSync(argsWasm));
put('typed.wasm', fs.readFileSync(typedWasm));
put('trap.wasm', fs.readFileSync(trapWasm));
put('reactor.wasm', fs.readFileSync(reactorWasm));
put('badimport.wasm', fs.readFileSync(badimportWasm));
put('garbage.wasm', crypto.randomBytes(777));
put('truncated.wasm', fs.readFileSync(argsWasm).subarray(0, 1000));
put('empty.wasm', '');
put('version2.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0]));
put('nothing.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])); // valid, empty
put('file.txt', 'a file\n');
put('in1', 'first input\n');
put('in2', 'second input\n');
put('dir/inside', 'x');
fs.symlinkSync('loop', path.join(scratch, 'loop'));
fs.symlinkSync('nowhere', path.join(scratch, 'dangling'));

// Every file under the scratch directory: type, mode, size, contents' hash.
function snapshot(root = scratch) {
  const out = new Map();
  const walk = (rel) => {
    const abs = path.join(root, rel);
    for (const name of fs.readdirSync(abs)) {
      const r = path.join(rel, name);
      const st = fs.lstatSync(path.join(root, r));
      // a directory's size and mtime follow the temporary files made and
      // removed in it: its entries are compared instead
      let what = st.isDirectory() ? st.mode.toString(8) : `${st.mode.toString(8)} ${st.size} ${st.mtimeMs}`;
      if (st.isFile()) what += ' ' + crypto.createHash('sha1').update(fs.readFileSync(path.join(root, r))).digest('hex');
      if (st.isSymbolicLink()) what += ' -> ' + fs.readlinkSync(path.join(root, r));
      out.set(r, what);
      if (st.isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

// ---- generating command lines -----------------------------------------------
const B = (s) => Buffer.from(s, 'latin1');
const nonUtf8 = () => Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf0, 0x9f].slice(0, 1 + below(9)));
const huge = () => Buffer.alloc(1000 + below(59000), pick(['a', '/', ':', '=', '-']));
function junk() {
  const n = below(12);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = 1 + below(255);
  return b;
}
function piece() { // a short path-like or name-like bit
  return pick([() => B('dir'), () => B('file.txt'), () => B('nope'), () => B('/'), () => B('.'),
    () => B(''), () => B('/tmp'), () => B('out'), () => B('loop'), () => B('dangling'), nonUtf8, junk,
    () => B(scratch)])();
}
function dirSpec() {
  switch (below(10)) {
  case 0: return B('');
  case 1: return Buffer.concat([piece(), B('::'), piece()]);
  case 2: return Buffer.concat([piece(), B(':'), piece()]);
  case 3: return Buffer.concat([B('::'), piece()]);
  case 4: return Buffer.concat([piece(), B('::')]);
  case 5: return Buffer.concat([piece(), B(':::'), piece()]);
  case 6: return huge();
  case 7: return Buffer.concat([B('dir::'), nonUtf8()]);
  default: return Buffer.concat([B('dir::/'), piece()]);
  }
}
function envSpec() {
  const name = pick(['A', 'EXIT', 'FUZZ_SET', 'FUZZ_UNSET', '__proto__', 'constructor', 'toString', 'PATH', 'X Y']);
  switch (below(8)) {
  case 0: return B('');
  case 1: return Buffer.concat([B('='), piece()]);
  case 2: return B(name);
  case 3: return Buffer.concat([B('EXIT='), B(String(below(300)))]);
  case 4: return Buffer.concat([B(name), B('='), nonUtf8()]);
  case 5: return Buffer.concat([B(name), B('='), huge()]);
  default: return Buffer.concat([B(name), B('='), piece()]);
  }
}
function option() {
  const withValue = (opt, value) => (chance(3) ? [Buffer.concat([B(opt + '='), value])] : [B(opt), value]);
  switch (below(14)) {
  case 0: case 1: case 2: return withValue('--dir', dirSpec());
  case 3: case 4: case 5: return withValue('--env', envSpec());
  case 6: return [B('--inherit-env')];
  case 7: return withValue(pick(['--in', '--out']), dirSpec());
  case 8: return [B(pick(['--help', '-h', '--help=1', '-h=1', '--inherit-env=1']))];
  case 9: return [B(pick(['--zz-no-such-option', '-Z', '--', '-', '---', '--=x', '--dir']))];
  case 10: return [nonUtf8()];
  default: return withValue('--env', envSpec());
  }
}
function moduleName() {
  return pick([
    ...Array(6).fill(() => B('args.wasm')), ...Array(6).fill(() => B('typed.wasm')),
    () => B('trap.wasm'), () => B('reactor.wasm'), () => B('badimport.wasm'), () => B('garbage.wasm'),
    () => B('truncated.wasm'), () => B('empty.wasm'), () => B('version2.wasm'), () => B('nothing.wasm'),
    () => B('dir'), () => B('nope.wasm'), () => B('loop'), () => B('dangling'), () => B('args.wasm/'),
    () => B('/dev/null'), () => Buffer.concat([B('args'), nonUtf8(), B('.wasm')]), huge,
    () => B(path.join(scratch, 'args.wasm')), () => B('-'),
  ])();
}
function typedArgs() {
  if (!chance(4)) { // well formed, but for what the names hold
    const ins = ['in1', 'in2', 'in1', 'file.txt', 'nope', 'dir', '-'];
    const outs = ['out/a', 'out/b', 'dir', 'nope/x', '-', 'in1', 'dangling', 'loop', 'file.txt/x'];
    const argv = [B(pick(ins)), B(pick(ins)), B('-o'), B(pick(outs))];
    if (chance(3)) argv.push(B('--'), B('fail'), B(String(below(3))));
    return argv;
  }
  const out = [];
  const n = below(6);
  for (let i = 0; i < n; i++) {
    switch (below(9)) {
    case 0: case 1: out.push(B(pick(['in1', 'in2', 'file.txt', 'nope', 'dir', '-']))); break;
    case 2: case 3: out.push(B('-o'), B(pick(['out/a', 'out/b', 'dir', 'nope/x', '-', 'out/a', 'file.txt/x']))); break;
    case 4: out.push(B(pick(['-oout/c', '--output=out/d', '--output', '-o']))); break;
    case 5: out.push(B('--'), B(pick(['fail', 'x'])), B(String(below(4)))); break;
    case 6: out.push(junk()); break;
    default: out.push(B(pick(['in1', 'in2'])));
    }
  }
  return out;
}
function commandLine() {
  let argv = [];
  const nopt = below(4) && below(3); /* none in a third of the lines */
  for (let i = 0; i < nopt; i++) argv.push(...option());
  if (!chance(20)) {
    if (chance(8)) argv.push(B('--'));
    const module = moduleName();
    argv.push(module);
    if (module.equals(B('typed.wasm')) || chance(4)) argv.push(...typedArgs());
    else for (let i = below(4); i > 0; i--) argv.push(pick([piece, junk, nonUtf8, () => B('--'), () => B('-o')])());
  }
  // mutations: drop, duplicate, swap, truncate a token
  for (let m = below(3); m > 0 && argv.length; m--) {
    const i = below(argv.length);
    switch (below(4)) {
    case 0: argv.splice(i, 1); break;
    case 1: argv.splice(i, 0, argv[i]); break;
    case 2: { const j = below(argv.length); [argv[i], argv[j]] = [argv[j], argv[i]]; break; }
    default: argv[i] = argv[i].subarray(0, below(argv[i].length + 1));
    }
  }
  return argv.filter((b) => !b.includes(0));
}

// ---- the contract ---------------------------------------------------------
// What the runner must do with a command line, from its README: the exit
// status and what to check (kind: help, usage, error, args, typed, trap).
const known = new Map([
  [argsWasm, 'args'], [typedWasm, 'typed'], [trapWasm, 'trap'], [reactorWasm, 'reactor'],
  [badimportWasm, 'badimport'],
].map(([file, kind]) => [crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex'), kind]));

function atoi(s) {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function model(bytes, dir, hostEnv) {
  const argv = bytes.map((b) => b.toString('utf8')); // as Node decodes argv
  // a path as open(2) takes it from the runner's directory: no
  // normalization (a trailing slash stays), "" names nothing
  const at = (p) => (p === '' ? `${dir}/no such file` : p.startsWith('/') ? p : `${dir}/${p}`);
  const isDir = (p) => { try { return fs.statSync(at(p)).isDirectory(); } catch { return false; } };
  const usage = { code: 2, kind: 'usage' };
  let i = 0, inherit = false, dirs = 0, streams = 0;
  const envOps = [];
  for (; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === '--') { i++; break; }
    if (!arg.startsWith('-') || arg === '-') break;
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    const need = () => (value !== undefined ? value : i + 1 < argv.length ? argv[++i] : null);
    if (arg === '--help' || arg === '-h') return { code: 0, kind: 'help' };
    if (arg === '--inherit-env' && value === undefined) { inherit = true; continue; }
    if (arg === '--dir') {
      const spec = need();
      if (spec === null) return usage;
      const sep = spec.indexOf('::');
      const host = sep < 0 ? spec : spec.slice(0, sep);
      const guest = sep < 0 ? spec : spec.slice(sep + 2);
      if (host === '' || guest === '' || !isDir(host)) return usage;
      dirs++;
      continue;
    }
    if (arg === '--in' || arg === '--out') {
      const spec = need();
      if (spec === null) return usage;
      let sep = spec.indexOf('::'), len = 2;
      if (sep < 0) { sep = spec.indexOf(':'); len = 1; }
      const a = sep < 0 ? '' : spec.slice(0, sep);
      const b = sep < 0 ? '' : spec.slice(sep + len);
      if (a === '' || b === '' || !(arg === '--in' ? b : a).startsWith('/')) return usage;
      streams++;
      continue;
    }
    if (arg === '--env') {
      const spec = need();
      if (spec === null || spec === '' || spec.startsWith('=')) return usage;
      envOps.push(spec);
      continue;
    }
    return usage; // unknown option
  }
  if (i >= argv.length) return usage; // no module
  const module = argv[i];
  let args = argv.slice(i + 1);
  let bytesOf;
  try {
    bytesOf = fs.readFileSync(at(module));
  } catch (e) {
    return { code: e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 127 : 126, kind: 'error' };
  }
  if (!WebAssembly.validate(bytesOf)) return { code: 126, kind: 'error' };
  const kind = known.get(crypto.createHash('sha1').update(bytesOf).digest('hex')) ?? 'other';
  let plan = null;
  if (kind === 'typed') {
    if (dirs) return { code: 2, kind: 'typed-usage' };
    plan = { inputs: [], outputs: [] };
    let k = 0;
    for (; k < args.length; k++) {
      const a = args[k];
      if (a === '--') { k++; break; }
      if (a === '-o' || a === '--output') {
        if (k + 1 >= args.length) return { code: 2, kind: 'typed-usage' };
        plan.outputs.push(args[++k]);
      } else if (a.startsWith('-o') && a.length > 2) plan.outputs.push(a.slice(2));
      else if (a.startsWith('--output=')) plan.outputs.push(a.slice(9));
      else if (a.startsWith('-') && a !== '-') return { code: 2, kind: 'typed-usage' };
      else plan.inputs.push(a);
    }
    if (plan.inputs.length !== 2 || plan.outputs.length !== 1) return { code: 2, kind: 'typed-usage' };
    args = args.slice(k);
  }
  if (streams) return usage; // no module here takes --in or --out
  // The environment: documented semantics, names are only names.
  const env = new Map(inherit ? Object.entries(hostEnv) : []);
  for (const spec of envOps) {
    const eq = spec.indexOf('=');
    if (eq > 0) env.set(spec.slice(0, eq), spec.slice(eq + 1));
    else if (Object.hasOwn(hostEnv, spec)) env.set(spec, hostEnv[spec]);
  }
  if (kind === 'badimport' || kind === 'reactor' || kind === 'other') return { code: 126, kind: 'error' };
  // --dir on a module that imports no filesystem function and has no file
  // transfer part (args, trap): it could not see the directory.
  if (dirs) return usage;
  if (kind === 'trap') return { code: 134, kind: 'trap' };
  if (kind === 'args') {
    const lines = [`argc=${args.length + 1}`, `argv[0]=${module}`, ...args.map((a, n) => `argv[${n + 1}]=${a}`),
      ...[...env].map(([k, v]) => `env ${k}=${v}`)];
    return { code: atoi(env.get('EXIT') ?? '0') & 0xff, kind: 'args', stdout: lines.join('\n') + '\n', env };
  }
  // typed: the files at the edge, then the module copies input 1 and 2 to the output
  let data = Buffer.alloc(0);
  for (const p of plan.inputs) {
    if (p === '-') continue; // stdin is empty
    try {
      if (fs.statSync(at(p)).isDirectory()) return { code: 66, kind: 'error' };
      data = Buffer.concat([data, fs.readFileSync(at(p))]);
    } catch { return { code: 66, kind: 'error' }; }
  }
  const out = plan.outputs[0];
  if (out !== '-') {
    try {
      if (fs.statSync(at(out)).isDirectory()) return { code: 73, kind: 'error' };
    } catch (e) {
      if (e.code !== 'ENOENT') return { code: 73, kind: 'error' };
    }
    // written to a temporary file beside it first
    if (!isDir(out.slice(0, out.lastIndexOf('/') + 1) || '.')) return { code: 73, kind: 'error' };
  }
  const code = args[0] === 'fail' && args.length > 1 ? atoi(args[1]) & 0xff : 0;
  if (code === 0 && out === '') return { code: 73, kind: 'error' }; // nothing to rename onto
  return { code, kind: 'typed', output: code === 0 && out !== '-' ? { path: out, data } : null, notWritten: code !== 0 && out !== '-' };
}

// ---- running and checking -----------------------------------------------------
// Octal escapes for exec-bytes.sh: printable ASCII but \ and % as is.
const encode = (b) => [...b].map((c) => (c >= 0x20 && c < 0x7f && c !== 0x5c && c !== 0x25
  ? String.fromCharCode(c) : '\\' + c.toString(8).padStart(3, '0'))).join('');

function run(dir, argv) {
  return new Promise((resolve) => {
    const child = execFile('sh', [execBytes, runner, ...argv.map(encode)],
      { cwd: dir, env: { PATH: process.env.PATH, FUZZ_SET: 'host value' }, encoding: 'buffer',
        maxBuffer: 64 << 20, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? err.signal) : 0, stdout, stderr }));
    child.stdin.end();
  });
}

let helpText = null;
const stackLike = /^\s+at |node:internal|file:\/\/|\b(Type|Range|Reference|Syntax)?Error\b|Uncaught/;

// Checks one result; returns a list of what is wrong.
function check(want, got, before, after, dir) {
  const bad = [];
  const err = got.stderr.toString('utf8');
  const lines = err === '' ? [] : err.replace(/\n$/, '').split('\n');
  const ours = lines.filter((l) => l.startsWith('wasi-run: '));
  if (got.code !== want.code) bad.push(`exit status ${got.code}, expected ${want.code} (${want.kind})`);
  for (const l of lines) {
    if (!l.startsWith('wasi-run: ') && !(want.kind === 'usage' && helpText.includes(l + '\n'))) {
      bad.push(`stderr line not from the runner: ${JSON.stringify(l.slice(0, 200))}`);
      break;
    }
    if (stackLike.test(l) && !l.startsWith('wasi-run: ')) bad.push('a stack trace on stderr');
  }
  const expectLines = { usage: 1, 'typed-usage': 2, error: 1, trap: 1, help: 0, args: 0,
    typed: want.notWritten ? 1 : 0 }[want.kind];
  // A trap's message is followed by its backtrace, one frame a line
  // ("wasi-run:   at NAME (...)", wasi-run-trap.mjs): at least one.
  const frames = ours.filter((l) => l.startsWith('wasi-run:   at ')).length;
  const said = ours.length - (want.kind === 'trap' ? frames : 0);
  if (got.code === want.code && said !== expectLines) {
    bad.push(`${said} runner lines on stderr, expected ${expectLines}: ${JSON.stringify(err.slice(0, 300))}`);
  }
  if (want.kind === 'trap' && got.code === want.code && frames === 0) bad.push('a trap without a backtrace');
  if (want.kind === 'help' && got.stdout.toString('utf8') !== helpText) bad.push('--help printed something else');
  if (want.kind === 'args' && got.code === want.code) {
    const out = got.stdout.toString('utf8');
    const sortEnv = (s) => { const l = s.split('\n'); return [...l.filter((x) => !x.startsWith('env ')), ...l.filter((x) => x.startsWith('env ')).sort()].join('\n'); };
    if (sortEnv(out) !== sortEnv(want.stdout)) {
      bad.push(`module output ${JSON.stringify(out.slice(0, 300))}, expected ${JSON.stringify(want.stdout.slice(0, 300))}`);
    }
  }
  // host files: only the output of a typed module that exited 0 may appear
  if (want.output && got.code === 0) {
    const rel = path.relative(dir, path.resolve(dir, want.output.path));
    let data = null;
    try { data = fs.readFileSync(path.join(dir, rel)); } catch {}
    if (!data || !data.equals(want.output.data)) bad.push(`output ${rel} is not the inputs' concatenation`);
    if (!before.has(rel)) after.delete(rel);
    else if (after.get(rel) !== before.get(rel)) after.set(rel, before.get(rel));
  }
  for (const [name, what] of after) if (before.get(name) !== what) bad.push(`host file ${name} ${before.has(name) ? 'changed' : 'created'}`);
  for (const name of before.keys()) if (!after.has(name)) bad.push(`host file ${name} removed`);
  return bad;
}

// One scratch directory per job, so that runs at once do not see each
// other's outputs.
const dirs = [];
for (let j = 0; j < jobs; j++) {
  const d = path.join(work, `job${j}`);
  fs.cpSync(scratch, d, { recursive: true, verbatimSymlinks: true });
  dirs.push(fs.realpathSync(d));
}
helpText = (await run(dirs[0], [B('--help')])).stdout.toString('utf8');
if (!helpText.startsWith('usage: wasi-run')) { console.log(`FAIL: --help printed ${JSON.stringify(helpText)}`); process.exit(1); }

const counts = new Map();
const kinds = new Map();
let started = 0, done = 0, failures = 0;
const end = Date.now() + seconds * 1000;
async function worker(j) {
  const dir = dirs[j];
  const hostEnv = { PATH: process.env.PATH, FUZZ_SET: 'host value', PWD: dir };
  while (seconds > 0 ? Date.now() < end : started < runs) {
    const argv = commandLine();
    started++;
    const want = model(argv, dir, hostEnv);
    const before = snapshot(dir);
    const got = await run(dir, argv);
    const after = snapshot(dir);
    const bad = check(want, got, before, new Map(after), dir);
    done++;
    counts.set(got.code, (counts.get(got.code) ?? 0) + 1);
    kinds.set(want.kind, (kinds.get(want.kind) ?? 0) + 1);
    // the next run starts from the same files
    if (after.size !== before.size || [...after].some(([k, v]) => before.get(k) !== v)) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(scratch, dir, { recursive: true, verbatimSymlinks: true });
    }
    if (bad.length) {
      failures++;
      const shown = argv.map((b) => (b.length > 80 ? `<${b.length} bytes>` : JSON.stringify(b.toString('utf8'))));
      console.log(`FAIL wasi-run ${shown.join(' ')}\n  ${bad.join('\n  ')}`);
    }
  }
}
await Promise.all(dirs.map((_, j) => worker(j)));
const runnerCodes = [0, 2, 66, 73, 126, 127, 134];
const others = [...counts].filter(([c]) => !runnerCodes.includes(c)).reduce((sum, [, n]) => sum + n, 0);
const summary = [...runnerCodes.filter((c) => counts.has(c)).map((c) => `${counts.get(c)}x${c}`),
  `${others}x other module statuses`].join(' ');
const byKind = [...kinds].sort().map(([k, n]) => `${n} ${k}`).join(', ');
console.log(`fuzz-args: ${done} command lines (${byKind}; exit statuses: ${summary}), ${failures} failed`);
process.exit(failures ? 1 : 0);
