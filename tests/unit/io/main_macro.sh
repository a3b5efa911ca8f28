#!/bin/sh
# main_macro.sh PROGRAM WORKDIR: runs the native WASI_IO_MAIN program with its
# streams on descriptors 3 and 4, and without them.
set -u
prog=$1
mkdir -p "$2" && cd "$2" || exit 2
printf 'some text\n' >in.txt
rm -f out.txt
"$prog" END 3<in.txt 4>out.txt || { echo "FAIL: status $?"; exit 1; }
[ "$(cat out.txt)" = "$(printf 'some text\nEND')" ] || { echo "FAIL: output '$(cat out.txt)'"; exit 1; }
"$prog" 3<in.txt 4>&- 2>err.txt
st=$?
want="$prog: output 1 (text) is host descriptor 4, which was not provided
$prog: this program takes streams, not file names; run it as: PROGRAM 3<INPUT 4>OUTPUT... [ARGS...]"
[ "$st" = 2 ] && [ "$(cat err.txt)" = "$want" ] || { echo "FAIL: status $st, stderr '$(cat err.txt)'"; exit 1; }
echo "ok"
