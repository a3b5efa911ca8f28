// wasi-run-archives.mjs: --in and --out on a wasm32-wasi-vfs module: the archives' descriptors and environment, and what is done with the export at exit.

import fs from 'node:fs';
import { usageError } from './wasi-run-args.mjs';
import { die, EXIT_CANNOT_CREATE, EXIT_INTERNAL, EXIT_IO, EXIT_NO_INPUT, openError, say } from './wasi-run-exit.mjs';

// The archives' descriptors start here: the module's own stdin and stdout stay its.
const FIRST_ARCHIVE_FD = 3;

// Exits 2: --in or --out on a module without the transfer part. Every
// wasm32-wasi-vfs module has it but one linked with --vfs-no-transfer; the
// custom section "wasi-vfs-streams" says so (libc-overlay/src/transfer/streams_boot.c).
export function noStreams(file) {
  usageError(
    `${file}: takes no files through streams: --in and --out need a ` +
      'wasm32-wasi-vfs module linked without --vfs-no-transfer',
  );
}

// Checks the host paths, sets the module's WASI_VFS_IN and WASI_VFS_OUT,
// and returns { table (guest fd -> { read } or { spool }), finish(file,
// status) -> runner status }. Exits 66 for an --in HOST that is neither a
// directory nor a tar archive. The archives are on descriptors 3, 4, ...;
// with `stdio` (wasi-run-component, which can hand a component no other
// stream; one --in and one --out at most), the --in archive is on the
// program's stdin (0) and the --out one on its stdout (1).
export async function planArchives(opts, stdio = false) {
  const tar = await import('./wasi-run-tar.mjs');
  const warn = (m) => say(`warning: ${m}`);
  const table = new Map();
  let fd = stdio ? 0 : FIRST_ARCHIVE_FD;
  const inSpecs = [];
  for (const { host, guest } of opts.ins) {
    try {
      const st = fs.statSync(host);
      if (!st.isDirectory() && !(st.isFile() && tar.isTarFile(host))) {
        throw Object.assign(new Error(), { code: 'EINVAL' });
      }
    } catch (e) {
      die(
        EXIT_NO_INPUT,
        `--in ${host}: cannot read it: ${e.code === 'EINVAL' ? 'not a directory or tar archive' : openError(e)}`,
      );
    }
    const read = tar.pullReader(tar.archive(host, warn));
    table.set(fd, { read, host });
    inSpecs.push(`${fd++}:${guest}`);
  }
  const outSpecs = [];
  if (stdio) fd = 1;
  for (const out of opts.outs) {
    try {
      out.spool = new tar.Spool(opts.outLimit);
    } catch (e) {
      die(EXIT_CANNOT_CREATE, `--out ${out.spec}: cannot make a temporary file: ${openError(e)}`);
    }
    table.set(fd, out);
    outSpecs.push(`${out.guest}:${fd++}`);
  }
  const add = (name, list) => {
    if (!list.length) return;
    opts.env[name] = [opts.env[name], ...list].filter((x) => x).join(',');
  };
  add('WASI_VFS_IN', inSpecs);
  add('WASI_VFS_OUT', outSpecs);
  const failAfter = process.env.WASI_RUN_TEST_FAIL_APPLY;
  const finish = (file, status) => {
    for (const out of opts.outs) {
      const what = out.dir ? `--dir ${out.dir}` : `--out ${out.spec}`;
      try {
        if (status !== 0 && !out.dir) {
          say(`${out.host}: not written: ${file} exited with status ${status}`);
          continue;
        }
        if (out.spool.over) {
          say(`${what}: not written: the archive is larger than ${opts.outLimit} bytes (--out-limit)`);
          status = EXIT_IO;
          continue;
        }
        if (out.spool.length === 0) continue; // the program used no file: no changes
        tar.extract(out.spool.source(), out.host, {
          keepModes: opts.keepModes,
          limit: opts.outLimit,
          maxEntries: opts.maxEntries,
          failAfter: failAfter === undefined ? undefined : Number(failAfter),
        });
      } catch (e) {
        if (e instanceof tar.TarError && /^(truncated archive|empty stream)/.test(e.message)) {
          say(`${what}: not written: the module's export failed (${e.message})`);
          status = EXIT_IO;
        } else if (e instanceof tar.TarError) {
          say(`${what}: not written: the archive is refused: ${e.message}`);
          status = EXIT_IO;
        } else if (e instanceof tar.ExportError) {
          say(`${what}: not written: ${e.message}`);
          status = e.host ? EXIT_CANNOT_CREATE : EXIT_IO;
        } else if (e.code) {
          say(`${what}: not written: ${e.path ? `${e.path}: ` : ''}${openError(e)}`);
          status = EXIT_CANNOT_CREATE;
        } else {
          say(`${what}: not written: internal error: ${e.message}`);
          status = EXIT_INTERNAL;
        }
      } finally {
        out.spool.close();
      }
    }
    return status;
  };
  return { table, finish };
}
