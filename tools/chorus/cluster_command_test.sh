#!/usr/bin/env bash
# End-to-end checks of `chorus cluster`, `chorus events`,
# `chorus summarize --store --event` and `chorus compare --store --event`: output formats, a second run continuing
# the same store, re-fed articles skipped, exit codes (0 ok, 1 input error,
# 2 usage error).
# Usage: cluster_command_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"

# The example articles about one harbour fire, fed as a stream, plus an
# unrelated article and a syndicated copy of the first one.
cp -r "$src/examples/harbor-fire" "$tmp/fire"
cat >"$tmp/more.jsonl" <<'JSON'
{"id": "chess", "source": "NYT", "text": "Magnus Carlsen won the opening game of the world chess championship in Madrid, outplaying Ding Liren in a long endgame. The chess match runs for fourteen games and the winner takes the title."}
JSON
python3 - "$tmp" <<'PY'
import json, sys
text = open(sys.argv[1] + "/fire/01-brennmouth-courier.txt").read()
with open(sys.argv[1] + "/more.jsonl", "a") as f:
    f.write(json.dumps({"id": "fire-copy", "source": "Wire", "text": text}) + "\n")
PY

"$chorus" cluster "$tmp/fire" --store "$tmp/s.db" >"$tmp/first.jsonl" 2>"$tmp/err.txt"
check "first run exits 0" test $? -eq 0
check "one JSONL line per article" test "$(wc -l <"$tmp/first.jsonl")" -ge 5
check "lines carry article, event, duplicate_of" \
  grep -q '^{"article":"01-brennmouth-courier","event":1,"duplicate_of":null}$' "$tmp/first.jsonl"
check "the fire articles form one event" \
  test "$(grep -o '"event":[0-9]*' "$tmp/first.jsonl" | sort -u | wc -l)" -eq 1

"$chorus" cluster "$tmp/more.jsonl" --store "$tmp/s.db" >"$tmp/second.jsonl" 2>>"$tmp/err.txt"
check "second run exits 0" test $? -eq 0
check "unrelated article opens event 2" grep -q '"article":"chess","event":2,' "$tmp/second.jsonl"
check "copy joins the fire event as a duplicate" \
  grep -q '"article":"fire-copy","event":1,"duplicate_of":"01-brennmouth-courier"' "$tmp/second.jsonl"

"$chorus" cluster "$tmp/more.jsonl" --store "$tmp/s.db" >"$tmp/third.jsonl" 2>"$tmp/third.err"
check "re-feeding exits 0" test $? -eq 0
check "re-fed articles are skipped" test ! -s "$tmp/third.jsonl"
check "skips are reported" grep -q '2 already stored' "$tmp/third.err"

"$chorus" events --store "$tmp/s.db" >"$tmp/events.txt"
check "events exits 0" test $? -eq 0
check "events table lists two events" test "$(wc -l <"$tmp/events.txt")" -eq 3
check "events --after 1 --limit 1 lists event 2 only" \
  test "$("$chorus" events --store "$tmp/s.db" --after 1 --limit 1 | awk 'NR>1 {print $1}')" = 2
"$chorus" events --store "$tmp/s.db" --after -1 >/dev/null 2>&1
check "events --after -1 exits 2" test $? -eq 2
"$chorus" events --store "$tmp/s.db" --format json >"$tmp/events.json"
check "events json counts the copy but not as a source" \
  python3 -c "import json,sys; e=json.load(open('$tmp/events.json'))[0]; sys.exit(0 if e['duplicates']==1 and e['articles']==e['independent_sources']+1 else 1)"

"$chorus" summarize --store "$tmp/s.db" --event 1 --cite >"$tmp/summary.txt"
check "summarize a stored event exits 0" test $? -eq 0
check "summary cites the articles" grep -q '\[.*brennmouth\|\[.*coastline\|\[.*ledger\|\[.*pulse\|\[.*northshore' "$tmp/summary.txt"

"$chorus" compare --store "$tmp/s.db" --event 1 --format json >"$tmp/compare.json"
check "compare a stored event exits 0" test $? -eq 0
# (The cleaner splits a page carrying a second story into id and id#2.)
check "compare reads the event's articles, the copy left out" \
  python3 -c "import json,os,sys; s=sorted(set(x['id'].split('#')[0] for x in json.load(open('$tmp/compare.json'))['sources'])); sys.exit(0 if s==sorted(os.path.splitext(f)[0] for f in os.listdir('$tmp/fire')) else 1)"
check "compare finds facts several sources share" \
  python3 -c "import json,sys; f=json.load(open('$tmp/compare.json'))['facts']; sys.exit(0 if any(len(x['sources'])>=3 for x in f) else 1)"
"$chorus" compare --store "$tmp/s.db" --event 2 >"$tmp/compare.txt"
check "compare text of a one-article event exits 0" test $? -eq 0
check "compare text names the chess source" grep -q 'chess' "$tmp/compare.txt"

"$chorus" summarize --store "$tmp/s.db" --event 99 >/dev/null 2>"$tmp/unknown.err"
check "summarize: unknown event exits 1" test $? -eq 1
check "summarize: unknown event is named" grep -q 'has no event 99' "$tmp/unknown.err"
"$chorus" compare --store "$tmp/s.db" --event 99 >/dev/null 2>"$tmp/unknown.err"
check "compare: unknown event exits 1" test $? -eq 1
check "compare: unknown event is named" grep -q 'has no event 99' "$tmp/unknown.err"
"$chorus" compare --store "$tmp/missing.db" --event 1 >/dev/null 2>"$tmp/missing.err"
check "compare: missing store exits 1" test $? -eq 1
check "compare: missing store is named" grep -q 'missing.db does not exist' "$tmp/missing.err"
"$chorus" compare --store "$tmp/s.db" --event 1 "$tmp/fire" >/dev/null 2>&1
check "compare: inputs and --event together exit 2" test $? -eq 2
"$chorus" compare >/dev/null 2>&1
check "compare: neither inputs nor --event exits 2" test $? -eq 2
"$chorus" events --store "$tmp/missing.db" >/dev/null 2>&1
check "missing store exits 1" test $? -eq 1
"$chorus" cluster "$tmp/fire" --store "$tmp/s.db" --threshold 2 >/dev/null 2>&1
check "threshold out of range exits 2" test $? -eq 2
"$chorus" cluster "$tmp/fire" --store "$tmp/s.db" --format xml >/dev/null 2>&1
check "unknown format exits 2" test $? -eq 2
echo "not a database" >"$tmp/junk.db"
"$chorus" cluster "$tmp/fire" --store "$tmp/junk.db" >/dev/null 2>&1
check "a file that is not a store exits 1" test $? -eq 1

finish cluster_command_test
