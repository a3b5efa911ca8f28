#!/bin/sh
# test-streams.sh BIN MODULES NATIVE WORK [LEGACY]
#
# Files in and out of wasm32-wasi-vfs modules through streams, end to end:
#   BIN      build/bin (wasi-run, the drivers, wasi-vfs-pack)
#   MODULES  squish.wasm, lstree.wasm, pgminv.wasm (wasm32-wasi-vfs)
#   NATIVE   squish and lstree built natively (the reference)
#   WORK     scratch directory (emptied)
#   LEGACY   build/tests/legacy, for the real bzip2 and minigzip when built
# Covers: wasi-run --in/--out round trips; the same through plain pipes on
# Node's own WASI with only the environment (WASI_VFS_IN/OUT/BIND); what
# the modules import; bad archives and configurations, each with its
# message, the program running on.
set -u
BIN=$1 MODULES=$2 NATIVE=$3 WORK=$4 LEGACY=${5:-}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
RUN="$BIN/wasi-run"
NODE_BIN=${NODE:-$(command -v node || command -v nodejs)}
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 2

# A host tree: text, binary, nested and empty directories, a symlink, an
# odd mode and an old mtime.
mkdir -p host/sub/empty
i=0
while [ $i -lt 3000 ]; do echo "line $i aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; i=$((i + 1)); done >host/big.txt
head -c 300000 /dev/urandom >host/sub/random.bin
printf 'small\n' >host/sub/small.txt
chmod 0640 host/sub/small.txt
touch -d '2001-02-03 04:05:06' host/sub/small.txt
ln -s sub/small.txt host/link
cp -a host pristine

# --- the runner ------------------------------------------------------------
cp -a host h1
"$RUN" --in h1:/data --out /data:h1 "$MODULES/squish.wasm" -k /data/big.txt \
    /data/sub/random.bin >out 2>err
st=$?
[ $st = 0 ] && ok runner-status || fail runner-status "status $st: $(cat err)"
cp -a host native && "$NATIVE/squish" -k native/big.txt native/sub/random.bin
same runner-output-like-native native/big.txt.sq h1/big.txt.sq
same runner-output-2 native/sub/random.bin.sq h1/sub/random.bin.sq
same runner-input-untouched pristine/big.txt h1/big.txt
# the new files took the inputs' mode and mtime (squish copies them)
same_text runner-metadata "$(stat -c '%a %Y' h1/big.txt.sq)" "$(stat -c '%a %Y' host/big.txt)"
# only what changed came back: nothing else under h1 is new
same_text runner-only-changes "$(cd h1 && find . | sort)" \
    "$( (cd host && find .; echo ./big.txt.sq; echo ./sub/random.bin.sq) | sort)"
# the guest saw the tree as it is: names, modes, sizes, mtimes, links
"$RUN" --in host:/data "$MODULES/lstree.wasm" /data >guest.lst 2>err
"$NATIVE/lstree" host >host.lst
same runner-tree-seen-in-guest host.lst guest.lst
# a decompression back through a fresh module, into another host folder
rm -rf h2 && mkdir h2 && cp h1/big.txt.sq h2/
"$RUN" --in h2:/d --out /d:h2 "$MODULES/squish.wasm" -d /d/big.txt.sq 2>err
same runner-decompressed host/big.txt h2/big.txt

# --- plain pipes: any preview1 runtime, only the environment ---------------
plain() { "$NODE_BIN" --no-warnings "$HERE/plain-wasi.mjs" "$@"; }
rm -rf p1 && mkdir p1
tar -C host -cf - . | WASI_VFS_IN=0:/data WASI_VFS_OUT=/data:1 \
    plain "$MODULES/squish.wasm" -kv /data/big.txt 2>err | tar -C p1 -xf -
