#!/bin/sh
# make-libc.sh AR NM IN_LIBC MEMBERS STUBS_OBJ OUT_LIBC
#
# Builds wasm32-wasi-io's libc.a: a copy of wasi-libc's IN_LIBC without the
# members listed in MEMBERS (one per line, any object suffix; # comments)
# and without every member that needs a symbol only removed members define
# (found in the archive, named on stderr: such a member reaches files
# through them, as fts.o of newer wasi-libc does), plus STUBS_OBJ. Fails,
# saying why, when a
# listed member is not in IN_LIBC (wasi-libc changed: review the list), or
# when STUBS_OBJ needs a removed symbol.
set -eu
if [ $# -ne 6 ]; then
    echo "usage: make-libc.sh AR NM IN_LIBC MEMBERS STUBS_OBJ OUT_LIBC" >&2
    exit 2
fi
AR=$1 NM=$2 IN=$3 MEMBERS=$4 STUBS=$5 OUT=$6
me="make-libc.sh (wasm32-wasi-io libc)"
tmp=$OUT.tmp
work=$OUT.work
rm -rf "$tmp" "$work"
mkdir -p "$work"
trap 'rm -rf "$tmp" "$work"' EXIT

# A listed name stands for the member of that name with any object suffix:
# fopen.o is fopen.o of wasi-libc's Makefile build and fopen.c.obj of its
# CMake build (the stem is the name without .o, .obj, .c.o or .c.obj).
sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$MEMBERS" >"$work/listed"
"$AR" t "$IN" >"$work/all"
stems='function stem(n) { sub(/(\.c)?\.(o|obj)$/, "", n); return n }'
awk "$stems"'
     NR == FNR { want[stem($0)] = 1; next }
     (stem($0) in want) { print }' "$work/listed" "$work/all" >"$work/remove"
missing=$(awk "$stems"'
     NR == FNR { have[stem($0)] = 1; next }
     !(stem($0) in have) { print }' "$work/all" "$work/listed")
if [ -n "$missing" ]; then
    echo "$me: not in $IN:" $missing >&2
    echo "$me: wasi-libc changed; review $MEMBERS" >&2
    exit 1
fi

# Symbols per member: "member type name" (type U: undefined).
"$NM" -A "$IN" 2>/dev/null | awk '{
    n = split($1, a, ":"); m = a[2]
    if (NF == 3) print m, $2, $3; else if (NF >= 4) print m, $3, $4
}' >"$work/syms"
# Members that stay but need a symbol only removed members define reach
# files through them (fts.o needs open and opendir): they go too, until
# none is left. Each is named on stderr.
while :; do
    awk 'NR == FNR { rm[$1] = 1; next }
         $2 == "U" { next }
         { if ($1 in rm) gone[$3] = $1; else kept[$3] = 1 }
         END { for (s in gone) if (!(s in kept)) print s, gone[s] }' \
        "$work/remove" "$work/syms" >"$work/gone"
    awk 'NR == FNR { rm[$1] = 1; next }
         FILENAME == ARGV[2] { gone[$1] = $2; next }
         $2 == "U" && !($1 in rm) && ($3 in gone) { print $1, $3 }' \
        "$work/remove" "$work/gone" "$work/syms" | sort -u >"$work/needs"
    [ -s "$work/needs" ] || break
    awk '{ n[$1] = n[$1] " " $2 } END { for (m in n) print m ":" n[m] }' \
        "$work/needs" | sort | while read -r line; do
        echo "$me: also removed, it needs removed calls: $line" >&2
    done
    cut -d' ' -f1 "$work/needs" | sort -u >>"$work/remove"
done

# The stubs must still find what they use.
"$NM" --undefined-only "$STUBS" 2>/dev/null | awk '{ print $NF }' |
    sort -u >"$work/stub-needs"
broken=$(awk 'NR == FNR { gone[$1] = 1; next } ($1 in gone) { print "  " $1 }' \
    "$work/gone" "$work/stub-needs")
if [ -n "$broken" ]; then
    echo "$me: $STUBS needs removed symbols:" >&2
    echo "$broken" >&2
    exit 1
fi

cp "$IN" "$tmp"
# shellcheck disable=SC2046  # one argument per member name
"$AR" d "$tmp" $(cat "$work/remove")
cp "$STUBS" "$work/io_libc_stubs.o"
"$AR" r "$tmp" "$work/io_libc_stubs.o"
"$AR" s "$tmp"
mv "$tmp" "$OUT"
