#!/bin/sh
# run-tests.sh BUILD_DIR SOURCE_DIR WORK_DIR [LEGACY_DIR]
#
# The tools of targets/tools as a user meets them:
#  - wasi-sizes: the table of a program built from source on every triple
#    (a triple that cannot build it gives the compiler's reason), of
#    modules given with --modules (raw bytes are the file's, imports and
#    their groups are the module's), the SVG chart, and exit status 2 with
#    a message for every bad input;
#  - wasi-triple: its verdicts (--brief) on the conformance programs, the
#    io examples and, with LEGACY_DIR (tests/legacy in the build tree),
#    the legacy programs' objects, each compared with expected/<set>.txt;
#    the full report of one program; exit status 2 for bad input.
# Prints "ok NAME" or "FAIL NAME: reason"; ends with "N passed, M failed".
# TOOLS_UPDATE=1 rewrites expected/*.txt from what the tools say (for
# reviewing, never in a test run).
set -u
[ $# -ge 3 ] && [ $# -le 4 ] || { echo "usage: $0 BUILD_DIR SOURCE_DIR WORK_DIR [LEGACY_DIR]" >&2; exit 2; }
build=$(CDPATH= cd -- "$1" && pwd) || exit 2
src=$(CDPATH= cd -- "$2" && pwd) || exit 2
work=$3 legacy=${4:-}
bin=$build/bin
here=$src/tests/target-tools
rm -rf "$work" && mkdir -p "$work" && work=$(CDPATH= cd -- "$work" && pwd) || exit 2
. "$here/../support/checks.sh"

# status NAME WANT_STATUS WANT_STDERR_LINE CMD...: CMD exits WANT_STATUS and
# the first line of its stderr is WANT_STDERR_LINE.
status() {
    name=$1 want=$2 line=$3
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    st=$?
    got=$(head -n 1 "$work/err")
    if [ "$st" != "$want" ]; then fail "$name" "status $st, want $want ($got)"
    elif [ "$got" != "$line" ]; then fail "$name" "stderr '$got', want '$line'"
    else ok "$name"; fi
}

# same NAME EXPECTED_FILE GOT_FILE
same() {
    case $2 in "$here"/*) [ "${TOOLS_UPDATE:-}" = 1 ] && cp "$3" "$2" ;; esac
    if cmp -s "$2" "$3"; then ok "$1"
    else fail "$1" "differs from $2:"; diff -u "$2" "$3" | head -n 40; fi
}

# ---- wasi-sizes ------------------------------------------------------------
tiny=$src/examples/tiny/tiny.c
"$bin/wasi-sizes" --svg "$work/tiny.svg" "$tiny" >"$work/tiny.out" 2>&1
st=$?
[ $st = 0 ] && ok "wasi-sizes tiny.c" || fail "wasi-sizes tiny.c" "status $st"
head -n 2 "$work/tiny.out" >"$work/head"
printf '%s\n%s\n' "tiny.c: module sizes in bytes (-Oz)" \
    "module                 raw     code    data   custom      opt    gzip      vs wasm32-wasi  imports   fs" \
    >"$work/want"
same "wasi-sizes header" "$work/want" "$work/head"
grep -Eq '^wasm32-wasi +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +- +[0-9]+ +yes$' "$work/tiny.out" &&
    ok "wasi-sizes row wasm32-wasi" || fail "wasi-sizes row wasm32-wasi" "$(grep '^wasm32-wasi ' "$work/tiny.out")"
grep -Eq '^wasm32-wasi-vfs +([0-9]+ +){6}\+[0-9]+ \(\+[0-9]+%\) +[0-9]+ +no$' "$work/tiny.out" &&
    ok "wasi-sizes row wasm32-wasi-vfs" || fail "wasi-sizes row wasm32-wasi-vfs" "$(grep '^wasm32-wasi-vfs ' "$work/tiny.out")"
grep -q "^wasm32-wasi-io     does not build: 'fopen' is unavailable" "$work/tiny.out" &&
    ok "wasi-sizes reason for wasm32-wasi-io" || fail "wasi-sizes reason for wasm32-wasi-io" "$(grep '^wasm32-wasi-io' "$work/tiny.out")"
grep -q '^  wasm32-wasi-vfs  streams: fd_fdstat_get fd_read fd_seek fd_write; ' "$work/tiny.out" &&
    ok "wasi-sizes capabilities" || fail "wasi-sizes capabilities" "$(grep '^  wasm32-wasi-vfs' "$work/tiny.out")"
if head -n 1 "$work/tiny.svg" | grep -q '^<?xml' && tail -n 2 "$work/tiny.svg" | grep -q '^</svg>$' &&
   [ "$(grep -c '<rect' "$work/tiny.svg")" -ge 10 ]; then ok "wasi-sizes --svg"
else fail "wasi-sizes --svg" "not a chart: $(head -c 200 "$work/tiny.svg")"; fi

# --modules: raw is the file's size; the first module is the base.
"$bin/wasm32-wasi-clang" -Oz "$tiny" -o "$work/a.wasm" &&
    "$bin/wasm32-wasi-vfs-clang" -Oz "$tiny" -o "$work/b.wasm" || exit 2
"$bin/wasi-sizes" --modules --title T plain="$work/a.wasm" vfs="$work/b.wasm" >"$work/mod.out" 2>&1
st=$?
size=$(wc -c <"$work/b.wasm" | tr -d ' ')
if [ $st = 0 ] && [ "$(sed -n 1p "$work/mod.out")" = T ] &&
   grep -Eq "^vfs +$size .* vs plain|^vfs +$size " "$work/mod.out" &&
   grep -q ' vs plain ' "$work/mod.out"; then ok "wasi-sizes --modules"
else fail "wasi-sizes --modules" "$(cat "$work/mod.out")"; fi

printf 'int main(void) { return syntax error; }\n' >"$work/bad.c"
"$bin/wasi-sizes" "$work/bad.c" >"$work/out" 2>&1
st=$?
[ $st = 1 ] && grep -q 'does not build' "$work/out" && ok "wasi-sizes nothing builds: 1" ||
    fail "wasi-sizes nothing builds: 1" "status $st"

usage="usage: wasi-sizes [-O LEVEL] [-t TRIPLE]... [--keep DIR] [--title TEXT] [--svg FILE] SOURCE... [-- CFLAGS...]"
status "wasi-sizes bad flag" 2 "wasi-sizes: unknown option --bogus" "$bin/wasi-sizes" --bogus "$tiny"
status "wasi-sizes missing file" 2 "wasi-sizes: $work/none.c: no such file" "$bin/wasi-sizes" "$work/none.c"
status "wasi-sizes unknown triple" 2 \
    "wasi-sizes: unknown triple wasm64-wasi (known: wasm32-wasi, wasm32-wasi-vfs, wasm32-wasi-io, wasm32-wasip2, wasm32-wasip2-vfs, wasm32-wasip2-io, or wasm32-wasip1... for wasm32-wasi...)" \
    "$bin/wasi-sizes" -t wasm64-wasi "$tiny"
status "wasi-sizes no source" 2 "wasi-sizes: no SOURCE given" "$bin/wasi-sizes"
status "wasi-sizes bad level" 2 "wasi-sizes: -O9: not an optimization level (0-3, s, z)" \
    "$bin/wasi-sizes" -O9 "$tiny"
status "wasi-sizes not LABEL=MODULE" 2 "wasi-sizes: $work/a.wasm: not LABEL=MODULE" \
    "$bin/wasi-sizes" --modules "$work/a.wasm"
status "wasi-sizes missing module" 2 "wasi-sizes: $work/none.wasm: no such file" \
    "$bin/wasi-sizes" --modules x="$work/none.wasm"
status "wasi-sizes not a module" 2 "wasi-sizes: $tiny: not a WebAssembly module (no \\0asm header)" \
    "$bin/wasi-sizes" --modules x="$tiny"
status "wasi-sizes usage line" 2 "wasi-sizes: unknown option -x" "$bin/wasi-sizes" -x
[ "$(sed -n 2p "$work/err")" = "$usage" ] && ok "wasi-sizes usage on stderr" ||
    fail "wasi-sizes usage on stderr" "$(sed -n 2p "$work/err")"

# ---- wasi-triple: verdicts ---------------------------------------------------
# verdicts SET: "== name" then the --brief lines, for each "name obj..."
# line on stdin (objects relative to $work).
verdicts() {
    while read -r name objs; do
        echo "== $name"
        # shellcheck disable=SC2086
        (cd "$work" && "$bin/wasi-triple" --brief $objs) 2>&1
    done
}

for c in "$src"/tests/conformance/[0-9][0-9]-*.c; do
    n=$(basename "$c" .c)
    "$bin/wasm32-wasi-vfs-clang" -c -O2 -D_GNU_SOURCE "$c" -o "$work/$n.o" || exit 2
    echo "$n $n.o"
done | verdicts >"$work/conformance.txt"
same "wasi-triple conformance programs" "$here/expected/conformance.txt" "$work/conformance.txt"

# The io examples: each as a stream program (objects for wasm32-wasi-io)
# and as a file program (objects for wasm32-wasi-vfs); gzip with zlib's
# deflate and inflate, as examples/gzip builds them, when zlib's Debian
# source is there (otherwise its verdicts are left out).
zlib=$build/debian/zlib
zobjs=
if [ -f "$zlib/deflate.c" ]; then
    for f in adler32 crc32 deflate inflate inftrees inffast trees zutil; do
        "$bin/wasm32-wasi-io-clang" -c -Oz -w "$zlib/$f.c" -o "$work/z-$f.o" || exit 2
        zobjs="$zobjs z-$f.o"
    done
fi
for ex in wc shrink gzip; do
    d=$src/examples/$ex
    inc=-I$d extra=
    if [ "$ex" = gzip ]; then
        [ -n "$zobjs" ] || continue
        inc="$inc -I$zlib" extra=$zobjs
    fi
    for variant in stream files; do
        t=wasm32-wasi-io
        [ $variant = files ] && t=wasm32-wasi-vfs
        objs=
        for f in $(ls "$d"/*.c | grep -v '/main-') "$d/main-$variant.c"; do
            o=$ex-$variant-$(basename "$f" .c).o
            # shellcheck disable=SC2086
            "$bin/$t-clang" -c -Oz $inc "$f" -o "$work/$o" || exit 2
            objs="$objs $o"
        done
        echo "$ex-$variant$objs$extra"
    done
done | verdicts >"$work/io-examples.txt"
if [ -n "$zobjs" ]; then
    cp "$here/expected/io-examples.txt" "$work/io-want.txt"
else
    sed '/^== gzip/,$d' "$here/expected/io-examples.txt" >"$work/io-want.txt"
fi
[ "${TOOLS_UPDATE:-}" = 1 ] && [ -n "$zobjs" ] && cp "$work/io-examples.txt" "$here/expected/io-examples.txt"
cmp -s "$work/io-want.txt" "$work/io-examples.txt" && ok "wasi-triple io examples" ||
    { fail "wasi-triple io examples" "differs:"; diff -u "$work/io-want.txt" "$work/io-examples.txt" | head -n 40; }

# The legacy programs' objects, as their own builds made them for
# wasm32-wasi-vfs (SQLite: its library; its shell is linked from source).
if [ -n "$legacy" ]; then
    for p in zlib bzip2 lua sqlite; do
        mkdir -p "$work/L" && ln -s "$legacy/$p/wasm32-wasi-vfs" "$work/L/$p" || exit 2
    done
    verdicts >"$work/legacy.txt" <<EOF
zlib-example L/zlib/src/example.o L/zlib/src/libz.a
zlib-minigzip L/zlib/src/minigzip.o L/zlib/src/libz.a
bzip2 L/bzip2/src/bzip2.o L/bzip2/src/libbz2.a
lua L/lua/src/src/lua.o L/lua/src/src/liblua.a
sqlite-library L/sqlite/bld/.libs/libsqlite3.a
EOF
    same "wasi-triple legacy programs" "$here/expected/legacy.txt" "$work/legacy.txt"
fi

# ---- wasi-triple: one report, and bad input ------------------------------------
"$bin/wasm32-wasi-vfs-clang" -c -O2 "$tiny" -o "$work/tiny.o" || exit 2
(cd "$work" && "$bin/wasi-triple" tiny.o) >"$work/report" 2>&1
st=$?
sed -n 1,2p "$work/report" >"$work/got"
printf '%s\n%s\n' "1 object file(s): 7 symbols from the C library" \
    "calls fopen remove (files): wasm32-wasi-vfs or wasm32-wasi" >"$work/want"
[ $st = 0 ] && same "wasi-triple report" "$work/want" "$work/got" ||
    fail "wasi-triple report" "status $st: $(cat "$work/report")"
grep -Eq '^  wasm32-wasi-vfs  yes  files live in the module.s own memory; no host directory; [0-9]+ bytes \(-Oz, stripped\), \+[0-9]+ vs wasm32-wasi; host: streams(, (args|clocks|random|process|poll))*$' "$work/report" &&
    ok "wasi-triple cost of wasm32-wasi-vfs" || fail "wasi-triple cost of wasm32-wasi-vfs" "$(grep vfs "$work/report")"
grep -q '^  wasm32-wasi-io   no   lacks fopen remove$' "$work/report" &&
    ok "wasi-triple why not wasm32-wasi-io" || fail "wasi-triple why not wasm32-wasi-io" "$(grep io "$work/report")"
"$bin/wasm32-wasi-vfs-clang" -O2 -Wl,--strip-all "$tiny" -o "$work/stripped.wasm" || exit 2
(cd "$work" && "$bin/wasi-triple" --brief stripped.wasm) >"$work/got" 2>&1
printf '%s\n' "wasm32-wasi-vfs unknown" "wasm32-wasi unknown" "wasm32-wasi-io unknown" >"$work/want"
same "wasi-triple stripped module" "$work/want" "$work/got"
printf '#include <unistd.h>\nint main(void) { int p[2]; return pipe(p) + dup(0) + fork(); }\n' >"$work/vfs-only.c"
"$bin/wasm32-wasi-vfs-clang" -c "$work/vfs-only.c" -o "$work/vfs-only.o" || exit 2
(cd "$work" && "$bin/wasi-triple" vfs-only.o) >"$work/report" 2>&1
grep -q '^fork: fail at run time with ENOSYS on wasm32-wasi-vfs$' "$work/report" &&
    grep -q '^  wasm32-wasi      no   lacks dup pipe$' "$work/report" &&
    ok "wasi-triple ENOSYS and vfs only" || fail "wasi-triple ENOSYS and vfs only" "$(cat "$work/report")"
printf '#include <pthread.h>\n#include <sys/socket.h>\n#include <unistd.h>\nint main(void) { pthread_t t; return alarm(1) + shutdown(3, SHUT_RD) + pthread_create(&t, 0, 0, 0); }\n' >"$work/posix.c"
"$bin/wasm32-wasi-vfs-clang" -c "$work/posix.c" -o "$work/posix.o" || exit 2
(cd "$work" && "$bin/wasi-triple" posix.o) >"$work/report" 2>&1
grep -q '^alarm: fail at run time with ENOSYS on wasm32-wasi-vfs and wasm32-wasi$' "$work/report" &&
    grep -q '^pthread_create: fail at run time with EAGAIN on wasm32-wasi-vfs and wasm32-wasi$' "$work/report" &&
    grep -q '^shutdown: fail at run time with ENOTSOCK on wasm32-wasi-vfs$' "$work/report" &&
    ok "wasi-triple names alarm, pthread_create, shutdown" ||
    fail "wasi-triple names alarm, pthread_create, shutdown" "$(cat "$work/report")"

status "wasi-triple no input" 2 "wasi-triple: no OBJECT or MODULE given" "$bin/wasi-triple"
status "wasi-triple bad flag" 2 "wasi-triple: unknown option --bogus" "$bin/wasi-triple" --bogus "$work/tiny.o"
status "wasi-triple missing file" 2 "wasi-triple: $work/none.a: no such file" "$bin/wasi-triple" "$work/none.a"
status "wasi-triple not WebAssembly" 2 "wasi-triple: $tiny: not a WebAssembly module (no \\0asm header)" \
    "$bin/wasi-triple" "$tiny"
status "wasi-triple module with objects" 2 \
    "wasi-triple: $work/stripped.wasm is a linked module: give it alone (or give objects)" \
    "$bin/wasi-triple" "$work/stripped.wasm" "$work/tiny.o"

finish
