#!/usr/bin/env bash
# End-to-end check that the server and the CLI print the same bytes for the
# same store: GET /v1/events carries `chorus events --format json` (a page
# with --after/--limit likewise), and GET /v1/events/{id} carries the event
# as `chorus events` renders it, `chorus summarize --store --event` and
# `chorus compare --store --event` output, spliced in unchanged.
# Usage: serve_command_test.sh CHORUS_BINARY SOURCE_DIR
source "$(dirname "$0")/cli_test_lib.sh" "$@"
source "$src/scripts/chorus-server.sh"
trap 'cleanup; rm -rf "$tmp"' EXIT

cp -r "$src/examples/harbor-fire" "$tmp/fire"
cat >"$tmp/more.jsonl" <<'JSON'
{"id": "chess", "source": "NYT", "date": "2024-05-03", "text": "Magnus Carlsen won the opening game of the world chess championship in Madrid, outplaying Ding Liren in a long endgame. The chess match runs for fourteen games and the winner takes the title."}
JSON
"$chorus" cluster "$tmp/fire" "$tmp/more.jsonl" --store "$tmp/s.db" >/dev/null 2>"$tmp/err.txt"
check "cluster exits 0" test $? -eq 0

# The CLI's outputs first: the server then holds the store.
"$chorus" events --store "$tmp/s.db" --format json >"$tmp/events.json"
"$chorus" events --store "$tmp/s.db" --format json --limit 1 >"$tmp/events-1.json"
"$chorus" events --store "$tmp/s.db" --format json --after 1 >"$tmp/events-after-1.json"
"$chorus" summarize --store "$tmp/s.db" --event 1 --format json >"$tmp/summary.json"
"$chorus" compare --store "$tmp/s.db" --event 1 --format json >"$tmp/compare.json"
check "two events stored" \
  python3 -c "import json,sys; sys.exit(0 if len(json.load(open('$tmp/events.json')))==2 else 1)"

start_server "$chorus" --store "$tmp/s.db" --threads 1
get() {  # get PATH OUT: the response body's bytes
  python3 -c "import sys,urllib.request; open(sys.argv[2],'wb').write(urllib.request.urlopen(sys.argv[1]).read())" \
    "http://127.0.0.1:$port$1" "$2"
}
get /v1/events "$tmp/events.body"
get "/v1/events?limit=1" "$tmp/events-1.body"
get "/v1/events?after=1" "$tmp/events-after-1.body"
get /v1/events/1 "$tmp/event.body"

same_page() {  # same_page BODY CLI_JSON NEXT_AFTER
  python3 - "$@" <<'PY'
import sys
body, cli, after = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read(), sys.argv[3]
want = b'{"events":' + cli.rstrip(b'\n') + b',"next_after":' + after.encode() + b'}\n'
sys.exit(0 if body == want else print(body[:400], want[:400], sep='\n') or 1)
PY
}
check "GET /v1/events is chorus events --format json" same_page "$tmp/events.body" "$tmp/events.json" null
check "GET /v1/events?limit=1 is chorus events --limit 1" \
  same_page "$tmp/events-1.body" "$tmp/events-1.json" 1
check "GET /v1/events?after=1 is chorus events --after 1" \
  same_page "$tmp/events-after-1.body" "$tmp/events-after-1.json" null
check "GET /v1/events/1 splices the CLI's event, summary and comparison" python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
body = open(d + '/event.body', 'rb').read()
event = json.load(open(d + '/events.json'))[0]
head = b'{"event":' + json.dumps(event, separators=(',', ':'), ensure_ascii=False).encode() + b','
tail = (b',"summary":' + open(d + '/summary.json', 'rb').read() + b',"comparison":' +
        open(d + '/compare.json', 'rb').read() + b'}\n')
ok = body.startswith(head) and body.endswith(tail)
sys.exit(0 if ok else print(body[:300], head, body[-300:], tail[-300:], sep='\n') or 1)
PY
finish serve_command_test
