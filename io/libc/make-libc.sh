#!/bin/sh
# make-libc.sh AR NM IN_LIBC MEMBERS STUBS_OBJ OUT_LIBC
#
# Builds wasm32-wasi-io's libc.a: a copy of wasi-libc's IN_LIBC without the
# members listed in MEMBERS (one per line; # comments), plus STUBS_OBJ.
# Fails, saying why, when a listed member is not in IN_LIBC, or when a
# member that stays needs a symbol only the removed ones define (the list
# would then break programs that never use a file name).
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

sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$MEMBERS" >"$work/remove"
"$AR" t "$IN" >"$work/all"
missing=$(grep -vxF -f "$work/all" "$work/remove" || true)
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
awk 'NR == FNR { rm[$1] = 1; next }
     $2 == "U" { next }
     { if ($1 in rm) gone[$3] = $1; else kept[$3] = 1 }
     END { for (s in gone) if (!(s in kept)) print s, gone[s] }' \
    "$work/remove" "$work/syms" >"$work/gone"
broken=$(awk 'NR == FNR { rm[$1] = 1; next }
              FILENAME == ARGV[2] { gone[$1] = $2; next }
              $2 == "U" && !($1 in rm) && ($3 in gone) {
                  print "  " $1 " needs " $3 " (in " gone[$3] ")" }' \
    "$work/remove" "$work/gone" "$work/syms" | sort -u)
if [ -n "$broken" ]; then
    echo "$me: members that stay need removed ones:" >&2
    echo "$broken" >&2
    echo "$me: remove them too in $MEMBERS" >&2
    exit 1
fi

cp "$IN" "$tmp"
# shellcheck disable=SC2046  # one argument per member name
"$AR" d "$tmp" $(cat "$work/remove")
cp "$STUBS" "$work/io_libc_stubs.o"
"$AR" r "$tmp" "$work/io_libc_stubs.o"
"$AR" s "$tmp"
mv "$tmp" "$OUT"
