#!/usr/bin/env bash
# Diffs what two versions of chorus print: `summarize` (every method), `compare`
# and `cluster` (+ `events`) as JSON, on DUC 2004, Multi-News 200, the seed
# cluster and every examples/ directory. For refactors that must not change
# output: it says, input by input, identical or how many lines differ.
#
# Usage: scripts/output-diff.sh [--drop KEY]... A B
#   A, B   a git revision (built in a scratch worktree, chorus binary only) or
#          the path of a chorus binary already built.
#   --drop KEY   delete every object field named KEY from B's JSON before
#          comparing (a documented new field); may repeat.
# Environment: CHORUS_OUTDIFF_DIR (scratch space, default /tmp/chorus-outdiff;
# outputs stay there for a closer look), CHORUS_SHARED_DATA (default
# ../shared/data beside the repo). Inputs that are missing are skipped, loudly.
# Exit status: 0 when all outputs match, 1 when any differs, 2 on usage error.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${CHORUS_SHARED_DATA:-$repo/../shared/data}
work=${CHORUS_OUTDIFF_DIR:-/tmp/chorus-outdiff}
drops=()
while [[ $# -gt 0 && $1 == --drop ]]; do drops+=("$2"); shift 2; done
if [[ $# -ne 2 ]]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
mkdir -p "$work"

# Prints the path of a chorus binary for revision or binary path $1.
binary_for() {
  if [[ -x $1 && -f $1 ]]; then realpath "$1"; return; fi
  local sha tree
  sha=$(git -C "$repo" rev-parse --verify "$1^{commit}")
  tree="$work/tree-${sha:0:12}"
  if [[ ! -x $tree/build/chorus ]]; then
    [[ -d $tree ]] || git -C "$repo" worktree add --detach "$tree" "$sha" >&2
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake -S "$tree" -B "$tree/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_TESTS=OFF \
      -DCHORUS_BUILD_BENCHMARKS=OFF -DCHORUS_BUILD_PYTHON=OFF "${launcher[@]}" >&2
    cmake --build "$tree/build" --target chorus_cli -j "$(nproc)" >&2
  fi
  echo "$tree/build/chorus"
}

# Inputs: name -> path.
declare -A inputs=()
[[ -f $data/duc2004/clusters.jsonl ]] && inputs[duc2004]=$data/duc2004/clusters.jsonl
[[ -f $data/multinews200/clusters.jsonl ]] && inputs[multinews200]=$data/multinews200/clusters.jsonl
[[ -d $data/seed-cluster ]] && inputs[seed-cluster]=$data/seed-cluster
for dir in "$repo"/examples/*/; do inputs[examples-$(basename "$dir")]=${dir%/}; done
for name in duc2004 multinews200 seed-cluster; do
  [[ -n ${inputs[$name]:-} ]] || echo "output-diff: SKIPPING $name: not found under $data" >&2
done

# Writes every output of binary $1 into directory $2.
run_all() {
  local bin=$1 out=$2 name input method
  rm -rf "$out"
  mkdir -p "$out"
  local methods
  methods=$("$bin" summarize --help | sed -n 's/.*Summarization method: \([a-z, ]*\).*/\1/p' | tr -d ',')
  for name in "${!inputs[@]}"; do
    input=${inputs[$name]}
    for method in $methods; do
      "$bin" summarize --format jsonl --method "$method" "$input" >"$out/$name.summarize-$method.jsonl" 2>/dev/null || true
    done
    "$bin" compare --format json "$input" >"$out/$name.compare.json" 2>/dev/null || true
    rm -f "$out/$name.db"*
    "$bin" cluster --format json --store "$out/$name.db" "$input" >"$out/$name.cluster.json" 2>/dev/null || true
    "$bin" events --format json --store "$out/$name.db" >"$out/$name.events.json" 2>/dev/null || true
    rm -f "$out/$name.db"*
  done
}

# jq program deleting the dropped fields everywhere.
filter=.
if [[ ${#drops[@]} -gt 0 ]]; then
  keys=$(printf '"%s",' "${drops[@]}")
  filter="walk(if type == \"object\" then delpaths([[${keys%,}][] | [.]]) else . end)"
fi

bin_a=$(binary_for "$1")
bin_b=$(binary_for "$2")
echo "A: $1 ($bin_a)"
echo "B: $2 ($bin_b)${drops:+, dropping fields: ${drops[*]}}"
run_all "$bin_a" "$work/out-a"
run_all "$bin_b" "$work/out-b"

status=0
for file in $(cd "$work/out-a" && ls); do
  a=$work/out-a/$file
  b=$work/out-b/$file
  if [[ ! -f $b ]]; then echo "MISSING in B: $file"; status=1; continue; fi
  if [[ ${#drops[@]} -gt 0 && -s $b ]]; then
    jq -c "$filter" "$b" >"$b.dropped"
    jq -c . "$a" >"$a.compact"
    a=$a.compact
    b=$b.dropped
  fi
  if cmp -s "$a" "$b"; then
    printf '%-48s identical (%s lines)\n' "$file" "$(wc -l <"$a")"
  else
    printf '%-48s DIFFERS: %s of %s lines\n' "$file" "$(diff "$a" "$b" | grep -c '^>' || true)" "$(wc -l <"$a")"
    status=1
  fi
done
exit $status
