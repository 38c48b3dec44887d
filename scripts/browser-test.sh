#!/usr/bin/env bash
# Browser test of the web page: builds chorus, starts `chorus serve` on a free
# loopback port with a fresh store, and drives Debian's chromium headless with
# playwright-core (npm; never a browser download) through web/test/browser_test.mjs.
# Screenshots go to build/artifacts/. Usage: scripts/browser-test.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

CHORUS_BROWSER_DEPS=1 bash scripts/install-deps.sh
# Always (re)built: a stale binary would test an old page (it is embedded).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$(( $(nproc) < 2 ? $(nproc) : 2 ))" --target chorus_cli
( cd web/test && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error )

articles=examples/harbor-fire
if [[ ! -d "$articles" ]]; then
  echo "browser-test: $articles missing; using ../shared/data/seed-cluster" >&2
  articles=../shared/data/seed-cluster
fi

source scripts/chorus-server.sh
start_server "$build/chorus" --store "$work/chorus.db" --threads 2
echo "browser-test: chorus serve on 127.0.0.1:$port"

status=0
node web/test/browser_test.mjs "http://127.0.0.1:$port/" "$articles" "$build/artifacts" || status=$?

# Graceful shutdown: SIGTERM, the server must exit 0 on its own.
kill -TERM "$server_pid"
if ! wait "$server_pid"; then
  echo "browser-test: server did not shut down cleanly" >&2
  status=1
fi
server_pid=""
echo "browser-test: server log: $(grep -c '"status"' "$work/server.log") requests logged"
exit $status
