#!/bin/sh
# exec-bytes.sh PROGRAM ARG... - runs PROGRAM with each ARG decoded by
# printf(1): bytes the caller wrote as \NNN octal escapes come out as
# themselves, so an argument may hold any byte but NUL, whatever the
# caller's language can pass. (Node.js passes arguments as UTF-8 only.)
prog=$1
shift
n=$#
for a; do
    v=$(printf "x${a}x") # the x's: not an option; trailing newlines kept
    v=${v#x}
    set -- "$@" "${v%x}"
done
shift "$n"
exec "$prog" "$@"
