#!/bin/sh
# test-image.sh BIN MODULES NATIVE SRC WORK [LEGACY]
#
# Files embedded in wasm32-wasi-vfs modules (libc-overlay/IMAGE.md):
#   BIN      build/bin (drivers, wasi-run, wasi-vfs-pack)
#   MODULES  lstree.wasm, squish.wasm
#   NATIVE   lstree built natively
#   SRC      this folder (lstree.c, for the link-time builds)
#   WORK     scratch directory (emptied)
#   LEGACY   build/tests/legacy, for the real bzip2 when built
# Covers: packing a finished module (also stripped of custom sections, and
# twice), --vfs-embed at link time, the CMake functions wasi_vfs_embed and
# wasi_vfs_exports, the heap not running over an image at the end of
# memory, copy on write with only changes coming back through --out, and
# the refusals of the tools.
set -u
BIN=$1 MODULES=$2 NATIVE=$3 SRC=$4 WORK=$5 LEGACY=${6:-}
. "$SRC/lib.sh"
PACK="$BIN/wasi-vfs-pack"
RUN="$BIN/wasi-run"
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 2

mkdir -p host/sub/empty host/d
i=0
while [ $i -lt 2000 ]; do echo "row $i bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"; i=$((i + 1)); done >host/big.txt
head -c 3000000 /dev/urandom >host/sub/random.bin
printf 'small\n' >host/sub/small.txt
chmod 0640 host/sub/small.txt
chmod 0711 host/d
touch -d '2001-02-03 04:05:06' host/sub/small.txt
ln -s sub/small.txt host/link
ln host/big.txt host/sub/hard
"$NATIVE/lstree" host >want.lst

# --- after linking ------------------------------------------------------------
"$PACK" "$MODULES/lstree.wasm" host:/data -o packed.wasm 2>err &&
    ok pack-status || fail pack-status "$(cat err)"
"$RUN" packed.wasm /data >got.lst 2>err
same pack-tree-and-metadata want.lst got.lst
LSTREE_ALLOC=48 "$RUN" --env LSTREE_ALLOC packed.wasm /data >got.lst 2>err
same pack-heap-stays-below-image want.lst got.lst
"$PACK" --list packed.wasm >list.txt
has pack-list "$(cat list.txt)" '-rw-r-----          6 2001-02-03 04:05:06 /data/sub/small.txt'
# twice: one image with both trees, the first one's bytes not kept twice
mkdir -p more && printf 'more\n' >more/m.txt
"$PACK" packed.wasm more:/more -o twice.wasm 2>err || fail pack-twice "$(cat err)"
"$RUN" twice.wasm /more >got.lst 2>err
has pack-twice-new-tree "$(cat got.lst)" 'm.txt 100644 5'
"$RUN" twice.wasm /data >got.lst 2>err
same pack-twice-old-tree want.lst got.lst
s1=$(stat -c %s packed.wasm) s2=$(stat -c %s twice.wasm)
[ $((s2 - s1)) -lt 100000 ] && ok pack-twice-replaces ||
    fail pack-twice-replaces "$s1 -> $s2 bytes"
# a module whose custom sections were stripped: the slot's marker is found
if command -v wasm-strip >/dev/null 2>&1; then
    wasm-strip -o stripped.wasm "$MODULES/lstree.wasm"
    "$PACK" stripped.wasm host:/data -o stripped-packed.wasm 2>err
    "$RUN" stripped-packed.wasm /data >got.lst 2>err
    same pack-stripped-module want.lst got.lst
fi

# --- at link time ---------------------------------------------------------------
"$BIN/wasm32-wasi-vfs-clang" -O2 "$SRC/lstree.c" --vfs-embed=host:/data \
    -o linked.wasm 2>err || fail embed-link "$(cat err)"
"$RUN" linked.wasm /data >got.lst 2>err
same embed-tree-and-metadata want.lst got.lst
"$BIN/wasm32-wasi-vfs-clang" -O2 "$SRC/lstree.c" --vfs-embed host::/x/y \
    --vfs-embed=more:/more -o linked2.wasm 2>err
"$RUN" linked2.wasm /x/y >got.lst 2>err
same embed-two-trees want.lst got.lst
# a CMake project, with the toolchain file
mkdir -p proj
cat >proj/CMakeLists.txt <<EOF2
cmake_minimum_required(VERSION 3.20)
project(embedded C)
include(WasiVfs)
add_executable(lstree "$SRC/lstree.c")
wasi_vfs_embed(lstree "$WORK/host" /data)
wasi_vfs_exports(lstree)
add_executable(bare "$SRC/lstree.c")
wasi_vfs_no_transfer(bare)
EOF2
if cmake -S proj -B proj/build -DCMAKE_TOOLCHAIN_FILE="$BIN/../share/cmake/wasm32-wasi-vfs.cmake" \
    >proj.log 2>&1 && cmake --build proj/build >>proj.log 2>&1; then
    "$RUN" proj/build/lstree.wasm /data >got.lst 2>err
    same cmake-wasi-vfs-embed want.lst got.lst
    if wasm-objdump -x -j Export proj/build/lstree.wasm | grep -q wasi_vfs_read_file; then
        ok cmake-wasi-vfs-exports; else fail cmake-wasi-vfs-exports "no export"; fi
    if wasm-objdump -h proj/build/lstree.wasm | grep -q '"wasi-vfs-streams"'; then
        ok cmake-wasi-vfs-streams; else fail cmake-wasi-vfs-streams "no configuration"; fi
    if ! wasm-objdump -h proj/build/bare.wasm | grep -q '"wasi-vfs-'; then
        ok cmake-wasi-vfs-no-transfer; else fail cmake-wasi-vfs-no-transfer "a transfer section"; fi
