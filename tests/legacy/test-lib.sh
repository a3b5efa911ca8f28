# test-lib.sh: sourced by the test scripts of the legacy programs, after
# they set
#   OUT       the program's build folder (OUT/native, OUT/wasm32-wasi,
#             OUT/wasm32-wasi-vfs hold the builds of build.sh)
#   BIN       the toolchain's bin/ (BIN/wasi-run)
#   WORK      a scratch folder (emptied here)
#   EXPECTED  the folder of expected differences
#
# A run of one build is a "transcript": its standard output, then a line
# "--- stderr" and its standard error, then "--- exit status N". Each
# WebAssembly build's transcript is compared with the native build's by
# diff -u (labels "native" and the triple); the diff must be exactly
# EXPECTED/<check>.<triple>.diff, or empty when that file does not exist.
# On wasm32-wasi (and on wasm32-wasi-vfs with VFS_FILES=1) the files the
# run leaves in its host directory are compared with the native run's too
# (names, sizes, SHA-256): EXPECTED/<check>.<triple>.files.diff.
#
# TRIPLES (default: wasm32-wasi-vfs wasm32-wasi and LEGACY_EXTRA_TRIPLES,
# which the build sets to wasm32-wasip2-vfs for the programs it also
# builds as components, run with wasi-run-component and no host folder)
# names the triples a check runs on, SEED a folder whose files each run's folder starts with
# (natively and on wasm32-wasi; on wasm32-wasi-vfs only with VFS_FILES=1).
# NO_FILES=1: the program opens no file, and its wasm32-wasi build runs
# with no preopened folder (wasi-run refuses --dir for a module that
# imports no filesystem function).
# VFS_FILES=1: a wasm32-wasi-vfs* build gets its run's folder the way a
# user hands files to such a module, `wasi-run --in DIR:/ --out /:DIR`
# (the folder goes into the module's filesystem at "/", and what the
# program created or changed there comes back when it exits 0), and the
# files it leaves are compared with native's as on wasm32-wasi.
#
# Each check prints "ok NAME" or "FAIL NAME: reason" (with the diff);
# finish prints the totals, exit status 0 only when nothing failed.
# LEGACY_UPDATE=1 writes each diff found into EXPECTED instead (removing
# the file when there is none): for reviewing, never in a test run.

TRIPLES=${TRIPLES:-wasm32-wasi-vfs wasm32-wasi ${LEGACY_EXTRA_TRIPLES:-}}
SEED=${SEED:-}
. "$here/../../support/checks.sh"

rm -rf "$WORK" && mkdir -p "$WORK" || exit 2
WORK=$(CDPATH= cd -- "$WORK" && pwd) || exit 2
OUT=$(CDPATH= cd -- "$OUT" && pwd) || exit 2

# program TRIPLE NAME: the path of the TRIPLE build of program NAME.
program() {
    echo "$OUT/$1/$2"
}

# has_folder TRIPLE: true when TRIPLE's runs see their host folder
# (native, wasm32-wasi, and wasm32-wasi-vfs* with VFS_FILES=1).
has_folder() {
    case $1 in
        wasm32-wasi-vfs*) [ "${VFS_FILES:-}" = 1 ] ;;
        wasm32-wasip2-vfs) false ;;
        *) true ;;
    esac
}

