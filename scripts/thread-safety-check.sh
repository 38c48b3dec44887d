#!/usr/bin/env bash
# Checks the lock annotations (src/base/thread_annotations.h) at compile time:
# first that the check bites (a field marked GUARDED_BY(mu) touched without
# mu held must not compile), then builds the library, only, with clang and
# the CHORUS_THREAD_SAFETY option (-Wthread-safety as an error). Unoptimised
# and without debug info: only the analysis matters.
# Usage: scripts/thread-safety-check.sh [build-dir] [extra cmake -D flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
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

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE= -DCHORUS_THREAD_SAFETY=ON \
  -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCHMARKS=OFF -DCHORUS_BUILD_PYTHON=OFF "$@" >/dev/null
# (the target "chorus" would be the binary, of the same name, under Ninja)
cmake --build "$build" -j 2 --target libchorus.a
echo "thread-safety-check: the library builds with -Wthread-safety -Werror"
