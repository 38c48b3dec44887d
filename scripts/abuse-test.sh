#!/usr/bin/env bash
# Hostile-client checks against a real `chorus serve` (issue 16): starts the
# server on 127.0.0.1 (an ephemeral port, an in-memory store) and replays the
# probes that once crashed, stalled or fooled it, while a watcher asks
# /healthz every 50 ms. Each probe must get its documented answer within its
# bound, the server must stay up, and /healthz must answer throughout.
#
# Usage: scripts/abuse-test.sh [path/to/chorus]   (default: build/chorus)
# Environment: CHORUS_ABUSE_HEALTHZ_MS (default 100): the slowest /healthz
# answer allowed; one answer in a hundred may take up to ten times that (a
# shared CI machine deschedules processes now and then), never more.
# Loopback only; takes well under a minute. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
chorus=$(realpath "${1:-build/chorus}")
[[ -x $chorus ]] || { echo "abuse-test: no chorus binary at $chorus" >&2; exit 2; }
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Short limits so that every bound is reached quickly.
"$chorus" serve --host 127.0.0.1 --port 0 --store "" --threads 2 --max-request-ms 2000 \
  --header-timeout-ms 1000 --max-connections 256 --no-access-log 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.log")
  [[ -n $port ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $port ]] || { echo "abuse-test: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "abuse-test: chorus serve on 127.0.0.1:$port (pid $server_pid)"

status=0
/usr/bin/python3 - "$port" "${CHORUS_ABUSE_HEALTHZ_MS:-100}" <<'PY' || status=$?
import json, socket, sys, threading, time

PORT, HEALTHZ_MS = int(sys.argv[1]), float(sys.argv[2])
failures = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def connect(timeout=10.0):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_answer(s, deadline_s):
    """Bytes until the peer closes or the answer's body is complete."""
    s.settimeout(deadline_s)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length" and len(body) >= int(value):
                        return data
    except (socket.timeout, ConnectionResetError):
        pass
    return data


def status_of(answer):
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def request(method, path, body=b"", headers=None, deadline_s=30.0):
    """(status, seconds, body) of one request on a new connection."""
    headers = {"Host": "127.0.0.1", "Connection": "close", **(headers or {})}
    if body or method == "POST":
        headers.setdefault("Content-Type", "application/json")
        if "Transfer-Encoding" not in headers:
            headers.setdefault("Content-Length", str(len(body)))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    start = time.monotonic()
    s = connect()
    try:
        s.sendall(head.encode() + b"\r\n" + body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # refused early: the answer is still there to read
    answer = read_answer(s, deadline_s)
    s.close()
    return status_of(answer), time.monotonic() - start, answer.partition(b"\r\n\r\n")[2]


# /healthz every 50 ms on its own connection while the probes run.
latencies, stop = [], threading.Event()


def watch():
    while not stop.is_set():
        try:
            code, seconds, _ = request("GET", "/healthz", deadline_s=5.0)
        except OSError:
            code, seconds = 0, 5.0
        latencies.append((seconds * 1000.0, code))
        time.sleep(0.05)


watcher = threading.Thread(target=watch, daemon=True)
watcher.start()


def articles_body(articles):
    return json.dumps({"articles": articles}).encode()


def timed(what, method, path, body, want, bound_s, headers=None):
    code, seconds, answer = request(method, path, body, headers, deadline_s=bound_s + 5)
    ok = code in want and seconds <= bound_s
    check(ok, f"{what}: {code} in {seconds:.2f} s (want {sorted(want)} within {bound_s} s)"
          + ("" if ok else f" {answer[:200]!r}"))
    return code, answer


print("crash inputs")
nested = "<html><body>" + "<table><tr><td>" * 100000 + "text"
# These crashed the server (exit 139) before nesting was bounded. On a busy or
# slow machine the 1.5 MB page can reach the 2 s deadline: a 503 then still
# shows the server survived and the deadline held (the probes after it and
# /healthz check it is up).
timed("100k nested tables (1.5 MB) to /v1/summarize", "POST", "/v1/summarize",
      articles_body([{"id": "x", "html": nested}]), {200, 400, 422, 503}, 10)
timed("100k nested tables to /v1/articles", "POST", "/v1/articles",
      articles_body([{"id": "x", "html": nested}]), {200, 400, 422, 503}, 10)
timed("80k nested divs (CPU) to /v1/compare", "POST", "/v1/compare",
      articles_body([{"id": "d", "html": "<div>" * 80000 + "text"}]), {200, 400, 422, 503}, 4)
deep = b'{"articles":' + b"[" * 200000 + b"]" * 200000 + b"}"
timed("JSON nested 200k deep", "POST", "/v1/summarize", deep, {400}, 4)
timed("JSON object nested 200k deep", "POST", "/v1/compare",
      b'{"articles":[{"id":"a","text":' + b'{"a":' * 200000 + b"1" + b"}" * 200000 + b"}]}", {400}, 4)

print("quadratic shapes (answered or cut at the 2 s deadline, never later)")
long_text = " ".join(f"Officials said {k} people were evacuated from district {k % 97} on Monday."
                     for k in range(14000))[: 1 << 20]
timed("one 1 MB article to /v1/compare", "POST", "/v1/compare",
      articles_body([{"id": "long", "text": long_text}]), {200, 503}, 4)
many = [{"id": f"a{k}", "source": f"Outlet {k}",
         "text": f"Officials said {100 + k} people were evacuated. Mayor Carla Trent{'e' if k % 2 else ''} spoke."}
        for k in range(1000)]
timed("1,000 short articles with 1,000 values of one count to /v1/compare", "POST", "/v1/compare",
      articles_body(many), {200, 503}, 4)

print("one event of 100k tiny articles (100 POSTs of 1,000)")
start, codes = time.monotonic(), set()
for batch in range(100):
    code, _, _ = request("POST", "/v1/articles", articles_body(
        [{"id": f"t{batch}-{k}", "text": f"Storm hits coast, {k} homes without power."}
         for k in range(1000)]), deadline_s=30)
    codes.add(code)
check(codes == {200}, f"100 POSTs of 1,000 tiny articles: statuses {sorted(codes)} in "
      f"{time.monotonic() - start:.1f} s")
code, answer = timed("GET /v1/events", "GET", "/v1/events?limit=50", b"", {200}, 4)
events = json.loads(answer or b"{}").get("events", [])
if events:
    biggest = max(events, key=lambda e: e["articles"])
    for attempt in range(2):  # the event must stay readable: the store is not poisoned
        timed(f"GET /v1/events/{biggest['event']} ({biggest['articles']} articles, try {attempt + 1})", "GET",
              f"/v1/events/{biggest['event']}", b"", {200, 503}, 4)
else:
    check(False, "the tiny articles formed no event")

print("cross-site writes")
body = articles_body([{"id": "cs", "text": "A cross-site write that must not be stored."}])
timed("text/plain POST", "POST", "/v1/articles", body, {415}, 2, {"Content-Type": "text/plain"})
timed("form POST", "POST", "/v1/articles", body, {415}, 2,
      {"Content-Type": "application/x-www-form-urlencoded"})
timed("foreign Origin", "POST", "/v1/articles", body, {403}, 2, {"Origin": "http://evil.example"})
timed("foreign Host (DNS rebinding)", "GET", "/v1/events", b"", {403}, 2, {"Host": "evil.example"})

print("oversized heads and bodies")
s = connect()
start = time.monotonic()
try:
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    for k in range(1000000 // 1000):  # up to 1M header lines (11 MB), 1,000 per write
        s.sendall(b"".join(b"X-%d: 1\r\n" % (k * 1000 + i) for i in range(1000)))
except (BrokenPipeError, ConnectionResetError):
    pass
answer = read_answer(s, 5)
s.close()
check(status_of(answer) in {431, 0} and time.monotonic() - start < 5,
      f"1M header lines: {status_of(answer)} (431 or closed) in {time.monotonic() - start:.2f} s")
timed("Content-Length of 10 GB", "POST", "/v1/summarize", b"", {413}, 2,
      {"Content-Length": str(10 << 30)})
timed("9 MB body", "POST", "/v1/summarize", b"{" + b" " * (9 << 20) + b"}", {413}, 4)
timed("conflicting Content-Length", "POST", "/v1/summarize", b"{}", {400}, 2,
      {"Content-Length": "2", "content-length": "20"})
timed("chunked body", "POST", "/v1/summarize", b"2\r\n{}\r\n0\r\n\r\n", {501}, 2,
      {"Transfer-Encoding": "chunked"})

print("slowloris: 100 connections sending a head one byte a second")
slow = []
for _ in range(100):
    c = connect()
    c.sendall(b"GET /healthz HTTP/1.1\r\nHo")
    slow.append(c)
for _ in range(3):
    for c in slow:
        try:
            c.sendall(b"s")
        except OSError:
            pass
    time.sleep(1.0)
answers = [read_answer(c, 3) for c in slow]
for c in slow:
    c.close()
cut = sum(1 for a in answers if status_of(a) == 408 or not a)
check(cut == len(slow), f"slow heads cut off after the 1 s header timeout: {cut} of {len(slow)}")

stop.set()
watcher.join()
code, _, _ = request("GET", "/healthz")
check(code == 200, f"the server is still up: /healthz {code}")
times = sorted(ms for ms, _ in latencies)
bad = [c for _, c in latencies if c != 200]
slow_answers = sum(1 for ms in times if ms > HEALTHZ_MS)
print(f"/healthz during the probes: {len(times)} asks, median {times[len(times) // 2]:.1f} ms, "
      f"p99 {times[int(len(times) * 0.99)]:.1f} ms, max {times[-1]:.1f} ms")
check(not bad, f"/healthz always 200 ({len(bad)} other answers)")
check(slow_answers * 100 <= len(times) and times[-1] <= 10 * HEALTHZ_MS,
      f"/healthz within {HEALTHZ_MS:.0f} ms ({slow_answers} of {len(times)} slower, "
      f"max {times[-1]:.0f} ms)")
if failures:
    print(f"abuse-test: {len(failures)} check(s) failed")
    sys.exit(1)
print("abuse-test: all checks passed")
PY
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "abuse-test: FAIL the server died" >&2
  tail -20 "$work/server.log" >&2
  status=1
fi
exit "$status"
