#!/usr/bin/env bash
# What PostgreSQL needs to store a sale's rows when nothing but the rows is paid for: the floor a batched
# intake could reach. Starts Tandem (embedded PostgreSQL), sends 200 sales through POST /api/v1/events (each
# stores a customer, referral and its history, event, touchpoint, commission and its history, ledger entry
# and two postings: 10 rows), then copies those rows BENCH_COPIES times (default 50: 10,000 sales) with new
# ids, as `insert … select` of 200 sales per statement and one transaction per copy, on one connection.
# Every index, foreign key and the ledger's balance trigger runs as for the intake. Prints PostgreSQL's
# CPU per sale (the backend's own /proc ticks), and per table, next to what bench/events.sh measures for
# the one-transaction-per-event intake.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { echo "needs psql: apt-get install -y postgresql-client"; exit 1; }
command -v jq >/dev/null || { echo "needs jq: apt-get install -y jq"; exit 1; }
jar=${BENCH_JAR:-target/tandem.jar}
[ -f "$jar" ] || ./mvnw -q -DskipTests package
port=${BENCH_PORT:-18096}
copies=${BENCH_COPIES:-50}
key=tnd_sk_benchbenchbenchbenchbenchbenchbench00
base="http://localhost:$port"
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
PORT=$port TANDEM_DATA_DIR="$dir" TANDEM_BOOTSTRAP_EMAIL=bench@example.com \
  TANDEM_BOOTSTRAP_PASSWORD='bench password 123' TANDEM_BOOTSTRAP_API_KEY=$key java -jar "$jar" >>"$dir/log" 2>&1 &
pid=$!
until curl -fs "$base/actuator/health" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "Tandem exited; log:"; tail -20 "$dir/log"; exit 1; }
  sleep 0.2
done
pgport=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$dir/log" | tail -1)
psql_() { psql -h localhost -p "$pgport" -U postgres -d tandem -qAt "$@"; }
post() { curl -fsS -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2" "$base$1"; }
program=$(post /api/v1/programs '{"name": "Floor", "type": "referral", "currency": "EUR",
  "attribution": {"model": "last_click", "windowDays": 30}, "defaultDestination": "https://shop.bench.test/"}' | jq -r .id)
partner=$(post "/api/v1/programs/$program/partners" '{"email": "ana@bench.test", "name": "Ana Bench"}' | jq -r .id)
post "/api/v1/programs/$program/plans" '{"holdDays": 30, "rules": [{"trigger": "sale",
  "reward": {"type": "percentage", "percent": "10"}}]}' >/dev/null
code=$(post /api/v1/links "{\"programId\": \"$program\", \"partnerId\": \"$partner\", \"slug\": \"floor-ana\"}" | jq -r .code)
for i in $(seq 1 200); do
  post /api/v1/events "{\"id\":\"s-$i\",\"type\":\"sale\",\"amount\":1000,\"currency\":\"EUR\",\"code\":\"$code\",
    \"customer\":{\"externalId\":\"cus-$i\",\"email\":\"c$i@bench.test\"}}" >/dev/null
done

tables="customer referral referral_status_change conversion_event touchpoint commission commission_status_change ledger_entry ledger_posting"
# one "insert … select" per table: every id but the workspace's, program's, partner's, link's, plan's and actor's
# becomes md5(id || copy), so the copies keep their foreign keys; external ids and source keys get "-copy"
statement() {
  psql_ -c "select 'insert into $1 (' || string_agg(column_name, ', ' order by ordinal_position) || ') select '
    || string_agg(case when data_type = 'uuid' and column_name not in ('workspace_id', 'program_id', 'partner_id',
         'link_id', 'plan_id', 'tier_id', 'actor_id', 'payout_id', 'partner_hint')
           then 'md5(' || column_name || '::text || :''copy'')::uuid'
         when column_name in ('external_id', 'source_key') then column_name || ' || ''-'' || :''copy'''
         else column_name end, ', ' order by ordinal_position) || ' from src_$1;'
    from information_schema.columns where table_schema = 'public' and table_name = '$1'"
}
# made once; psql puts each copy's number in for :'copy' as it reads the file
inserts=$(for t in $tables; do statement "$t"; done)
{
  echo '\set ON_ERROR_STOP 1'
  for t in $tables; do echo "create temp table src_$t as select * from $t;"; done
  echo 'select pg_backend_pid() as backend \gset'
  echo '\setenv BACKEND :backend'
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $dir/cpu0"
  echo '\timing on'
  for k in $(seq 1 "$copies"); do
    echo "\\set copy c$k"
    echo 'begin;'
    echo "$inserts"
    echo 'commit;'
  done
  echo '\timing off'
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $dir/cpu1"
} >"$dir/floor.sql"
started=$(date +%s.%N)
psql_ -f "$dir/floor.sql" >"$dir/floor.out"
wall=$(echo "$(date +%s.%N) - $started" | bc -l)
sales=$((copies * 200))
ticks=$(( $(cat "$dir/cpu1") - $(cat "$dir/cpu0") ))
printf 'stored the rows of %s sales (%s rows) in %.1f s on one connection, %s transactions of 200 sales\n' \
  "$sales" "$((sales * 10))" "$wall" "$copies"
printf 'PostgreSQL CPU per sale: %.3f ms (the backend: %s ticks of %s per second)\n' \
  "$(echo "$ticks * 1000 / $(getconf CLK_TCK) / $sales" | bc -l)" "$ticks" "$(getconf CLK_TCK)"
echo "time per sale by statement (wall, one connection):"
# the timed statements in order: per copy, begin, one insert per table, commit
names=$(for k in $(seq 1 "$copies"); do echo begin; for t in $tables; do echo "$t"; done; echo commit; done)
paste -d' ' <(echo "$names") <(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$dir/floor.out") \
  | awk -v n="$sales" '{t[$1] += $2} END {for (k in t) printf "  %-26s %7.1f us\n", k, 1000 * t[k] / n}' | sort -k2 -nr
echo "events stored: $(psql_ -c 'select count(*) from conversion_event'); ledger currencies that do not balance:" \
  "$(psql_ -c 'select count(*) from (select currency from ledger_posting group by currency having sum(amount) <> 0) u')"
