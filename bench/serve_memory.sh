#!/usr/bin/env bash
# Memory bench of a long-running `chorus serve` (loopback only, bounded):
# POST /v1/summarize requests whose words were never seen before (five
# articles of random 9-letter words, ~18k new words a request), the worst
# case for the interned vocabulary; prints the server's resident memory as
# the requests accumulate. With vocabulary generations it levels off once a
# generation fills (~1M words) instead of growing with every request.
# Usage: bench/serve_memory.sh [build-dir] [requests, default 160]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
requests=${2:-160}
[[ -x "$build/chorus" ]] || { echo "serve_memory: build $build/chorus first" >&2; exit 1; }
source scripts/chorus-server.sh
start_server "$build/chorus" --store "$work/store.db" --threads 1

/usr/bin/python3 - "$port" "$server_pid" "$requests" <<'PY'
import json, random, string, sys, urllib.request
port, pid, requests = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

def rss_mb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

rng = random.Random(1)
def word():
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(9))

print(f"{'requests':>8} {'new words':>10} {'RSS MB':>8}")
print(f"{0:>8} {0:>10} {rss_mb():>8.0f}")
words = 0
for r in range(1, requests + 1):
    articles = []
    for a in range(5):
        sentences = [" ".join(word() for _ in range(12)) for _ in range(300)]
        words += 12 * 300
        articles.append({"id": f"a{a}", "text": ". ".join(sentences) + "."})
    body = json.dumps({"articles": articles, "options": {"words": 100}}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/summarize", data=body,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as response:
        if response.status != 200:
            sys.exit(f"serve_memory: request {r} got {response.status}")
    if r % 20 == 0 or r == requests:
        print(f"{r:>8} {words:>10} {rss_mb():>8.0f}")
PY
