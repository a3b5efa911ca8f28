// wasi-run-args.mjs: the runner's command line: options, --in/--out/--dir specs, sizes, the guest environment.

import fs from 'node:fs';
import { JIT_DEFAULT, JIT_MODES } from './wasi-run-engine.mjs';
import { usageExit } from './wasi-run-exit.mjs';
import { writeBlocking } from './wasi-run-io.mjs';

// The options of --out that both runners take (this one and
// targets/wasip2/wasi-run-component.mjs): defaults, help lines, parsing
// (outOption).
export const OUT_DEFAULTS = Object.freeze({ keepModes: false, outLimit: 64 * 1024 ** 3, maxEntries: 1048576 });
export const OUT_OPTIONS_HELP = `  --keep-modes       --out: keep setuid, setgid, sticky and other-writable
                     bits (dropped by default)
  --out-limit SIZE   --out: refuse an archive larger than SIZE bytes (K, M,
                     G, T suffixes; default 64G)
  --out-max-entries N  --out: refuse an archive of more than N entries
                     (default 1048576)
`;

export const USAGE = `usage: wasi-run [OPTIONS] [--] MODULE.wasm [ARGS...]
       wasi-run [OPTIONS] [--] TYPED.wasm INPUT... [-o OUTPUT]... [-- ARGS...]
  (TYPED.wasm declares a typed entry point, WASI_IO_MAIN in wasi_io.h: the runner
  opens INPUT and OUTPUT files and hands the module streams)
  --dir HOST::GUEST  preopen host directory HOST as GUEST (repeatable);
                     --dir PATH means --dir PATH::PATH
  --env NAME=VALUE   set a guest environment variable (repeatable);
                     --env NAME copies NAME from the host environment, if set
  --inherit-env      start from the whole host environment (default: empty)
  --in HOST:GUEST    wasm32-wasi-vfs module: host directory HOST (or tar file)
                     goes into the module's filesystem at GUEST (repeatable)
  --out GUEST:HOST   wasm32-wasi-vfs module: what the program created or
                     changed under GUEST lands in host directory HOST when it
                     exits 0 (repeatable); write :: for : when a path has one
                     (on a wasm32-wasi-vfs module, --dir HOST::GUEST means
                     --in HOST:GUEST plus --out GUEST:HOST on any exit status)
${OUT_OPTIONS_HELP}  --jit MODE         how V8 compiles the module: optimized (every function by
                     the optimizing compiler before start: fastest in long runs) or
                     tiered (baseline code first: the quickest start); default
                     ${JIT_DEFAULT}
  --help             print this help
  --                 end of options
`;

// Prints `wasi-run: WHY` and the usage on stderr and exits with EXIT_USAGE.
export const usageError = (why) => usageExit(why, USAGE);

// Splits A:B (A::B when a path holds a colon) for --in and --out; fail(why)
// (wasi-run's usageError unless given) never returns.
export function splitSpec(option, spec, names, fail = usageError) {
  let sep = spec.indexOf('::');
  let len = 2;
  if (sep < 0) {
    sep = spec.indexOf(':');
    len = 1;
  }
  const a = sep < 0 ? '' : spec.slice(0, sep);
  const b = sep < 0 ? '' : spec.slice(sep + len);
  if (a === '' || b === '') fail(`${option} ${spec}: expected ${names}`);
  return [a, b];
}

// A size: digits with an optional K, M, G or T (powers of 1024).
export function parseSize(option, text, fail = usageError) {
  const m = /^([0-9]{1,15})([KMGT]?)$/i.exec(text);
  if (!m) fail(`${option} ${text}: expected a size (digits, optional K, M, G or T)`);
  return Number(m[1]) * 1024 ** ' KMGT'.indexOf(m[2].toUpperCase() || ' ');
}

// Checks a guest path of --in, --out or --dir: absolute, and no ',' (the
// separator of WASI_VFS_IN and WASI_VFS_OUT, libc-overlay/STREAMS.md).
export function checkGuestPath(option, spec, guest, fail = usageError) {
  if (!guest.startsWith('/')) fail(`${option} ${spec}: the guest directory must be absolute`);
  if (guest.includes(',')) fail(`${option} ${spec}: the guest directory may not contain ','`);
}

