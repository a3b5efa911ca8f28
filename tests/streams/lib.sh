# lib.sh: helpers shared by the shell tests of tests/streams (sourced).
# Prints "ok NAME" / "FAIL NAME: why"; `finish` ends with the summary line
# and the exit status.
. "$(dirname "$0")/../support/checks.sh"
# same NAME FILE1 FILE2: the two files hold the same bytes.
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else fail "$1" "$2 and $3 differ"; fi
}
# same_text NAME GOT WANT
same_text() {
    if [ "$2" = "$3" ]; then ok "$1"; else
        fail "$1" "got:
$2
want:
$3"
    fi
}
# has NAME TEXT PATTERN: TEXT contains PATTERN (a fixed string).
has() {
    case $2 in
        *"$3"*) ok "$1" ;;
        *) fail "$1" "'$2' does not contain '$3'" ;;
    esac
}
