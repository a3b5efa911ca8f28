// wasi-vfs-pack-driver.mjs: the compiler driver's --vfs-* options: what joins the link (parts, the image, the limits).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, setProgName } from './wasi-vfs-pack-fail.mjs';
import { writeImage } from './wasi-vfs-pack-image.mjs';
import { buildTree } from './wasi-vfs-pack-tree.mjs';

// The driver's options for wasm32-wasi-vfs. Every module takes files from
// wasi-vfs-pack and through streams (libc-overlay/src/transfer/transfer.c); these
// change what goes in the link:
//   --vfs-no-transfer  the bare minimum: no file image slot, no
//                    environment configuration, no tar reader or writer
//                    (-lwasi-vfs-no-transfer; wasi-vfs-pack and the
//                    runner's --in/--out refuse the module)
//   --vfs-embed=DIR[:GUEST] (also --vfs-embed DIR[:GUEST]): the image of
//                    the directories assembled into an object that joins
//                    the link
//   --vfs-exports    the embedder's functions (libc-overlay/src/transfer/exports.c),
//                    linked and exported
//   --vfs-image, --vfs-streams  accepted and ignored: what they linked is
//                    in every module now
// and for the filesystem's limits (vfs/LIMITS.md), which a definition of
// __wasi_vfs_config compiled into an object that joins the link sets
// (libc-overlay/src/fs/limits.c is the default it replaces):
//   --vfs-max-open-files=N  the program's descriptors, 0 .. N-1
//   --vfs-max-bytes=SIZE    bytes of file data, names and symlink targets
//                           (K, M, G or T: times 1024, 1024^2, ...)
//   --vfs-max-inodes=N      files, directories, symlinks, devices, pipes
// CLANG ARGS is the compiler command; the options are taken out of it.
const PARTS = {
  '--vfs-no-transfer': '-lwasi-vfs-no-transfer',
  '--vfs-exports': '-Wl,--undefined=__wasi_vfs_export_write_file',
  '--vfs-image': null,
  '--vfs-streams': null,
};

// The limits: option -> [smallest, largest, unit suffixes allowed]. The
// smallest values leave room for what every module's filesystem holds from
// the start (descriptors 0, 1, 2; the ten files and directories of /dev and
// /tmp; their names); the most descriptors keep the table, which the
// current directory's descriptor ends, at 512 KiB.
const LIMITS = {
  '--vfs-max-open-files': [3n, 65536n, false],
  '--vfs-max-bytes': [4096n, 1n << 62n, true],
  '--vfs-max-inodes': [16n, 0xffffffffn, false],
};

// The value of a limit option a (NAME=VALUE), as a BigInt.
function limitValue(a) {
  const eq = a.indexOf('=');
  const name = a.slice(0, eq);
  const text = a.slice(eq + 1);
  const [min, max, units] = LIMITS[name];
  const m = /^([0-9]+)([KMGT]?)$/.exec(text);
  if (!m || (m[2] && !units)) {
    fail(`${a}: not a number${units ? ' (digits, then K, M, G or T if you like)' : ''}`);
  }
  const v = BigInt(m[1]) << BigInt(10 * ' KMGT'.indexOf(m[2] || ' '));
  if (v < min || v > max) fail(`${a}: must be from ${min} to ${max}`);
  return v;
}

// C source defining __wasi_vfs_config (struct vfs_config: the layout that
// libc-overlay/src/fs/limits.c asserts) with the limits given; 0 is the vfs
// core's default, and the descriptor table holds the program's
// descriptors and the current directory's.
function limitsSource(limits) {
  const get = (o, dflt) => limits.get(o) ?? dflt;
  return (
    "/* wasm32-wasi-vfs limits from the driver's --vfs-max-* options. */\n" +
    'extern long long __wasi_vfs_now(void *);\n' +
    'const struct {\n' +
    '    unsigned long long max_bytes;\n' +
    '    unsigned max_inodes, max_open_files;\n' +
    '    long long (*now)(void *);\n' +
    '    void *now_ctx, *realloc, *alloc_ctx;\n' +
    '} __wasi_vfs_config = {\n' +
    `    ${get('--vfs-max-bytes', 0n)}ull, ${get('--vfs-max-inodes', 0n)}u,\n` +
    `    ${get('--vfs-max-open-files', 1024n) + 1n}u, __wasi_vfs_now, 0, 0, 0,\n` +
    '};\n'
  );
}

// Options after which clang does not link.
const NO_LINK = new Set([
  '-c',
  '-S',
  '-E',
  '-M',
  '-MM',
  '-fsyntax-only',
  '-emit-llvm',
  '--precompile',
  '-###',
  '--version',
  '-v',
  '--help',
  '-print-search-dirs',
]);

// The driver's --help text for the options above.
export const DRIVER_OPTIONS = `  --vfs-image             the file image slot and reader: wasi-vfs-pack adds
                          files to the linked module (IMAGE.md)
  --vfs-embed=DIR[:GUEST] --vfs-image, and the files of host directory DIR at
                          GUEST (default /) linked in now (repeatable)
  --vfs-streams           files through streams set up by the host at run time:
                          WASI_VFS_IN, WASI_VFS_BIND, WASI_VFS_OUT (wasi-run's
                          --in and --out; STREAMS.md)
  --vfs-exports           the embedder's functions (wasi_vfs_write_file, ...)
  --vfs-max-open-files=N  descriptors 0 .. N-1 (3 to 65536; default 1024)
  --vfs-max-bytes=SIZE    bytes of file data, names, symlink targets (4096 to
                          2^62; K, M, G, T allowed; default 1G)
  --vfs-max-inodes=N      files, directories, symlinks, devices, pipes (16 to
                          4294967295; default 1048576)
`;

