#!/bin/sh
# test-wc.sh RUNNER EXAMPLES TESTGEN WORKDIR
#
# examples/wc end to end: every build (stream on the three triples, files
# on wasm32-wasi and wasm32-wasi-vfs, both natively) counts the same as
# `LC_ALL=C wc` on empty, text, binary and odd inputs.
set -u
[ $# -eq 4 ] || { echo "usage: $0 RUNNER EXAMPLES TESTGEN WORKDIR" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
RUN=$(absolute "$1") EX=$(absolute "$2")/wc GEN=$(absolute "$3")
mkdir -p "$4" && cd "$4" || exit 2

: >empty.txt
printf 'hello world\n' >one.txt
printf 'no newline at the end' >nonl.txt
printf '   \n\n\t \n\r\v\f' >space.txt
printf 'a\0b \200 c\001d \177x\n' >controls.txt
"$GEN" text 1000000 1 >text.txt
"$GEN" bytes 1000000 2 >bytes.bin
"$GEN" text 300000 3 | tr -d '\n' >oneline.txt

for f in empty.txt one.txt nonl.txt space.txt controls.txt text.txt bytes.bin oneline.txt; do
    want=$(LC_ALL=C wc -l -w -c <"$f" | awk '{print $1, $2, $3}')
    for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
        check "stream-$t-$f" "$("$RUN" "$EX/wc-stream.$t.wasm" "$f" 2>&1)" "$want"
    done
    check "files-wasm32-wasi-$f" \
        "$("$RUN" --dir .::/d "$EX/wc-files.wasm32-wasi.wasm" "/d/$f" 2>&1)" "$want /d/$f"
    check "files-wasm32-wasi-vfs-stdin-$f" \
        "$("$RUN" "$EX/wc-files.wasm32-wasi-vfs.wasm" <"$f" 2>&1)" "$want"
    check "native-files-$f" "$("$EX/wc-files" "$f" 2>&1)" "$want $f"
    check "native-stream-$f" "$("$EX/wc-stream" 3<"$f" 2>&1)" "$want"
done

# Several files and a total, as wc prints them.
want=$(LC_ALL=C wc -l -w -c one.txt nonl.txt | awk '{print $1, $2, $3, $4}')
check files-wasm32-wasi-several \
    "$("$RUN" --dir .::. "$EX/wc-files.wasm32-wasi.wasm" one.txt nonl.txt 2>&1)" "$want"

run_status files-missing 1 'wc: /d/nothere.txt: No such file or directory' \
    "$RUN" --dir .::/d "$EX/wc-files.wasm32-wasi.wasm" /d/nothere.txt
run_status stream-missing-input 2 \
    "wasi-run: $EX/wc-stream.wasm32-wasi-io.wasm: missing input 1 (text): the module takes 1 input and 0 outputs${nl}wasi-run: usage: wasi-run $EX/wc-stream.wasm32-wasi-io.wasm TEXT [-- ARGS...]" \
    "$RUN" "$EX/wc-stream.wasm32-wasi-io.wasm"
# WASI_IO_MAIN reads up to 64 arguments (argv[0] included) without malloc, and
# wc links none.
many=$(seq 1 63)
# shellcheck disable=SC2086
check stream-64-args "$("$RUN" "$EX/wc-stream.wasm32-wasi-io.wasm" one.txt -- $many 2>&1)" "1 2 12"
# shellcheck disable=SC2086
run_status stream-too-many-args 2 \
    'program: cannot read the arguments: over 64 or 4096 bytes, and no malloc linked' \
    "$RUN" "$EX/wc-stream.wasm32-wasi-io.wasm" one.txt -- $many 64
mkdir -p adir
run_status stream-directory-input 66 'wasi-run: adir: cannot open input: is a directory' \
    "$RUN" "$EX/wc-stream.wasm32-wasi-io.wasm" adir
finish
