#!/usr/bin/env bash
# End-to-end scale of `chorus cluster` on the shared 266,965-headline stream
# (../shared/data/events/uci-train.jsonl, in file order): the first 10k, 100k
# and all articles clustered into a new store (single thread, the shipped
# model, store written and committed), with CPU time, wall time, articles/s
# and peak resident memory of each run. Cost close to linear in articles means
# articles/s stays about flat as the stream grows.
# Usage: bench/cluster_scale.sh [build-dir] [sizes, default "10000 100000 266965"] [chorus cluster
# flags, e.g. --model learned]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sizes=${2:-10000 100000 266965}
shift $(($# < 2 ? $# : 2))
data=${CHORUS_SHARED_DATA_DIR:-../shared/data}/events/uci-train.jsonl
[[ -x "$build/chorus" ]] || { echo "cluster_scale: build $build/chorus first" >&2; exit 1; }
if [[ ! -f "$data" ]]; then
  echo "*** SHARED DATA MISSING: $data; nothing measured ***"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "| articles | events | CPU s | wall s | articles/s (CPU) | peak RSS MB | store MB |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  head -n "$n" "$data" >"$work/in.jsonl"
  rm -f "$work/s.db" "$work/s.db-wal" "$work/s.db-shm"
  /usr/bin/time -f '%U %S %e %M' -o "$work/time" \
    "$build/chorus" cluster "$work/in.jsonl" --store "$work/s.db" --format jsonl "$@" >"$work/out.jsonl" 2>"$work/err"
  read -r user sys wall rss <"$work/time"
  events=$(grep -o '"event":[0-9]*' "$work/out.jsonl" | sort -u | wc -l)
  lines=$(wc -l <"$work/in.jsonl")
  awk -v n="$lines" -v e="$events" -v u="$user" -v s="$sys" -v w="$wall" -v r="$rss" \
      -v db="$(stat -c %s "$work/s.db")" \
    'BEGIN { cpu = u + s; printf "| %d | %d | %.1f | %.1f | %.0f | %.0f | %.0f |\n", n, e, cpu, w, n / cpu, r / 1024, db / 1048576 }'
done
