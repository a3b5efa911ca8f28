// wasi-sizes.mjs: the size and capability table of one program on each
// triple (run through the wasi-sizes launcher).
//
//   wasi-sizes [-O LEVEL] [-t TRIPLE]... [--keep DIR] [--title TEXT]
//              [--svg FILE] SOURCE... [-- CFLAGS...]
//   wasi-sizes --modules [--title TEXT] [--svg FILE] LABEL=MODULE...
//
// The first form builds SOURCE (C files, objects, archives) with
// <triple>-clang -O<LEVEL> (default z) for each TRIPLE (default: all
// three), the second takes modules built already (a build system's). For
// each module the table gives, in bytes:
//   raw     the module as linked (with its names and custom sections)
//   code, data, custom   what raw's code, data and custom sections take
//   opt     the form a module ships in: stripped of debug information
//           and names, and optimized by wasm-opt -Oz unless that does not
//           make it smaller (measure.mjs; "-" without binaryen's wasm-opt)
//   gzip    opt (raw without wasm-opt) compressed with gzip -9
//   vs      opt's difference from wasm32-wasi's (the first module's with
//           --modules), with the percentage
//   imports the number of host functions it imports; "fs" is "yes" when
//           one of them needs a host filesystem
// then the imports of each module by group (files, streams, poll, args,
// clocks, random, process, sockets): the host capabilities it needs. A
// triple the program does not build for gets the compiler's first error.
// --svg FILE also writes the sizes as a bar chart (size-chart.mjs).
//
// The component triples (wasm32-wasip2, wasm32-wasip2-vfs, wasm32-wasip2-io; by default when
// their drivers are next to this tool) and, with --modules, any component
// get a table of their own beside it: the component's bytes, its core
// module (the program), the preview1 adapter in it where one was needed,
// the rest the tools added, its difference from the preview1 module of
// the same program (wasm32-wasip2 against wasm32-wasi, wasm32-wasip2-vfs
// against wasm32-wasi-vfs, wasm32-wasip2-io against wasm32-wasi-io; with
// --modules, the module whose label is the component's with its preview1
// triple, else the first), the number
// of WASI 0.2 interfaces it imports and whether one is wasi:filesystem;
// then those interfaces by package (component-info.mjs).
//
// Exit status: 0; 1 when no triple built; 2 bad usage (unknown option or
// triple, missing or unreadable file, a module that is not WebAssembly),
// with the reason on stderr.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  accessSync,
  constants,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capabilities, needsFilesystem } from './wasm-info.mjs';
import { importGroups, isComponent, readComponent } from './component-info.mjs';
import { haveWasmOpt, measure } from './measure.mjs';
import { sizeChart } from './size-chart.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TRIPLES = ['wasm32-wasi', 'wasm32-wasi-vfs', 'wasm32-wasi-io'];
// The component triples and the preview1 triple each is compared with.
const COMPONENT_TRIPLES = {
  'wasm32-wasip2': 'wasm32-wasi',
  'wasm32-wasip2-vfs': 'wasm32-wasi-vfs',
  'wasm32-wasip2-io': 'wasm32-wasi-io',
};
const USAGE = [
  'usage: wasi-sizes [-O LEVEL] [-t TRIPLE]... [--keep DIR] [--title TEXT] [--svg FILE] SOURCE... [-- CFLAGS...]',
  '       wasi-sizes --modules [--title TEXT] [--svg FILE] LABEL=MODULE...',
].join('\n');

let work = null; // scratch folder, removed on every exit

