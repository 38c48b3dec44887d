#!/usr/bin/env bash
# Builds (if needed) and runs the whole test suite: the C++ tests under ctest,
# then the Python tests (pytest) against the package pip installs into .venv,
# run from outside the repository.
# Usage: scripts/test.sh [build-dir] [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
python=ON
for flag in "$@"; do
  [[ "$flag" == -DCHORUS_BUILD_PYTHON=OFF ]] && python=OFF
done
bash scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${CHORUS_BUILD_TYPE:-Release} \
  -DCHORUS_BUILD_PYTHON=ON "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
# The Python tests run once, below, against the installed package.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -LE python
if [[ "$python" == ON ]]; then
  bash scripts/install-python.sh "$build"
  repo=$(pwd)
  cli="$(cd "$build" && pwd)/chorus"
  (cd "$(mktemp -d)" && CHORUS_SOURCE_DIR="$repo" CHORUS_CLI="$cli" \
    "$repo/.venv/bin/python" -m pytest -q -p no:cacheprovider "$repo/python/tests")
fi
