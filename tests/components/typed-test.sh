#!/bin/sh
# typed-test.sh BIN EXAMPLES NODE JCO WORKDIR: wasm32-wasip2-io's typed
# function (io/libc/wasip2/README.md) on examples/wc, shrink and gzip:
#   - each component's WIT exports exactly the function its WASI_IO_MAIN
#     declares (one borrowed stream per declared stream, named after its
#     type) beside wasi:cli/run, and imports wasi:io, wasi:cli, wasi:clocks
#     and wasi:random only;
#   - wasi-run-component COMPONENT INPUT... -o OUTPUT [-- ARGS] gives the
#     output of the native build (`PROGRAM 3<IN 4>OUT`) byte for byte, with
#     files and with "-" (stdin, stdout); the function's status is the
#     runner's;
#   - a Node program of its own over `jco transpile` (typed-host.mjs) does
#     the same;
#   - bad command lines are 2, an input that cannot be read 66, an output
#     that cannot be made 73, a failing function writes no output and
#     leaves an existing one as it was; run as a command (jco run), the
#     component says which stream is missing and how to run it;
#   - fopen is a compile error that names the component triples that
#     have it;
#   - a component that imports more than wasi:io, wasi:cli, wasi:clocks,
#     wasi:random (wasi:sockets), or whose main does not take the streams
#     its wasi-io-main section declares (hostile-typed.mjs), is refused
#     (126) with one line and writes nothing;
#   - a typed function recursing 20,000 deep runs (the runner's stack), an
#     input named through a link is read, an output the shim cannot open
#     is one line; a WASI_IO_MAIN program of wasm32-wasip2-vfs, which has
#     no typed function, runs as the command it is.
set -u
[ $# -eq 5 ] || { echo "usage: $0 BIN EXAMPLES NODE JCO WORKDIR" >&2; exit 2; }
BIN=$1 EX=$2 NODE=$3 JCO=$4
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../support/checks.sh"
mkdir -p "$5" && cd "$5" || exit 2
RUN=$BIN/wasi-run-component
WC=$EX/wc/wc-stream.wasm32-wasip2-io.wasm
SHRINK=$EX/shrink/shrink-stream.wasm32-wasip2-io.wasm
GZIP=$EX/gzip/gzip-stream.wasm32-wasip2-io.wasm
[ -f "$GZIP" ] || GZIP=

# expect NAME STATUS WANT_STATUS [TEXT FILE]: the status, and TEXT in FILE.
expect() {
    if [ "$2" != "$3" ]; then fail "$1" "status $2, want $3: $(head -c 300 err 2>/dev/null)"
    elif [ $# -ge 5 ] && ! grep -qF -- "$4" "$5"; then fail "$1" "no '$4' in: $(head -c 300 "$5")"
    else ok "$1"; fi
}
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "$2 and $3 differ"; fi
}

# ---- the WIT ----------------------------------------------------------------
wit_export() {
    name=$1 comp=$2 want=$3
    if ! wit=$("$NODE" "$JCO" wit "$comp" 2>&1); then fail "$name-wit" "jco wit: $wit"; return; fi
    got=$(echo "$wit" | sed -n 's/^ *export main: \(.*\);$/\1/p')
    if [ "$got" = "$want" ]; then ok "$name-wit"; else fail "$name-wit" "export main: '$got', want '$want'"; fi
    echo "$wit" | grep -q 'export wasi:cli/run@0.2.0;' && ok "$name-run-export" ||
        fail "$name-run-export" "no wasi:cli/run export"
}
wit_export wc "$WC" 'func(args: list<string>, text-in: borrow<input-stream>) -> u8'
wit_export shrink "$SHRINK" \
    'func(args: list<string>, image-in: borrow<input-stream>, image-out: borrow<output-stream>) -> u8'
[ -n "$GZIP" ] && wit_export gzip "$GZIP" \
    'func(args: list<string>, data-in: borrow<input-stream>, data-out: borrow<output-stream>) -> u8'
if sh "$HERE/check-imports.sh" "$NODE" "$JCO" "$WC" "$SHRINK" $GZIP >imports.txt 2>&1; then
    ok imports
else
    fail imports "$(grep FAIL imports.txt | head -3)"
fi

# ---- runs against native -------------------------------------------------------
i=0
while [ $i -lt 300 ]; do echo "line $i: the quick brown fox  jumps	over"; i=$((i + 1)); done >text.txt
printf 'no newline at the end' >>text.txt
"$RUN" "$WC" text.txt >wc.out 2>err; expect wc-run $? 0
"$EX/wc/wc-stream" 3<text.txt >wc.native
same wc-native wc.native wc.out
"$RUN" "$WC" - <text.txt >wc.stdin 2>err; expect wc-stdin $? 0
same wc-stdin-native wc.native wc.stdin
"$RUN" "$WC" text.txt -- '' x '' >wc.empty 2>err; expect wc-empty-arguments $? 0
same wc-empty-arguments-native wc.native wc.empty

# a P5 image, 37 x 23, maxval 255
{ printf 'P5\n37 23\n255\n'; i=0; while [ $i -lt 851 ]; do printf "\\$(printf %o $((i * 7 % 256)))"; i=$((i + 1)); done; } >in.pgm
"$RUN" "$SHRINK" in.pgm -o small.pgm -- -f 3 2>err; expect shrink-run $? 0
"$EX/shrink/shrink-stream" -f 3 3<in.pgm 4>small.native
same shrink-native small.native small.pgm
"$RUN" "$SHRINK" - -o - <in.pgm >small.stdout 2>err; expect shrink-stdio $? 0
"$EX/shrink/shrink-stream" 3<in.pgm 4>half.native
same shrink-stdio-native half.native small.stdout

if [ -n "$GZIP" ]; then
    "$RUN" "$GZIP" text.txt -o text.gz -- -9 2>err; expect gzip-run $? 0
    "$EX/gzip/gzip-stream" -9 3<text.txt 4>text.gz.native
    same gzip-native text.gz.native text.gz
    "$RUN" "$GZIP" text.gz -o back.txt -- -d 2>err; expect gunzip-run $? 0
    same gunzip-roundtrip text.txt back.txt
fi

# ---- a Node program of its own, over jco transpile ------------------------------
rm -rf js && mkdir -p js/node_modules/@bytecodealliance
ln -s "$(cd "$(dirname "$JCO")/../../preview2-shim" && pwd)" js/node_modules/@bytecodealliance/preview2-shim
if "$NODE" "$JCO" transpile "$SHRINK" -o js --name shrink --no-typescript >transpile.txt 2>&1; then
    ok transpile
    echo '{"type":"module"}' >js/package.json
    "$NODE" "$HERE/typed-host.mjs" js shrink in.pgm host.pgm -f 3 >host.txt 2>err
    expect host-run $? 0 'status 0' host.txt
    same host-native small.native host.pgm
    # no arguments at all (argc 0): shrink answers with its usage, status 1
    "$NODE" "$HERE/typed-host.mjs" js - in.pgm host0.pgm >host.txt 2>err
    expect host-no-arguments $? 0 'status 1' host.txt
    grep -q 'shrink: usage' err && ok host-no-arguments-usage || fail host-no-arguments-usage "$(cat err)"
else
    fail transpile "$(head -3 transpile.txt)"
fi

# ---- errors -----------------------------------------------------------------------
"$RUN" "$SHRINK" in.pgm 2>err; expect missing-output $? 2 'missing -o for output 1 (image)' err
"$RUN" "$SHRINK" in.pgm -o a.pgm extra.pgm 2>err; expect extra-input $? 2 'extra input extra.pgm' err
grep -q 'usage: wasi-run-component ' err && ok usage-names-runner || fail usage-names-runner "$(cat err)"
"$RUN" "$SHRINK" no-such.pgm -o a.pgm 2>err; expect unreadable-input $? 66 'no-such.pgm: cannot open input' err
"$RUN" "$SHRINK" in.pgm -o no/such/dir.pgm 2>err; expect uncreatable-output $? 73 'cannot create output' err
echo 'keep me' >kept.pgm
echo 'P5 not an image' >bad.pgm
"$RUN" "$SHRINK" bad.pgm -o kept.pgm 2>err; expect failing-function $? 1 'kept.pgm: not written' err
grep -qx 'keep me' kept.pgm && ok failing-function-keeps-output || fail failing-function-keeps-output "kept.pgm changed"
ls -a | grep -q '\.wasi-run-' && fail no-temporaries "$(ls -a | grep wasi-run-)" || ok no-temporaries
"$NODE" "$JCO" run "$WC" </dev/null >cmd.out 2>err; expect command-mode $? 1 \
    'input 1 (text) is host descriptor 3, which was not provided' err
grep -qF 'run it as: wasi-run-component COMPONENT INPUT... -o OUTPUT...' err &&
    ok command-mode-hint || fail command-mode-hint "$(cat err)"

# ---- no file names: the compiler says so, naming the component triples -----------
printf '#include <stdio.h>\nint main(void) { return fopen("x", "r") != 0; }\n' >fopen.c
"$BIN/wasm32-wasip2-io-clang" -c fopen.c -o fopen.o 2>err
expect no-file-names $? 1 "'fopen' is unavailable: unavailable on wasm32-wasip2-io, which has no file names; wasm32-wasip2-vfs and wasm32-wasip2 have it (or pass streams: <wasi_io.h>)" err

# ---- components a typed runner refuses (typed-copy.c) ------------------------------
API=$(dirname "$JCO")/api.js
if "$BIN/wasm32-wasip2-io-clang" -Oz -DUSE_SOCKETS "$HERE/typed-copy.c" -o sock.wasm 2>err; then
    "$RUN" sock.wasm text.txt -o s.txt 2>err
    expect refuses-sockets $? 126 'a typed component imports wasi:sockets' err
    [ -e s.txt ] && fail refuses-sockets-writes-nothing "s.txt made" || ok refuses-sockets-writes-nothing
else
    fail refuses-sockets "cannot build: $(head -3 err)"
fi
if "$BIN/wasm32-wasip2-io-clang" -O0 -fuse-ld=lld "$HERE/typed-copy.c" -o copy.core.wasm 2>err &&
   "$NODE" "$HERE/hostile-typed.mjs" "$API" copy.core.wasm mismatch.wasm 2>err; then
    "$RUN" mismatch.wasm text.txt -o m.txt 2>err
    expect refuses-mismatch $? 126 'its main does not take the streams its wasi-io-main section declares' err
    [ -e m.txt ] && fail refuses-mismatch-writes-nothing "m.txt made" || ok refuses-mismatch-writes-nothing
else
    fail refuses-mismatch "cannot build: $(head -3 err)"
fi
"$BIN/wasm32-wasip2-io-clang" -Oz "$HERE/typed-copy.c" -o copy.wasm 2>err &&
    "$RUN" copy.wasm text.txt -o copy.txt 2>err
expect copy-run $? 0
same copy-same text.txt copy.txt
"$RUN" copy.wasm text.txt -o deep.txt -- deep 20000 2>err; expect deep-recursion $? 0
same deep-recursion-copy text.txt deep.txt
ln -sf text.txt link.txt
"$RUN" copy.wasm link.txt -o linked.txt 2>err; expect input-through-a-link $? 0
same input-through-a-link-copy text.txt linked.txt
"$RUN" copy.wasm text.txt -o /dev/stdout 2>err | cat >/dev/null
st=$(sed -n 1p err | grep -c 'wasi-run-component: /dev/stdout: cannot open output: ')
[ "$st" = 1 ] && ok pipe-through-a-link-is-one-line || fail pipe-through-a-link-is-one-line "$(cat err)"
grep -q 'Error\|    at ' err && fail no-stack-traces "$(cat err)" || ok no-stack-traces
# WASI_IO_MAIN on wasm32-wasip2-vfs has the section but no typed function:
# a command, which says its streams are missing; nothing is left behind
"$BIN/wasm32-wasip2-vfs-clang" -O2 "$HERE/typed-copy.c" -o copy.vfs.wasm 2>err &&
    "$RUN" copy.vfs.wasm text.txt -o vfs.txt 2>err
expect vfs-is-a-command $? 1 'input 1 (text) is host descriptor 3, which was not provided' err
ls -a | grep -q '\.wasi-run-' && fail vfs-no-temporaries "$(ls -a | grep wasi-run-)" || ok vfs-no-temporaries
finish
