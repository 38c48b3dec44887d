#!/usr/bin/env bash
# Installs the Debian 12 packages chorus builds, tests and benchmarks with.
# Idempotent: packages already present are left alone. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libstemmer-dev libutf8proc-dev libsimdjson-dev nlohmann-json3-dev libgumbo-dev
  libcpp-httplib-dev libcli11-dev libfmt-dev libsqlite3-dev libglpk-dev
  libpcre2-dev
  # mimalloc: the chorus binary's allocator (cmake/ChorusDeps.cmake says why).
  libmimalloc-dev
  libxgboost-dev wordnet-base
  libgtest-dev libgmock-dev libbenchmark-dev
  pybind11-dev python3-dev python3-pytest
  # The Python package: a venv, pip and setuptools to install it offline; Dask,
  # pandas and tqdm for chorus.dask, DataFrames and progress bars.
  python3-venv python3-pip python3-setuptools python3-wheel
  python3-dask python3-distributed python3-pandas python3-tqdm python3-psutil
  # clang: the fuzzers and the -Wthread-safety check; clang-format: the format check.
  clang libclang-rt-14-dev clang-format
)
# Browser tests for the web page (issue: chorus serve) need these; optional elsewhere.
if [[ "${CHORUS_BROWSER_DEPS:-0}" == 1 ]]; then
  packages+=(chromium nodejs)
  # NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
# The HTTP load bench (bench/serve_bench.sh) drives the server with wrk.
if [[ "${CHORUS_BENCH_DEPS:-0}" == 1 ]]; then
  packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
SUDO=""
if [[ $(id -u) != 0 ]]; then SUDO=sudo; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