same plain-pipes-output native/big.txt.sq p1/big.txt.sq
same_text plain-pipes-only-changes "$(cd p1 && find . | sort)" "$(printf '.\n./big.txt.sq')"
# with OUT on stdout, the program's own stdout went to stderr
has plain-pipes-stdout-to-stderr "$(cat err)" "/data/big.txt: "
# the archive on stdin, the result on stdout (both pipes)
tar -C host -cf - sub/small.txt |
    WASI_VFS_IN=0:/data plain "$MODULES/squish.wasm" -c /data/sub/small.txt 2>err | cat >o1
"$NATIVE/squish" -c host/sub/small.txt | cat >o2
same plain-pipes-archive-on-stdin o2 o1
# bindings: the program opens names, the bytes are the host's streams
printf 'P5\n4 2\n255\n' >img.pgm && printf '\000\001\002\003\374\375\376\377' >>img.pgm
WASI_VFS_BIND=/in/photo.pgm:0,/out/result.pgm:1 \
    plain "$MODULES/pgminv.wasm" /in/photo.pgm /out/result.pgm <img.pgm >inv.pgm 2>err
printf 'P5\n4 2\n255\n' >want.pgm && printf '\377\376\375\374\003\002\001\000' >>want.pgm
same plain-bind-stdin-stdout want.pgm inv.pgm

# exit() from a nested function, bytes still in a FILE buffer: the archive
# has them
rm -rf w1 && mkdir w1
"$RUN" --out /o:w1 "$MODULES/writer.wasm" /o/file.txt 'buffered text' 0 2>err
same_text exit-call-export "$(cat w1/file.txt 2>&1)" 'buffered text'
WASI_VFS_OUT=/o:1 plain "$MODULES/writer.wasm" /o/f 'via stdout' 0 2>err | tar -xOf - f >w2
same_text exit-call-plain-pipes "$(cat w2)" 'via stdout'
{ WASI_VFS_OUT=/o:1 plain "$MODULES/writer.wasm" /o/f 'status kept' 5 2>err
  echo $? >w3.st; } | tar -xOf - f >w3
same_text exit-call-status-kept "$(cat w3.st) $(cat w3)" '5 status kept'

# --- what the modules import: streams and harmless calls, never files ---------
# fd_seek: a seek on a standard stream goes to the host (stdin may be a
# regular file; libc-overlay/src/preview1/host_seek.c).
allowed=' args_get args_sizes_get environ_get environ_sizes_get clock_time_get clock_res_get proc_exit sched_yield random_get fd_read fd_write fd_fdstat_get fd_seek fd_close poll_oneoff '
mods="$MODULES/squish.wasm $MODULES/pgminv.wasm"
for m in bzip2/wasm32-wasi-vfs/bzip2 zlib/wasm32-wasi-vfs/minigzip; do
    [ -n "$LEGACY" ] && [ -f "$LEGACY/$m" ] && mods="$mods $LEGACY/$m"
done
for m in $mods; do
    bad=
    for imp in $(wasm-objdump -x -j Import "$m" | sed -n 's/.*<- wasi_snapshot_preview1\.\([a-z_]*\).*/\1/p'); do
        case $allowed in *" $imp "*) ;; *) bad="$bad $imp" ;; esac
    done
    if [ -z "$bad" ]; then ok "imports-$(basename "$m")"; else
        fail "imports-$(basename "$m")" "imports$bad"; fi
done

# --- bad archives and configurations ------------------------------------------
# Each: a clear message, the import not applied, the program runs on (here
# squish, which then finds no input: status 1).
bad_case() { # NAME STATUS EXPECTED-MESSAGE (archive on stdin)
    WASI_VFS_IN=0:/data plain "$MODULES/squish.wasm" -c /data/big.txt >/dev/null 2>err
    st=$?
    if [ "$st" = "$2" ] && grep -qF "$3" err; then ok "$1"; else
        fail "$1" "status $st, stderr: $(cat err)"; fi
}
echo 'not an archive' | bad_case bad-not-tar 1 \
    'wasi-vfs: WASI_VFS_IN=0:/data: not applied: not a tar archive: fewer than 512 bytes'
