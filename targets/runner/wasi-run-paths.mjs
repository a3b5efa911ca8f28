// wasi-run-paths.mjs: path calls on descriptors that are not directories, answered ENOTDIR or EBADF as Linux does.
//
// Node's WASI resolves path_* calls on any descriptor it has, even the
// standard ones (against "<stdin>", ... in the runner's working
// directory). The runner answers every path call and fd_readdir on a
// descriptor that is neither a preopen nor one path_open made itself, with
// what Linux gives: ENOTDIR for an open descriptor that is not a
// directory, EBADF for one that is not open.

import { ERRNO, inMemory } from './js/wasi-abi.mjs';

const PATH_CALLS = {
  // name: indexes of the descriptor arguments
  path_create_directory: [0],
  path_filestat_get: [0],
  path_filestat_set_times: [0],
  path_link: [0, 4],
  path_open: [0],
  path_readlink: [0],
  path_remove_directory: [0],
  path_rename: [0, 3],
  path_symlink: [2],
  path_unlink_file: [0],
  fd_readdir: [0],
};

// Returns the guarding imports, setMemory(memory), and setStreams(has):
// has(fd) says whether fd is a stream the runner serves itself (typed
// entry point, --in/--out archives), which is open and not a directory.
export function pathGuard(wasiImport, preopenCount) {
  const kinds = new Map([
    [0, 'stream'],
    [1, 'stream'],
    [2, 'stream'],
  ]);
  for (let k = 0; k < preopenCount; k++) kinds.set(3 + k, 'dir');
  let memory = null;
  let streams = () => false;
  const refuse = (fd) => {
    const kind = kinds.get(fd);
    if (kind === 'dir') return 0;
    return kind === 'stream' || streams(fd) ? ERRNO.NOTDIR : ERRNO.BADF;
  };
  const imports = {};
  for (const [name, fds] of Object.entries(PATH_CALLS)) {
    if (typeof wasiImport[name] !== 'function') continue;
    imports[name] = (...args) => {
      for (const i of fds) {
        const e = refuse(args[i]);
        if (e) return e;
      }
      const result = wasiImport[name](...args);
      if (name === 'path_open' && result === ERRNO.SUCCESS) {
        // A descriptor Node opened: a directory or a file, whose rights
        // Node's WASI checks on every later call.
        const ptr = args[8] >>> 0;
        if (inMemory(memory, ptr, 4)) kinds.set(new DataView(memory.buffer).getUint32(ptr, true), 'dir');
      }
      return result;
    };
  }
  imports.fd_close = (fd) => {
    const result = wasiImport.fd_close(fd);
    if (result === ERRNO.SUCCESS) kinds.delete(fd);
    return result;
  };
  imports.fd_renumber = (from, to) => {
    const result = wasiImport.fd_renumber(from, to);
    if (result === ERRNO.SUCCESS) {
      const kind = kinds.get(from);
      kinds.delete(from);
      kinds.delete(to);
      if (kind) kinds.set(to, kind);
    }
    return result;
  };
  return {
    imports,
    setMemory(m) {
      memory = m;
    },
    setStreams(has) {
      streams = has;
    },
  };
}
