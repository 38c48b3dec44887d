-- wrk script for bench/serve_bench.sh: POST /v1/summarize with the bodies in
-- $CHORUS_BENCH_DIR (valid.json, and with MIX=1 also malformed.json and
-- oversized.json: one request in 10 malformed, one in 20 oversized), counting
-- the statuses each kind gets.
local dir = os.getenv("CHORUS_BENCH_DIR")
local mix = os.getenv("MIX") == "1"
local function slurp(name)
  local f = assert(io.open(dir .. "/" .. name, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  valid = wrk.format("POST", "/v1/summarize", {["Content-Type"] = "application/json"}, slurp("valid.json"))
  if mix then
    malformed = wrk.format("POST", "/v1/summarize", {["Content-Type"] = "application/json"}, slurp("malformed.json"))
    oversized = wrk.format("POST", "/v1/summarize", {["Content-Type"] = "application/json"}, slurp("oversized.json"))
  end
  n = 0
  counts = {}
end

function request()
  n = n + 1
  local kind = "valid"
  if mix and n % 20 == 0 then kind = "oversized" elseif mix and n % 10 == 0 then kind = "malformed" end
  counts["sent " .. kind] = (counts["sent " .. kind] or 0) + 1
  if kind == "valid" then return valid elseif kind == "malformed" then return malformed else return oversized end
end

-- Responses are told apart by status and body (connections answer out of order).
function response(status, headers, body)
  local key = "got " .. status
  if status == 200 and not body:find('"summary"', 1, true) then key = "got 200 without summary" end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  local keys = {}
  for k in pairs(total) do table.insert(keys, k) end
  table.sort(keys)
  io.write("requests sent by kind, responses by status:\n")
  for _, k in ipairs(keys) do io.write(string.format("  %-16s %d\n", k, total[k])) end
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
