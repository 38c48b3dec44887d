# Sourced by scripts that drive a real `chorus serve` (the browser test, the
# load bench): a scratch directory $work, and start_server, which runs the
# server on a loopback port the kernel picks, stopped (SIGTERM) on exit.
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

# start_server BINARY [serve flags...]: sets server_pid and port; the log is
# $work/server.log. Exits 1 (printing the log) if the server does not start.
start_server() {
  "$1" serve --host 127.0.0.1 --port 0 "${@:2}" 2>"$work/server.log" &
  server_pid=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/server.log")
    [[ -n "$port" ]] && return 0
    sleep 0.1
  done
  echo "$(basename "$0"): server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}