// The triple clang builds for, in its wasm32-wasi spelling: --target=T
// (the last one) with wasm32-wasip1 read as wasm32-wasi and the vendor
// (wasm32-unknown-...) dropped.
function canonicalTriple(t) {
  return t === null ? null : t.replace(/^wasm32-unknown-/, 'wasm32-').replace(/^wasm32-wasip1/, 'wasm32-wasi');
}

export function driver(argv, warn) {
  if (argv[0] === '--name') {
    if (argv.length < 2) fail('--driver --name needs a name');
    setProgName(argv[1]);
    argv = argv.slice(2);
  }
  const [clang, ...args] = argv;
  const specs = [];
  const rest = [];
  let triple = null;
  const parts = new Set();
  const limits = new Map(); // option -> BigInt; the last one given counts
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    if (Object.hasOwn(PARTS, a)) {
      parts.add(a);
    } else if (Object.hasOwn(LIMITS, a)) {
      fail(`${a} needs a value: ${a}=N`);
    } else if (eq > 0 && Object.hasOwn(LIMITS, a.slice(0, eq))) {
      limits.set(a.slice(0, eq), limitValue(a));
    } else if (a === '--vfs-embed') {
      if (i + 1 >= args.length) fail('--vfs-embed needs DIR[:GUEST]');
      specs.push(args[++i]);
    } else if (a.startsWith('--vfs-embed=')) {
      specs.push(a.slice('--vfs-embed='.length));
    } else if (a.startsWith('--vfs-')) {
      fail(
        `${a}: unknown option (known: --vfs-embed=DIR[:GUEST], ${Object.keys(PARTS).join(', ')}, ` +
          `${Object.keys(LIMITS)
            .map((o) => `${o}=${LIMITS[o][2] ? 'SIZE' : 'N'}`)
            .join(', ')})`,
      );
    } else {
      if (a.startsWith('--target=')) triple = a.slice('--target='.length);
      else if ((a === '-target' || a === '--target') && i + 1 < args.length) triple = args[i + 1];
      rest.push(a);
    }
  }
  if (specs.length && parts.has('--vfs-no-transfer')) {
    fail('--vfs-embed: a module linked with --vfs-no-transfer has no file image slot');
  }
  const run = (cmd) => {
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
    if (r.error) fail(`${cmd[0]}: ${r.error.code ?? r.error.message}`);
    return r.status ?? 128 + 6;
  };
  const what = specs.length ? '--vfs-embed' : [...parts, ...limits.keys()][0];
  if (parts.size === 0 && limits.size === 0 && specs.length === 0) return run([clang, ...rest]);
  if (canonicalTriple(triple) !== 'wasm32-wasi-vfs') {
    fail(`${what}: only wasm32-wasi-vfs modules have a filesystem of their own (this is ${triple})`);
  }
  // Not linking (-c, -S, -E, ...): the options have nothing to do, as
  // clang's linker inputs do not, so that they may sit in CC or CFLAGS.
  if (rest.some((a) => NO_LINK.has(a) || a.startsWith('-print-'))) return run([clang, ...rest]);
  for (const p of parts) if (PARTS[p]) rest.push(PARTS[p]);
  if (specs.length === 0 && limits.size === 0) return run([clang, ...rest]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasi-vfs-link-'));
  try {
    const flags = rest.filter(
      (a) => a.startsWith('--target=') || a.startsWith('--config') || a.startsWith('--sysroot'),
    );
    const objects = [];
    const compile = (name, text, why) => {
      const src = path.join(tmp, name);
      const o = `${src}.o`;
      fs.writeFileSync(src, text);
      const status = run([clang, ...flags, '-c', src, '-o', o]);
      if (status !== 0) fail(`could not ${why} (status ${status})`);
      objects.push(o);
    };
    if (specs.length) {
      const img = writeImage(buildTree(specs, null, warn));
      const s = path.join(tmp, 'image.s');
      fs.writeFileSync(`${s}.img`, img);
      compile('image.s', imageAsm(`${s}.img`, img.length), 'assemble the file image');
    }
    if (limits.size) compile('limits.c', limitsSource(limits), 'compile the limits');
    return run([clang, ...rest, ...objects]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Assembly that defines __wasi_vfs_image over the bytes of file imgFile.
export function imageAsm(imgFile, length) {
  if (/["\\\n]/.test(imgFile)) fail(`${imgFile}: a path the assembler cannot quote`);
  return (
    '# The file image of wasm32-wasi-vfs (libc-overlay/IMAGE.md), linked in.\n' +
    '\t.section .rodata.__wasi_vfs_image,"",@\n' +
    '\t.globl __wasi_vfs_image\n' +
    '\t.p2align 4\n' +
    '__wasi_vfs_image:\n' +
    `\t.incbin "${imgFile}"\n` +
    `\t.size __wasi_vfs_image, ${length}\n`
  );
}
