#!/usr/bin/env bash
# End-to-end checks of `chorus summarize`: budgets, formats, citations,
# streaming JSONL, exit codes (0 ok, 1 input error, 2 usage error), --strict.
# Usage: summarize_command_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"
words() { wc -w <"$1"; }

ex="$src/examples/harbor-fire"
"$chorus" summarize "$ex" --words 100 >"$tmp/out.txt" 2>"$tmp/err.txt"
check "text exits 0" test $? -eq 0
check "text within 100 words" test "$(words "$tmp/out.txt")" -le 100
check "text not empty" test -s "$tmp/out.txt"
# Every line is a whole sentence of the input, as `chorus sentences` prints
# them, or that sentence compressed: its words, in order, with some removed
# (never a sentence cut at the budget).
"$chorus" sentences "$ex" | cut -f3- >"$tmp/sentences.txt"
whole_or_compressed() {  # whole_or_compressed SENTENCES OUTPUT
  awk 'function words(line, out,   n, i) {
         n = split(line, out, " ");
         for (i = 1; i <= n; i++) { gsub(/[.,;:]+$/, "", out[i]); out[i] = tolower(out[i]) }
         return n
       }
       NR == FNR { sentence[NR] = $0; count = NR; next }
       {
         n = words($0, w); found = 0
         for (s = 1; s <= count && !found; s++) {
           m = words(sentence[s], v); i = 1
           for (j = 1; j <= m && i <= n; j++) if (v[j] == w[i]) i++
           found = i > n && $0 ~ /[.!?]["\x27]*$/
         }
         if (!found) { print "not from the input: " $0; bad = 1 }
       }
       END { exit bad }' "$1" "$2"
}
check "whole or compressed sentences only" whole_or_compressed "$tmp/sentences.txt" "$tmp/out.txt"

"$chorus" summarize "$ex" --words 100 --cite >"$tmp/cite.txt"
check "--cite appends [ids]" grep -qE ' \[[^]]+\]$' "$tmp/cite.txt"

for n in 1 2 3; do
  "$chorus" summarize "$ex" --sentences $n >"$tmp/s.txt"
  check "--sentences $n" test "$(wc -l <"$tmp/s.txt")" -eq $n
done
"$chorus" summarize "$ex" --bytes 300 >"$tmp/b.txt"
check "--bytes 300" test "$(($(wc -c <"$tmp/b.txt") - 1))" -le 300

"$chorus" summarize "$ex" --format json >"$tmp/out.json"
check "json has support" grep -qF '"support": [' "$tmp/out.json"
check "json has method" grep -qF '"method": "chorus"' "$tmp/out.json"

# A JSONL of two clusters gives two lines, one per cluster.
printf '%s\n' \
  '{"id":"c1","documents":[{"id":"a","text":"The river burst its banks after three days of heavy rain in the valley. Rescue teams pulled twelve people from flooded homes on Saturday."},{"id":"b","text":"Rescue teams pulled twelve people from flooded homes after the river burst its banks in the valley."}]}' \
  '{"id":"c2","documents":[{"id":"x","text":"The city council approved the new budget for schools and roads on Monday evening after a long debate."}]}' \
  >"$tmp/in.jsonl"
"$chorus" summarize "$tmp/in.jsonl" --format jsonl >"$tmp/out.jsonl"
check "jsonl exits 0" test $? -eq 0
check "jsonl one line per cluster" test "$(wc -l <"$tmp/out.jsonl")" -eq 2
check "jsonl ids" bash -c 'head -1 "$1" | grep -qF "{\"id\":\"c1\",\"method\":\"chorus\",\"summary\":[{"' _ "$tmp/out.jsonl"
cat "$tmp/in.jsonl" | "$chorus" summarize - --format jsonl >"$tmp/stdin.jsonl"
check "stdin input" cmp -s "$tmp/out.jsonl" "$tmp/stdin.jsonl"

# A malformed line: reported, the other clusters still summarized, exit 1.
{ head -1 "$tmp/in.jsonl"; echo '{"id": broken'; tail -1 "$tmp/in.jsonl"; } >"$tmp/bad.jsonl"
"$chorus" summarize "$tmp/bad.jsonl" --format jsonl >"$tmp/bad.out" 2>"$tmp/bad.err"
check "malformed line exits 1" test $? -eq 1
check "malformed line: others summarized" test "$(wc -l <"$tmp/bad.out")" -eq 2
check "malformed line named" grep -qF 'bad.jsonl:2' "$tmp/bad.err"
"$chorus" summarize "$tmp/bad.jsonl" --format jsonl --strict >"$tmp/strict.out" 2>/dev/null
check "--strict exits 1" test $? -eq 1
check "--strict stops at the first error" test "$(wc -l <"$tmp/strict.out")" -eq 1

"$chorus" summarize "$tmp/missing-dir" >/dev/null 2>&1
check "missing path exits 1" test $? -eq 1
"$chorus" summarize "$ex" --words 10 --bytes 10 >/dev/null 2>&1
check "two budgets exit 2" test $? -eq 2
"$chorus" summarize "$ex" --method bogus >/dev/null 2>"$tmp/m.err"
check "unknown method exits 2" test $? -eq 2
check "unknown method names known ones" grep -qF 'chorus' "$tmp/m.err"
"$chorus" summarize "$ex" --format xml >/dev/null 2>&1
check "bad format exits 2" test $? -eq 2

finish summarize_command_test
