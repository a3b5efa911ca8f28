// wasi-triple.mjs: which triples a program can use, and why, from the
// symbols it needs (run through the wasi-triple launcher).
//
//   wasi-triple [--brief] OBJECT... [-- LDFLAGS...]
//   wasi-triple [--brief] MODULE
//
// OBJECTs are the program's WebAssembly objects and archives (.o, .a, as
// any <triple>-clang -c made them). The C library symbols they need are
// those they leave undefined and do not define among themselves; a triple
// can take the program when its libc.a (lib/<triple>/ of the sysroot next
// to this tool), the compiler's builtins and the linker define them all.
// Each triple that can is then really linked (<triple>-clang OBJECT...
// LDFLAGS) and measured like wasi-sizes does: the bytes of the form it
// ships in (measure.mjs), the difference from wasm32-wasi, and the host
// imports the module needs. Objects compiled for wasm32-wasi-vfs call fcntl as
// __wasi_vfs_fcntl (its <fcntl.h> says so); that counts as fcntl.
//
// A MODULE (a linked program) is judged by the functions its name section
// lists that a triple's C library defines (but its internals: names
// starting with "_" or "vfs_"), and measured as it is; the list can hold
// more than the program calls (what the library calls itself); a call that
// was inlined is still seen through the vfs core's entry point it reached
// (__vfs_openat, vfs_openat in a native build: openat). The triples' drivers keep the name section when
// clang runs wasm-opt (targets/common/wasm-opt). A module without one
// (linked with --strip-all, or optimized by a wasm-opt not given -g) shows
// only its imports: the verdict is then "unknown".
//
// Output: the calls that take file names, one line per triple:
// "yes" with what it costs and what the host must offer, or "no" with the
// symbols that triple lacks; then the calls that exist but fail at run
// time (ENOSYS, EAGAIN, ENOTSOCK) on a triple; then, when a component
// triple is there (wasm32-wasip2-vfs, wasm32-wasip2-io) and its preview1
// triple can take the program, that it can too. --brief prints only
// "<triple> yes", "<triple> no: <missing symbols>" or "<triple> unknown"
// lines.
//
// Exit status: 0 when some triple can take the program (or the verdict is
// unknown), 1 when none can,
// 2 bad usage (unknown option, missing file, not a WebAssembly object,
// archive or module), with the reason on stderr.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  accessSync,
  constants,
  statSync,
  mkdirSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capabilities, needsFilesystem, readModule } from './wasm-info.mjs';