function die(msg) {
  process.stderr.write(`wasi-sizes: ${msg}\n${USAGE}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

function readable(f) {
  try {
    accessSync(f, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function parseArgs(argv) {
  const o = { modules: false, level: 'z', triples: [], keep: null, title: null, svg: null, files: [], cflags: [] };
  let i = 0;
  const value = (opt) => {
    if (i + 1 >= argv.length) die(`${opt} needs a value`);
    return argv[++i];
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.cflags = argv.slice(i + 1);
      break;
    } else if (a === '--modules') o.modules = true;
    else if (a === '-O') o.level = value(a);
    else if (/^-O./.test(a)) o.level = a.slice(2);
    else if (a === '-t') o.triples.push(value(a));
    else if (a === '--keep') o.keep = value(a);
    else if (a === '--title') o.title = value(a);
    else if (a === '--svg') o.svg = value(a);
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a.startsWith('-') && a !== '-') die(`unknown option ${a}`);
    else o.files.push(a);
  }
  if (!o.files.length) die(o.modules ? 'no LABEL=MODULE given' : 'no SOURCE given');
  if (o.modules) {
    if (o.triples.length || o.keep || o.cflags.length || o.level !== 'z')
      die('--modules takes only --title, --svg and LABEL=MODULE');
    o.files = o.files.map((s) => {
      const eq = s.indexOf('=');
      if (eq <= 0 || eq === s.length - 1) die(`${s}: not LABEL=MODULE`);
      const file = s.slice(eq + 1);
      if (!existsSync(file)) die(`${file}: no such file`);
      if (!readable(file)) die(`${file}: cannot read it`);
      return { label: s.slice(0, eq), file };
    });
  } else {
    if (!/^[0-3sz]$|^fast$/.test(o.level)) die(`-O${o.level}: not an optimization level (0-3, s, z)`);
    for (const t of o.triples) {
      // Either spelling: wasm32-wasi-vfs or wasm32-wasip1-vfs (its label).
      if (!TRIPLES.includes(t.replace(/^wasm32-wasip1/, 'wasm32-wasi')) && !(t in COMPONENT_TRIPLES))
        die(
          `unknown triple ${t} (known: ${[...TRIPLES, ...Object.keys(COMPONENT_TRIPLES)].join(', ')}, ` +
            'or wasm32-wasip1... for wasm32-wasi...)',
        );
      if (!existsSync(join(here, `${t}-clang`))) die(`no ${t}-clang next to wasi-sizes (in ${here})`);
    }
    for (const f of o.files) {
      if (!existsSync(f)) die(`${f}: no such file`);
      if (!readable(f)) die(`${f}: cannot read it`);
    }
  }
  if (!o.triples.length)
    o.triples = [...TRIPLES, ...Object.keys(COMPONENT_TRIPLES)].filter((t) => existsSync(join(here, `${t}-clang`)));
  return o;
}

// Sizes and imports of one module file (measure.mjs), or of a component
// ({ comp }: component-info.mjs); a file that is neither is bad input.
function measureOrDie(file) {
  try {
    const bytes = readFileSync(file);
    if (isComponent(bytes)) return { comp: readComponent(bytes) };
    return measure(file, work);
  } catch (e) {
    die(`${file}: ${e.message}`);
  }
}

// The components' table: each row { label, c, base } (base: the label of
// the preview1 row it is compared with), with the rows of report().
function reportComponents(rows, p1rows) {
  const w = Math.max(8, ...rows.map((r) => r.label.length)) + 2;
  const baseOf = (r) => p1rows.find((p) => p.label === r.base && p.s && p.s.m);
  const vs = (r, base) => (base ? `${r.base}: ${delta(r.c.bytes, base.s.m.bytes)}` : '-');
  const vw = Math.max(34, ...rows.filter((r) => r.c).map((r) => vs(r, baseOf(r)).length + 2));
  const lines = [
    pad('component', w, true) +
      pad('bytes', 9) +
      pad('core', 9) +
      pad('adapter', 9) +
      pad('tools', 8) +
      pad('vs preview1 module', vw) +
      pad('imports', 9) +
      pad('fs', 5),
  ];
  for (const r of rows) {
    if (!r.c) {
      lines.push(pad(r.label, w, true) + '  ' + r.error);
      continue;
    }
    const { c } = r;
    const core = c.modules[0] ?? 0;
    const base = baseOf(r);
    const fs = c.imports.some((i) => i.startsWith('wasi:filesystem/'));
    lines.push(
      pad(r.label, w, true) +
        pad(c.bytes, 9) +
        pad(core, 9) +
        pad(c.adapter || '-', 9) +
        pad(c.bytes - core - c.adapter, 8) +
        pad(vs(r, base), vw) +
        pad(c.imports.length, 9) +
        pad(fs ? 'yes' : 'no', 5),
    );
  }
  lines.push('component imports (WASI 0.2 interfaces, by package):');
  for (const r of rows.filter((r) => r.c))
    lines.push(
      `  ${pad(r.label, w, true)}` +
        importGroups(r.c.imports)
          .map((g) => `${g.group}: ${g.names.join(' ')}`)
          .join('; '),
    );
  lines.push(
    "bytes: the component; core: the program's core module in it; adapter: the preview1 adapter " +
      "(jco's) where the program still calls preview1; tools: the rest (shims, types); vs: bytes " +
      'against the raw preview1 module; fs: imports wasi:filesystem',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

function pad(s, n, left = false) {
  s = String(s);
  return left ? s.padEnd(n) : s.padStart(n);
}

function delta(n, base) {
  if (n == null || base == null) return '-';
  const d = n - base;
  const pct = base ? ` (${d >= 0 ? '+' : ''}${((d / base) * 100).toFixed(0)}%)` : '';
  return `${d >= 0 ? '+' : ''}${d}${pct}`;
}

function report(title, rows, baseLabel, svg) {
  const w = Math.max(8, ...rows.map((r) => r.label.length)) + 2;
  const vw = Math.max(20, baseLabel.length + 6);
  const lines = [];
  if (title) lines.push(title);
  lines.push(
    pad('module', w, true) +
      pad('raw', 9) +
      pad('code', 9) +
      pad('data', 8) +
      pad('custom', 9) +
      pad('opt', 9) +
      pad('gzip', 8) +
      pad(`vs ${baseLabel}`, vw) +
      pad('imports', 9) +
      pad('fs', 5),
  );
  const base = rows.find((r) => r.label === baseLabel && r.s);
  for (const r of rows) {
    if (!r.s) {
      lines.push(pad(r.label, w, true) + '  ' + r.error);
      continue;
    }
    const { m, opt, gzip } = r.s;
    const fns = m.imports.filter((i) => i.kind === 'function');
    lines.push(
      pad(r.label, w, true) +
        pad(m.bytes, 9) +
        pad(m.code, 9) +
        pad(m.data, 8) +
        pad(m.custom, 9) +
        pad(opt ?? '-', 9) +
        pad(gzip, 8) +
        pad(r === base ? '-' : delta(opt ?? m.bytes, base ? (base.s.opt ?? base.s.m.bytes) : null), vw) +
        pad(fns.length, 9) +
        pad(needsFilesystem(m.imports) ? 'yes' : 'no', 5),
    );
  }
  lines.push('host imports (capabilities):');
  for (const r of rows.filter((r) => r.s)) {
    const caps = capabilities(r.s.m.imports);
    lines.push(
      `  ${pad(r.label, w, true)}` +
        (caps.length ? caps.map((c) => `${c.group}: ${c.names.join(' ')}`).join('; ') : 'none'),
    );
  }
  lines.push(
    'raw: as linked (code, data, custom: its sections); opt: stripped, wasm-opt -Oz ' +
      '(the form it ships in); gzip: opt, gzip -9; fs: needs a host filesystem',
  );
  const notes = rows.filter((r) => r.s && r.s.optNote).map((r) => `${r.label}: ${r.s.optNote}`);
  if (!haveWasmOpt())
    notes.push('wasm-opt not found (apt-get install binaryen): opt is "-", gzip is of the raw module');
  for (const n of notes) lines.push(`note: ${n}`);
  process.stdout.write(lines.join('\n') + '\n');
  if (svg) {
    const chartRows = rows.map((r) =>
      r.s
        ? {
            label: r.label,
            raw: { code: r.s.m.code, data: r.s.m.data, custom: r.s.m.custom, other: r.s.m.other },
            opt: r.s.opt,
            gzip: r.s.gzip,
            delta:
              r === base || !base || r.s.opt == null || base.s.opt == null
                ? null
                : `${delta(r.s.opt, base.s.opt)} vs ${baseLabel}`,
            note: needsFilesystem(r.s.m.imports) ? 'needs a host filesystem' : 'no host filesystem needed',
          }
        : { label: r.label, raw: null, note: r.error },
    );
    try {
      writeFileSync(svg, sizeChart({ title: title || 'module sizes', rows: chartRows }));
    } catch (e) {
      die(`cannot write ${svg}: ${e.message}`);
    }
  }
}

const o = parseArgs(process.argv.slice(2));
work = mkdtempSync(join(tmpdir(), 'wasi-sizes-'));
try {
  if (o.modules) {
    const all = o.files.map(({ label, file }) => ({ label, s: measureOrDie(file) }));
    const rows = all.filter((r) => !r.s.comp);
    // each component against the module of its preview1 triple with the same
    // rest of the label ("wasm32-wasip2-io stream" against "wasm32-wasi-io
    // stream"), else the first module
    const baseOf = (label) => {
      const [t, ...rest] = label.split(' ');
      const same = t in COMPONENT_TRIPLES && [COMPONENT_TRIPLES[t], ...rest].join(' ');
      return rows.some((r) => r.label === same) ? same : rows[0]?.label;
    };
    const comps = all.filter((r) => r.s.comp).map((r) => ({ label: r.label, c: r.s.comp, base: baseOf(r.label) }));
    if (rows.length) report(o.title, rows, rows[0].label, o.svg);
    else if (o.title) process.stdout.write(o.title + '\n');
    if (comps.length) reportComponents(comps, rows);
  } else {
    const keep = o.keep ? resolve(o.keep) : work;
    mkdirSync(keep, { recursive: true });
    const rows = [];
    const comps = [];
    for (const t of o.triples) {
      const out = join(keep, `${t}.wasm`);
      const r = spawnSync(join(here, `${t}-clang`), [`-O${o.level}`, ...o.files, ...o.cflags, '-o', out], {
        encoding: 'utf8',
      });
      const into = t in COMPONENT_TRIPLES ? comps : rows;
      if (r.status === 0) {
        const s = measureOrDie(out);
        into.push(s.comp ? { label: t, c: s.comp, base: COMPONENT_TRIPLES[t] } : { label: t, s });
      } else {
        const first = (r.stderr || '').split('\n').find((l) => /error:/.test(l)) || '';
        into.push({
          label: t,
          error:
            'does not build: ' +
            (first.replace(/^.*?error: /, '') || (r.error ? r.error.message : `status ${r.status}`)),
        });
      }
    }
    const names = o.files.map((f) => f.split('/').pop()).join(' ');
    const title = o.title || `${names}: module sizes in bytes (-O${o.level})`;
    const base = o.triples.find((t) => t.replace(/^wasm32-wasip1/, 'wasm32-wasi') === 'wasm32-wasi');
    if (rows.length) report(title, rows, base ?? 'wasm32-wasi', o.svg);
    else process.stdout.write(title + '\n');
    if (comps.length) reportComponents(comps, rows);
    if (!rows.some((r) => r.s) && !comps.some((r) => r.c)) process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
