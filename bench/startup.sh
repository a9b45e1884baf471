#!/usr/bin/env bash
# Startup time: from `java -jar` to a healthy /actuator/health, on a new data directory (cold:
# initdb + migrations) and on an existing one (warm). Reference measured in the same run: the
# JVM opening the same jar and exiting (Spring Boot's jarmode), the floor no start can beat.
# Target (issue 2): serve http://localhost:8080 within 20 s on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tandem.jar ] || ./mvnw -q -DskipTests package
port=${BENCH_PORT:-18080}
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT

now() { date +%s.%N; }

start_once() {
  local t0 t1
  t0=$(now)
  PORT=$port TANDEM_DATA_DIR="$dir" java -jar target/tandem.jar >"$dir/log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "Tandem exited; log:"; tail -20 "$dir/log"; exit 1; }
    sleep 0.1
  done
  t1=$(now)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$t1 - $t0" | bc
}

t0=$(now); java -Djarmode=tools -jar target/tandem.jar list-layers >/dev/null; t1=$(now)
reference=$(echo "$t1 - $t0" | bc)
cold=$(start_once)
warm=$(start_once)
printf 'reference (JVM opens jar)  %6.2f s\n' "$reference"
printf 'cold start (new data dir)  %6.2f s   %5.1fx reference   target 20 s\n' "$cold" "$(echo "$cold / $reference" | bc -l)"
printf 'warm start (existing data) %6.2f s   %5.1fx reference   target 20 s\n' "$warm" "$(echo "$warm / $reference" | bc -l)"
