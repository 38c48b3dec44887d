#!/usr/bin/env bash
# Installs the chorus Python package into .venv with `pip install .`, reusing
# the CMake tree given (configured with -DCHORUS_BUILD_PYTHON=ON) so the
# library is not compiled twice. Offline: no package index, no build isolation
# (the build backend is Debian's python3-setuptools).
# Usage: scripts/install-python.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cd "${1:-build}" && pwd)
if [[ ! -x .venv/bin/python ]]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
CHORUS_CMAKE_BUILD_DIR="$tree" .venv/bin/pip install --quiet --no-index --no-build-isolation \
  --disable-pip-version-check .
repo=$(pwd)
version=$(cd /tmp && "$repo/.venv/bin/python" -c "import chorus; print(chorus.__version__)")
echo "setup: installed chorus $version (Python) into .venv"