# run CHECK TRIPLE STDIN NAME ARGS...: runs the TRIPLE build of program
# NAME with ARGS, stdin from the file STDIN, in the fresh folder
# $WORK/CHECK/TRIPLE (as the current directory natively; preopened at "/"
# on wasm32-wasi, with an empty tmp/ for temporary files; on
# wasm32-wasi-vfs* brought in at "/" and back with VFS_FILES=1, else not
# visible at all: its files live in the module). Leaves the transcript in
# $WORK/CHECK/TRIPLE.out.
run() {
    r_triple=$2 r_stdin=$3 r_dir=$WORK/$1/$2
    r_prog=$(program "$2" "$4")
    shift 4
    rm -rf "$r_dir" && mkdir -p "$r_dir" || exit 2
    if [ -n "$SEED" ] && has_folder "$r_triple"; then
        cp -R "$SEED/." "$r_dir/" || exit 2
    fi
    case $r_triple in
        native) (cd "$r_dir" && exec "$r_prog" "$@") \
                <"$r_stdin" >"$r_dir.stdout" 2>"$r_dir.stderr" ;;
        wasm32-wasi-vfs*) if [ "${VFS_FILES:-}" = 1 ]; then
                (cd "$r_dir" && exec "$BIN/wasi-run" --in "$r_dir:/" \
                    --out "/:$r_dir" "$r_prog" "$@")
            else
                (cd "$r_dir" && exec "$BIN/wasi-run" "$r_prog" "$@")
            fi <"$r_stdin" >"$r_dir.stdout" 2>"$r_dir.stderr" ;;
        wasm32-wasip2-vfs) (cd "$r_dir" && exec "$BIN/wasi-run-component" "$r_prog" "$@") \
                <"$r_stdin" >"$r_dir.stdout" 2>"$r_dir.stderr" ;;
        wasm32-wasi) if [ "${NO_FILES:-}" = 1 ]; then
                (cd "$r_dir" && exec "$BIN/wasi-run" "$r_prog" "$@")
            else
                mkdir "$r_dir/tmp" &&
                (cd "$r_dir" && exec "$BIN/wasi-run" --dir "$r_dir::/" "$r_prog" "$@")
            fi <"$r_stdin" >"$r_dir.stdout" 2>"$r_dir.stderr" ;;
    esac
    r_status=$?
    # Messages that name the build's folders (wasi-run's, or a test's
    # __FILE__) name them as WORK, OUT/TRIPLE and OUT, so that the
    # transcripts depend neither on the checkout nor on the build.
    { tidy <"$r_dir.stdout"; echo "--- stderr"; tidy <"$r_dir.stderr"
      echo "--- exit status $r_status"; } >"$r_dir.out"
}

# tidy: stdin to stdout with the folders named as in run's transcripts,
# and the sed expression TIDY applied when set (a test's names that differ
# from run to run: temporary files).
tidy() {
    LC_ALL=C sed -e "s|$WORK|WORK|g" -e "s|$OUT/$r_triple/|OUT/TRIPLE/|g" \
        -e "s|$OUT|OUT|g" -e "${TIDY:-p;d}"
}

# expect_diff NAME EXPECTED_FILE LABEL_A A LABEL_B B: the diff -u of the
# files A and B must be the content of EXPECTED_FILE (none: no diff).
expect_diff() {
    e_name=$1 e_want=$2
    diff -u --label "$3" --label "$5" "$4" "$6" >"$WORK/got.diff"
    if [ "${LEGACY_UPDATE:-}" = 1 ]; then
        if [ -s "$WORK/got.diff" ]; then
            mkdir -p "$(dirname "$e_want")" && cp "$WORK/got.diff" "$e_want"
        else
            rm -f "$e_want"
        fi
    fi
    if [ -f "$e_want" ]; then
        if cmp -s "$e_want" "$WORK/got.diff"; then ok "$e_name"; return; fi
        fail "$e_name" "the differences from native changed (want $e_want):"
        diff -u --label expected --label got "$e_want" "$WORK/got.diff" | head -n 60
    elif [ -s "$WORK/got.diff" ]; then
        fail "$e_name" "differs from native:"
        head -n 60 "$WORK/got.diff"
    else
        ok "$e_name"
    fi
}

# listing DIR: "name size sha256" of every file under DIR but tmp/,
# sorted by name.
listing() {
    (cd "$1" && find . -type f ! -path './tmp/*' | LC_ALL=C sort |
        while read -r f; do
            printf '%s %s %s\n' "${f#./}" "$(wc -c <"$f" | tr -d ' ')" \
                "$(sha256sum <"$f" | cut -c1-64)"
        done)
}

# compare CHECK STDIN NAME ARGS...: runs program NAME with ARGS and STDIN
# natively and on each triple, and checks the transcripts (and on each
# triple that has a folder, has_folder, the files left behind) against
# native.
compare() {
    c_check=$1 c_stdin=$2 c_name=$3
    shift 3
    run "$c_check" native "$c_stdin" "$c_name" "$@"
    for c_t in $TRIPLES; do
        run "$c_check" "$c_t" "$c_stdin" "$c_name" "$@"
        expect_diff "$c_check.$c_t" "$EXPECTED/$c_check.$c_t.diff" \
            native "$WORK/$c_check/native.out" \
            "$c_t" "$WORK/$c_check/$c_t.out"
    done
    c_w=$WORK/$c_check
    listing "$c_w/native" >"$c_w/native.files"
    for c_t in $TRIPLES; do
        has_folder "$c_t" || continue
        listing "$c_w/$c_t" >"$c_w/$c_t.files"
        expect_diff "$c_check.$c_t.files" "$EXPECTED/$c_check.$c_t.files.diff" \
            native "$c_w/native.files" "$c_t" "$c_w/$c_t.files"
    done
}
