#!/bin/sh
# debian-wasi-libc.sh SUITE DEST
#
# Fetches the wasi-libc package of the Debian suite SUITE (e.g. trixie,
# Debian 13) as a .deb and unpacks it into DEST/root (dpkg-deb -x), for a
# build against another wasi-libc than the installed one:
#   cmake -DWASI_LIBC_INCLUDE=DEST/root/usr/include/wasm32-wasi \
#         -DWASI_LIBC_LIB=DEST/root/usr/lib/wasm32-wasi ...
# (or -DWASI_LIBC_DEBIAN=SUITE, which runs this). Prints DEST/root/usr.
#
# apt works through a private source list and private index and cache
# directories under DEST/apt: the system's apt sources and state are never
# changed, and it needs no root. The source list names SUITE on the Debian
# archive the system's apt already uses (the first deb entry whose URI ends
# in /debian; WASI_DEBIAN_MIRROR overrides it), signed by Debian's archive
# keyring. The .deb is kept in DEST/apt, so a second run needs no network.
# Exit status: 0 done, 1 cannot fetch or unpack (message on stderr), 2 bad
# usage.
set -u
me=debian-wasi-libc.sh
[ $# -eq 2 ] || { echo "usage: $me SUITE DEST" >&2; exit 2; }
suite=$1 dest=$2
case $suite in ''|*[!a-z0-9-]*) echo "$me: not a suite name: $suite" >&2; exit 2 ;; esac

fail() { echo "$me: $*" >&2; exit 1; }

root=$dest/root
if [ -f "$root/.complete" ] && [ "$(cat "$root/.complete")" = "$suite" ]; then
    echo "$root/usr"
    exit 0
fi
for tool in apt-get dpkg-deb; do
    command -v $tool >/dev/null 2>&1 || fail "$tool not found (this needs Debian's apt and dpkg)"
done
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || fail "$keyring not found: apt-get install debian-archive-keyring"

# The Debian archive the system uses: deb822 "URIs:" of a deb entry, or a
# one-line "deb URI suite ..." entry.
mirror_of_system() {
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] || continue
        awk 'BEGIN { RS = ""; FS = "\n" }
             /(^|\n)Types:[^\n]*deb([ \t\n]|$)/ {
                 for (i = 1; i <= NF; i++)
                     if ($i ~ /^URIs:/) {
                         n = split(substr($i, 6), u, /[ \t]+/)
                         for (j = 1; j <= n; j++)
                             if (u[j] ~ /\/debian\/?$/) print u[j]
                     }
             }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -r "$f" ] || continue
        awk '$1 == "deb" {
                 for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) break
                 if ($i ~ /\/debian\/?$/) print $i
             }' "$f"
    done
}
mirror=${WASI_DEBIAN_MIRROR:-$(mirror_of_system | head -1)}
[ -n "$mirror" ] || fail "no Debian archive in apt's sources (set WASI_DEBIAN_MIRROR to one)"

apt=$dest/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" ||
    fail "cannot write to $dest"
printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$mirror" "$suite" \
    >"$apt/sources.list" || fail "cannot write to $apt"
set -- -o "Dir::Etc::sourcelist=$apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" \
    -o Dir::Etc::preferences=/dev/null -o Dir::Etc::preferencesparts=- \
    -o Acquire::Languages=none -o APT::Get::List-Cleanup=0
# As root apt would hand the download to the _apt user, who cannot write
# to a private directory; it does it as root then, and says so.
[ "$(id -u)" = 0 ] && set -- "$@" -o APT::Sandbox::User=root

deb=$(ls "$apt/debs"/wasi-libc_*_all.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
    echo "$me: wasi-libc from $mirror $suite" >&2
    apt-get -q "$@" --error-on=any update >"$apt/update.log" 2>&1 ||
        { cat "$apt/update.log" >&2; fail "apt-get update for $suite failed (no network to $mirror?)"; }
    (cd "$apt/debs" && apt-get -q "$@" download "wasi-libc/$suite") >"$apt/download.log" 2>&1 ||
        { cat "$apt/download.log" >&2; fail "apt-get download wasi-libc ($suite) failed"; }
    deb=$(ls "$apt/debs"/wasi-libc_*_all.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || fail "apt-get download left no wasi-libc .deb in $apt/debs"
fi
rm -rf "$root" && mkdir -p "$root" || fail "cannot write to $root"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x $deb failed"
[ -f "$root/usr/include/wasm32-wasi/stdio.h" ] && [ -f "$root/usr/lib/wasm32-wasi/libc.a" ] ||
    fail "$deb has no usr/include/wasm32-wasi/stdio.h or usr/lib/wasm32-wasi/libc.a"
echo "$me: $(basename "$deb")" >&2
echo "$suite" >"$root/.complete"
echo "$root/usr"
