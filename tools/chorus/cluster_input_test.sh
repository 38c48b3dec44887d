#!/usr/bin/env bash
# The input flags summarize, compare and sentences share (cluster_input.h):
# the same --rules, --strict, INPUT and --event/--store behaviour, messages
# and exit codes (0 ok, 1 input error, 2 usage error) for each command.
# Usage: cluster_input_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"

printf 'bad\tnot-an-action\tx\n' >"$tmp/bad.rules"
printf '{"id": "c1", "documents": [{"id": "a", "text": "The bridge opened on Monday after two years of work."}]}\nnot json\n' \
  >"$tmp/clusters.jsonl"
for command in summarize compare sentences; do
  "$chorus" "$command" --rules "$tmp/bad.rules" "$src/examples/harbor-fire" >/dev/null 2>"$tmp/err.txt"
  check "$command: bad --rules exits 2" test $? -eq 2
  check "$command: bad --rules is named after the command" \
    grep -qF "chorus $command: " "$tmp/err.txt"
  check "$command: bad --rules names the line" grep -qF "bad.rules:1: unknown action" "$tmp/err.txt"
  "$chorus" "$command" --rules "$tmp/missing.rules" "$src/examples/harbor-fire" >/dev/null 2>"$tmp/err.txt"
  check "$command: missing --rules exits 2" test $? -eq 2
  check "$command: missing --rules names the file" grep -qF "missing.rules" "$tmp/err.txt"
  "$chorus" "$command" "$tmp/clusters.jsonl" >"$tmp/out.txt" 2>"$tmp/err.txt"
  check "$command: a bad line is reported and skipped (exit 1)" test $? -eq 1
  check "$command: the bad line is named" grep -qF "clusters.jsonl:2:" "$tmp/err.txt"
  check "$command: the good cluster is still printed" test -s "$tmp/out.txt"
  "$chorus" "$command" --strict "$tmp/clusters.jsonl" >/dev/null 2>"$tmp/err.txt"
  check "$command: --strict fails the run (exit 1)" test $? -eq 1
  "$chorus" "$command" >/dev/null 2>&1
  check "$command: no input exits 2" test $? -eq 2
done
for command in summarize compare; do
  "$chorus" "$command" --event 1 "$src/examples/harbor-fire" >/dev/null 2>"$tmp/err.txt"
  check "$command: inputs and --event together exit 2" test $? -eq 2
  check "$command: says to give one" grep -qF "chorus $command: give input files, or --event ID" "$tmp/err.txt"
done
"$chorus" sentences --event 1 "$src/examples/harbor-fire" >/dev/null 2>&1
check "sentences has no --event (exit 2)" test $? -eq 2
finish cluster_input_test
