// wasi-run-dirs.mjs: what --dir HOST::GUEST means for a module: preopens, or --in plus --out on a wasm32-wasi-vfs module.

import { usageError } from './wasi-run-args.mjs';

// What --dir means for `module`: a plain wasm32-wasi module (it imports
// path_open or fd_prestat_get) gets the preopens; a wasm32-wasi-vfs module
// with the transfer part gets each HOST::GUEST as --in HOST:GUEST and
// --out GUEST:HOST (written back on any exit status, not on a trap), a
// relative GUEST taken from "/"; any other module could not see the
// directory, which is an error (exit 2), never ignored.
export function dirsOnModule(opts, module, streamsPart) {
  const names = WebAssembly.Module.imports(module).map((imp) => imp.name);
  if (names.some((n) => n === 'fd_prestat_get' || n.startsWith('path_'))) return;
  const first = opts.dirs[0].spec;
  if (!streamsPart) {
    usageError(
      `--dir ${first}: ${opts.module} imports no filesystem function and has no ` +
        'file transfer part (it uses no files, or was linked with --vfs-no-transfer): the directory cannot reach it',
    );
  }
  for (const { spec, host, guest } of opts.dirs) {
    const abs = posixResolve(guest);
    if (abs.includes(',')) usageError(`--dir ${spec}: the guest directory may not contain ','`);
    opts.ins.push({ host, guest: abs });
    opts.outs.push({ host, guest: abs, spec: `${abs}:${host}`, dir: spec });
  }
  for (const k of Object.keys(opts.preopens)) delete opts.preopens[k];
}

// `p` made absolute from "/" and normalised ("." and ".." resolved).
function posixResolve(p) {
  const parts = [];
  for (const part of p.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}
