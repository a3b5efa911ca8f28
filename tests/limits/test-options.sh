#!/bin/sh
# test-options.sh BIN SRC WORK: the driver's limit options
# (--vfs-max-open-files, --vfs-max-bytes, --vfs-max-inodes) and
# wasi_vfs_limits() in a CMake project: each sets its limit in the module
# (config.c checks them from inside), the last of a repeated option counts,
# a compile-only command ignores them, and every bad value is refused with
# one line naming it, leaving no module behind.
BIN=$1 SRC=$2 WORK=$3
. "$SRC/../support/checks.sh"
CC="$BIN/wasm32-wasi-vfs-clang"
FLAGS="-O2 -I$SRC/../overlay"
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 2

# runs NAME MODULE: the module runs and all its checks hold
runs() {
    if out=$("$BIN/wasi-run" "$2" 2>&1); then ok "$1"; else fail "$1" "$(echo "$out" | grep -E 'FAIL|checks|wasi' | head -5)"; fi
}

# --- the options set the limits -------------------------------------------------
$CC $FLAGS -DOPEN_FILES=8 -DBYTES=40960 -DINODES=20 "$SRC/config.c" \
    --vfs-max-open-files=4 --vfs-max-open-files=8 --vfs-max-bytes=40K \
    --vfs-max-inodes=20 -o last.wasm 2>err || fail link-last "$(cat err)"
runs last-option-counts last.wasm
# the documented minimum: 0, 1, 2 are the standard streams, and the whole
# filesystem works (stat("/"), the current directory, files, limits)
$CC $FLAGS -DOPEN_FILES=3 -DBYTES=40960 -DINODES=20 "$SRC/config.c" \
    --vfs-max-open-files=3 --vfs-max-bytes=40K --vfs-max-inodes=20 \
    -o least.wasm 2>err || fail link-least "$(cat err)"
runs least-open-files least.wasm
# one option: the other limits keep their defaults (1024 descriptors,
# 1048576 inodes; 1 GiB is 262144 blocks)
cat >report.c <<'EOF2'
#include <fcntl.h>
#include <stdio.h>
#include <sys/statvfs.h>
int main(void)
{
    struct statvfs v;
    int n = 3;
    while (open("/", O_RDONLY) >= 0)
        n++;
    statvfs("/", &v);
    printf("%d %lu %lu\n", n, (unsigned long)v.f_files, (unsigned long)v.f_blocks);
    return 0;
}
EOF2
$CC -O2 report.c --vfs-max-bytes=1M -o bytes.wasm 2>err || fail link-bytes "$(cat err)"
$CC -O2 report.c --vfs-max-inodes=99 -o inodes.wasm 2>err || fail link-inodes "$(cat err)"
$CC -O2 report.c --vfs-max-open-files=7 -o files.wasm 2>err || fail link-files "$(cat err)"
got=$("$BIN/wasi-run" bytes.wasm; "$BIN/wasi-run" inodes.wasm; "$BIN/wasi-run" files.wasm)
want="1024 1048576 256
1024 99 262144
7 1048576 262144"
if [ "$got" = "$want" ]; then ok others-keep-their-defaults; else
    fail others-keep-their-defaults "got: $got"; fi
# compiling only: nothing to do, as with the driver's other --vfs- options
rm -f c.o
if $CC -c $FLAGS -DOPEN_FILES=8 -DBYTES=40960 -DINODES=20 "$SRC/config.c" \
    --vfs-max-open-files=8 -o c.o 2>err && [ -s c.o ]; then
    ok compile-only-ignores; else fail compile-only-ignores "$(cat err)"; fi

# --- bad values ---------------------------------------------------------------
# refused NAME MESSAGE ARGS...: status 1, MESSAGE on stderr, no module
refused() {
    name=$1 want=$2
    shift 2
    rm -f bad.wasm
    "$@" -o bad.wasm 2>err
    st=$?
    if [ $st = 1 ] && grep -qF -- "$want" err && [ ! -e bad.wasm ]; then
        ok "$name"; else fail "$name" "status $st: $(cat err)"; fi
}
refused too-few-files '--vfs-max-open-files=2: must be from 3 to 65536' \
    $CC "$SRC/config.c" --vfs-max-open-files=2
refused too-many-files '--vfs-max-open-files=65537: must be from 3 to 65536' \
    $CC "$SRC/config.c" --vfs-max-open-files=65537
refused files-no-unit '--vfs-max-open-files=1K: not a number' \
    $CC "$SRC/config.c" --vfs-max-open-files=1K
refused bytes-bad-unit '--vfs-max-bytes=3X: not a number (digits, then K, M, G or T if you like)' \
    $CC "$SRC/config.c" --vfs-max-bytes=3X
refused bytes-too-few '--vfs-max-bytes=4095: must be from 4096 to' \
    $CC "$SRC/config.c" --vfs-max-bytes=4095
refused bytes-empty '--vfs-max-bytes=: not a number' \
    $CC "$SRC/config.c" --vfs-max-bytes=
refused inodes-too-few '--vfs-max-inodes=15: must be from 16 to 4294967295' \
    $CC "$SRC/config.c" --vfs-max-inodes=15
refused inodes-too-many '--vfs-max-inodes=4294967296: must be from 16 to 4294967295' \
    $CC "$SRC/config.c" --vfs-max-inodes=4294967296
refused inodes-negative '--vfs-max-inodes=-5: not a number' \
    $CC "$SRC/config.c" --vfs-max-inodes=-5
refused no-value '--vfs-max-inodes needs a value: --vfs-max-inodes=N' \
    $CC "$SRC/config.c" --vfs-max-inodes
refused misspelled '--vfs-max-inode=9: unknown option (known: ' \
    $CC "$SRC/config.c" --vfs-max-inode=9
refused other-triple '--vfs-max-bytes: only wasm32-wasi-vfs modules have a filesystem of their own (this is wasm32-wasi)' \
    "$BIN/wasm32-wasi-clang" "$SRC/config.c" --vfs-max-bytes=1M

# --- CMake: wasi_vfs_limits ---------------------------------------------------------
mkdir -p proj
cat >proj/CMakeLists.txt <<EOF2
cmake_minimum_required(VERSION 3.20)
project(limited C)
include(WasiVfs)
add_executable(config "$SRC/config.c")
target_include_directories(config PRIVATE "$SRC/../overlay")
target_compile_definitions(config PRIVATE OPEN_FILES=12 BYTES=49152 INODES=30)
wasi_vfs_limits(config OPEN_FILES 12 BYTES 48K INODES 30)
EOF2
TOOLCHAIN="$BIN/../share/cmake/wasm32-wasi-vfs.cmake"
if cmake -S proj -B proj/build -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" \
    >proj.log 2>&1 && cmake --build proj/build >>proj.log 2>&1; then
    runs cmake-wasi-vfs-limits proj/build/config.wasm
else
    fail cmake-wasi-vfs-limits "$(tail -5 proj.log)"
fi
mkdir -p badproj
cat >badproj/CMakeLists.txt <<EOF2
cmake_minimum_required(VERSION 3.20)
project(badly C)
include(WasiVfs)
add_executable(config "$SRC/config.c")
wasi_vfs_limits(config FILES 12)
EOF2
if cmake -S badproj -B badproj/build -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" \
    >badproj.log 2>&1; then
    fail cmake-bad-argument "configured"
elif grep -qF "wasi_vfs_limits(config): unknown arguments 'FILES;12'" badproj.log; then
    ok cmake-bad-argument
else
    fail cmake-bad-argument "$(grep -A3 'Error' badproj.log | head -5)"
fi
finish
