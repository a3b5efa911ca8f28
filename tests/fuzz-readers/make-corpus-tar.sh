#!/bin/sh
# make-corpus-tar.sh DIR: writes the seed archives of the tar fuzzer into DIR
# (the corpus-tar/ folder next to this script was made with it): a small tree
# archived by GNU tar in each of its formats, plus archives that exercise
# the reader's refusals. Needs GNU tar.
set -eu
out=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir -p t/dir/empty t/dir/sub
printf 'hello\n' > t/a.txt
printf 'x%.0s' $(seq 1 700) > t/dir/sub/seven-hundred
ln -s dir/sub/seven-hundred t/link
ln t/a.txt t/hard
name=$(printf 'n%.0s' $(seq 1 120))
printf 'long\n' > "t/dir/$name"
chmod 0751 t/dir
touch -d '2001-02-03 04:05:06' t/a.txt
for f in gnu posix ustar v7 oldgnu; do
    tar --format=$f -b1 -cf "$out/$f.tar" -C t . 2>/dev/null ||
        tar --format=$f -b1 -cf "$out/$f.tar" -C t a.txt dir/empty
done
tar --format=posix -b1 -cf "$out/pax-absolute.tar" --absolute-names -P t/a.txt
# refusals
mkfifo t/fifo
tar --format=ustar -b1 -cf "$out/fifo.tar" -C t fifo
ln -s / t/up
tar --format=ustar -b1 -cf "$out/symlink-escape.tar" -C t up
head -c 1000 "$out/gnu.tar" > "$out/truncated.tar"
head -c 512 "$out/ustar.tar" > "$out/no-end.tar"
: > "$out/empty.tar"
