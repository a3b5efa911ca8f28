# lib.sh: helpers shared by the io end-to-end test scripts (sourced).
# Each script prints `ok NAME` or `FAIL NAME: reason` per check and ends
# with `N passed, M failed`; exit status 0 only when M is 0.

. "$(dirname "$0")/../support/checks.sh"
nl='
'

# check NAME GOT WANT: compares two strings.
check() {
    if [ "$2" = "$3" ]; then ok "$1"; else
        fail "$1" "got '$(printf '%s' "$2" | head -c 300)', want '$(printf '%s' "$3" | head -c 300)'"
    fi
}

# same_file NAME WANT GOT: checks that the two files have the same bytes.
same_file() {
    if [ ! -f "$3" ]; then
        fail "$1" "$3 missing"
    elif cmp -s "$2" "$3"; then
        ok "$1"
    else
        fail "$1" "$(cmp "$2" "$3" 2>&1 | head -1)"
    fi
}

# run_status NAME WANT_STATUS WANT_STDERR CMD...: runs CMD with stdin from
# /dev/null and checks its status and stderr (stdout goes to ./out).
run_status() {
    name=$1 want_st=$2 want_err=$3
    shift 3
    "$@" </dev/null >out 2>err
    st=$?
    if [ "$st" != "$want_st" ]; then
        fail "$name" "status $st, want $want_st (stderr: $(head -c 300 err))"
    elif [ "$(cat err)" != "$want_err" ]; then
        fail "$name" "stderr '$(head -c 400 err)', want '$want_err'"
    else
        ok "$name"
    fi
}

# Makes the path absolute (relative to the starting directory).
absolute() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$PWD/$1" ;;
    esac
}
