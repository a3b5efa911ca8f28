#!/bin/sh
# expect-report.sh PATTERN PROGRAM [ARGS...] - the sanitizers' canary:
# runs PROGRAM, which has a bug on purpose, and passes only when it fails
# (a non-zero status) with PATTERN in its output, i.e. when the sanitizer
# caught the bug and failed the run as it would fail a real test.
pattern=$1
shift
out=$("$@" 2>&1)
st=$?
case $out in
*"$pattern"*) found=1 ;;
*) found=0 ;;
esac
if [ "$st" -ne 0 ] && [ "$found" = 1 ]; then
    echo "ok: $(basename "$1") failed (status $st) with \"$pattern\""
    exit 0
fi
echo "FAIL: $(basename "$1"): status $st; the report \"$pattern\" $( [ "$found" = 1 ] && echo was || echo was not) there"
printf '%s\n' "$out" | tail -20
exit 1
