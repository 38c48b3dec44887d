#!/usr/bin/env bash
# End-to-end checks of `chorus sentences`: output formats, --explain, exit
# codes (0 ok, 1 input error, 2 usage error) and --strict.
# Usage: sentences_command_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"

# The example cluster: 5 files, one pasting two articles -> 6 documents.
"$chorus" sentences "$src/examples/harbor-fire" >"$tmp/out.txt" 2>"$tmp/err.txt"
check "example exits 0" test $? -eq 0
check "example has 6 documents" test "$(cut -f1 "$tmp/out.txt" | sort -u | wc -l)" -eq 6
check "text format is doc<TAB>index<TAB>sentence" \
  grep -qP '^01-brennmouth-courier\t0\tA fire that broke out before dawn' "$tmp/out.txt"
for noise in pic.twitter.com 'Read more' 'comment section' 'Tags ' 'Load more' 'Photo:' \
    'Update (' '* * *' 'Reporting by' '(@' 'Updated at'; do
  check "no \"$noise\" in output" bash -c '! grep -qF -- "$1" "$2"' _ "$noise" "$tmp/out.txt"
done
check "no diagnostics on clean input" test ! -s "$tmp/err.txt"

"$chorus" sentences --format json --explain "$src/examples/harbor-fire" >"$tmp/out.json" \
  2>"$tmp/explain.txt"
check "json exits 0" test $? -eq 0
check "json lines" grep -qF '{"doc":"04-metro-pulse#2","sentence":0,"text":' "$tmp/out.json"
check "explain names rule and doc" grep -qF 'removed [tweet-embed] 04-metro-pulse:' "$tmp/explain.txt"

# Bad input: the run goes on, names file and line, exits 1.
printf '%s\n' '{"id": "a", "documents": [{"text": "First cluster sentence."}]}' \
  '{"id": "b", "documents": [' \
  '{"id": "c", "documents": [{"text": "Third cluster sentence."}]}' >"$tmp/bad.jsonl"
"$chorus" sentences "$tmp/bad.jsonl" >"$tmp/out.txt" 2>"$tmp/err.txt"
check "malformed line exits 1" test $? -eq 1
check "malformed line error names file and line" grep -qF "$tmp/bad.jsonl:2: error:" "$tmp/err.txt"
check "run goes on past a bad line" grep -qF 'Third cluster sentence.' "$tmp/out.txt"
"$chorus" sentences --strict "$tmp/bad.jsonl" >"$tmp/out.txt" 2>"$tmp/err.txt"
check "--strict exits 1" test $? -eq 1
check "--strict stops at the first error" bash -c '! grep -qF Third "$1"' _ "$tmp/out.txt"
check "--strict printed the error once" test "$(wc -l <"$tmp/err.txt")" -eq 1

"$chorus" sentences "$tmp/missing.txt" >/dev/null 2>"$tmp/err.txt"
check "missing path exits 1" test $? -eq 1
check "missing path is named" grep -qF "missing.txt" "$tmp/err.txt"
: >"$tmp/empty.txt"
"$chorus" sentences "$tmp/empty.txt" >/dev/null 2>"$tmp/err.txt"
check "empty file exits 1" test $? -eq 1
check "empty file message" grep -qF "empty file" "$tmp/err.txt"
printf 'Caf\xe9 fire on the pier.\n' >"$tmp/latin1.txt"
"$chorus" sentences "$tmp/latin1.txt" >"$tmp/out.txt" 2>"$tmp/err.txt"
check "invalid UTF-8 is a warning, exit 0" test $? -eq 0
check "invalid UTF-8 warning names file" grep -qF "$tmp/latin1.txt: warning: invalid UTF-8" "$tmp/err.txt"
echo "Fire on the pier. Crews responded." | "$chorus" sentences - >"$tmp/out.txt" 2>&1
check "stdin works" grep -qP '^stdin\t1\tCrews responded\.$' "$tmp/out.txt"

# Usage errors exit 2.
"$chorus" sentences --format xml "$src/examples/harbor-fire" >/dev/null 2>&1
check "bad --format exits 2" test $? -eq 2
printf 'bad\tnot-an-action\tx\n' >"$tmp/bad.rules"
"$chorus" sentences --rules "$tmp/bad.rules" "$src/examples/harbor-fire" >/dev/null 2>"$tmp/err.txt"
check "bad rule file exits 2" test $? -eq 2
check "bad rule file names the line" grep -qF "bad.rules:1: unknown action" "$tmp/err.txt"
printf 'drop-fire\tdrop-line\tfire\n' >"$tmp/fire.rules"
"$chorus" sentences --rules "$tmp/fire.rules" "$src/examples/harbor-fire" >"$tmp/out.txt" 2>&1
check "--rules replaces the built-in rules" bash -c '! grep -qi " fire " "$1" && grep -qF "pic.twitter.com" "$1"' _ "$tmp/out.txt"

finish sentences_command_test