import { measure } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TRIPLES = ['wasm32-wasi-vfs', 'wasm32-wasi', 'wasm32-wasi-io'];
// The component triples whose C library is a preview1 triple's (the same
// overlay, libc-overlay/p2; the same io/ and the same calls left out,
// io/libc/wasip2), and what their components need. wasm32-wasip2 is not
// judged: its C library is Debian 13's wasip2 one alone.
const COMPONENTS = { 'wasm32-wasip2-vfs': 'wasm32-wasi-vfs', 'wasm32-wasip2-io': 'wasm32-wasi-io' };
const COMPONENT_HOW = {
  'wasm32-wasip2-vfs': 'imports wasi:io, wasi:cli, wasi:clocks, wasi:random only',
  'wasm32-wasip2-io': 'imports wasi:io, wasi:cli, wasi:clocks, wasi:random only; WASI_IO_MAIN exports a typed main',
};
const USAGE = 'usage: wasi-triple [--brief] OBJECT... [-- LDFLAGS...]\n' + '       wasi-triple [--brief] MODULE';
const HOW = {
  'wasm32-wasi-vfs': "files live in the module's own memory; no host directory",
  'wasm32-wasi': "files are the host's: run with a preopened directory (wasi-run --dir HOST::/)",
  'wasm32-wasi-io': 'no file names: streams and byte arrays only',
};
// Symbols the linker defines, or the program's own entry points.
const LINKER = new Set([
  '__stack_pointer',
  '__indirect_function_table',
  '__heap_base',
  '__heap_end',
  '__data_end',
  '__global_base',
  '__memory_base',
  '__table_base',
  '__tls_base',
  '__tls_size',
  '__tls_align',
  '__wasm_call_ctors',
  '__dso_handle',
  '__wasm_init_memory',
  '__wasm_apply_data_relocs',
  '__wasm_first_page_end',
]);
// Calls a triple's libc defines so that code compiles, but which fail at run
// time, with the errno they fail with (libc-overlay/src/common/{fork,exec,
// wait,system,popen,alarm,pthread}.c, libc-overlay/src/preview1/socket.c,
// libc-overlay/plain/src/{chmod,
// chown}.c; alarm(n) sets ENOSYS and returns 0; the socket calls fail with
// ENOTSOCK on every descriptor the program has, EBADF on others).
const PROCESS = [
  'fork',
  'vfork',
  'execve',
  'execv',
  'execvp',
  'execl',
  'execlp',
  'execle',
  'wait',
  'waitpid',
  'kill',
  'system',
  'popen',
  'pclose',
  'alarm',
  'pause',
  'pthread_cancel',
];
const FAILS = {
  'wasm32-wasi-vfs': {
    ENOSYS: PROCESS,
    EAGAIN: ['pthread_create'],
    ENOTSOCK: ['shutdown', 'send', 'recv', 'accept', 'getsockopt'],
  },
  'wasm32-wasi': {
    ENOSYS: [...PROCESS, 'chmod', 'fchmod', 'fchmodat', 'chown', 'fchown', 'lchown', 'fchownat'],
    EAGAIN: ['pthread_create'],
  },
};
const ALIAS = { __wasi_vfs_fcntl: 'fcntl' };
// Functions of a C library that programs do not call: reserved names and
// the vfs core inside wasm32-wasi-vfs's libc (vfs/, whose header is not
// installed).
const INTERNAL = /^(_|vfs_)/;
// The C library calls that take or make file names (the text names them;
// the verdicts come from the libraries).
const FILE_CALL = new RegExp(
  '^(fopen|freopen|fdopen|open|openat|creat|remove|rename|' +
    'renameat|unlink|unlinkat|rmdir|mkdir|mkdirat|opendir|fdopendir|readdir|closedir|' +
    'scandir|scandirat|stat|lstat|fstatat|access|faccessat|chdir|fchdir|getcwd|realpath|' +
    'tmpfile|tmpnam|tempnam|mkstemps?|mkostemps?|mkdtemp|mktemp|link|linkat|symlink|' +
    'symlinkat|readlink|readlinkat|truncate|utimes?|utimensat|chmod|fchmodat|chown|' +
    'lchown|fchownat|statvfs|nftw|ftw|glob|dup2?|dup3|pipe2?|flock|lockf)$',
);

let work = null;
function die(msg) {
  process.stderr.write(`wasi-triple: ${msg}\n${USAGE}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) die(`cannot run ${cmd}: ${r.error.message}`);
  return r;
}

// The file's kind from its first bytes: "archive", "object" (a wasm file
// with a "linking" section) or "module".
function kind(file) {
  const b = readFileSync(file);
  if (b.subarray(0, 8).toString('latin1') === '!<arch>\n') return { kind: 'archive' };
  let m;
  try {
    m = readModule(b);
  } catch (e) {
    die(`${file}: ${e.message}`);
  }
  return { kind: m.customs.some((c) => c.name === 'linking') ? 'object' : 'module', m };
}

// "defined" and "undefined" external symbols of objects/archives (llvm-nm).
function symbols(files) {
  const nm = join(here, 'wasm32-wasi-nm');
  const r = run(nm, ['-A', '--extern-only', ...files]);
  if (r.status !== 0) die(`${nm} failed: ${r.stderr.split('\n')[0]}`);
  const defined = new Set(),
    undefined_ = new Set();
  for (const line of r.stdout.split('\n')) {
    const m = /:\s+(?:[0-9a-fA-F]+\s+)?([A-Za-z])\s+(\S+)$/.exec(line);
    if (!m) continue;
    (m[1] === 'U' ? undefined_ : defined).add(m[2]);
  }
  return { defined, undefined: undefined_ };
}

// The symbols a triple's libc.a, crt1-command.o and the compiler's builtins
// define. They are kept in a cache file under the system's temporary
// folder, named after the files' paths, sizes and times, so that running
// the tool again costs no llvm-nm.
let builtins;
function libcSymbols(triple) {
  const lib = join(here, '..', 'share', 'wasi-sysroot', 'lib', triple);
  const files = ['libc.a', 'crt1-command.o'].map((f) => join(lib, f)).filter(existsSync);
  if (!files.length) die(`no C library for ${triple} in ${lib}`);
  if (builtins === undefined) {
    const b = run(join(here, `${triple}-clang`), ['-rtlib=compiler-rt', '-print-libgcc-file-name']);
    builtins = b.stdout.trim();
  }
  if (builtins && existsSync(builtins)) files.push(builtins);
  const key = createHash('sha256')
    .update(
      files
        .map((f) => {
          const st = statSync(f);
          return `${f} ${st.size} ${st.mtimeMs}`;
        })
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 24);
  const dir = join(tmpdir(), `wasi-triple-cache-${process.getuid ? process.getuid() : 0}`);
  const cache = join(dir, `${key}.txt`);
  try {
    return new Set(readFileSync(cache, 'utf8').split('\n').filter(Boolean));
  } catch {
    const defined = symbols(files).defined;
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${cache}.${process.pid}`;
      writeFileSync(tmp, [...defined].join('\n') + '\n');
      renameSync(tmp, cache);
    } catch {
      // no cache: the next run reads the libraries again
    }
    return defined;
  }
}

