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

# A cluster's "query" focuses its summary; --query applies only to clusters without one.
printf '%s\n' \
  '{"id":"q","query":"bridge inspection","documents":[{"id":"a","text":"The river burst its banks after three days of heavy rain in the valley. Engineers will inspect the old bridge after the water rose above its arches."},{"id":"b","text":"The river burst its banks in the valley after heavy rain. Engineers will inspect the old bridge, which was closed on Saturday."},{"id":"c","text":"Heavy rain made the river burst its banks in the valley. The old bridge was closed so engineers could inspect it."}]}' \
  >"$tmp/query.jsonl"
"$chorus" summarize "$tmp/query.jsonl" --sentences 1 >"$tmp/q1.txt"
check "cluster query focuses the summary" grep -q 'bridge' "$tmp/q1.txt"
"$chorus" summarize "$tmp/query.jsonl" --sentences 1 --query "heavy rain in the valley" >"$tmp/q2.txt"
check "--query does not override a cluster's query" cmp -s "$tmp/q1.txt" "$tmp/q2.txt"

# update_of: a later cluster told to a reader of an earlier one; --since splits one cluster by date.
printf '%s\n' \
  '{"id":"day1","documents":[{"id":"a","date":"2024-03-01","text":"Forecasters warned that the Marra River could burst its banks near Kelburn after two days of rain. Residents of low streets in Kelburn were told to move their cars to higher ground."},{"id":"b","date":"2024-03-01","text":"Forecasters warned that the Marra River could burst its banks near Kelburn after two days of rain. Schools in the valley will stay closed on Friday because of the storm."}]}' \
  '{"id":"day2","update_of":["day1"],"documents":[{"id":"c","date":"2024-03-02","text":"Forecasters warned that the Marra River could burst its banks near Kelburn after two days of rain. Rescue teams pulled twelve people from flooded homes in Kelburn on Saturday morning."},{"id":"d","date":"2024-03-02","text":"Rescue teams pulled twelve people from flooded homes in Kelburn on Saturday. The governor declared a state of emergency for the whole valley."}]}' \
  >"$tmp/update.jsonl"
"$chorus" summarize "$tmp/update.jsonl" --words 40 --format jsonl >"$tmp/update.out"
check "update_of exits 0" test $? -eq 0
check "update tells what is new" bash -c 'tail -1 "$1" | grep -q "Rescue teams"' _ "$tmp/update.out"
check "update repeats nothing read" bash -c '! tail -1 "$1" | grep -q "Forecasters warned"' _ "$tmp/update.out"
{ echo '{"id":"all","documents":['; tail -1 "$tmp/update.jsonl" | sed 's/.*"documents":\[//; s/\]}$//'; echo ','; head -1 "$tmp/update.jsonl" | sed 's/.*"documents":\[//; s/\]}$//'; echo ']}'; } | tr -d '\n' >"$tmp/event.jsonl"
"$chorus" summarize "$tmp/event.jsonl" --words 40 --since 2024-03-02 --format jsonl >"$tmp/since.out"
check "--since exits 0" test $? -eq 0
check "--since tells only what is new" bash -c 'grep -q "Rescue teams" "$1" && ! grep -q "Forecasters warned" "$1"' _ "$tmp/since.out"
"$chorus" summarize "$tmp/event.jsonl" --since "2 March" >/dev/null 2>"$tmp/since.err"
check "bad --since exits 2" test $? -eq 2
check "bad --since explained" grep -qF 'expected a date as YYYY-MM-DD' "$tmp/since.err"
tail -1 "$tmp/update.jsonl" | "$chorus" summarize - >/dev/null 2>"$tmp/noref.err"
check "update_of of an unknown cluster exits 1" test $? -eq 1
check "update_of of an unknown cluster explained" grep -qF "update_of names cluster 'day1'" "$tmp/noref.err"

# The first sentence can stand alone; compressed sentences say so, with the original.
"$chorus" summarize "$ex" --words 100 --format json >"$tmp/open.json"
check "first sentence is no quote or question" bash -c \
  'grep -m1 "\"text\"" "$1" | grep -vqE "\"text\": \"(\\\\\"|He |She |They |It |But |And )|\\?\",?$"' _ "$tmp/open.json"
if grep -qF '"compressed": true' "$tmp/open.json"; then
  check "compressed sentences keep the original" grep -qF '"original": ' "$tmp/open.json"
fi

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
