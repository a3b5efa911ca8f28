#!/bin/sh
# feature-sizes.sh BIN SRC WORK REPORT: what the transfer of files (the file
# image slot and mount, WASI_VFS_IN/BIND/OUT with the tar reader and
# writer; in every wasm32-wasi-vfs module by default) and the embedder
# exports add to a program that opens files. The overlay's size programs
# (tests/overlay/size/tiny.c and most.c) are linked for wasm32-wasi-vfs
# with -Oz -Wl,--strip-all and --vfs-no-transfer (the bare minimum), then
# as by default, then with --vfs-exports; each row is the difference from
# the bare minimum. Writes the table to REPORT (markdown) and stdout; fails
# when a part goes over its budget (bytes, for tiny.c).
set -u
BIN=$1 SRC=$2 WORK=$3 REPORT=$4
mkdir -p "$WORK" && cd "$WORK" || exit 2
size() { # PROGRAM OPTIONS...
    prog=$1
    shift
    "$BIN/wasm32-wasi-vfs-clang" -Oz -Wl,--strip-all "$SRC/$prog.c" "$@" \
        -o "$prog.wasm" >build.log 2>&1 || {
        echo "FAIL: $prog.c $*: $(tail -3 build.log)" >&2
        exit 1
    }
    stat -c %s "$prog.wasm"
}
status=0
tiny0=$(size tiny --vfs-no-transfer) most0=$(size most --vfs-no-transfer) || exit 1
{
    echo "| part (driver option) | tiny.c bytes | most.c bytes | budget (tiny) |"
    echo "|---|---:|---:|---:|"
    echo "| bare minimum (\`--vfs-no-transfer\`): tiny.c $tiny0 bytes, most.c $most0 bytes | 0 | 0 | 0 |"
} >"$REPORT"
row() { # NAME BUDGET OPTIONS...
    name=$1 budget=$2
    shift 2
    t=$(( $(size tiny "$@") - tiny0 )) m=$(( $(size most "$@") - most0 )) || exit 1
    echo "| $name (\`${*:-default}\`) | $t | $m | $budget |" >>"$REPORT"
    if [ "$budget" != - ] && [ "$t" -gt "$budget" ]; then
        echo "FAIL $name: $t bytes, budget $budget" >&2
        status=1
    fi
}
# (+1,600 for the export's sparse files: the hole walk and PAX sparse 1.0)
row "files in and out: image slot and mount, configuration, bindings, tar import and export" 22400
row "embedder exports too" 23600 --vfs-exports
cat "$REPORT"
exit $status
