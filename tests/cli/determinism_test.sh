#!/usr/bin/env bash
# Same input, same output, whatever the machine's load: `chorus summarize`
# over DUC 2006 (250 words) and Multi-News 200 (300 words) gives the same
# bytes on an idle machine and while two competing processes keep the cores
# busy, and `chorus eval --jobs 1` and `--jobs 2` report the same scores.
# The DUC 2006 clusters are long programs that the integer program's solver
# cannot close quickly: a limit on time instead of work makes them differ.
# Exit 77 (skip) without data.
# Usage: determinism_test.sh CHORUS_BINARY SHARED_DATA_DIR [DUC2006_CLUSTERS MULTINEWS_CLUSTERS]
set -uo pipefail
chorus=$1
data=$2
duc_clusters=${3:-8}
mn_clusters=${4:-60}
duc=$data/duc2006/clusters.jsonl
mn=$data/multinews200/clusters.jsonl
if [[ ! -f $duc || ! -f $mn ]]; then
  echo "SHARED DATA MISSING: $duc or $mn (set CHORUS_SHARED_DATA_DIR)"
  exit 77
fi
tmp=$(mktemp -d)
busy_pids=()
cleanup() {
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
head -n "$duc_clusters" "$duc" >"$tmp/duc2006.jsonl"
head -n "$mn_clusters" "$mn" >"$tmp/multinews.jsonl"
fail=0

summarize_all() {  # summarize_all SUFFIX: both corpora, output kept for comparison
  "$chorus" summarize "$tmp/duc2006.jsonl" --words 250 --format jsonl >"$tmp/duc2006.$1" 2>"$tmp/duc2006.$1.err" &&
    "$chorus" summarize "$tmp/multinews.jsonl" --words 300 --format jsonl >"$tmp/multinews.$1" \
      2>"$tmp/multinews.$1.err"
}

summarize_all idle || { echo "chorus summarize failed"; cat "$tmp"/*.err; exit 1; }
# Two competitors for the two cores, each summarizing in a loop until killed.
for _ in 1 2; do
  (while true; do "$chorus" summarize "$mn" --words 300 --format jsonl >/dev/null 2>&1; done) &
  busy_pids+=($!)
done
summarize_all busy || { echo "chorus summarize failed under load"; exit 1; }
eval_run() {  # eval_run JOBS: the scores, without the timings
  "$chorus" eval "$tmp/duc2006.jsonl" --preset duc2006 --methods chorus --format json --jobs "$1" --quiet |
    grep -v seconds
}
eval_run 1 >"$tmp/eval.1" || { echo "chorus eval --jobs 1 failed"; exit 1; }
eval_run 2 >"$tmp/eval.2" || { echo "chorus eval --jobs 2 failed"; exit 1; }

for corpus in duc2006 multinews; do
  lines=$(wc -l <"$tmp/$corpus.idle")
  if ! cmp -s "$tmp/$corpus.idle" "$tmp/$corpus.busy"; then
    echo "FAIL: $corpus summaries differ between an idle and a busy machine:"
    diff <(cut -c1-200 "$tmp/$corpus.idle") <(cut -c1-200 "$tmp/$corpus.busy") | head -20
    fail=1
  else
    echo "ok: $corpus, $lines summaries, identical idle and busy ($(md5sum <"$tmp/$corpus.idle" | cut -c1-8))"
  fi
  # The solver's safety time limit must never be what ended a selection.
  if grep -q '"warnings"' "$tmp/$corpus.idle" "$tmp/$corpus.busy"; then
    echo "FAIL: $corpus: a summary carries a warning:"
    grep -ho '"warnings":\[[^]]*\]' "$tmp/$corpus.idle" "$tmp/$corpus.busy" | head -5
    fail=1
  fi
done
if [[ $(wc -l <"$tmp/duc2006.idle") -ne $duc_clusters || ! -s "$tmp/eval.1" ]]; then
  echo "FAIL: expected $duc_clusters DUC 2006 summaries and an eval report"
  fail=1
fi
if ! cmp -s "$tmp/eval.1" "$tmp/eval.2"; then
  echo "FAIL: chorus eval --jobs 1 and --jobs 2 differ:"
  diff "$tmp/eval.1" "$tmp/eval.2" | head -20
  fail=1
else
  echo "ok: chorus eval --jobs 1 and --jobs 2 give the same scores"
fi
exit $fail
