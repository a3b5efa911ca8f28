#!/bin/sh
# files-test.sh BIN_DIR WORK SQUISH_COMPONENT SQUISH_VFS_MODULE CATFILE EVIL
#               [MINIGZIP_COMPONENT MINIGZIP_VFS_MODULE]:
# host folders in and out of a wasm32-wasip2-vfs component through its
# stdin and stdout (wasi-run-component --in/--out):
# - squish -k on a host folder gives the same files (names, types, modes,
#   sizes, bytes, file mtimes) as the wasm32-wasi-vfs module under
#   wasi-run --in/--out; so does zlib's minigzip when its builds are
#   given (tests/legacy; names, types, modes, sizes, bytes);
# - the program reads its own stdin after the archive; with --out its
#   stdout goes to stderr; 3 MB of stdout through a pipe arrive whole (the
#   runner's writes block: run-setup.mjs), and a reader that goes away
#   ends the run with 141;
# - a program that fails leaves the host folder unwritten (one line);
# - a hostile guest's archive ("../escaped") is refused whole: exit 74,
#   one line, nothing written inside or beside the folder;
# - an --in that is not a folder or tar archive: 66; a second --in or
#   --out, a relative guest path: 2.
# Exit status 0 when every check passed.
[ $# -eq 6 ] || [ $# -eq 8 ] || { echo "usage: files-test.sh BIN_DIR WORK SQUISH_COMPONENT SQUISH_VFS_MODULE CATFILE EVIL [MINIGZIP_COMPONENT MINIGZIP_VFS_MODULE]" >&2; exit 2; }
bin=$1 work=$2 squish=$3 squish_vfs=$4 catfile=$5 evil=$6 minigzip=${7-} minigzip_vfs=${8-}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
rm -rf "$work" && mkdir -p "$work" || exit 1
cd "$work" || exit 1
run=$bin/wasi-run-component

# The host folder: text, a run-length-friendly file, a 1 MiB file (more
# than a pipe holds), a subfolder, a mode, an old mtime.
mkdir -p in/sub in/deep/er
seq 1 3000 >in/a.txt
head -c 40000 /dev/zero | tr '\0' 'x' >in/sub/runs
head -c 1048576 /dev/urandom >in/deep/er/noise
chmod 600 in/sub/runs
touch -d '2001-02-03 04:05:06' in/a.txt

# what a tree is: path, type, mode, size, and mtime for files (but with
# "notime"); then bytes
tree() {
    (cd "$1" && if [ "${2-}" = notime ]; then find . -printf '%p %y %m\n'; else
     find . -type d -printf '%p %y %m\n' -o -printf '%p %y %m %s %T@\n'; fi | sort &&
     find . -type f | sort | xargs cat | cksum)
}

set -- -k /data/a.txt /data/sub/runs /data/deep/er/noise
"$bin/wasi-run" --in in:/data --out /data:vfs "$squish_vfs" "$@" 2>vfs.err
st1=$?
"$run" --in in:/data --out /data:p2 "$squish" "$@" 2>p2.err
st2=$?
if [ $st1 -eq 0 ] && [ $st2 -eq 0 ] && [ -f p2/sub/runs.sq ] && [ "$(tree vfs)" = "$(tree p2)" ]; then
    ok "squish -k: the component's changes equal the wasm32-wasi-vfs module's"
else
    fail "squish -k: the component's changes equal the wasm32-wasi-vfs module's" \
        "status $st1/$st2; $(head -2 p2.err); $(tree vfs | head -3) / $(tree p2 | head -3)"
fi
"$run" --in p2:/data --out /data:p2 "$squish" -d -f /data/sub/runs.sq 2>err
if [ $? -eq 0 ] && cmp -s p2/sub/runs in/sub/runs; then
    ok "squish -d back in the same folder: the original bytes"
else
    fail "squish -d back in the same folder" "$(head -2 err)"
fi

if [ -n "$minigzip" ]; then
    "$bin/wasi-run" --in in:/z --out /z:gz-vfs "$minigzip_vfs" -9 /z/a.txt 2>vfs.err
    st1=$?
    "$run" --in in:/z --out /z:gz-p2 "$minigzip" -9 /z/a.txt 2>p2.err
    st2=$?
    if [ $st1 -eq 0 ] && [ $st2 -eq 0 ] && [ -f gz-p2/a.txt.gz ] &&
       [ "$(tree gz-vfs notime)" = "$(tree gz-p2 notime)" ]; then
        ok "minigzip -9: the component's changes equal the wasm32-wasi-vfs module's"
    else
        fail "minigzip -9: the component's changes equal the wasm32-wasi-vfs module's" \
            "status $st1/$st2; $(head -2 p2.err)"
    fi
fi

head -c 3000000 /dev/urandom >big
n=$("$run" "$catfile" /dev/stdin <big | wc -c)
if [ "$n" -eq 3000000 ]; then
    ok "3 MB of stdout through a pipe arrive whole"
else
    fail "3 MB of stdout through a pipe arrive whole" "$n bytes"
fi

st=$( ("$run" "$catfile" /dev/stdin <big; echo $? >st) | head -c 10 >/dev/null; cat st)
if [ "$st" = 141 ]; then
    ok "a stdout reader that goes away: status 141"
else
    fail "a stdout reader that goes away: status 141" "status $st"
fi

out=$(printf 'and stdin\n' | "$run" --in in:/d "$catfile" /d/sub/runs 2>err | tail -c 15)
if [ "$out" = "xxxxxand stdin" ]; then
    ok "--in: the file from the archive, then the program's own stdin"
else
    fail "--in: the file, then stdin" "'$out' $(head -2 err)"
fi
printf 'tail\n' | "$run" --in in:/d --out /d:cat "$catfile" /d/sub/runs >out 2>err
if [ $? -eq 0 ] && [ ! -s out ] && [ "$(tail -c 11 err)" = "xxxxxxtail" ]; then
    ok "--out: the program's stdout goes to stderr"
else
    fail "--out: the program's stdout goes to stderr" "stdout $(wc -c <out) bytes; $(tail -c 40 err)"
fi

err=$("$run" --in in:/data --out /data:failed "$squish" /data/missing 2>&1)
if [ $? -eq 1 ] && [ ! -e failed ] && [ "$(echo "$err" | tail -1)" = "wasi-run-component: failed: not written: $squish exited with status 1" ]; then
    ok "a program that fails: nothing written, one line"
else
    fail "a program that fails: nothing written" "$err"
fi

mkdir -p jail/o
err=$("$run" --out /data:jail/o "$evil" 2>&1)
st=$?
if [ $st -eq 74 ] && [ -z "$(ls -A jail/o)" ] && [ ! -e jail/escaped ] && [ ! -e escaped ] &&
   [ "$err" = "wasi-run-component: --out /data:jail/o: not written: the archive is refused: ../escaped: a name with \"..\": it would climb out of the directory" ]; then
    ok "a hostile archive is refused: status 74, one line, nothing written"
else
    fail "a hostile archive is refused" "status $st: $err; $(ls -A jail jail/o)"
fi

echo "not an archive" >plain
err=$("$run" --in plain:/d "$catfile" /d/x 2>&1)
st=$?
if [ $st -eq 66 ] && [ "$err" = "wasi-run-component: --in plain: cannot read it: not a directory or tar archive" ]; then
    ok "--in of a file that is no tar archive: status 66, one line"
else
    fail "--in of a file that is no tar archive" "status $st: $err"
fi
for bad in "--in in:/a --in in:/b" "--out /a:x --out /b:y" "--in in:rel" "--bogus"; do
    # shellcheck disable=SC2086
    first=$("$run" $bad "$catfile" /a/x 2>&1 | head -1)
    st=$("$run" $bad "$catfile" /a/x >/dev/null 2>&1; echo $?)
    case $st:$first in
    2:wasi-run-component:*) ok "$bad: status 2 ($first)" ;;
    *) fail "$bad: status 2" "status $st: $first" ;;
    esac
done
finish
