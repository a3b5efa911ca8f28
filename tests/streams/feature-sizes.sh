#!/bin/sh
# feature-sizes.sh BIN SRC WORK REPORT: what each optional part of
# wasm32-wasi-vfs (libc-overlay/README.md) adds to a program that opens
# files. The overlay's size programs (tests/overlay/size/tiny.c and most.c)
# are linked for wasm32-wasi-vfs with -Oz -Wl,--strip-all, without and with
# the part's driver option; each row is the difference. Writes the table to
# REPORT (markdown) and stdout; fails when a part goes over its budget
# (bytes, for tiny.c), or when a part changes the size of a program linked
# without it (every option off must give the bytes of the plain link).
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
tiny0=$(size tiny) most0=$(size most) || exit 1
{
    echo "| part (driver option) | tiny.c bytes | most.c bytes | budget (tiny) |"
    echo "|---|---:|---:|---:|"
    echo "| none: tiny.c $tiny0 bytes, most.c $most0 bytes | 0 | 0 | 0 |"
} >"$REPORT"
row() { # NAME BUDGET OPTIONS...
    name=$1 budget=$2
    shift 2
    t=$(( $(size tiny "$@") - tiny0 )) m=$(( $(size most "$@") - most0 )) || exit 1
    echo "| $name (\`$*\`) | $t | $m | $budget |" >>"$REPORT"
    if [ "$budget" != - ] && [ "$t" -gt "$budget" ]; then
        echo "FAIL $name: $t bytes, budget $budget" >&2
        status=1
    fi
}
row "file image: slot, mount, lazy directories, copy on write" 3000 --vfs-image
row "files through streams: configuration, bindings, tar import and export" 20000 --vfs-streams
row "embedder exports" 2500 --vfs-exports
row "all of them" - --vfs-image --vfs-streams --vfs-exports
cat "$REPORT"
exit $status
