#!/bin/sh
# debian-source.sh PACKAGE CACHE_DIR [LINK]
# debian-source.sh --check PACKAGE CACHE_DIR
# debian-source.sh --setup
#
# Fetches and unpacks the Debian source package PACKAGE (apt-get source,
# verified by dpkg-source against the archive's signed index) into
# CACHE_DIR/PACKAGE/, once: later calls use the cache and need no network.
# With LINK, makes LINK a symbolic link to the unpacked tree. Prints the
# tree's path. For the legacy code the tests build; nothing fetched is ever
# copied into the repository. Every version the source index lists is
# tried, newest first, until one can be fetched (an archive may list a
# version whose files it no longer serves); the one used is named on
# stderr. tests/support/test-debian-source.sh checks this with a fake apt.
#
# --check exits 0 when PACKAGE is cached or can be fetched without asking
# the network first (a deb-src entry is configured and dpkg-source is
# installed), 1 otherwise; it changes nothing.
#
# When no deb-src entry is configured and this runs as root, it adds them
# for the archives the system already uses (deb822 debian.sources, or the
# deb lines of sources.list) and runs apt-get update; --setup does only
# that (install-deps.sh calls it). Otherwise it stops and says how to fix
# it. Exit status: 0 done, 1 cannot fetch (message on stderr), 2 bad usage.
set -u
me=debian-source.sh
lists=/etc/apt/sources.list.d

# Adds deb-src entries mirroring the deb ones, when there are none and we
# are root. Returns 1 when it cannot.
add_deb_src() {
    if grep -Eqs '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list "$lists"/*; then
        return 0
    fi
    [ "$(id -u)" = 0 ] || return 1
    if [ -f "$lists/debian.sources" ]; then
        echo "$me: adding deb-src entries ($lists/debian-src.sources)" >&2
        sed 's/^Types:.*/Types: deb-src/' "$lists/debian.sources" \
            >"$lists/debian-src.sources" || return 1
    elif grep -qs '^deb ' /etc/apt/sources.list; then
        echo "$me: adding deb-src entries ($lists/debian-src.list)" >&2
        sed -n 's/^deb /deb-src /p' /etc/apt/sources.list \
            >"$lists/debian-src.list" || return 1
    else
        return 1
    fi
    apt-get update -q >&2
}

if [ "${1:-}" = --setup ] && [ $# -eq 1 ]; then
    add_deb_src || { echo "$me: cannot add deb-src entries (not root, or no Debian archive in apt's sources)" >&2; exit 1; }
    exit 0
fi

usage() { echo "usage: $me [--check] PACKAGE CACHE_DIR [LINK] | --setup" >&2; exit 2; }
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
[ $# -ge 2 ] && [ $# -le 3 ] || usage
pkg=$1 cache=$2 link=${3:-}
case $pkg in ''|*/*|.*) usage ;; esac
dest=$cache/$pkg

finish() {
    if [ -n "$link" ]; then
        mkdir -p "$(dirname "$link")" && ln -sfn "$dest/tree" "$link" || exit 1
    fi
    echo "$dest/tree"
    exit 0
}

[ -f "$dest/tree/.complete" ] && { [ $check = 1 ] && exit 0; finish; }

# A deb-src entry for PACKAGE: apt-get source --print-uris reads only the
# local index, never the network.
have_deb_src() {
    apt-get source --print-uris "$pkg" 2>/dev/null | grep -q "^'.*\.dsc' "
}

if [ $check = 1 ]; then
    command -v dpkg-source >/dev/null 2>&1 && have_deb_src && exit 0
    exit 1
fi

fail() {
    echo "$me: cannot fetch the Debian source of $pkg: $1" >&2
    shift
    for line in "$@"; do echo "$me:   $line" >&2; done
    exit 1
}

command -v apt-get >/dev/null 2>&1 ||
    fail "apt-get not found" "this needs Debian (or a derivative) with apt"
command -v dpkg-source >/dev/null 2>&1 ||
    fail "dpkg-source not found" "install it: apt-get install dpkg-dev"

if ! have_deb_src; then
    add_deb_src || true
fi
if ! have_deb_src; then
    grep -Eqs '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list "$lists"/* &&
        fail "apt's source index has no package named $pkg" \
            "update the index (apt-get update, as root) and check the name"
        fail "no deb-src entry for it in apt's sources" \
            "add one and update the index, as root, e.g.:" \
            "  sed 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \\" \
            "    >/etc/apt/sources.list.d/debian-src.sources && apt-get update" \
            "(or a 'deb-src URL SUITE main' line in /etc/apt/sources.list)"
fi

# The versions the source index lists, newest first (dpkg's ordering).
# An archive can list a version whose files it no longer serves (a
# security update whose pool files are gone): each is tried in turn.
versions_newest_first() {
    apt-cache showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p' |
        sort -u | {
        sorted=
        while read -r v; do
            out= placed=0
            for s in $sorted; do
                if [ $placed = 0 ] && dpkg --compare-versions "$v" gt "$s"; then
                    out="$out $v" placed=1
                fi
                out="$out $s"
            done
            [ $placed = 1 ] || out="$out $v"
            sorted=$out
        done
        for s in $sorted; do echo "$s"; done
    }
}

mkdir -p "$cache" || fail "cannot create $cache"
work=$(mktemp -d "$cache/.$pkg.XXXXXX") || fail "cannot write to $cache"
trap 'rm -rf "$work"' EXIT
versions=$(versions_newest_first)
[ -n "$versions" ] || versions=-
tried=
for version in $versions; do
    spec=$pkg
    [ "$version" = - ] || spec="$pkg=$version"
    rm -rf "$work/try" && mkdir "$work/try" || fail "cannot write to $work"
    if (cd "$work/try" && apt-get source -q "$spec" >log 2>&1); then
        tree=$(find "$work/try" -mindepth 1 -maxdepth 1 -type d | head -1)
        [ -n "$tree" ] || fail "apt-get source $spec unpacked nothing"
        [ "$version" = - ] || echo "$me: $pkg: using version $version" >&2
        break
    fi
    tree=
    mv "$work/try/log" "$work/log.$(echo "$version" | tr -c 'A-Za-z0-9.+~-' _)"
    tried="$tried $version"
done
if [ -z "$tree" ]; then
    for log in "$work"/log.*; do sed 's/^/  /' "$log" >&2; done
    fail "apt-get source $pkg failed for every listed version:$tried (see above)" \
        "no network to the Debian archive? Once fetched, the cache is used:" \
        "  $dest"
fi
touch "$tree/.complete"
rm -rf "$dest"
mkdir -p "$dest" && mv "$tree" "$dest/tree" || fail "cannot write to $dest"
finish
