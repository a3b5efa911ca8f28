// wasi-run-tar-in.mjs: --in: a host directory (or a tar file) as a tar stream the module reads.

import fs from 'node:fs';
import { END_OF_ARCHIVE, entryHeaders, looksLikeTar, show, TarError } from './js/tar.mjs';
import { BLOCK, join, SLASH, ZEROS } from './wasi-run-tar-bytes.mjs';

// Yields the tar archive of host directory `dir` (names relative to it),
// or the bytes of `dir` itself when it is a regular file (an archive made
// already). warn(message) hears about skipped entries.
export function* archive(dir, warn) {
  if (fs.statSync(dir).isFile()) {
    yield* fileChunks(Buffer.from(dir), fs.statSync(dir).size);
    return;
  }
  const stack = [[Buffer.from(dir), Buffer.alloc(0)]];
  while (stack.length) {
    const [host, rel] = stack.pop();
    const names = fs.readdirSync(host, { encoding: 'buffer' }).sort(Buffer.compare);
    const subdirs = [];
    for (const nameBuf of names) {
      const hostPath = join(host, nameBuf);
      const relPath = rel.length ? join(rel, nameBuf) : nameBuf;
      const st = fs.lstatSync(hostPath, { bigint: true });
      const mtime = st.mtimeNs;
      const mode = Number(st.mode & 0o7777n);
      if (st.isDirectory()) {
        yield entryHeaders({ name: Buffer.concat([relPath, SLASH]), type: '5', mode, mtime });
        subdirs.push([hostPath, relPath]);
      } else if (st.isFile()) {
        const size = Number(st.size);
        yield entryHeaders({ name: relPath, type: '0', size, mode, mtime });
        yield* fileChunks(hostPath, size);
        if (size % BLOCK) yield ZEROS.subarray(0, BLOCK - (size % BLOCK));
      } else if (st.isSymbolicLink()) {
        yield entryHeaders({
          name: relPath,
          type: '2',
          mode: 0o777,
          mtime,
          link: fs.readlinkSync(hostPath, { encoding: 'buffer' }),
        });
      } else {
        warn(`${show(hostPath)}: not a file, directory or symlink: not sent`);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  yield END_OF_ARCHIVE;
}

function* fileChunks(file, size) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    for (let at = 0; at < size;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, size - at));
      const n = fs.readSync(fd, buf, 0, buf.length, at);
      if (n === 0) throw new TarError(`${show(file)}: shorter than when it was listed`);
      at += n;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

// A reader over a generator of byte arrays: read(dst) fills dst as far as
// it can, returning the count (0 at the end).
export function pullReader(gen) {
  let cur = null;
  let at = 0;
  return (dst) => {
    let done = 0;
    while (done < dst.length) {
      if (!cur || at === cur.length) {
        const next = gen.next();
        if (next.done) break;
        cur = next.value;
        at = 0;
        continue;
      }
      const n = Math.min(dst.length - done, cur.length - at);
      dst.set(cur.subarray(at, at + n), done);
      at += n;
      done += n;
    }
    return done;
  };
}

// Whether host file `file` is a tar archive (its first block says so).
export function isTarFile(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(BLOCK);
    return fs.readSync(fd, b, 0, BLOCK, 0) === BLOCK && looksLikeTar(b);
  } finally {
    fs.closeSync(fd);
  }
}
