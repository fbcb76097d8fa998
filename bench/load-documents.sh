#!/usr/bin/env bash
# Inbox and search on the 2,000,000-document province built by demo-documents.sh:
#  - Gatling InboxSimulation: 100 officers who hold documents, each opening the first page of their
#    inbox twice a second (200 inbox pages/s), beside the trivial endpoint;
#  - pgbench at the same 200 pages/s running the page's SQL raw (the reference the issue asks for);
#  - Gatling SearchSimulation: 20 officers searching typical queries, with and without diacritics.
source "$(dirname "$0")/common.sh"
ensure_jar
dir="$WORK/documents"
[ -d "$dir/pg" ] || "$BENCH/demo-documents.sh"
PORT=18082
"$JAVA" -jar "$JAR" $(sen_options "$dir") --server.port=$PORT --sen.embedded-db.pool-size=30 >"$WORK/documents-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null && wait $app 2>/dev/null || true' EXIT
wait_ready $PORT 600
ACCOUNT_FILTER="exists (select 1 from documents.assignment x where x.officer_id = identity.account.officer_id and x.state = 'PENDING' and x.role = 'LEAD')" \
    "$BENCH/prepare-accounts.sh" "$dir" 1000
port=$(sed -n 4p "$dir/pg/postmaster.pid")
export PGPASSWORD=postgres
psql -q -h localhost -p "$port" -U postgres sen <<SQL
drop table if exists bench_officer;
create table bench_officer as
select row_number() over (order by a.id) as idx, a.officer_id from identity.account a
where a.password_hash like '{bcrypt}%' and a.officer_id is not null;
SQL
officers=$(psql -qtA -h localhost -p "$port" -U postgres sen -c "select count(*) from bench_officer")
gatling() { # SIMULATION USERS PACE_MS SECONDS
    (cd "$BENCH/gatling" && JAVA_HOME="$JAVA_HOME" "$ROOT/mvnw" -q -B gatling:test -Dgatling.simulationClass=sen.$1 \
        -DbaseUrl=http://localhost:$PORT -Dusers=$2 -Dpace=$3 -Dseconds=$4 >"$WORK/$1.log" 2>&1) || true
}
rm -rf "$BENCH/results/gatling"
gatling InboxSimulation 50 0 30      # warm-up, discarded
gatling SearchSimulation 10 0 30     # warm-up, discarded
rm -rf "$BENCH/results/gatling"
gatling InboxSimulation 100 500 60
rm -f "$WORK"/pgbench_log.*
(cd "$WORK" && pgbench -n -h localhost -p "$port" -U postgres -f "$BENCH/inbox.sql" -D officers="$officers" \
    -c 8 -j 2 -R 200 -T 60 -l sen > "$BENCH/results/inbox-pgbench.txt" 2>&1) || true
# per-transaction latencies (µs, 3rd column) → percentiles in ms
cat "$WORK"/pgbench_log.* | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {
    printf "raw SQL (pgbench, 200 pages/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d pages\n",
        a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], NR}' >> "$BENCH/results/inbox-pgbench.txt"
gatling SearchSimulation 20 2000 60
python3 "$BENCH/gatling-summary.py" "$BENCH/results/gatling" | tee "$BENCH/results/load-documents.txt"
grep -E "raw SQL|tps" "$BENCH/results/inbox-pgbench.txt" | tee -a "$BENCH/results/load-documents.txt"
