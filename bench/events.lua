-- wrk script for bench/events.sh: POSTs sale events with ids unique per thread and request
-- ("<run>-<thread>-<n>"), attributed by a click id or the partner's code in turn, each for a new
-- customer. The body is a pure function of (run, thread, n), so REPLAY_IDS ("t-n,t-n,…", ids
-- already stored) sends those events again byte for byte: each must answer 200 and store nothing.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  key = os.getenv("BENCH_KEY")
  run = os.getenv("BENCH_RUN") or "run"
  code = os.getenv("BENCH_CODE")
  clicks = {}
  for c in string.gmatch(os.getenv("BENCH_CLICKS") or "", "[^,]+") do
    table.insert(clicks, c)
  end
  replays = {}
  for t, n in string.gmatch(os.getenv("REPLAY_IDS") or "", "(%d+)-(%d+)") do
    table.insert(replays, {tonumber(t), tonumber(n)})
  end
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}
end

local function body(t, n)
  local hint
  if n % 2 == 0 or code == nil then
    hint = '"clickId":"' .. clicks[(n % #clicks) + 1] .. '"'
  else
    hint = '"code":"' .. code .. '"'
  end
  local id = run .. "-" .. t .. "-" .. n
  return '{"id":"' .. id .. '","type":"sale","amount":' .. (1000 + n % 9000) .. ',"currency":"EUR",' .. hint
      .. ',"customer":{"externalId":"cus-' .. id .. '","email":"' .. id .. '@bench.test"},'
      .. '"metadata":{"plan":"pro"}}'
end

function request()
  local n = counter
  counter = counter + 1
  if #replays > 0 then
    local r = replays[((n - 1) % #replays) + 1]
    return wrk.format("POST", "/api/v1/events", headers, body(r[1], r[2]))
  end
  return wrk.format("POST", "/api/v1/events", headers, body(tid, n))
end
