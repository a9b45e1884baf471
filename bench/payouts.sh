#!/usr/bin/env bash
# A payout run at scale: PARTNERS partners with COMMISSIONS approved commissions each (made through the
# API as manual adjustments, which are payable at once), then one run through the API — gather and
# claim every commission, one payout per partner — its approval, its sending (a ledger move per
# payout), and every payout marked paid (a ledger move per commission). The reference, measured in
# the same run on the same server: making one commission through the API (one insert, its history
# and its ledger entry), so the figure reads as "a run costs this many commission-writes".
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tandem.jar ] || ./mvnw -q -DskipTests package
port=${BENCH_PORT:-18083}
partners=${BENCH_PARTNERS:-500}
each=${BENCH_COMMISSIONS:-4}
key=tnd_sk_payoutbenchpayoutbenchpayoutbench00
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
PORT=$port TANDEM_DATA_DIR="$dir" TANDEM_BOOTSTRAP_EMAIL=bench@example.com \
  TANDEM_BOOTSTRAP_PASSWORD='bench password 123' TANDEM_BOOTSTRAP_API_KEY=$key TANDEM_PAYOUT_SCHEDULED_RUNS=false \
  java -jar target/tandem.jar >"$dir/log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.2; done

python3 - "$port" "$key" "$partners" "$each" <<'PY'
import http.client, json, sys, time
port, key, partners, each = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
c = http.client.HTTPConnection("127.0.0.1", port)
def call(method, path, body=None, want=(200, 201)):
    c.request(method, path, None if body is None else json.dumps(body),
              {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    r = c.getresponse(); data = r.read()
    if r.status not in want:
        sys.exit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data) if data else None
program = call("POST", "/api/v1/programs", {"name": "Bench payouts", "type": "referral", "currency": "EUR",
                                            "defaultDestination": "https://bench.example/"})["id"]
ids = []
for i in range(partners):
    p = call("POST", f"/api/v1/programs/{program}/partners", {"email": f"p{i}@bench.example", "name": f"Partner {i}"})
    call("PUT", f"/api/v1/partners/{p['id']}/payout-method", {"type": "manual"})
    ids.append(p["id"])
# warm-up, then the reference: making commissions one by one
for pid in ids[:20]:
    call("POST", "/api/v1/commissions/adjustments", {"programId": program, "partnerId": pid, "amount": 100,
                                                     "currency": "EUR", "reason": "warm-up"})
t = time.perf_counter(); made = 0
for k in range(each):
    for pid in ids:
        call("POST", "/api/v1/commissions/adjustments", {"programId": program, "partnerId": pid, "amount": 1000 + k,
                                                         "currency": "EUR", "reason": "bench"})
        made += 1
per_commission = (time.perf_counter() - t) / made
t0 = time.perf_counter(); run = call("POST", "/api/v1/payout-runs", {"programId": program}); t1 = time.perf_counter()
call("POST", f"/api/v1/payout-runs/{run['id']}/approve", {}); t2 = time.perf_counter()
sent = call("POST", f"/api/v1/payout-runs/{run['id']}/send", {}); t3 = time.perf_counter()
for p in run["payouts"]:
    call("POST", f"/api/v1/payouts/{p['id']}/mark-paid", {"reference": "bench"})
t4 = time.perf_counter()
recon = call("GET", "/api/v1/ledger/reconciliation")
n = len(run["payouts"]); commissions = made + 20
print(f"{partners} partners, {commissions} approved commissions, {n} payouts; books agree: {recon['agrees']}")
print(f"reference: one commission made through the API   {per_commission*1000:8.2f} ms")
print(f"run (gather, claim, {n} payouts)                 {(t1-t0)*1000:8.0f} ms  = {(t1-t0)/per_commission:6.0f} commission-writes, {(t1-t0)/commissions*1000:.2f} ms per commission")
print(f"approve the run                                 {(t2-t1)*1000:8.0f} ms")
print(f"send the run ({len(sent['processing'])} to processing)              {(t3-t2)*1000:8.0f} ms  = {(t3-t2)/n*1000:.2f} ms per payout")
print(f"mark every payout paid (one request each)       {(t4-t3)*1000:8.0f} ms  = {(t4-t3)/n*1000:.2f} ms per payout, {((t4-t3)/n)/per_commission:.1f}x a commission-write")
PY
