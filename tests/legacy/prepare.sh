#!/bin/sh
# prepare.sh TREE DEST [PATCH...]
#
# Copies the unpacked Debian source tree TREE (the cache's, which stays
# untouched) to DEST, replacing DEST, and takes the named Debian patches
# (files of TREE/debian/patches, in the order given) back out of the copy
# with patch -R. Only patches that turn the upstream build into Debian's
# packaging build (shared libraries, libtool, install paths) are taken
# out, so that the upstream build system builds the program as its README
# says; source patches (security fixes) stay.
# Exit status: 0, 1 when a step fails (message on stderr), 2 bad usage.
set -u
[ $# -ge 2 ] || { echo "usage: prepare.sh TREE DEST [PATCH...]" >&2; exit 2; }
tree=$1 dest=$2
shift 2
[ -d "$tree" ] || { echo "prepare.sh: no source tree at $tree" >&2; exit 2; }
# TREE may be a symbolic link (<build>/debian/<package>): its contents are
# copied, never the link. The copy keeps the files' times, so that what the
# release generated (configure, Makefile.in, parsers) stays as new as its
# sources and the build does not try to generate it again (with autoconf,
# automake or bison, which a build needs no more than the release did).
rm -rf "$dest" && mkdir -p "$dest" && cp -Rp "$tree/." "$dest/" || {
    echo "prepare.sh: cannot copy $tree to $dest" >&2; exit 1; }
for p in "$@"; do
    f="$dest/debian/patches/$p"
    [ -f "$f" ] || { echo "prepare.sh: no Debian patch $p in $tree" >&2; exit 1; }
    patch -s -R -p1 -d "$dest" <"$f" || {
        echo "prepare.sh: cannot take $p out of $dest" >&2; exit 1; }
done
