#!/usr/bin/env bash
# Installs chorus's Debian dependencies and builds a Release tree in build/.
# Usage: scripts/setup.sh [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j "$(nproc)"
echo "setup: built build/chorus"
