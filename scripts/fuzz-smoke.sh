#!/usr/bin/env bash
# Builds every libFuzzer target with clang (ASan + UBSan) and runs each for a
# short while from the seed corpora in fuzz/corpus/. Fails on any finding.
# The random seed is fixed (CHORUS_FUZZ_SEED, default 1) so a CI failure can be
# replayed; longer exploratory runs pick their own: CHORUS_FUZZ_SEED=0 (random).
# Usage: scripts/fuzz-smoke.sh [seconds per fuzzer, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
seed=${CHORUS_FUZZ_SEED:-1}
build=build-fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHORUS_BUILD_FUZZERS=ON -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCHMARKS=OFF >/dev/null
fuzzers=$(sed -n 's/^chorus_add_fuzzer(\([a-z_0-9]*\) .*/\1/p' fuzz/CMakeLists.txt)
# shellcheck disable=SC2086
cmake --build "$build" -j "$(nproc)" --target $fuzzers

status=0
for f in $fuzzers; do
  kind=${f%_fuzz}
  work="$build/corpus/$f"
  mkdir -p "$work"
  seeds=()
  [[ -d "fuzz/corpus/$kind" ]] && seeds+=("fuzz/corpus/$kind")
  if [[ "$kind" == rules ]]; then cp data/clean_rules.txt "$work/default.rules"; fi
  echo "== $f (${seconds}s)"
  if ! "$build/fuzz/$f" -max_total_time="$seconds" -seed="$seed" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/$f-" "$work" "${seeds[@]}" \
      >"$build/$f.log" 2>&1; then
    echo "FINDING in $f: see $build/$f.log and $build/$f-*"
    tail -40 "$build/$f.log"
    status=1
  else
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/$f.log" | tr '\n' ' '
    echo
  fi
done
if ((status == 0)); then echo "fuzz-smoke: no findings"; fi
exit $status
