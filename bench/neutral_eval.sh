#!/usr/bin/env bash
# `chorus summarize --neutral` on the AllSides/NeuS validation split (issue 12):
# ROUGE against the editors' neutral summaries and the share of loaded terms
# (data/loaded_terms.txt, learned from train.jsonl + stories.jsonl only), for
#   chorus-neutral, chorus (plain), lexrank, and lead-center (Lead of the
#   center outlet's article; only the val clusters whose leans are known).
# Budget: 67 words, the references' mean length. ROUGE-1.5.5 -n 2 -m -2 4 -u.
# Usage: bench/neutral_eval.sh [build dir, default build] [words, default 67]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
words=${2:-67}
data=${CHORUS_SHARED_DATA_DIR:-../shared/data}/allsides
if [[ ! -f "$data/val.jsonl" ]]; then
  echo "neutral_eval: SKIPPED: $data/val.jsonl not found" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

summarize() {  # system, extra flags...
  local system=$1; shift
  # val.jsonl has two clusters with an empty article: the CLI reports and
  # skips them, and exits non-zero for that alone.
  { "$build/chorus" summarize "$data/val.jsonl" --words "$words" --format jsonl "$@" 2>/dev/null || true; } |
    $py -c 'import json,sys
for line in sys.stdin:
    s = json.loads(line); print(json.dumps({"id": s["id"], "system": sys.argv[1], "summary": s["summary"]}))' "$system"
}
{
  summarize chorus-neutral --neutral
  summarize chorus
  summarize lexrank --method lexrank
  # Lead of the center article: a cluster of that one article, summarized by lead.
  $py -c 'import json,sys
for line in open(sys.argv[1]):
    c = json.loads(line)
    center = [d for d in c["documents"] if d.get("lean") == "center"]
    if center:
        print(json.dumps({"id": c["id"], "documents": center}))' "$data/val.jsonl" > "$work/center.jsonl"
  "$build/chorus" summarize "$work/center.jsonl" --method lead --words "$words" --format jsonl 2>/dev/null |
    $py -c 'import json,sys
for line in sys.stdin:
    s = json.loads(line); print(json.dumps({"id": s["id"], "system": "lead-center", "summary": s["summary"]}))'
} > "$work/peers.jsonl"

echo "== ROUGE-1.5.5 -n 2 -m -2 4 -u vs the AllSides editors' summaries ($words-word summaries)"
for system in chorus-neutral chorus lexrank; do
  grep "\"system\": \"$system\"" "$work/peers.jsonl" > "$work/$system.jsonl"
  echo "-- $system (307 clusters)"
  "$build/chorus" rouge --clusters "$data/val.jsonl" --peers "$work/$system.jsonl" -n 2 -m -2 4 -u | grep -E "ROUGE-(1|2|SU4) Average_R" || true
done
# Lead-center exists for the clusters with known leans: score every system on them too.
$py -c 'import json,sys
ids = {json.loads(l)["id"] for l in open(sys.argv[1])}
for l in open(sys.argv[2]):
    if json.loads(l)["id"] in ids: print(l, end="")' "$work/center.jsonl" "$data/val.jsonl" > "$work/val-center.jsonl"
n=$(wc -l < "$work/val-center.jsonl")
for system in lead-center chorus-neutral chorus lexrank; do
  $py -c 'import json,sys
ids = {json.loads(l)["id"] for l in open(sys.argv[1])}
for l in open(sys.argv[2]):
    p = json.loads(l)
    if p["id"] in ids and p["system"] == sys.argv[3]: print(l, end="")' "$work/center.jsonl" "$work/peers.jsonl" "$system" > "$work/$system-c.jsonl"
  echo "-- $system ($n clusters with a known center outlet)"
  "$build/chorus" rouge --clusters "$work/val-center.jsonl" --peers "$work/$system-c.jsonl" -n 2 -m -2 4 -u | grep -E "ROUGE-(1|2|SU4) Average_R" || true
done
echo "== share of loaded terms among content words (lower is more neutral)"
"$build/chorus-train-loaded-terms" --measure "$work/peers.jsonl"
