# checks.sh: the reporting of every shell test (sourced). Each check prints
# "ok NAME" or "FAIL NAME: why"; `finish` prints "N passed, M failed" and
# returns 0 only when M is 0 (a script ends with `finish`, whose status is
# the script's). ctest fails a test on "FAIL " in its output as well.
passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}