// Takes --keep-modes, --out-limit SIZE or --out-max-entries N into opts
// (OUT_DEFAULTS's fields); false for any other option.
export function outOption(opts, arg, value, needValue, fail = usageError) {
  if (arg === '--keep-modes' && value === undefined) opts.keepModes = true;
  else if (arg === '--out-limit') opts.outLimit = parseSize(arg, needValue(), fail);
  else if (arg === '--out-max-entries') opts.maxEntries = parseSize(arg, needValue(), fail);
  else return false;
  return true;
}

// Walks the options at the front of argv, GNU style: `--name=value` or
// `--name value`; `--` ends them, and so does the first word that does not
// start with '-' (or is '-' alone). onOption(arg, value, needValue, word)
// handles one: arg is its name, value what followed '=' (undefined
// without), needValue() that value or the next word (fail() when there is
// none), word the option as given. Returns the index of the first word
// after the options.
export function walkOptions(argv, fail, onOption) {
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return i + 1;
    if (!word.startsWith('-') || word === '-') break;
    let arg = word;
    let value;
    const eq = word.indexOf('=');
    if (word.startsWith('--') && eq > 0) {
      value = word.slice(eq + 1);
      arg = word.slice(0, eq);
    }
    const needValue = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) fail(`option ${arg} needs a value`);
      return argv[++i];
    };
    onOption(arg, value, needValue, word);
  }
  return i;
}

// Parses argv (without node and script). Returns { preopens, dirs, env,
// ins, outs, keepModes, outLimit, maxEntries, jit, module, args } or exits with
// EXIT_USAGE after printing why and the usage.
export function parseArgs(argv) {
  const preopens = {};
  const dirs = [];
  const out = { ...OUT_DEFAULTS };
  let jit = JIT_DEFAULT;
  const ins = [];
  const outs = [];
  const envOptions = [];
  let inheritEnv = false;
  const at = walkOptions(argv, usageError, (arg, value, needValue, word) => {
    if (arg === '--help' || arg === '-h') {
      writeBlocking(1, Buffer.from(USAGE));
      process.exit(0);
    } else if (arg === '--inherit-env' && value === undefined) {
      inheritEnv = true;
    } else if (arg === '--dir') {
      const spec = needValue();
      const sep = spec.indexOf('::');
      const host = sep < 0 ? spec : spec.slice(0, sep);
      const guest = sep < 0 ? spec : spec.slice(sep + 2);
      if (host === '' || guest === '') usageError(`--dir ${spec}: empty path`);
      if (!isDirectory(host)) usageError(`--dir ${spec}: ${host} is not a directory`);
      preopens[guest] = host;
      dirs.push({ spec, host, guest });
    } else if (arg === '--in') {
      const spec = needValue();
      const [host, guest] = splitSpec(arg, spec, 'HOST_DIR:GUEST_DIR');
      checkGuestPath(arg, spec, guest);
      ins.push({ host, guest });
    } else if (arg === '--out') {
      const spec = needValue();
      const [guest, host] = splitSpec(arg, spec, 'GUEST_DIR:HOST_DIR');
      checkGuestPath(arg, spec, guest);
      outs.push({ host, guest, spec });
    } else if (outOption(out, arg, value, needValue)) {
      // done
    } else if (arg === '--jit') {
      jit = needValue();
      if (!Object.hasOwn(JIT_MODES, jit)) usageError(`--jit ${jit}: expected ${Object.keys(JIT_MODES).join(' or ')}`);
    } else if (arg === '--env') {
      const spec = needValue();
      if (spec === '' || spec.startsWith('=')) usageError(`--env ${spec}: empty name`);
      envOptions.push(spec);
    } else {
      usageError(`unknown option ${word}`);
    }
  });
  if (at >= argv.length) usageError('no module given');

  // Names are only names: no prototype, so that "__proto__" or "toString"
  // is a variable like any other.
  const env = Object.assign(Object.create(null), inheritEnv ? process.env : {});
  for (const spec of envOptions) {
    const eq = spec.indexOf('=');
    if (eq > 0) env[spec.slice(0, eq)] = spec.slice(eq + 1);
    else if (Object.hasOwn(process.env, spec)) env[spec] = process.env[spec];
  }
  return {
    preopens,
    dirs,
    env,
    ins,
    outs,
    ...out,
    jit,
    module: argv[at],
    args: argv.slice(at + 1),
  };
}

// True when `path` names a directory (following symlinks).
function isDirectory(path) {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}