else
    fail cmake-project "$(tail -5 proj.log)"
fi

# --- copy on write; only changes come back -------------------------------------
"$PACK" "$MODULES/squish.wasm" host:/data -o squish-img.wasm 2>err
rm -rf back && mkdir back
"$RUN" --out /data:back squish-img.wasm /data/big.txt /data/sub/hard 2>err
st=$?
[ $st = 0 ] || fail cow-status "$st $(cat err)"
same_text cow-only-changes "$(cd back && find . -type f | sort)" \
    "$(printf './big.txt.sq\n./sub/hard.sq')"
"$NATIVE/squish" -c host/big.txt | cat >want.sq
tail -c +8 want.sq >want.body && tail -c +8 back/big.txt.sq >got.body
same cow-output want.body got.body

# --- a real legacy module, as tests/legacy built it ---------------------------
if [ -n "${LEGACY:-}" ] && [ -f "$LEGACY/bzip2/wasm32-wasi-vfs/bzip2" ]; then
    mkdir -p samples && bzip2 -c host/big.txt >samples/big.txt.bz2
    "$PACK" "$LEGACY/bzip2/wasm32-wasi-vfs/bzip2" samples:/samples -o bzip2-samples.wasm 2>err
    "$RUN" bzip2-samples.wasm -tv /samples/big.txt.bz2 >out 2>err
    st=$?
    if [ $st = 0 ] && grep -q 'big.txt.bz2: ok' err; then ok pack-legacy-bzip2; else
        fail pack-legacy-bzip2 "status $st: $(cat err)"; fi
    "$RUN" bzip2-samples.wasm -dc /samples/big.txt.bz2 >out 2>err
    same pack-legacy-bzip2-expand host/big.txt out
else
    echo "skip pack-legacy-bzip2: tests/legacy has not built bzip2"
fi

# --- refusals ------------------------------------------------------------------
"$BIN/wasm32-wasi-clang" -O2 "$SRC/lstree.c" -o plain.wasm
"$PACK" plain.wasm host:/data -o x.wasm 2>err
st=$?
if [ $st = 1 ] && grep -q 'no file image slot' err && [ ! -e x.wasm ]; then
    ok refuse-plain-module; else fail refuse-plain-module "$st $(cat err)"; fi
"$PACK" "$MODULES/lstree.wasm" no-such-dir:/data -o x.wasm 2>err
has refuse-missing-dir "$(cat err)" 'wasi-vfs-pack: no-such-dir: no such directory'
"$PACK" "$MODULES/lstree.wasm" host:data -o x.wasm 2>err
has refuse-relative-guest "$(cat err)" 'the guest directory must be absolute'
"$PACK" "$MODULES/lstree-bare.wasm" host:/data -o x.wasm 2>err
st=$?
if [ $st = 1 ] && grep -q 'without --vfs-no-transfer' err && [ ! -e x.wasm ]; then
    ok refuse-module-without-slot; else fail refuse-module-without-slot "$st $(cat err)"; fi
"$RUN" --in host:/data "$MODULES/lstree-bare.wasm" /data >/dev/null 2>err
st=$?
if [ $st = 2 ] && grep -q 'lstree-bare.wasm: takes no files through streams: --in and --out need a wasm32-wasi-vfs module linked without --vfs-no-transfer' err; then
    ok runner-refuses-no-transfer; else fail runner-refuses-no-transfer "$st $(head -1 err)"; fi
"$BIN/wasm32-wasi-vfs-clang" -O2 "$SRC/lstree.c" --vfs-no-transfer --vfs-embed=host -o x.wasm 2>err
has refuse-embed-no-transfer "$(cat err)" 'wasm32-wasi-vfs-clang: --vfs-embed: a module linked with --vfs-no-transfer has no file image slot'
"$BIN/wasm32-wasi-vfs-clang" -O2 "$SRC/lstree.c" --vfs-stream -o x.wasm 2>err
has refuse-unknown-part "$(cat err)" '--vfs-stream: unknown option'
# compiling only: the link options have nothing to do (as clang's linker
# inputs), so that they may sit in CC or CFLAGS
rm -f x.o
if "$BIN/wasm32-wasi-vfs-clang" -c "$SRC/lstree.c" --vfs-embed=host --vfs-streams -o x.o 2>err &&
    [ -s x.o ]; then ok embed-compile-only-ignored; else fail embed-compile-only-ignored "$(cat err)"; fi
"$BIN/wasm32-wasi-clang" "$SRC/lstree.c" --vfs-embed=host -o x.wasm 2>err
has refuse-embed-other-triple "$(cat err)" 'only wasm32-wasi-vfs modules have a filesystem of their own'
finish