// How the runtime of the setjmp/longjmp lowering is named in the text.
const SHOWN = { __wasm_setjmp: 'setjmp', __wasm_setjmp_test: 'setjmp', __wasm_longjmp: 'longjmp' };

function list(names, max = 12) {
  const s = [...new Set([...names].map((n) => SHOWN[n] || n))].sort();
  return s.length > max ? `${s.slice(0, max).join(' ')} ... (${s.length} in all)` : s.join(' ');
}

function hostNeeds(m) {
  return (
    capabilities(m.imports)
      .map((c) => (c.group === 'files' ? `files (${c.names.length} calls)` : c.group))
      .join(', ') || 'nothing'
  );
}

// ---- arguments --------------------------------------------------------
const argv = process.argv.slice(2);
let brief = false;
const files = [];
let ldflags = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--') {
    ldflags = argv.slice(i + 1);
    break;
  }
  if (a === '--brief') brief = true;
  else if (a === '-h' || a === '--help') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  } else if (a.startsWith('-')) die(`unknown option ${a}`);
  else files.push(a);
}
if (!files.length) die('no OBJECT or MODULE given');
for (const f of files) {
  if (!existsSync(f)) die(`${f}: no such file`);
  try {
    accessSync(f, constants.R_OK);
  } catch {
    die(`${f}: cannot read it`);
  }
}
const kinds = files.map((f) => ({ file: f, ...kind(f) }));
const modules = kinds.filter((k) => k.kind === 'module');
if (modules.length && (files.length > 1 || ldflags.length))
  die(`${modules[0].file} is a linked module: give it alone (or give objects)`);
const available = TRIPLES.filter((t) => existsSync(join(here, `${t}-clang`)));
work = mkdtempSync(join(tmpdir(), 'wasi-triple-'));

// ---- what the program needs --------------------------------------------
const libc = Object.fromEntries(available.map((t) => [t, libcSymbols(t)]));
let needed,
  own = null,
  stripped = false;
if (modules.length) {
  // The module's functions some triple's C library defines.
  own = modules[0].m;
  stripped = !own.functionNames.length;
  // An optimized module may have its libc calls inlined (wasm-opt inlines a
  // function with one caller: fopen into main); the vfs core's entry points
  // it calls stay, and name them: __vfs_openat (libc.a's name of the
  // core's vfs_openat) stands for openat.
  const implied = own.functionNames.filter((n) => /^(__)?vfs_[a-z]/.test(n)).map((n) => n.replace(/^(__)?vfs_/, ''));
  needed = new Set(
    [...own.functionNames.filter((n) => !INTERNAL.test(n)), ...implied].filter((n) =>
      available.some((t) => libc[t].has(n)),
    ),
  );
} else {
  const s = symbols(files);
  needed = new Set([...s.undefined].filter((n) => !s.defined.has(n) && !LINKER.has(n)).map((n) => ALIAS[n] || n));
}
const verdict = {};
for (const t of available) verdict[t] = [...needed].filter((n) => !libc[t].has(n) && !LINKER.has(n));
// A module that imports a host filesystem reaches files by name, inlined
// calls or not: wasm32-wasi-io has no such imports.
if (own && verdict['wasm32-wasi-io'] && needsFilesystem(own.imports)) {
  const files = capabilities(own.imports).find((c) => c.group === 'files');
  verdict['wasm32-wasi-io'].push(...files.names.map((n) => `${n} (import)`));
}
const ok = available.filter((t) => !verdict[t].length);

