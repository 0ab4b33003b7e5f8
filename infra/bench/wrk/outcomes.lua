-- Reports outcomes through the public API under wrk, an independent load generator:
--
--   OPERATION_ID=<week id> TOKEN=<bearer token> \
--     wrk -t2 -c32 -d20s --timeout 30s -s infra/bench/wrk/outcomes.lua http://127.0.0.1:3000
--
-- Every request is `POST /api/v1/operations/{OPERATION_ID}/outcomes` with its own
-- Idempotency-Key (a random prefix per run, the thread and a counter). Parameters (env):
--   OPERATION_ID  the week to report into (required)
--   TOKEN         a bearer token allowed to report for the bodies' forces (required)
--   BODIES        a file of request bodies, one JSON object a line, sent in turn by each
--                 thread; without it every request is one arrest by FORCE at OCCURRED_AT
--   FORCE         default E23000001; OCCURRED_AT default a minute ago (inside a running week)
--   SEND_SECONDS  stop sending after this many seconds and stop each thread once its last
--                 answer is in, so no request is left in flight and every request sent is
--                 counted; run wrk with a longer -d (its fallback)
--
-- done() prints one JSON line: requests answered, per-status counts, latency p50/p90/p99/max
-- (ms, wrk's histogram, which wrk corrects for coordinated omission), the window from the first
-- request to the last answer and requests answered per second of it, socket errors, requests
-- sent but never answered, and with BODIES how many times each body was sent.

local ffi_ok, ffi = pcall(require, "ffi")
local now_us
if ffi_ok then
   ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } wrk_outcomes_timespec;
      int clock_gettime(int clock, wrk_outcomes_timespec *ts);
   ]]
   local ts = ffi.new("wrk_outcomes_timespec")
   now_us = function()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC: one clock for every thread
      return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
   end
else
   now_us = function() return os.time() * 1e6 end
end

local function required(name)
   local v = os.getenv(name)
   if not v or v == "" then
      io.stderr:write("outcomes.lua: set " .. name .. "\n")
      os.exit(2)
   end
   return v
end

local bodies_file = os.getenv("BODIES")
if bodies_file == "" then bodies_file = nil end

local function load_bodies()
   local file = bodies_file
   if file then
      local list = {}
      for line in io.lines(file) do
         if line:match("%S") then list[#list + 1] = line end
      end
      if #list == 0 then
         io.stderr:write("outcomes.lua: no bodies in " .. file .. "\n")
         os.exit(2)
      end
      return list
   end
   local at = os.getenv("OCCURRED_AT") or os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
   local force = os.getenv("FORCE") or "E23000001"
   return {
      string.format('{"type":"arrest","force":"%s","occurredAt":"%s","count":1}', force, at),
   }
end

local send_seconds = tonumber(os.getenv("SEND_SECONDS") or "")
local threads = {}

-- Main state: one random prefix per run (a key is never reused across runs), a deadline
-- shared by the threads.
function setup(thread)
   if not run_prefix then
      local f = io.open("/dev/urandom", "rb")
      local bytes = f and f:read(8) or tostring(now_us())
      if f then f:close() end
      run_prefix = (bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end))
      deadline_us = send_seconds and (now_us() + send_seconds * 1e6) or -1
   end
   threads[#threads + 1] = thread
   thread:set("thread_id", #threads)
   thread:set("run_prefix", run_prefix)
   thread:set("deadline_us", deadline_us)
end

-- Thread states from here on.
function init(args)
   path = "/api/v1/operations/" .. required("OPERATION_ID") .. "/outcomes"
   headers = {
      ["Authorization"] = "Bearer " .. required("TOKEN"),
      ["Content-Type"] = "application/json",
   }
   bodies = load_bodies()
   key_prefix = run_prefix .. "-" .. thread_id .. "-"
   sent = 0
   answered = 0
   statuses = {}
   sent_by_body = {}
   for i = 1, #bodies do sent_by_body[i] = 0 end
   first_us = -1
   last_us = -1
   drained = false
   -- wrk calls request() once in its first thread before the run, to check it, and sends
   -- nothing: that call is not counted.
   checking = thread_id == 1
end

function request()
   local i = sent % #bodies + 1
   if checking then
      checking = false
      return wrk.format("POST", path, headers, bodies[i])
   end
   sent = sent + 1
   sent_by_body[i] = sent_by_body[i] + 1
   if first_us < 0 then first_us = now_us() end
   headers["Idempotency-Key"] = key_prefix .. sent
   return wrk.format("POST", path, headers, bodies[i])
end

function response(status, _, _)
   answered = answered + 1
   statuses[status] = (statuses[status] or 0) + 1
   last_us = now_us()
   if deadline_us > 0 and last_us >= deadline_us and answered == sent and not drained then
      drained = true
      io.stderr:write("wrk-thread-drained " .. thread_id .. "\n")
      wrk.thread:stop()
   end
end

if send_seconds then
   -- Past the deadline a connection whose answer is in sends nothing more (wrk's -d or the
   -- thread's stop ends the wait).
   function delay()
      if now_us() >= deadline_us then return 3600 * 1000 end
      return 0
   end
end

local function ms(us) return math.floor(us / 10 + 0.5) / 100 end

function done(summary, latency, _)
   local total = { sent = 0, answered = 0, first = math.huge, last = -1 }
   local by_status, by_body = {}, {}
   for _, t in ipairs(threads) do
      total.sent = total.sent + t:get("sent")
      total.answered = total.answered + t:get("answered")
      local first, last = t:get("first_us"), t:get("last_us")
      if first >= 0 and first < total.first then total.first = first end
      if last > total.last then total.last = last end
      for status, n in pairs(t:get("statuses")) do
         by_status[status] = (by_status[status] or 0) + n
      end
      for i, n in ipairs(t:get("sent_by_body")) do by_body[i] = (by_body[i] or 0) + n end
   end
   local window_us = total.last > total.first and (total.last - total.first) or summary.duration

   local status_parts = {}
   for status, n in pairs(by_status) do
      status_parts[#status_parts + 1] = string.format('"%d":%d', status, n)
   end
   table.sort(status_parts)
   local e = summary.errors
   local out = {
      string.format('"requests":%d', total.answered),
      string.format('"sent":%d', total.sent),
      string.format('"unanswered":%d', total.sent - total.answered),
      '"statuses":{' .. table.concat(status_parts, ",") .. "}",
      string.format('"non202":%d', total.answered - (by_status[202] or 0)),
      string.format('"perSecond":%.1f', total.answered / (window_us / 1e6)),
      string.format('"p50ms":%.2f,"p90ms":%.2f,"p99ms":%.2f,"maxMs":%.2f',
         ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
         ms(latency.max)),
      string.format('"windowMs":%d,"durationMs":%d', math.floor(window_us / 1e3),
         math.floor(summary.duration / 1e3)),
      string.format('"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}',
         e.connect, e.read, e.write, e.timeout),
      string.format('"threads":%d', #threads),
   }
   if bodies_file then
      out[#out + 1] = '"sentByBody":[' .. table.concat(by_body, ",") .. "]"
   end
   io.write("{" .. table.concat(out, ",") .. "}\n")
   io.flush()
end
