#!/usr/bin/env bash
# The inbox first page at about 200 pages/s with a light load generator (wrk, C) instead of Gatling's
# JVM, so that the two cores go to Sen and PostgreSQL: 100 officers who hold documents, signed in once,
# read in turn by 20 connections that each wait 90 ms between pages; then the trivial endpoint paced the
# same way in the same run, and the page's SQL raw through pgbench at 200 pages/s, for the ratios.
# Needs the province of demo-documents.sh. SEN_OPTS adds options to Sen's command line.
source "$(dirname "$0")/common.sh"
PORT=18082
start_documents_province $PORT ${SEN_OPTS:-}
ACCOUNT_FILTER="$LEADING_OFFICERS" \
    "$BENCH/prepare-accounts.sh" "$DIR" 100 >/dev/null
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
bench_officers "$DIR"
officers=$OFFICERS
raw() {
    rm -f "$WORK"/pgbench_log.*
    (cd "$WORK" && pgbench -n -h localhost -p "$PG_PORT" -U postgres -f "$BENCH/inbox.sql" -D officers="$officers" \
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
