#!/bin/sh
# test-gzip.sh RUNNER EXAMPLES TESTGEN WORKDIR
#
# examples/gzip end to end: what every build compresses, `gzip -d` restores
# exactly (and all builds, native included, write the same bytes); what
# gzip compresses (with a file name, several members), every build
# restores; damaged input gets its exact message.
set -u
[ $# -eq 4 ] || { echo "usage: $0 RUNNER EXAMPLES TESTGEN WORKDIR" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
RUN=$(absolute "$1") EX=$(absolute "$2")/gzip GEN=$(absolute "$3")
mkdir -p "$4" && cd "$4" || exit 2
IO=$EX/gzip-stream.wasm32-wasi-io.wasm
command -v gzip >/dev/null 2>&1 || { echo "FAIL gzip: gzip not installed"; exit 1; }

: >empty.dat
printf 'hello, gzip\n' >small.dat
"$GEN" text 1000000 5 >text.dat
"$GEN" bytes 1000000 6 >bytes.dat
seq 1 300000 >seq.dat
mkdir -p host

for f in empty.dat small.dat text.dat bytes.dat seq.dat; do
    rm -f io.gz
    "$RUN" "$IO" "$f" -o io.gz
    if gzip -t io.gz 2>err && gzip -dc io.gz >back.dat; then
        same_file "gzip-d-$f" "$f" back.dat
    else
        fail "gzip-d-$f" "gzip -t: $(head -c 300 err)"
    fi
    for t in wasm32-wasi wasm32-wasi-vfs; do
        rm -f s.gz
        "$RUN" "$EX/gzip-stream.$t.wasm" "$f" -o s.gz
        same_file "stream-$t-$f" io.gz s.gz
    done
    cp "$f" host/in.dat && rm -f host/out.gz
    "$RUN" --dir host::/h "$EX/gzip-files.wasm32-wasi.wasm" /h/in.dat /h/out.gz
    same_file "files-wasm32-wasi-$f" io.gz host/out.gz
    "$RUN" "$EX/gzip-files.wasm32-wasi-vfs.wasm" <"$f" >vfs.gz
    same_file "files-wasm32-wasi-vfs-$f" io.gz vfs.gz
    "$EX/gzip-files" "$f" native.gz
    same_file "native-$f" io.gz native.gz

    # What gzip wrote (with the file name in the header), back.
    cp "$f" named.dat && rm -f named.dat.gz && gzip -9 named.dat
    rm -f io.dat
    "$RUN" "$IO" named.dat.gz -o io.dat -- -d
    same_file "gunzip-io-$f" "$f" io.dat
    rm -f host/out.dat && cp named.dat.gz host/
    "$RUN" --dir host::/h "$EX/gzip-files.wasm32-wasi.wasm" -d /h/named.dat.gz /h/out.dat
    same_file "gunzip-files-wasm32-wasi-$f" "$f" host/out.dat
    "$RUN" "$EX/gzip-files.wasm32-wasi-vfs.wasm" -d <named.dat.gz >vfs.dat
    same_file "gunzip-files-wasm32-wasi-vfs-$f" "$f" vfs.dat
done

# Levels.
for level in 1 9; do
    rm -f l.gz
    "$RUN" "$IO" text.dat -o l.gz -- "-$level"
    gzip -dc l.gz >back.dat 2>err
    same_file "level-$level" text.dat back.dat
done

# Several members, as `cat a.gz b.gz` makes them; header fields gzip can
# write (name, comment-free, extra via a crafted header).
gzip -c small.dat >m1.gz
gzip -c seq.dat >m2.gz
cat m1.gz m2.gz >multi.gz
cat small.dat seq.dat >multi.dat
rm -f multi.out
"$RUN" "$IO" multi.gz -o multi.out -- -d
same_file members multi.dat multi.out
# FEXTRA + FCOMMENT + FHCRC: a header gzip does not write, built by hand
# around gzip's deflate data and trailer.
printf 'x' | gzip -n >plain.gz
{ printf '\037\213\010\026\0\0\0\0\0\003'; printf '\003\0abc'; printf 'note\0'; printf '\0\0';
  tail -c +11 plain.gz; } >fields.gz
"$RUN" "$IO" fields.gz -o - -- -d >out 2>err
check header-fields "$(cat out)" x

# damaged NAME FILE MESSAGE
damaged() {
    rm -f never.out
    run_status "$1" 1 "gzip: $3${nl}wasi-run: never.out: not written: $IO exited with status 1" \
        "$RUN" "$IO" "$2" -o never.out -- -d
    [ -e never.out ] && fail "$1-no-output" "never.out was written"
}
damaged empty-input empty.dat 'not in gzip format (empty input)'
damaged not-gzip small.dat 'not in gzip format'
head -c 1000 m2.gz >truncated.gz
damaged truncated truncated.gz 'unexpected end of input'
head -c 5 m2.gz >short-header.gz
damaged short-header short-header.gz 'unexpected end of input'
# Flip a byte of the CRC (8 bytes from the end).
size=$(wc -c <m1.gz)
head -c $((size - 8)) m1.gz >crc.gz
printf '\377' >>crc.gz
tail -c 7 m1.gz >>crc.gz
damaged crc crc.gz 'crc error'
head -c $((size - 4)) m1.gz >len.gz
printf '\377\0\0\0' >>len.gz
damaged length len.gz 'length error'
{ cat m1.gz; printf 'junk'; } >garbage.gz
damaged trailing-garbage garbage.gz 'trailing garbage after gzip data'
{ printf '\037\213\011\0\0\0\0\0\0\003'; } >method.gz
damaged method method.gz 'unknown compression method'
{ printf '\037\213\010\0\0\0\0\0\0\003\377\377\377\377'; } >data.gz
damaged bad-data data.gz 'invalid compressed data: invalid block type'
finish
