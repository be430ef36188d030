-- wrk script for the intake benchmark: every request is one alert whose dedup key cycles through
-- KEYS distinct keys, so (TOTAL - KEYS) / TOTAL of them are duplicates. Each thread stops after its
-- share of TOTAL answers; done() prints one JSON line the benchmark parses.
local kind = os.getenv("KIND")
local total = tonumber(os.getenv("TOTAL"))
local keys = tonumber(os.getenv("KEYS"))
local routing_key = os.getenv("ROUTING_KEY")
local key_prefix = os.getenv("KEY_PREFIX") or "key-"
local thread_count = tonumber(os.getenv("THREADS"))
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  answered = 0
  failures = 0
  first_failure = ""
  quota = math.floor(total / thread_count)
  if id < total % thread_count then quota = quota + 1 end
  wrk.headers["content-type"] = "application/json"
end

local function body(i)
  local key = key_prefix .. (i % keys)
  local summary = "Bench alert " .. key
  if kind == "alertmanager" then
    return '{"version":"4","status":"firing","receiver":"candor","groupKey":"{}:{alertname=\\"Bench\\"}","alerts":[{"status":"firing","labels":{"alertname":"Bench","service":"svc-'
      .. (i % 50) .. '","instance":"host-' .. i .. '"},"annotations":{"summary":"' .. summary
      .. '"},"startsAt":"2026-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"' .. key .. '"}]}'
  elseif kind == "webhook" then
    return '{"summary":"' .. summary .. '","dedup_key":"' .. key .. '","severity":"error","labels":{"service":"svc-' .. (i % 50) .. '"}}'
  else
    return '{"routing_key":"' .. routing_key .. '","event_action":"trigger","dedup_key":"' .. key
      .. '","payload":{"summary":"' .. summary .. '","source":"host-' .. (i % 500) .. '","severity":"error"}}'
  end
end

function request()
  local i = id + sent * thread_count
  sent = sent + 1
  return wrk.format("POST", nil, nil, body(i))
end

function response(status, headers, resp)
  answered = answered + 1
  if status ~= 202 then
    failures = failures + 1
    if first_failure == "" then first_failure = status .. " " .. string.sub(resp, 1, 200) end
  end
  if answered == quota then
    -- wrk only ends at its -d deadline; the benchmark sends SIGINT once every thread said this.
    io.write("thread done\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local failed, first = 0, ""
  for _, t in ipairs(threads) do
    failed = failed + t:get("failures")
    if first == "" then first = t:get("first_failure") end
  end
  io.write(string.format('{"answered":%d,"seconds":%f,"p50":%f,"p99":%f,"failures":%d,"firstFailure":"%s"}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed, first:gsub('[%c"\\]', ' ')))
end
