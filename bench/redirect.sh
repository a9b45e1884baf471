#!/usr/bin/env bash
# The redirect GET /r/{slug} under load, against a reference measured in the same run: a bare
# Netty server (bench/reference) answering the same 10,000 slugs from a HashMap with 302 and
# Location, nothing else. Tandem runs with its redirect listener on (TANDEM_REDIRECT_PORT, Netty):
# the listener is measured first, then the same redirect through Tomcat's servlet filter on the
# application's port, for comparison. Each server is pinned to core 0 (Tandem's embedded PostgreSQL inherits
# the pin), wrk to core 1: 2 threads, 64 connections, 30 s warm-up, then 20 s measured, on loopback.
# The warm-up is that long because on one shared core the JIT compilers get little CPU: after 5 s
# Tandem still runs partly interpreted (C2 used 8% of the core during the measured run) and the
# result says more about warm-up than about the redirect. BENCH_WARMUP=5 gives the short version.
# Then: every non-bot redirect answered has its click stored, and the heap the link cache needs
# with 1,000,000 links (Tandem restarted with -Xmx512m).
# Targets (issue): >= 25% of the reference's rate, p99 <= 10 ms at that rate, 100% of clicks stored, < 512 MB
# heap with 1M links. "At that rate": after both servers were driven flat out, each is driven again at a set
# rate of 26% of the reference's (wrk's delay(): each connection waits between requests), and p50/p99 are read
# there. Flat out, latency measures the queue wrk builds (64 connections), the reference's own p99 included.
# BENCH_SKIP_MEMORY=1 skips the 1M-link step. TANDEM_JAR picks another build of the jar. BENCH_PROFILE=1
# records the measured run with Java Flight Recorder and prints the hottest methods (BENCH_PROFILE_COPY=file keeps it).
# BENCH_FLOOR=1 also measures disabled links redirecting to a fallback (no click): the listener without the click.
# BENCH_JAVA_OPTS adds JVM options to Tandem's command line, e.g. -Dserver.tomcat.threads.max=16 to try a setting.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
command -v psql >/dev/null || { echo "needs psql: apt-get install -y postgresql-client"; exit 1; }
jar=${TANDEM_JAR:-target/tandem.jar}
[ -f "$jar" ] || ./mvnw -q -o package -DskipTests
[ -f bench/reference/target/reference.jar ] || ./mvnw -q -f bench/reference/pom.xml package
port=${BENCH_PORT:-18082}
ref_port=$((port + 1))
redirect_port=$((port + 2))
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-30}s
links=10000
key=tnd_sk_benchbenchbenchbenchbenchbenchbench00
dir=$(mktemp -d)
pid=""
ref_pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [ -n "$ref_pid" ] && kill "$ref_pid" 2>/dev/null && wait "$ref_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

start_tandem() { # $@: extra JVM options
  PORT=$port TANDEM_REDIRECT_PORT=$redirect_port TANDEM_DATA_DIR="$dir/data" TANDEM_BOOTSTRAP_EMAIL=bench@example.com \
    TANDEM_BOOTSTRAP_PASSWORD='bench password 123' TANDEM_BOOTSTRAP_API_KEY=$key \
    taskset -c 0 java "$@" ${BENCH_JAVA_OPTS:-} -jar "$jar" >>"$dir/log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "Tandem exited; log:"; tail -30 "$dir/log"; exit 1; }
    sleep 0.2
  done
}
stop_tandem() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
sql() { psql -qtAX -h localhost -p "$pg_port" -U postgres -d tandem -c "$1"; }
api() { curl -fsS -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2" "http://localhost:$port$1"; }
# heap in use after a full collection, in KB: G1 prints one "heap total …K, used …K" line, the serial
# collector (what a JVM pinned to one core picks) one per generation
heap_kb() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/(generation|heap) +total/ {for (i = 1; i < NF; i++) if ($i == "used") {sub(/K.*/, "", $(i + 1)); kb += $(i + 1)}}
    END {print kb}'
}
# CPU time (clock ticks) of a process and its descendants (Tandem's embedded PostgreSQL): unlike
# requests per second, CPU per request hardly changes when other work shares the machine
cpu_ticks() {
  local all="$1" p
  for p in $(pgrep -P "$1"); do all="$all $p $(pgrep -P "$p" | tr '\n' ' ')"; done
  for p in $all; do [ -r "/proc/$p/stat" ] && cut -d')' -f2 "/proc/$p/stat"; done | awk '{t += $12 + $13} END {print t}'
}
# wrk's answer as "requests rps p50 p99 non3xx"; latencies in ms
run_wrk() {
  SLUGS="$dir/slugs" PACE_DELAY_MS="${pace_ms:-}" taskset -c 1 wrk -t2 -c64 -d"$1" --latency -s bench/redirect.lua "$2" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / requests in / {n=$1} /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)}
    /Non-2xx or 3xx/ {bad=$5} END {printf "%d %s %.2f %.2f %d\n", n, rps, p50, p99, bad}'
}