tar -C host -cf - . | head -c 20000 | bad_case bad-truncated 1 \
    'wasi-vfs: WASI_VFS_IN=0:/data: not applied: truncated archive'
tar -C host -cf broken.tar . && printf 'XXXX' | dd of=broken.tar bs=1 seek=100 conv=notrunc 2>/dev/null
bad_case bad-checksum 1 'damaged header (bad checksum)' <broken.tar
tar -b1 -cf - -P --transform 's,^,../,' -C host big.txt 2>/dev/null | bad_case bad-dotdot 1 \
    '../big.txt: a name with "..": it would climb out of the import directory'
mkfifo fifo.p && tar -b1 -cf - fifo.p | bad_case bad-fifo 1 \
    'fifo.p: unsupported entry type FIFO'
: | bad_case bad-empty 1 'empty stream: no tar archive'
WASI_VFS_IN=7:/data plain "$MODULES/squish.wasm" -c /data/x </dev/null >/dev/null 2>err
has bad-missing-stream "$(cat err)" 'wasi-vfs: WASI_VFS_IN=7:/data: no such host stream: not applied'
WASI_VFS_IN=data plain "$MODULES/squish.wasm" -c /data/x </dev/null >/dev/null 2>err
has bad-syntax "$(cat err)" 'wasi-vfs: WASI_VFS_IN=data: expected FD:/DIR'
WASI_VFS_OUT=/out:9 plain "$MODULES/squish.wasm" -c /data/x </dev/null >/dev/null 2>err
has bad-missing-out-stream "$(cat err)" 'wasi-vfs: WASI_VFS_OUT=/out:9: no such host stream: not applied'
# a failed import leaves nothing; the program still runs and sees the tree
# as it was (here: an empty /data)
tar -C host -cf - . | head -c 20000 |
    WASI_VFS_IN=0:/data plain "$MODULES/lstree.wasm" /data >lst 2>err
st=$?
if [ "$st" = 1 ] && grep -q 'No such file or directory' err && [ ! -s lst ]; then
    ok bad-nothing-half-applied; else fail bad-nothing-half-applied "status $st"; fi
# the runner reports an archive it cannot accept back
mkdir -p h3
"$RUN" --in host:/data --out /data:h3 "$MODULES/lstree.wasm" /data >/dev/null 2>err
st=$?
[ $st = 0 ] && [ -z "$(ls h3)" ] && ok runner-nothing-changed ||
    fail runner-nothing-changed "status $st, h3: $(ls h3) $(cat err)"

# --- the real legacy programs, when tests/legacy built them -------------------
if [ -n "$LEGACY" ] && [ -f "$LEGACY/bzip2/wasm32-wasi-vfs/bzip2" ]; then
    rm -rf b && cp -a host b
    "$RUN" --in b:/data --out /data:b "$LEGACY/bzip2/wasm32-wasi-vfs/bzip2" -k /data/big.txt 2>err
    st=$?
    if [ $st = 0 ] && bzip2 -dc b/big.txt.bz2 | cmp -s - host/big.txt; then
        ok legacy-bzip2-k; else fail legacy-bzip2-k "status $st $(cat err)"; fi
else
    echo "skip legacy-bzip2-k: tests/legacy has not built bzip2"
fi
if [ -n "$LEGACY" ] && [ -f "$LEGACY/zlib/wasm32-wasi-vfs/minigzip" ]; then
    rm -rf g && mkdir g && cp host/sub/random.bin g/x
    "$RUN" --in g:/data --out /data:g "$LEGACY/zlib/wasm32-wasi-vfs/minigzip" /data/x 2>err
    st=$?
    if [ $st = 0 ] && gzip -dc g/x.gz | cmp -s - host/sub/random.bin; then
        ok legacy-minigzip; else fail legacy-minigzip "status $st $(cat err)"; fi
else
    echo "skip legacy-minigzip: tests/legacy has not built minigzip"
fi
finish
