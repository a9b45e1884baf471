#!/usr/bin/env bash
# Throughput and latency of an authenticated API read (GET /api/v1/workspace: API-key lookup by
# hash, last-used bookkeeping, one workspace query, JSON) against a reference measured in the
# same run on the same server: the liveness probe, which touches neither security nor the database.
# Uses wrk from Debian's packages, on loopback only, 2 threads, 16 connections, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
[ -f target/tandem.jar ] || ./mvnw -q -DskipTests package
port=${BENCH_PORT:-18081}
seconds=${BENCH_SECONDS:-15}
key=tnd_sk_benchbenchbenchbenchbenchbenchbench00
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
PORT=$port TANDEM_DATA_DIR="$dir" TANDEM_BOOTSTRAP_EMAIL=bench@example.com \
  TANDEM_BOOTSTRAP_PASSWORD='bench password 123' TANDEM_BOOTSTRAP_API_KEY=$key \
  java -jar target/tandem.jar >"$dir/log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.2; done

run() { wrk -t2 -c16 -d"${seconds}s" --latency "$@" | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}'; }
# warm up both paths so the JIT compares compiled code
wrk -t2 -c16 -d5s -H "Authorization: Bearer $key" "http://localhost:$port/api/v1/workspace" >/dev/null
wrk -t2 -c16 -d5s "http://localhost:$port/actuator/health/liveness" >/dev/null
read -r ref_rps ref_p50 ref_p99 < <(run "http://localhost:$port/actuator/health/liveness")
read -r api_rps api_p50 api_p99 < <(run -H "Authorization: Bearer $key" "http://localhost:$port/api/v1/workspace")
printf '%-34s %10s req/s  p50 %8s  p99 %8s\n' "reference: GET /actuator/health/liveness" "$ref_rps" "$ref_p50" "$ref_p99"
printf '%-34s %10s req/s  p50 %8s  p99 %8s\n' "GET /api/v1/workspace (API key)" "$api_rps" "$api_p50" "$api_p99"
printf 'API read throughput = %.2f x reference\n' "$(echo "$api_rps / $ref_rps" | bc -l)"
