#!/usr/bin/env bash
# `chorus eval` on DUC 2004 prints the 13 published systems with their golden
# ROUGE-1.5.5 recalls beside chorus's baselines. Exit 77 (skip) without data.
# Usage: eval_duc2004_test.sh CHORUS_BINARY SHARED_DATA_DIR
set -uo pipefail
chorus=$1
data=$2
if [[ ! -f "$data/duc2004/clusters.jsonl" || ! -f "$data/duc2004/peer_summaries.jsonl" ]]; then
  echo "SHARED DATA MISSING: $data/duc2004 (set CHORUS_SHARED_DATA_DIR)"
  exit 77
fi
out=$("$chorus" eval "$data/duc2004/clusters.jsonl" --preset duc2004 --methods lead,lexrank \
      --peers "$data/duc2004/peer_summaries.jsonl" --quiet) || { echo "chorus eval failed"; exit 1; }
echo "$out"
fail=0
expect() {
  if ! grep -Eq "$1" <<<"$out"; then echo "MISSING: $1"; fail=1; fi
}
expect '^50 clusters, preset duc2004, ROUGE -n 2 -m -l 100 -2 4 -u, budget 100 words'
# Golden averages (rouge155_averages.jsonl): R-1, R-2, R-L, SU4 recall.
expect '^DPP +published +0\.39838 +0\.09616 +0\.30887 +0\.13865 '
expect '^LexRank +published +0\.36001 +0\.07512 '
expect '^Lead +published +0\.31460 +0\.06126 '
expect '^lead +chorus +0\.[0-9]{5} '
expect '^lexrank +chorus +0\.[0-9]{5} '
published=$(grep -Ec '^[A-Za-z0-9_]+ +published ' <<<"$out")
if [[ $published -ne 13 ]]; then echo "expected 13 published systems, got $published"; fail=1; fi
# Usage errors exit 2, input errors 1.
"$chorus" eval "$data/duc2004/clusters.jsonl" --methods nope --quiet >/dev/null 2>&1
[[ $? -eq 2 ]] || { echo "unknown method should exit 2"; fail=1; }
"$chorus" eval /nonexistent.jsonl --quiet >/dev/null 2>&1
[[ $? -eq 1 ]] || { echo "missing dataset should exit 1"; fail=1; }
exit $fail
