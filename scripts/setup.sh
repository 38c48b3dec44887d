#!/usr/bin/env bash
# Installs chorus's Debian dependencies, builds a Release tree in build/ and
# installs the Python package into .venv (Debian's Python 3, with the system's
# packages visible: Dask, pandas, tqdm). Offline: pip reads no index.
# Usage: scripts/setup.sh [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_PYTHON=ON "$@" >/dev/null
cmake --build build -j "$(nproc)"
echo "setup: built build/chorus"
bash scripts/install-python.sh build
