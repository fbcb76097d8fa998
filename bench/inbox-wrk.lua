-- The inbox page for many signed-in officers in turn (sessions in $SESSIONS, one cookie value per line),
-- each connection pausing DELAY_MS between pages so that CONNECTIONS / (DELAY + latency) ≈ the rate.
local sessions = {}
for line in io.lines(os.getenv("SESSIONS")) do sessions[#sessions + 1] = line end
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local path = os.getenv("PAGE") or "/documents/inbox?view=PENDING"
local counter = 0

function request()
    counter = counter + 1
    local session = sessions[(counter % #sessions) + 1]
    return wrk.format("GET", path, { Cookie = "SESSION=" .. session })
end

function delay()
    return delay_ms
end

function done(summary, latency, requests)
    io.write(string.format("%d requests, %d errors (status %d), %.1f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
        summary.errors.status, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
