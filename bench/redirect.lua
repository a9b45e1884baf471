-- wrk script for bench/redirect.sh: every request is GET /r/{slug} for a slug picked at random
-- from the file named by SLUGS (one per line), with campaign parameters and a browser's user agent
-- (without one, Tandem counts the request as a bot's).
-- PACE_DELAY_MS (a decimal) makes each connection wait that long on average before its next request,
-- so that the load holds a set rate instead of as many as the server can answer.
local slugs = {}
local requests = {}
local pace = tonumber(os.getenv("PACE_DELAY_MS") or "")

if pace then
  -- wrk waits whole milliseconds: the floor or the ceiling, in the proportion that averages to pace
  function delay()
    local whole = math.floor(pace)
    if math.random() < pace - whole then
      return whole + 1
    end
    return whole
  end
end

function init(args)
  local file = assert(io.open(os.getenv("SLUGS"), "r"))
  for line in file:lines() do
    slugs[#slugs + 1] = line
  end
  file:close()
  local headers = {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ["Accept"] = "text/html"
  }
  for i, slug in ipairs(slugs) do
    requests[i] = wrk.format("GET", "/r/" .. slug .. "?utm_source=bench&sub1=wrk", headers)
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return requests[math.random(#requests)]
end
