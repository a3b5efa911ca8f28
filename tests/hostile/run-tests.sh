#!/bin/sh
# run-tests.sh RUNNER BINDIR WORKDIR
#
# The hostile-guest suite of wasi-run (targets/runner): modules and the
# archives they write at exit are not trusted. Builds the guests next to
# this script with BINDIR/wasm32-wasi-vfs-clang (emit, vfsops: with the
# transfer part) and BINDIR/wasm32-wasi-clang (stdpath) into WORKDIR, and
# checks, with the runner RUNNER:
#   - symlinks planted at every pid-like temporary name, under names the
#     host has as symlinks, "..", absolute names, hard links, FIFOs: nothing
#     lands or is changed outside the host directory;
#   - all or nothing: a refused archive, a directory the program made a
#     file, a failure in the middle of applying (WASI_RUN_TEST_FAIL_APPLY)
#     leave the host directory exactly as it was (names, contents, modes,
#     mtimes);
#   - names byte for byte, a moved directory (then added to, moved again,
#     moved into a new one), nanosecond mtimes, modes
#     (setuid & co. dropped unless --keep-modes);
#   - exhaustion: a 4.5 GiB sparse file (holes stay holes), a 1 TiB one
#     exported in seconds (PAX sparse 1.0; GNU tar reads the guest's archive
#     the same; the guest's --in refuses it), sparse maps refused,
#     --out-limit,
#     a tree deeper than PATH_MAX, malformed pax records (no hang);
#   - arguments refused before the module starts; --dir on a vfs module;
#   - raw path calls on descriptors 0-2 and on closed ones.
# Prints "ok NAME" / "FAIL NAME: why" and "N passed, M failed".
set -u
if [ $# -ne 3 ]; then
    echo "usage: $0 RUNNER BINDIR WORKDIR" >&2
    exit 2
fi
case $1 in /*) RUNNER=$1 ;; *) RUNNER=$PWD/$1 ;; esac
case $2 in /*) BIN=$2 ;; *) BIN=$PWD/$2 ;; esac
SRC=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$3" && cd "$3" || exit 2
NODE_BIN=${NODE:-$(command -v node || command -v nodejs)}
. "$SRC/../support/checks.sh"
nl='
'

vfs_cc() { "$BIN/wasm32-wasi-vfs-clang" -O2 -Wall "$@" -Wl,--undefined=__wasi_vfs_streams_boot; }
build() { # NAME COMMAND...: builds, or fails NAME
    name=$1
    shift
    if "$@" 2>"build-$name.log"; then ok "build-$name"; else fail "build-$name" "$(head -3 "build-$name.log")"; fi
}
build emit vfs_cc "$SRC/emit.c" -o emit.wasm
build vfsops vfs_cc "$SRC/vfsops.c" -o vfsops.wasm
build stdpath "$BIN/wasm32-wasi-clang" -O2 -Wall "$SRC/stdpath.c" -o stdpath.wasm
printf 'int main(void) { return 0; }\n' >none.c
build vfs-bare "$BIN/wasm32-wasi-vfs-clang" -O2 --vfs-no-transfer none.c -o bare.wasm
build vfs-none "$BIN/wasm32-wasi-vfs-clang" -O2 none.c -o none.wasm

# run ARGS...: the runner, stdin from /dev/null; sets st, out, err.
run() { timeout 600 "$RUNNER" "$@" </dev/null >out 2>err; st=$?; }
# emit CASE [ARGS...]: emit.wasm sends archive CASE (mktar.mjs) as its export to o/.
emit() {
    c=$1
    shift
    "$NODE_BIN" "$SRC/mktar.mjs" "$c" >"$c.tar" || fail "mktar-$c" "cannot make the archive"
    timeout 600 "$RUNNER" "$@" --out /d:o emit.wasm <"$c.tar" >out 2>err
    st=$?
}
# expect NAME STATUS STDERR
expect() {
    if [ "$st" != "$2" ]; then fail "$1" "exit status $st, want $2 (stderr: $(head -c 300 err))"
    elif [ "$(cat err)" != "$3" ]; then fail "$1" "stderr '$(head -c 400 err)', want '$3'"
    else ok "$1"; fi
}
# is NAME GOT WANT
is() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got '$(printf %s "$2" | head -c 300)', want '$3'"; fi; }
# A host directory o (a file, a subdirectory) and a file outside it.
fresh() {
    rm -rf o outside vin
    mkdir -p o/sub outside vin/sub
    printf 'keep\n' >o/keep.txt
    printf 'old\n' >o/sub/old.txt
    printf 'secret\n' >outside/target
    chmod 600 outside/target
    printf 'one\n' >vin/sub/a.txt
    printf 'top\n' >vin/top.txt
    touch -d '2001-02-03 04:05:06.123456' o o/sub o/keep.txt vin vin/sub
}
snapshot() { ls -laR --time-style=+%s.%N o | grep -v ' \.\.$'; }
outside_intact() { # NAME
    if [ "$(cat outside/target)" = secret ] && [ "$(stat -c %a outside/target)" = 600 ] &&
        [ "$(ls outside)" = target ]; then ok "$1"; else
        fail "$1" "outside changed: $(ls -l outside | tr '\n' ' ') $(head -c 50 outside/target)"; fi
}
unchanged() { # NAME: o as the snapshot before.txt has it
    snapshot >after.txt
    if cmp -s before.txt after.txt; then ok "$1"; else fail "$1" "o changed: $(diff before.txt after.txt | head -5 | tr '\n' ' ')"; fi
}

# --- symlinks planted for every pid-like temporary name -----------------------
fresh
emit plant
expect plant-every-pid-status 0 ''
is plant-every-pid-victim "$(cat o/victim 2>&1)" 'guest data'
outside_intact plant-every-pid-outside-intact
is plant-no-staging-left "$(ls -A o | grep -c '^\.wasi-run-[0-9a-f]*$')" 0
is plant-links-are-links "$(find o -maxdepth 1 -name '.victim.wasi-run-*' -type l | wc -l)" 32767

# --- names that climb out -------------------------------------------------------
fresh
snapshot >before.txt
emit dotdot
expect dotdot-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: ../evil: a name with "..": it would climb out of the directory'
unchanged dotdot-nothing-written
[ -e evil ] && fail dotdot-no-evil "evil was written" || ok dotdot-no-evil

fresh
snapshot >before.txt
emit symdir
expect symlink-then-under-it-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: link/evil: an entry under o/link, which the archive made a symlink'
unchanged symlink-then-under-it-nothing-written
outside_intact symlink-then-under-it-outside-intact

fresh
rm -rf o/sub && ln -s ../outside o/sub
snapshot >before.txt
emit under-host-link
expect host-symlink-dir-refused 73 'wasi-run: --out /d:o: not written: o/sub: a symlink on the host, and the program made it a directory'
unchanged host-symlink-dir-nothing-written
outside_intact host-symlink-dir-outside-intact

fresh
emit absolute
expect absolute-names-inside 0 ''
is absolute-names-file "$(cat o/abs/f 2>&1)" inside

fresh
snapshot >before.txt
emit hardlink
expect hardlink-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: b: hard links are not exported'
unchanged hardlink-nothing-written
emit fifo
expect fifo-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: p: unsupported entry type FIFO'
emit no-end
expect no-end-refused 74 "wasi-run: --out /d:o: not written: the module's export failed (truncated archive: no end-of-archive marker)"
unchanged no-end-nothing-written

# --- the reader is strict and does not hang ----------------------------------------
fresh
snapshot >before.txt
emit pax-negative
expect pax-size-negative-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: bad pax size'
emit pax-abc
expect pax-size-abc-refused 74 'wasi-run: --out /d:o: not written: the archive is refused: bad pax size'
unchanged pax-nothing-written

# --- names byte for byte ---------------------------------------------------------
fresh
emit non-utf8
expect non-utf8-status 0 ''
is non-utf8-ff "$(cat "o/$(printf '\377')" 2>&1)" ff
is non-utf8-fe "$(cat "o/$(printf '\376')" 2>&1)" fe
is non-utf8-a-c3 "$(cat "o/a$(printf '\303')" 2>&1)" a-c3
fresh
run --out /d:o vfsops.wasm bytename /d ff bytename /d fe
is non-utf8-from-guest "$st $(cat "o/$(printf '\377')" 2>&1) $(cat "o/$(printf '\376')" 2>&1)" "0 ff fe"

# --- a tree deeper than PATH_MAX -------------------------------------------------
fresh
snapshot >before.txt
emit path-max
expect path-max-refused-up-front 74 'wasi-run: --out /d:o: not written: the archive is refused: top/abcdefghij/abcdefghij/abcdefghij/abc...efghij/abcdefghij/abcdefghij/abcdefghij/ (4096 bytes): the host path would be 4097 bytes, over PATH_MAX (4095)'
unchanged path-max-nothing-written
run --out /d:o vfsops.wasm deep /d 1000 abcd
is guest-deep-tree-status "$st $(grep -c '^wasi-run: --out /d:o: not written: the module.s export failed (truncated archive: no end-of-archive marker)$' err)" "74 1"
unchanged guest-deep-tree-nothing-written

# --- modes ---------------------------------------------------------------------
fresh
emit setid
expect setid-status 0 ''
is setid-dropped "$(stat -c %a o/suid o/sticky | tr '\n' ' ')" "775 775 "
fresh
emit setid --keep-modes
is setid-kept "$st $(stat -c %a o/suid o/sticky | tr '\n' ' ')" "0 6777 1777 "

# --- all or nothing with an ordinary program ----------------------------------------
fresh
cp -a vin/. o/
snapshot >before.txt
run --in vin:/d --out /d:o vfsops.wasm write /d/new.txt hi unlink /d/sub/a.txt rmdir /d/sub write /d/sub file
expect dir-made-file-refused 73 'wasi-run: --out /d:o: not written: o/sub: a directory on the host, and the program made it a file'
unchanged dir-made-file-nothing-written

for n in 1 2 3 4 5 6; do
    WASI_RUN_TEST_FAIL_APPLY=$n run --in vin:/d --out /d:o vfsops.wasm write /d/new.txt hi write /d/top.txt changed mkdir /d/nd write /d/nd/x y write /d/sub/b.txt b
    expect "mid-apply-failure-$n" 73 'wasi-run: --out /d:o: not written: injected failure'
    unchanged "mid-apply-failure-$n-rolled-back"
done
rm -rf newp
WASI_RUN_TEST_FAIL_APPLY=0 run --out /d:newp/a/b vfsops.wasm write /d/x y
is missing-host-rolled-back "$st $(grep -c 'injected failure' err) $(ls -d newp 2>&1 | grep -c 'No such')" "73 1 1"
run --in vin:/d --out /d:o vfsops.wasm write /d/new.txt hi write /d/top.txt changed mkdir /d/nd write /d/nd/x y write /d/sub/b.txt b
is apply-after-rollbacks "$st $(cat o/new.txt o/top.txt o/nd/x o/sub/b.txt | tr '\n' ' ')" "0 hichangedyb"

# --- what the guest changed comes back -----------------------------------------------
fresh
run --in vin:/d --out /d:o vfsops.wasm rename /d/sub /d/moved
is moved-dir-exported "$st $(cat o/moved/a.txt 2>&1)" "0 one"
fresh
run --in vin:/d --out /d:o vfsops.wasm rename /d/sub /d/moved write /d/moved/new.txt n
is moved-then-added-exported "$st $(cat o/moved/a.txt o/moved/new.txt 2>&1 | tr "\n" " ")" "0 one n"
fresh
run --in vin:/d --out /d:o vfsops.wasm mkdir /d/nd rename /d/sub /d/nd/deeper unlink /d/top.txt
is moved-into-new-exported "$st $(cat o/nd/deeper/a.txt 2>&1)" "0 one"
fresh
run --in vin:/d --out /d:o vfsops.wasm rename /d/sub /d/m1 rename /d/m1 /d/m2 write /d/m2/z z
is moved-twice-exported "$st $(ls o/m2 | tr '\n' ' ')$(ls -d o/m1 2>&1 | grep -c 'No such')" "0 a.txt z 1"
fresh
run --out /d:o vfsops.wasm write /d/t.txt hi mtime /d/t.txt
guest=$(cat out)
host=$(stat -c %.9Y o/t.txt)
is mtime-nanoseconds "${host%???}" "${guest%???}"
case $guest in *.000000000) fail mtime-has-fraction "the guest's mtime $guest has no fraction" ;; *) ok mtime-has-fraction ;; esac

# --- exhaustion -----------------------------------------------------------------
fresh
snapshot >before.txt
run --out-limit 1M --out /d:o vfsops.wasm big /d/big 2000000
is out-limit "$st $(grep '^wasi-run' err)" "74 wasi-run: --out /d:o: not written: the archive is larger than 1048576 bytes (--out-limit)"
unchanged out-limit-nothing-written
run --out-limit 1X --out /d:o vfsops.wasm
is out-limit-bad-value "$st $(head -1 err)" "2 wasi-run: --out-limit 1X: expected a size (digits, optional K, M, G or T)"
run --out /d:o vfsops.wasm sparse /d/sp 4831838208
is sparse-4.5GiB "$st $(stat -c %s o/sp 2>&1) $(cat err)" "0 4831838209 "
blocks=$(du -k o/sp | cut -f1)
if [ "$blocks" -lt 1024 ]; then ok sparse-stays-sparse; else fail sparse-stays-sparse "$blocks KiB on disk"; fi
is sparse-last-byte "$(tail -c 1 o/sp)" x
# A 1 TiB file with its last byte written: the archive carries the holes
# (PAX sparse 1.0), so the export takes seconds, not a terabyte's stream.
fresh
t0=$(date +%s)
run --out /d:o vfsops.wasm sparse /d/tb 1099511627775
t1=$(date +%s)
is sparse-1TiB "$st $(stat -c %s o/tb 2>&1) $(cat err)" "0 1099511627776 "
is sparse-1TiB-last-byte "$(tail -c 1 o/tb)" x
blocks=$(stat -c %b o/tb)
if [ "$blocks" -lt 64 ]; then ok sparse-1TiB-stays-sparse; else fail sparse-1TiB-stays-sparse "$blocks blocks"; fi
if [ $((t1 - t0)) -lt 60 ]; then ok sparse-1TiB-fast; else fail sparse-1TiB-fast "$((t1 - t0)) s"; fi
# The guest's archive itself (WASI_VFS_OUT to stdout, no runner): a few
# KiB, and GNU tar lists and extracts it the same.
WASI_VFS_OUT=/d:1 timeout 600 "$NODE_BIN" "$SRC/../streams/plain-wasi.mjs" vfsops.wasm mkdir /d/sub \
    sparse /d/sub/tb 1099511627775 </dev/null >tb.tar 2>err
st=$?
n=$(stat -c %s tb.tar)
if [ "$st" = 0 ] && [ "$n" -le 16384 ]; then ok sparse-archive-small; else fail sparse-archive-small "status $st, $n bytes"; fi
is sparse-gnu-tar-lists "$(tar -tvf tb.tar 2>&1 | awk '{print $3, $6}')" "0 sub/
1099511627776 sub/tb"
rm -rf gnu && mkdir gnu && tar -C gnu -xf tb.tar 2>err
is sparse-gnu-tar-extracts "$? $(stat -c %s gnu/sub/tb 2>&1) $(tail -c 1 gnu/sub/tb) $(cat err)" "0 1099511627776 x "
rm -rf gnu
# The guest's reader does not import sparse files: refused, not misread.
run --in tb.tar:/d vfsops.wasm mtime /d/sub/tb
is sparse-in-refused "$st $(cat out) $(cat err)" "1 vfsops: mtime /d/sub/tb: No such file or directory wasi-vfs: WASI_VFS_IN=3:/d: not applied: sub/GNUSparseFile.0/tb: unsupported entry type sparse file (GNU.sparse) (not supported)"
# Sparse maps the runner reads, and the ones it refuses (mktar.mjs).
fresh
emit sparse-good
is sparse-map-good "$st $(stat -c %s o/sp 2>&1) $(head -c 3 o/sp)$(tail -c 2 o/sp) $(cat err)" "0 8194 abcde "
for m in order:'runs out of order or overlapping' overlap:'runs out of order or overlapping' \
    past-end:'a run past the real size' count:'more than 1048576 runs' \
    short-data:'the runs hold 514 bytes, the entry 513 after the map' \
    not-number:'expected a decimal number on a line' no-map-end:'expected a decimal number on a line' \
    junk-after:'bytes after the map in its last block' \
    part-block:'a run before the last one that is not whole blocks'; do
    fresh
    snapshot >before.txt
    emit "sparse-${m%%:*}"
    expect "sparse-map-${m%%:*}" 74 "wasi-run: --out /d:o: not written: the archive is refused: sp: bad sparse map: ${m#*:}"
    unchanged "sparse-map-${m%%:*}-nothing-written"
done
emit sparse-old-format
expect sparse-map-old-format 74 'wasi-run: --out /d:o: not written: the archive is refused: GNUSparseFile.0/sp: unsupported sparse format (GNU.sparse.map): only PAX 1.0'
emit sparse-no-realsize
expect sparse-map-no-realsize 74 'wasi-run: --out /d:o: not written: the archive is refused: GNUSparseFile.0/sp: incomplete sparse header (GNU.sparse.major, minor, name, realsize on a file)'

# --- arguments refused before the module starts --------------------------------------
printf 'not a tar archive, only text\n' >notatar.txt
run --in notatar.txt:/d vfsops.wasm write /d/x y mtime /d/x
is in-not-tar "$st $(cat out) $(cat err)" "66  wasi-run: --in notatar.txt: cannot read it: not a directory or tar archive"
run --in vin:/da,ta vfsops.wasm mtime /da,ta
is in-comma "$st $(cat out) $(head -1 err)" "2  wasi-run: --in vin:/da,ta: the guest directory may not contain ','"
run --out /da,ta:o vfsops.wasm
is out-comma "$st $(head -1 err)" "2 wasi-run: --out /da,ta:o: the guest directory may not contain ','"
tar -C vin -cf vin.tar . 2>/dev/null
run --in vin.tar:/d vfsops.wasm mtime /d/sub/a.txt
is in-tar-file "$st $(grep -c '^[0-9]*\.[0-9]*$' out)" "0 1"

# --- --dir on a wasm32-wasi-vfs module -------------------------------------------------
fresh
run --dir o::/d vfsops.wasm write /d/new x mtime /d/keep.txt
is dir-vfs-round-trip "$st $(cat o/new 2>&1) $(cat out)" "0 x 981173106.123456000"
run --dir o vfsops.wasm write /o/n2 y
is dir-vfs-relative-guest "$st $(cat o/n2 2>&1)" "0 y"
run --dir o::/d vfsops.wasm write /d/n3 z exit 3
is dir-vfs-nonzero-exit-written "$st $(cat o/n3 2>&1)" "3 z"
snapshot >before.txt
run --dir o::/d vfsops.wasm write /d/n4 w abort
is dir-vfs-abort-not-written "$st $(ls o/n4 2>&1 | grep -c 'No such')" "134 1"
unchanged dir-vfs-abort-nothing-written
# A module linked with --vfs-no-transfer cannot see the directory: refused.
run --dir o::/d bare.wasm
is dir-vfs-without-transfer "$st $(head -1 err)" "2 wasi-run: --dir o::/d: bare.wasm imports no filesystem function and has no file transfer part (it uses no files, or was linked with --vfs-no-transfer): the directory cannot reach it"
# A program that opens no file, linked by default, has the transfer part
# (as a wasmtime preopen that the program never opens, the folder is there
# and unused): it runs, and the folder is as it was.
rm -rf o && mkdir o && echo keep >o/f
run --dir o::/d none.wasm
is dir-vfs-unused "$st $(cat err) $(ls o) $(cat o/f)" "0  f keep"

# --- raw path calls on descriptors that are not directories ------------------------------
rm -rf cwd && mkdir cwd && mkdir cwd/target && ln -s target 'cwd/<stdout>' && ln -s target 'cwd/<stdin>' && ln -s target 'cwd/<stderr>'
(cd cwd && timeout 60 "$RUNNER" ../stdpath.wasm </dev/null >../out 2>../err)
st=$?
is stdpath-status "$st $(cat err)" "0 "
is stdpath-std-enotdir "$(grep -c ' [012] 54$' out)" 33
is stdpath-closed-ebadf "$(grep -c ' 40 8$' out)" 11
is stdpath-nothing-made "$(ls -A cwd/target | wc -l) $(ls -A cwd | wc -l)" "0 4"
mkdir -p cwd/pre && printf 'f\n' >cwd/pre/f
(cd cwd && timeout 60 "$RUNNER" --dir pre::/pre ../stdpath.wasm two </dev/null >../out 2>../err)
is stdpath-second-fd "$? $(cat out | tr '\n' ' ')$(ls -A cwd/pre cwd/target | tr '\n' ' ')" "0 path_link 1 54 path_rename 1 54 cwd/pre: f  cwd/target: "

finish
