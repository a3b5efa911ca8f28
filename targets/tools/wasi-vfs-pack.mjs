// wasi-vfs-pack.mjs: put host files into a wasm32-wasi-vfs module's own
// data (the file image, libc-overlay/IMAGE.md), after linking or for the
// link.
//
//   wasi-vfs-pack MODULE.wasm DIR[:GUEST]... -o OUT.wasm   add files to a module
//   wasi-vfs-pack --list MODULE.wasm                      show the module's image
//   wasi-vfs-pack --image OUT.img DIR[:GUEST]...          the image alone
//   wasi-vfs-pack --asm OUT.s DIR[:GUEST]...              for the link: OUT.s
//                                                         (+ OUT.s.img) defining
//                                                         __wasi_vfs_image
//   wasi-vfs-pack --driver [--name NAME] CLANG ARGS...    what the compiler
//                                                         driver NAME runs when
//                                                         ARGS hold a --vfs-
//                                                         option
//   wasi-vfs-pack --driver-options                        the driver's --vfs-
//                                                         options, for its --help
//
// Started by the `wasi-vfs-pack` launcher next to this file. Exit status: 0,
// 1 on an error (one line on stderr starting "wasi-vfs-pack: ", or in
// --driver mode with the driver's NAME, the command the user typed; a
// malformed module or a damaged image inside one among them), 2 bad usage.
// Imported (by the readers' fuzzer, tests/fuzz-readers/fuzz-pack.mjs), it
// runs nothing and exports its readers.
//
// The parts, one job each: wasi-vfs-pack-tree.mjs (host directories into
// a tree), -image (the image format), -module (module rewriting), -list
// (--list), -driver (the compiler driver's --vfs-* options), -fail (the
// errors); the wasm binary reader and writer is js/wasm-binary.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DRIVER_OPTIONS, driver, imageAsm } from './wasi-vfs-pack-driver.mjs';
import { fail, Failure, progName } from './wasi-vfs-pack-fail.mjs';
import { readImage, writeImage } from './wasi-vfs-pack-image.mjs';
import { listTree } from './wasi-vfs-pack-list.mjs';
import { packModule, readModuleFile } from './wasi-vfs-pack-module.mjs';
import { buildTree } from './wasi-vfs-pack-tree.mjs';

export { Failure, readImage, readModuleFile };
export { dataSegments, inspect, parseModule } from './wasi-vfs-pack-module.mjs';

const USAGE = `usage: wasi-vfs-pack MODULE.wasm DIR[:GUEST]... -o OUT.wasm
       wasi-vfs-pack --list MODULE.wasm
       wasi-vfs-pack --image OUT.img DIR[:GUEST]...
       wasi-vfs-pack --asm OUT.s DIR[:GUEST]...
  DIR[:GUEST]  host directory DIR, copied recursively (modes, mtimes,
               symlinks) to GUEST in the module (default /); write DIR::GUEST
               when a path holds a colon
  -o OUT.wasm  where the module with the files goes (may be MODULE.wasm)
`;

function main(argv) {
  const warn = (m) => process.stderr.write(`${progName()}: warning: ${m}\n`);
  const usage = (why) => {
    process.stderr.write(`wasi-vfs-pack: ${why}\n${USAGE}`);
    process.exit(2);
  };
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv[0] === '--driver') return driver(argv.slice(1), warn);
  if (argv[0] === '--driver-options') {
    process.stdout.write(DRIVER_OPTIONS);
    return 0;
  }
  if (argv[0] === '--list') {
    if (argv.length !== 2) usage('--list takes one module');
    const { info } = readModuleFile(argv[1], readFile(argv[1]));
    if (!info.image) {
      process.stdout.write(`${argv[1]}: no file image\n`);
      return 0;
    }
    const out = [`${argv[1]}: image of ${info.image.length} bytes at 0x${info.imageAddr.toString(16)}`];
    listTree(readImage(info.image, argv[1]), '', out);
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }
  if (argv[0] === '--image' || argv[0] === '--asm') {
    if (argv.length < 3) usage(`${argv[0]} needs an output and at least one directory`);
    const img = writeImage(buildTree(argv.slice(2), null, warn));
    const out = argv[1];
    if (argv[0] === '--image') {
      fs.writeFileSync(out, img);
    } else {
      const imgFile = path.resolve(`${out}.img`);
      fs.writeFileSync(imgFile, img);
      fs.writeFileSync(out, imageAsm(imgFile, img.length));
    }
    return 0;
  }
  let output = null;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-o') {
      if (i + 1 >= argv.length) usage('-o needs a file');
      output = argv[++i];
    } else if (argv[i].startsWith('-o') && argv[i].length > 2) {
      output = argv[i].slice(2);
    } else if (argv[i].startsWith('-') && argv[i] !== '-') {
      usage(`unknown option ${argv[i]}`);
    } else {
      rest.push(argv[i]);
    }
  }
  if (rest.length < 2) usage('a module and at least one directory are needed');
  if (!output) usage('-o OUT.wasm is needed');
  const [file, ...specs] = rest;
  const { module } = packModule(file, readFile(file), specs, warn);
  const tmp = `${output}.wasi-vfs-pack-${process.pid}`;
  fs.writeFileSync(tmp, module);
  fs.renameSync(tmp, output);
  return 0;
}

function readFile(file) {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    fail(`${file}: ${e.code === 'ENOENT' ? 'no such file' : (e.code ?? e.message)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    process.stderr.write(`${progName()}: ${e.message}\n`);
    process.exit(1);
  }
}