seq -f "bench%07g" 1 $links >"$dir/slugs"

# --- Tandem: a program, an approved partner (through the API), 10,000 links (SQL, as an import would)
start_tandem -Xmx512m
pg_port=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$dir/log" | head -1 | grep -o '[0-9]*$')
program_id=$(api /api/v1/programs '{"name":"Bench","type":"affiliate","currency":"EUR",
  "attribution":{"model":"last_click","windowDays":30},"defaultDestination":"https://shop.example.com/landing",
  "allowedHosts":[]}' | sed -n 's/.*"id":"\(prg_[^"]*\)".*/\1/p')
api "/api/v1/programs/$program_id/partners" '{"email":"partner@bench.example","name":"Bench Partner","status":"approved"}' >/dev/null
insert_links() { # $1 first number, $2 last number
  sql "insert into link (workspace_id, id, program_id, partner_id, slug, created_at)
       select p.workspace_id, gen_random_uuid(), p.id, (select id from partner where email = 'partner@bench.example'),
              'bench' || lpad(i::text, 7, '0'), now()
         from program p, generate_series($1, $2) i"
}
insert_links 1 $links
# the inserts notify every node; wait until the cache holds the last link (a miss would also find it)
sleep 2
for p in $port $redirect_port; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$p/r/bench$(printf %07d $links)")" = 302 ] \
    || { echo "the redirect on port $p does not answer 302"; exit 1; }
done
heap_10k=$(heap_kb)

# --- the reference, pinned the same way
taskset -c 0 java -jar bench/reference/target/reference.jar "$ref_port" "$dir/slugs" https://shop.example.com/landing \
  >"$dir/ref.log" 2>&1 &
ref_pid=$!
until curl -s -o /dev/null "http://localhost:$ref_port/r/bench0000001"; do sleep 0.1; done

read -r w1 _ < <(run_wrk "$warmup" "http://localhost:$redirect_port")
# BENCH_PROFILE=1: a flight recording of the measured run, summarised below
[ "${BENCH_PROFILE:-}" = 1 ] && jcmd "$pid" JFR.start name=bench settings=profile filename="$dir/redirect.jfr" >/dev/null
t0=$(cpu_ticks "$pid")
read -r w2 tandem_rps tandem_p50 tandem_p99 tandem_bad < <(run_wrk "${seconds}s" "http://localhost:$redirect_port")
tandem_cpu=$(( $(cpu_ticks "$pid") - t0 ))
if [ "${BENCH_PROFILE:-}" = 1 ]; then
  jcmd "$pid" JFR.stop name=bench >/dev/null
  [ -n "${BENCH_PROFILE_COPY:-}" ] && cp "$dir/redirect.jfr" "$BENCH_PROFILE_COPY"
  echo "hottest methods (own time, share of CPU samples in Tandem's JVM):"
  jfr print --events jdk.ExecutionSample "$dir/redirect.jfr" | awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); top[$0]++; n++}
    END {for (f in top) printf "%6.2f%%  %s\n", 100 * top[f] / n, f}' | sort -rn | head -25
fi
# the same redirect through Tomcat and the servlet filter, on the application's port
read -r w4 _ _ _ filter_bad1 < <(run_wrk "$warmup" "http://localhost:$port")
t0=$(cpu_ticks "$pid")
read -r w5 filter_rps filter_p50 filter_p99 filter_bad2 < <(run_wrk "${seconds}s" "http://localhost:$port")
filter_cpu=$(( $(cpu_ticks "$pid") - t0 ))
run_wrk "$warmup" "http://localhost:$ref_port" >/dev/null
t0=$(cpu_ticks "$ref_pid")
read -r ref_n ref_rps ref_p50 ref_p99 _ < <(run_wrk "${seconds}s" "http://localhost:$ref_port")
ref_cpu=$(( $(cpu_ticks "$ref_pid") - t0 ))
# --- both again at 26% of the reference's rate: 64 connections, each waiting between its requests
paced_rps=$(echo "0.26 * $ref_rps" | bc -l)
pace_ms=$(echo "64000 / $paced_rps - 0.3" | bc -l)
read -r _ ref_paced_rps ref_paced_p50 ref_paced_p99 _ < <(run_wrk "${seconds}s" "http://localhost:$ref_port")
read -r w3 paced_tandem_rps paced_tandem_p50 paced_tandem_p99 paced_bad < <(run_wrk "${seconds}s" "http://localhost:$redirect_port")
pace_ms=""
kill "$ref_pid"; wait "$ref_pid" 2>/dev/null || true; ref_pid=""
if [ "${BENCH_FLOOR:-}" = 1 ]; then
  # the same requests when every link is disabled with a fallback: the listener without the click
  sleep 5 # let the writer drain first
  sql "update program set fallback_destination = 'https://shop.example.com/paused'" >/dev/null
  sql "update link set disabled_at = now()" >/dev/null
  sleep 3
  run_wrk "$warmup" "http://localhost:$redirect_port" >/dev/null
  t0=$(cpu_ticks "$pid")
  read -r floor_n floor_rps floor_p50 floor_p99 _ < <(run_wrk "${seconds}s" "http://localhost:$redirect_port")
  floor_cpu=$(( $(cpu_ticks "$pid") - t0 ))
  printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms  %.0f us CPU each\n' "Tandem /r/ without clicks (fallback)" \
    "$floor_rps" "$floor_p50" "$floor_p99" "$(echo "$floor_cpu * 1000000 / $(getconf CLK_TCK) / $floor_n" | bc -l)"
  sql "update link set disabled_at = null" >/dev/null
