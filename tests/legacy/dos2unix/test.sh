#!/bin/sh
# dos2unix/test.sh OUT BIN WORK
#
# dos2unix and unix2dos, built by dos2unix/build.sh, on dos2unix's own
# test files, compared with the native build (test-lib.sh): the files go
# into the wasm32-wasi-vfs module with `wasi-run --in` and the results come
# back with `--out` (VFS_FILES=1); on wasm32-wasi through a preopened
# folder. Conversions to a new file (-n) both ways, Mac line breaks, UTF-16
# to UTF-8, in place (dos2unix writes a temporary file and renames it over
# the original), stdin to stdout, -i (line break counts), and a binary file
# and a missing file (one message each, dos2unix's exit status). The
# conversions must give dos2unix's reference files natively.
set -u
[ $# -eq 3 ] || { echo "usage: dos2unix/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
t=$OUT/native/src/test
VFS_FILES=1
TRIPLES=wasm32-wasi-vfs' wasm32-wasi'
# dos2unix's temporary files have random names (mkstemp).
TIDY='s/d2utmp[A-Za-z0-9]\{6\}/d2utmpXXXXXX/g'

mkdir -p "$WORK/seed" && (cd "$t" && cp dos.txt unix.txt mac.txt mixed.txt \
    utf16le.txt utf8unix.txt dos_bin.txt "$WORK/seed/") || exit 2
SEED=$WORK/seed

# reference CHECK FILE REF: native's FILE of CHECK is dos2unix's REF.
reference() {
    if cmp -s "$WORK/$1/native/$2" "$t/$3"; then
        ok "$1 gives $3"
    else
        fail "$1 gives $3" "native $2 differs from test/$3"
    fi
}

compare to-unix /dev/null dos2unix -n dos.txt out.txt
reference to-unix out.txt unix.txt
compare to-dos /dev/null unix2dos -n unix.txt out.txt
reference to-dos out.txt dos.txt
compare from-mac /dev/null dos2unix -c mac -n mac.txt out.txt
reference from-mac out.txt unix.txt
compare utf16 /dev/null dos2unix -n utf16le.txt out.txt
reference utf16 out.txt utf8unix.txt
compare in-place /dev/null dos2unix mixed.txt dos.txt
reference in-place dos.txt unix.txt
compare stdin "$t/dos.txt" dos2unix
compare info /dev/null dos2unix -i dos.txt unix.txt mac.txt mixed.txt
compare binary /dev/null dos2unix dos_bin.txt
compare missing /dev/null dos2unix absent.txt
finish