if (stripped) {
  // No name section: only the imports and the size can be told.
  const s = measure(files[0], work);
  const fs = needsFilesystem(own.imports);
  if (brief) {
    for (const t of available) process.stdout.write(`${t} unknown\n`);
  } else {
    process.stdout.write(
      `${files[0]} (a linked module without a name section): what it ` +
        `calls cannot be told from it (linked with --strip-all, or optimized by a wasm-opt not given -g); ` +
        `give its objects, or link it with a triple's driver and without --strip-all\n` +
        `it ${fs ? 'imports a host filesystem (a wasm32-wasi build)' : 'imports no host filesystem'}; ` +
        `${s.opt ?? s.m.bytes} bytes (-Oz, stripped); host: ${hostNeeds(s.m)}\n`,
    );
  }
} else if (brief) {
  for (const t of available)
    process.stdout.write(verdict[t].length ? `${t} no: ${list(verdict[t], 1e9)}\n` : `${t} yes\n`);
} else {
  const out = [];
  const fileCalls = [...needed].filter((n) => FILE_CALL.test(n));
  const what = modules.length ? `${files[0]} (a linked module)` : `${files.length} object file(s)`;
  out.push(`${what}: ${needed.size} symbols from the C library`);
  const choice = ok.join(' or ') || 'no triple';
  out.push(
    fileCalls.length ? `calls ${list(fileCalls)} (files): ${choice}` : `calls nothing that needs files: ${choice}`,
  );
  // the cost of each choice
  const sizes = {};
  for (const t of ok) {
    if (modules.length) continue;
    const mod = join(work, `${t}.wasm`);
    const r = spawnSync(join(here, `${t}-clang`), [...files, ...ldflags, '-o', mod], { encoding: 'utf8' });
    sizes[t] =
      r.status === 0
        ? measure(mod, work)
        : { error: (r.stderr.split('\n').find((l) => /error/.test(l)) || 'link failed').replace(/^.*?error: /, '') };
  }
  if (own) sizes.self = measure(files[0], work);
  const base = sizes['wasm32-wasi'] && sizes['wasm32-wasi'].opt;
  for (const t of available) {
    if (verdict[t].length) {
      out.push(`  ${t.padEnd(16)} no   lacks ${list(verdict[t])}`);
      continue;
    }
    let cost = '';
    const s = sizes[t];
    if (s && s.error) cost = `; does not link: ${s.error}`;
    else if (s) {
      const n = s.opt ?? s.m.bytes;
      cost = `; ${n} bytes (-Oz, stripped)`;
      if (base && t !== 'wasm32-wasi') cost += `, ${n - base >= 0 ? '+' : ''}${n - base} vs wasm32-wasi`;
      cost += `; host: ${hostNeeds(s.m)}`;
    }
    out.push(`  ${t.padEnd(16)} yes  ${HOW[t]}${cost}`);
  }
  if (own) {
    const s = sizes.self;
    out.push(`this module: ${s.opt ?? s.m.bytes} bytes (-Oz, stripped); host: ${hostNeeds(s.m)}`);
  }
  const fails = new Map(); // "calls: ... with ERRNO" -> triples where they fail
  for (const t of ok) {
    for (const [errno, calls] of Object.entries(FAILS[t] || {})) {
      const f = calls.filter((n) => needed.has(n)).join(' ');
      const k = `${f}: fail at run time with ${errno}`;
      if (f) fails.set(k, [...(fails.get(k) || []), t]);
    }
  }
  for (const [k, ts] of fails) out.push(`${k} on ${ts.join(' and ')}`);
  // The component triples take what their preview1 triples take.
  const comps = Object.entries(COMPONENTS).filter(([c, p]) => ok.includes(p) && existsSync(join(here, `${c}-clang`)));
  if (comps.length) {
    const sjlj = [...needed].some((n) => /setjmp|longjmp/.test(n));
    out.push(
      'as a component (WASI 0.2): ' +
        comps.map(([c, p]) => `${c} (as ${p}; ${COMPONENT_HOW[c]})`).join(', ') +
        (sjlj
          ? '; it calls setjmp/longjmp (exception handling): wasi-run-component and wasi-transpile take it, ' +
            'plain jco run and jco transpile refuse it'
          : ''),
    );
  }
  process.stdout.write(out.join('\n') + '\n');
}
rmSync(work, { recursive: true, force: true });
process.exitCode = ok.length || stripped ? 0 : 1;
