#!/usr/bin/env bash
# Builds (if needed) and runs the whole test suite under ctest.
# Usage: scripts/test.sh [build-dir] [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
bash scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${CHORUS_BUILD_TYPE:-Release} \
  -DCHORUS_BUILD_PYTHON=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
