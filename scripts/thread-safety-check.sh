#!/usr/bin/env bash
# Checks the lock annotations (src/base/thread_annotations.h) at compile time:
# first that the check bites (a field marked GUARDED_BY(mu) touched without
# mu held must not compile), then compiles the library with clang and the
# CHORUS_THREAD_SAFETY option (-Wthread-safety as an error): by default only
# its sources that see an annotation (those including base/mutex.h or
# base/thread_annotations.h, directly or through other headers; no other
# source can break a lock rule), with --all the whole library. Unoptimised
# and without debug info: only the analysis matters.
# Usage: scripts/thread-safety-check.sh [--all] [build-dir] [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
all=0
if [[ ${1:-} == --all ]]; then all=1; shift; fi
build=${1:-build-tsa}
shift || true

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
cat >"$probe/probe.cc" <<'CC'
#include "base/mutex.h"
struct Counter {
  chorus::Mutex mu;
  int n GUARDED_BY(mu) = 0;
  void Add() { chorus::MutexLock lock(&mu); ++n; }
#ifdef UNGUARDED
  void Race() { ++n; }
#endif
};
CC
flags=(-std=c++20 -fsyntax-only -Wthread-safety -Werror -Isrc "$probe/probe.cc")
clang++ "${flags[@]}"
if clang++ -DUNGUARDED "${flags[@]}" 2>/dev/null; then
  echo "thread-safety-check: an unguarded write compiled: the annotations are not checked" >&2
  exit 1
fi

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DCMAKE_C_FLAGS_DEBUG=-O0 -DCHORUS_THREAD_SAFETY=ON \
  -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCHMARKS=OFF -DCHORUS_BUILD_PYTHON=OFF "$@" >/dev/null
if ((all)); then
  # (the target "chorus" would be the binary, of the same name, under Ninja)
  cmake --build "$build" -j 2 --target libchorus.a
  echo "thread-safety-check: the library builds with -Wthread-safety -Werror"
  exit 0
fi
# The headers that carry annotations, closed over "#include" among src/ and
# include/ headers; then the library sources that include any of them.
seen=(base/mutex.h base/thread_annotations.h)
while :; do
  mapfile -t found < <(grep -rlF -f <(printf '#include "%s"\n' "${seen[@]}") src include --include='*.h' |
    sed 's#^src/##; s#^include/##')
  mapfile -t grown < <(printf '%s\n' "${seen[@]}" "${found[@]}" | sort -u)
  ((${#grown[@]} == ${#seen[@]})) && break
  seen=("${grown[@]}")
done
mapfile -t sources < <(grep -rlF -f <(printf '#include "%s"\n' "${seen[@]}") src --include='*.cc' |
  grep -v '_test\.cc$' | sort)
objects=()
for f in "${sources[@]}"; do objects+=("src/CMakeFiles/chorus.dir/${f#src/}.o"); done
ninja -C "$build" -j 2 "${objects[@]}"
echo "thread-safety-check: ${#sources[@]} library sources that see lock annotations build with" \
  "-Wthread-safety -Werror"
