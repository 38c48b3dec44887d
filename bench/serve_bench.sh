#!/usr/bin/env bash
# Load bench of `chorus serve` (loopback only, bounded): wrk against
# POST /v1/summarize with a five-article cluster, first valid requests only,
# then with malformed (1 in 10) and oversized (1 in 20) requests mixed in.
# Usage: [METHOD=name] bench/serve_bench.sh [build-dir] [seconds] [connections]
# (METHOD: a summarization method other than the default, to tell the
# server's own cost from the summarizer's.)
# Prints wrk's requests/s and latency percentiles and the statuses received.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-10}
connections=${3:-16}
CHORUS_BENCH_DEPS=1 bash scripts/install-deps.sh >/dev/null
[[ -x "$build/chorus" ]] || { echo "serve_bench: build $build/chorus first" >&2; exit 1; }

articles=examples/harbor-fire
[[ -d "$articles" ]] || articles=../shared/data/seed-cluster
source scripts/chorus-server.sh

max_body=262144
python3 - "$articles" "$work" "$max_body" "${METHOD:-}" <<'PY'
import json, os, sys
src, out, max_body, method = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
files = sorted(f for f in os.listdir(src) if f.endswith(('.txt', '.html', '.htm')))[:5]
# Sent as the web page sends files: whole, as "file" (date/source/title lines)
# or "html" (a web page the server extracts the article from).
articles = [{"id": os.path.splitext(f)[0],
             ("html" if f.endswith(('.html', '.htm')) else "file"):
                 open(os.path.join(src, f), encoding="utf-8").read()}
            for f in files]
assert len(articles) == 5, f"need five articles in {src}"
options = {"words": 100, **({"method": method} if method else {})}
open(f"{out}/valid.json", "w").write(json.dumps({"articles": articles, "options": options}))
open(f"{out}/malformed.json", "w").write('{"articles": [{"id": "a", "text": "unterminated}')
big = "x" * (max_body + 1000)
open(f"{out}/oversized.json", "w").write(json.dumps({"articles": [{"id": "big", "text": big}]}))
print(f"serve_bench: {len(articles)} articles from {src}, options {options}, "
      f"{os.path.getsize(f'{out}/valid.json')} bytes per request")
PY

start_server "$build/chorus" --store "" --threads 2 --max-body-bytes "$max_body"
url="http://127.0.0.1:$port"
curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/valid.json" "$url/v1/summarize"

# CPU seconds the server has used (utime + stime, from /proc), to report its
# cost per request apart from what the shared machine's load does to latency.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== valid requests only: wrk -t1 -c$connections -d${seconds}s --latency (server: 2 workers)"
cpu0=$(server_cpu)
CHORUS_BENCH_DIR=$work MIX=0 wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s --latency \
  -s bench/serve_bench.lua "$url" | tee "$work/wrk.txt"
cpu1=$(server_cpu)
requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.txt")
python3 -c "import sys; c=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); \
print(f'server CPU: {c:.2f} s for {n} requests = {1000*c/n:.2f} ms/request; '
      f'2 dedicated cores would serve at most {2*n/c:.0f} requests/s')" "$cpu0" "$cpu1" "$requests"
echo "== mixed: 1 in 10 malformed, 1 in 20 oversized (${max_body}+ bytes)"
CHORUS_BENCH_DIR=$work MIX=1 wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s --latency \
  -s bench/serve_bench.lua "$url"
kill -TERM "$server_pid"
wait "$server_pid" || { echo "serve_bench: server did not stop cleanly" >&2; exit 1; }
server_pid=""
echo "== server: $(grep -c '"status":' "$work/server.log") requests logged, shut down cleanly"
