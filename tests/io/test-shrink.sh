#!/bin/sh
# test-shrink.sh RUNNER EXAMPLES TESTGEN WORKDIR
#
# examples/shrink end to end: images made by testgen (P2, P3, P5, P6; 1x1
# and odd sizes; maxval 1 to 65535) shrunk by several factors; every
# result is checked by testgen's independent box filter, and equals the
# native build's byte for byte; every build agrees; a malformed header
# gets its exact message.
set -u
[ $# -eq 4 ] || { echo "usage: $0 RUNNER EXAMPLES TESTGEN WORKDIR" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
RUN=$(absolute "$1") EX=$(absolute "$2")/shrink GEN=$(absolute "$3")
mkdir -p "$4" && cd "$4" || exit 2
IO=$EX/shrink-stream.wasm32-wasi-io.wasm

# shrink_case FORMAT W H MAXVAL FACTOR [all]: with "all", every build too.
shrink_case() {
    f=$1 w=$2 h=$3 m=$4 k=$5
    name="P$f-${w}x$h-$m-f$k"
    "$GEN" pnm "$f" "$w" "$h" "$m" $((w * 7 + h)) >in.pnm
    rm -f io.pnm
    "$RUN" "$IO" in.pnm -o io.pnm -- -f "$k" 2>err
    st=$?
    if [ "$st" != 0 ]; then
        fail "$name" "status $st: $(head -c 300 err)"
        return
    fi
    if "$GEN" check-shrink "$k" in.pnm io.pnm 2>err; then ok "$name-reference"; else
        fail "$name-reference" "$(head -c 300 err)"; fi
    "$EX/shrink-files" -f "$k" in.pnm native.pnm
    same_file "$name-native" native.pnm io.pnm
    [ "${6:-}" = all ] || return
    for t in wasm32-wasi wasm32-wasi-vfs; do
        rm -f s.pnm
        "$RUN" "$EX/shrink-stream.$t.wasm" in.pnm -o s.pnm -- -f "$k"
        same_file "$name-stream-$t" io.pnm s.pnm
    done
    rm -f host/out.pnm && mkdir -p host && cp in.pnm host/
    "$RUN" --dir host::/h "$EX/shrink-files.wasm32-wasi.wasm" -f "$k" /h/in.pnm /h/out.pnm
    same_file "$name-files-wasm32-wasi" io.pnm host/out.pnm
    "$RUN" "$EX/shrink-files.wasm32-wasi-vfs.wasm" -f "$k" - - <in.pnm >vfs.pnm
    same_file "$name-files-wasm32-wasi-vfs" io.pnm vfs.pnm
    "$EX/shrink-stream" -f "$k" 3<in.pnm 4>nstream.pnm
    same_file "$name-native-stream" io.pnm nstream.pnm
}

for f in 2 3 5 6; do
    shrink_case $f 1 1 255 2 all
    shrink_case $f 1 1 65535 3
    shrink_case $f 2 2 1 2
    shrink_case $f 3 5 255 2
    shrink_case $f 17 13 255 2 all
    shrink_case $f 17 13 1000 3
    shrink_case $f 101 77 65535 2 all
    shrink_case $f 7 7 255 7
    shrink_case $f 7 7 256 9
    shrink_case $f 5 9 255 1
done
shrink_case 5 640 1 255 2
shrink_case 5 1 480 255 2
shrink_case 6 640 480 255 2 all
shrink_case 6 641 479 65535 4
shrink_case 5 640 480 255 8

# The default factor is 2.
"$GEN" pnm 5 9 9 255 1 >in.pnm
"$RUN" "$IO" in.pnm -o default.pnm
"$RUN" "$IO" in.pnm -o two.pnm -- -f 2
same_file default-factor-2 two.pnm default.pnm

# bad_header NAME CONTENT MESSAGE: the stream build and the native files
# build both refuse CONTENT with MESSAGE, status 1, and write nothing.
bad_header() {
    printf "$2" >bad.pnm
    rm -f never.pnm
    run_status "$1" 1 "shrink: $3${nl}wasi-run: never.pnm: not written: $IO exited with status 1" \
        "$RUN" "$IO" bad.pnm -o never.pnm
    [ -e never.pnm ] && fail "$1-no-output" "never.pnm was written"
    run_status "$1-native" 1 "shrink: $3" "$EX/shrink-files" bad.pnm never.pnm
}
bad_header empty '' 'bad PNM header: empty input'
bad_header not-pnm 'GIF89a' 'bad PNM header: not a PNM image (no P2, P3, P5 or P6 at the start)'
bad_header p7 'P7\nWIDTH 1\n' 'bad PNM header: P7 is not supported (only P2, P3, P5 and P6)'
bad_header p4 'P4\n1 1\n\0' 'bad PNM header: P4 is not supported (only P2, P3, P5 and P6)'
bad_header no-space 'P5x' 'bad PNM header: no white space after the magic number'
bad_header width-0 'P5\n0 5\n255\n' 'bad PNM header: width is not in 1..16777216'
bad_header width-huge 'P5\n99999999999 5\n255\n' 'bad PNM header: width is not in 1..16777216'
bad_header height-nan 'P5\n3 x\n255\n' 'bad PNM header: height is not a number'
bad_header maxval-70000 'P5\n3 3\n70000\n' 'bad PNM header: maxval is not in 1..65535'
bad_header maxval-0 'P2\n3 3\n0\n' 'bad PNM header: maxval is not in 1..65535'
bad_header no-maxval 'P5\n3 3\n' 'bad PNM header: no maxval (input ends)'
bad_header maxval-at-end 'P5\n3 3\n255' 'bad PNM header: input ends after the maxval'
bad_header comment-at-end 'P5\n3 3\n255#' 'bad PNM header: input ends in a comment'
bad_header short-data 'P5\n2 2\n255\n\1\2\3' 'image data ends early (row 2 of 2)'
bad_header short-wide 'P5\n1 1\n300\n\1' 'image data ends early (row 1 of 1)'
bad_header over-maxval 'P2\n2 1\n10\n5 11\n' 'a sample in row 1 is over maxval 10'
bad_header raw-over-maxval 'P5\n1 2\n10\n\1\13' 'a sample in row 2 is over maxval 10'
bad_header plain-junk 'P3\n1 1\n255\n1 2 x\n' 'a sample in row 1 is not a number'
bad_header plain-huge 'P2\n1 1\n255\n99999999\n' 'a sample in row 1 is over maxval 255'

# Comments in the header, and one right after maxval.
printf 'P2 # a\n# b\n2 # c\n1\n9# d\n1 8\n' >comment.pnm
"$RUN" "$IO" comment.pnm -o - -- -f 2 >out 2>err
check comments "$(cat out)" "P2${nl}1 1${nl}9${nl}5"
printf 'P5\n1 1\n255#x\nA' >comment5.pnm
"$RUN" "$IO" comment5.pnm -o - -- -f 1 >out 2>err
check comment-after-maxval "$(od -An -c out | tr -d ' \n')" 'P5\n11\n255\nA'

# More arguments than WASI_IO_MAIN keeps without malloc: shrink links malloc.
# shellcheck disable=SC2046
run_status many-args 1 "shrink: usage: shrink-stream [-f FACTOR] (after --)${nl}wasi-run: x.pnm: not written: $IO exited with status 1" \
    "$RUN" "$IO" comment.pnm -o x.pnm -- $(seq 1 100)
run_status bad-factor 1 "shrink: bad factor 0${nl}wasi-run: x.pnm: not written: $IO exited with status 1" \
    "$RUN" "$IO" comment.pnm -o x.pnm -- -f 0
finish