fi

# --- every non-bot redirect answered must have its click stored: wait for the writer to drain
answered=$((w1 + w2 + w3 + w4 + w5 - tandem_bad - paced_bad - filter_bad1 - filter_bad2))
# (clicks the queue could not hold went to the spill file, replayed every 5 s: the count must hold still longer)
stored=-1
still=0
for _ in $(seq 1 120); do
  now=$(sql "select count(*) from click where not is_bot")
  if [ "$now" = "$stored" ]; then still=$((still + 1)); else still=0; fi
  [ "$still" -ge 7 ] && break
  stored=$now
  sleep 1
done
repeats=$(sql "select count(*) from click where is_repeat")

echo "machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other work skews both servers)"
printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms\n' "reference: Netty HashMap 302" "$ref_rps" "$ref_p50" "$ref_p99"
printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms\n' "Tandem GET /r/{slug}, listener" "$tandem_rps" "$tandem_p50" "$tandem_p99"
printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms\n' "Tandem GET /r/{slug}, Tomcat filter" "$filter_rps" "$filter_p50" "$filter_p99"
printf 'Tandem redirect throughput = %.1f%% of reference with the listener (target >= 25%%), %.1f%% through Tomcat; p99 target <= 10 ms\n' \
  "$(echo "100 * $tandem_rps / $ref_rps" | bc -l)" "$(echo "100 * $filter_rps / $ref_rps" | bc -l)"
printf 'at a set rate of %.0f/s (26%% of the reference):\n' "$paced_rps"
printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms\n' "  reference" "$ref_paced_rps" "$ref_paced_p50" "$ref_paced_p99"
printf '%-36s %10s req/s  p50 %6.2f ms  p99 %6.2f ms  (target p99 <= 10 ms)\n' "  Tandem, listener" "$paced_tandem_rps" \
  "$paced_tandem_p50" "$paced_tandem_p99"
tick_us=$((1000000 / $(getconf CLK_TCK)))
printf 'CPU per redirect (with its PostgreSQL): Tandem listener %.0f us, Tomcat filter %.0f us, reference %.0f us: the listener costs %.1fx the reference\n' \
  "$(echo "$tandem_cpu * $tick_us / $w2" | bc -l)" "$(echo "$filter_cpu * $tick_us / $w5" | bc -l)" \
  "$(echo "$ref_cpu * $tick_us / $ref_n" | bc -l)" "$(echo "($tandem_cpu / $w2) / ($ref_cpu / $ref_n)" | bc -l)"
# wrk does not count the responses still in flight when it stops (up to 64 per run): stored >= answered is 100%
printf 'clicks stored vs non-bot redirects answered: %d / %d (%.2f%%; %d of them repeats of one visitor; target 100%%)\n' \
  "$stored" "$answered" "$(echo "100 * $stored / $answered" | bc -l)" "$repeats"

# --- memory: 1,000,000 links, Tandem restarted with -Xmx512m, heap after a full GC
if [ "${BENCH_SKIP_MEMORY:-}" = 1 ]; then exit 0; fi
insert_links $((links + 1)) 1000000
stop_tandem
start_tandem -Xmx512m
pg_port=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$dir/log" | tail -1 | grep -o '[0-9]*$')
loaded=$(grep -o 'Link cache: [0-9]* links loaded in [0-9]* ms' "$dir/log" | tail -1)
heap_1m=$(heap_kb)
printf 'heap after full GC: %d MB with 10k links, %d MB with 1M links (-Xmx512m; target < 512 MB); %s\n' \
  $((heap_10k / 1024)) $((heap_1m / 1024)) "$loaded"
printf 'link cache cost: %.0f bytes per link\n' "$(echo "($heap_1m - $heap_10k) * 1024 / 990000" | bc -l)"
