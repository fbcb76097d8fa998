#!/usr/bin/env bash
# The inbox first page at about 200 pages/s with a light load generator (wrk, C) instead of Gatling's
# JVM, so that the two cores go to Sen and PostgreSQL: 100 officers who hold documents, signed in once,
# read in turn by 20 connections that each wait 90 ms between pages; then the trivial endpoint paced the
# same way in the same run, and the page's SQL raw through pgbench at 200 pages/s, for the ratios.
# Needs the province of demo-documents.sh. SEN_OPTS adds options to Sen's command line.
source "$(dirname "$0")/common.sh"
ensure_jar
dir="$WORK/documents"
[ -d "$dir/pg" ] || "$BENCH/demo-documents.sh"
PORT=18082
"$JAVA" -jar "$JAR" $(sen_options "$dir") --server.port=$PORT --sen.embedded-db.pool-size=30 ${SEN_OPTS:-} >"$WORK/documents-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null && wait $app 2>/dev/null || true' EXIT
wait_ready $PORT 600
ACCOUNT_FILTER="exists (select 1 from documents.assignment x where x.officer_id = identity.account.officer_id and x.state = 'PENDING' and x.role = 'LEAD')" \
    "$BENCH/prepare-accounts.sh" "$dir" 100 >/dev/null
sessions="$WORK/sessions.txt"; : > "$sessions"
tail -n +2 "$BENCH/gatling/src/test/resources/accounts.csv" | while IFS=, read -r username password; do
    jar="$WORK/cookies.txt"; rm -f "$jar"
    csrf=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$username" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$csrf" "http://localhost:$PORT/login"
    grep -o 'SESSION[[:space:]].*' "$jar" | awk '{print $2}' >> "$sessions"
done
echo "signed in $(wc -l < "$sessions") officers"
run() { # PAGE SECONDS
    SESSIONS="$sessions" DELAY_MS=90 PAGE="$1" wrk -t2 -c20 -d"$2"s -s "$BENCH/inbox-wrk.lua" "http://localhost:$PORT" | tail -1
}
run "/documents/inbox?view=PENDING" 30 >/dev/null   # warm-up, discarded
port=$(sed -n 4p "$dir/pg/postmaster.pid")
export PGPASSWORD=postgres
psql -q -h localhost -p "$port" -U postgres sen <<SQL
drop table if exists bench_officer;
create table bench_officer as
select row_number() over (order by a.id) as idx, a.officer_id from identity.account a
where a.password_hash like '{bcrypt}%' and a.officer_id is not null;
SQL
officers=$(psql -qtA -h localhost -p "$port" -U postgres sen -c "select count(*) from bench_officer")
raw() {
    rm -f "$WORK"/pgbench_log.*
    (cd "$WORK" && pgbench -n -h localhost -p "$port" -U postgres -f "$BENCH/inbox.sql" -D officers="$officers" \
        -c 8 -j 2 -R 200 -T 60 -l sen > "$WORK/inbox-wrk-pgbench.txt" 2>&1) || true
    cat "$WORK"/pgbench_log.* | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {
        printf "%d pages, %.1f pages/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
            NR, NR / 60, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)]}'
}
{
    echo "inbox:   $(run "/documents/inbox?view=PENDING" 60)"
    echo "trivial: $(run "/actuator/health/readiness" 60)"
    echo "raw SQL: $(raw)"
} | tee "$BENCH/results/inbox-wrk.txt"
