// wasi-run-tar.mjs: the archives of wasi-run's --in, --out and --dir on a
// wasm32-wasi-vfs module (loaded only when they are used): the Node side
// of js/tar.mjs (the one tar reader and writer, shared with the web page).
//
// In: a host directory becomes a tar stream the module reads on a
// descriptor of its own (names byte for byte, mtimes in nanoseconds).
//
// Out: the module, which is not trusted, writes an archive at exit. The
// runner spools it to an unlinked temporary file (zero blocks are not
// stored, so a sparse file costs no disk), bounded by a limit, and then
// extracts it into the host directory all or nothing:
//   1. plan: every header is read and checked before anything is written:
//      names (no "..", no NUL, none through a symlink, none longer than
//      the host's PATH_MAX or with a component over NAME_MAX), types, sizes, and what is on the host at
//      each place (a directory there cannot become a file);
//   2. stage: each file and symlink is made in a fresh private directory
//      inside the host directory (mkdtemp: a random name made with
//      O_EXCL semantics), opened O_CREAT|O_EXCL|O_NOFOLLOW; data, mode
//      and times are set on the descriptor (fchmod, futimes), never by
//      name; runs of zero blocks become holes;
//   3. apply: each staged entry is renamed into place, the file it
//      replaces first moved aside; new directories are made (mkdir never
//      follows a symlink). Every step is journalled; on any failure the
//      journal is undone, last first, and the host directory is as it
//      was.
// Modes lose setuid, setgid, sticky and the write bit for others unless
// keepModes is set.
//
// The parts: wasi-run-tar-in.mjs (in), wasi-run-tar-spool.mjs (the
// spool), wasi-run-tar-extract.mjs (steps 1 to 3), wasi-run-tar-bytes.mjs
// (their byte helpers).

export { looksLikeTar, TarError } from './js/tar.mjs';
export { archive, isTarFile, pullReader } from './wasi-run-tar-in.mjs';
export { Spool } from './wasi-run-tar-spool.mjs';
export { ExportError, extract } from './wasi-run-tar-extract.mjs';
