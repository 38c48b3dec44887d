# Sourced by the *_command_test.sh end-to-end tests: their arguments, a
# scratch directory removed on exit, and check/finish to count results.
# Usage (in a test): source "$(dirname "$0")/cli_test_lib.sh" "$@"
set -uo pipefail
chorus=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0

check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    echo "FAIL: $name"
    failures=$((failures + 1))
  fi
}

finish() {  # finish TEST_NAME: prints the tally; the test's exit status
  echo "$1: $pass passed, $failures failed"
  test "$failures" -eq 0
}
