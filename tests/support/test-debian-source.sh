#!/bin/sh
# Tests debian-source.sh against a fake apt: an index that lists three
# versions of a package of which the newest two cannot be fetched (as when
# the security archive's pool files are gone). The newest fetchable one
# must be used and named; when none can be fetched, the script fails with
# exit status 1, names every version tried, and leaves no cache behind.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/checks.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"

# apt-cache showsrc: three stanzas, out of order, one duplicated.
cat >"$work/bin/apt-cache" <<'FAKE'
#!/bin/sh
[ "$1" = showsrc ] || exit 1
for v in 1:1.2-1 2:0.9-1 1:1.2-1+deb12u1 1:1.2-1; do
    printf 'Package: demo\nVersion: %s\n\n' "$v"
done
FAKE
# apt-get source [--print-uris] demo[=VERSION]: only versions listed in
# $FAKE_OK unpack; the others fail like a 404.
cat >"$work/bin/apt-get" <<'FAKE'
#!/bin/sh
[ "$1" = source ] || exit 1
shift
if [ "$1" = --print-uris ]; then echo "'http://x/demo.dsc' demo.dsc 1 SHA256:0"; exit 0; fi
[ "$1" = -q ] && shift
echo "$1" >>"$FAKE_LOG"
v=${1#demo=}
case " $FAKE_OK " in
    *" $v "*) mkdir "demo-$v" && echo "$v" >"demo-$v/version" ;;
    *) echo "E: Failed to fetch http://x/demo_$v.dsc  404  Not Found"; exit 100 ;;
esac
FAKE
printf '#!/bin/sh\nexit 0\n' >"$work/bin/dpkg-source"
chmod +x "$work/bin"/*
run() {
    FAKE_LOG=$work/log FAKE_OK=$1 PATH="$work/bin:$PATH" \
        sh "$here/debian-source.sh" demo "$work/cache" >"$work/out" 2>"$work/err"
}

: >"$work/log"
if run "1:1.2-1"; then
    tree=$(cat "$work/out")
    if [ "$(cat "$tree/version" 2>/dev/null)" = 1:1.2-1 ]; then
        ok fallback.unpacks-the-fetchable-version
    else
        fail fallback.unpacks-the-fetchable-version "got tree $tree"
    fi
    order=$(tr '\n' ' ' <"$work/log")
    if [ "$order" = "demo=2:0.9-1 demo=1:1.2-1+deb12u1 demo=1:1.2-1 " ]; then
        ok fallback.newest-first-by-epoch
    else
        fail fallback.newest-first-by-epoch "tried: $order"
    fi
    if grep -q 'using version 1:1.2-1$' "$work/err"; then
        ok fallback.names-the-version
    else
        fail fallback.names-the-version "stderr: $(cat "$work/err")"
    fi
else
    fail fallback.unpacks-the-fetchable-version "exit $?: $(cat "$work/err")"
fi

# Cached: no apt call at all.
: >"$work/log"
if run "" && [ ! -s "$work/log" ]; then
    ok cache.used-without-apt
else
    fail cache.used-without-apt "apt calls: $(cat "$work/log")"
fi

rm -rf "$work/cache"
run ""
rc=$?
if [ $rc = 1 ] && grep -q 'failed for every listed version: 2:0.9-1 1:1.2-1+deb12u1 1:1.2-1' "$work/err" &&
    [ "$(ls -A "$work/cache")" = "" ]; then
    ok none-fetchable.fails-whole
else
    fail none-fetchable.fails-whole "exit $rc, cache: $(ls -A "$work/cache"), stderr: $(cat "$work/err")"
fi
finish
