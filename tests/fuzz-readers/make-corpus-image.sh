#!/bin/sh
# make-corpus-image.sh PACK DIR: writes the seed images of the image fuzzer
# into DIR (the corpus-image/ folder next to this script was made with it),
# with PACK, the wasi-vfs-pack tool: an empty tree, a small tree with every
# kind of entry (files, an empty directory, symlinks, hard links, a long
# name, odd modes and mtimes), a deep and a wide tree, and damaged copies
# (truncated, a table offset out of range, a name with a slash).
set -eu
pack=$1
out=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir -p empty t/dir/empty t/dir/sub deep wide
printf 'hello\n' >t/a.txt
printf 'x%.0s' $(seq 1 5000) >t/dir/sub/five-thousand
ln -s dir/sub/five-thousand t/link
ln -s /tmp t/abs
ln t/a.txt t/hard
printf 'long\n' >"t/dir/$(printf 'n%.0s' $(seq 1 200))"
chmod 0751 t/dir
chmod 4755 t/a.txt
touch -h -d '1969-12-31 23:59:59' t/link
touch -d '2001-02-03 04:05:06.123456789' t/dir/sub
p=deep
for i in 1 2 3 4 5 6 7 8 9 10; do p=$p/d$i; done
mkdir -p "$p" && printf 'bottom\n' >"$p/f"
for i in $(seq 1 60); do printf '%s\n' "$i" >"wide/f$i"; done
"$pack" --image "$out/empty.img" empty
"$pack" --image "$out/small.img" t
"$pack" --image "$out/two-trees.img" t:/ deep:/opt/deep
"$pack" --image "$out/deep.img" deep
"$pack" --image "$out/wide.img" wide:/w
head -c 200 "$out/small.img" >"$out/truncated.img"
# the root table's offset (bytes 12-15) far outside
cp "$out/small.img" "$out/bad-root.img"
printf '\377\377\377\177' | dd of="$out/bad-root.img" bs=1 seek=12 conv=notrunc 2>/dev/null
# a '/' in the first name the image holds (names follow the tables)
cp "$out/small.img" "$out/slash-name.img"
off=$(grep -abo 'a.txt' "$out/slash-name.img" | head -1 | cut -d: -f1)
printf '/' | dd of="$out/slash-name.img" bs=1 seek="$off" conv=notrunc 2>/dev/null
