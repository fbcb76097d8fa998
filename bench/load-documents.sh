#!/usr/bin/env bash
# Inbox and search on the 2,000,000-document province built by demo-documents.sh:
#  - Gatling InboxSimulation: 100 officers who hold documents, each opening the first page of their
#    inbox twice a second (200 inbox pages/s), beside the trivial endpoint;
#  - pgbench at the same 200 pages/s running the page's SQL raw (the reference the issue asks for);
#  - Gatling SearchSimulation: 20 officers searching typical queries, with and without diacritics.
source "$(dirname "$0")/common.sh"
PORT=18082
start_documents_province $PORT
ACCOUNT_FILTER="$LEADING_OFFICERS" \
    "$BENCH/prepare-accounts.sh" "$DIR" 1000
bench_officers "$DIR"
officers=$OFFICERS
rm -rf "$BENCH/results/gatling"
gatling InboxSimulation 50 0 30      # warm-up, discarded
gatling SearchSimulation 10 0 30     # warm-up, discarded
rm -rf "$BENCH/results/gatling"
gatling InboxSimulation 100 500 60
rm -f "$WORK"/pgbench_log.*
(cd "$WORK" && pgbench -n -h localhost -p "$PG_PORT" -U postgres -f "$BENCH/inbox.sql" -D officers="$officers" \
    -c 8 -j 2 -R 200 -T 60 -l sen > "$BENCH/results/inbox-pgbench.txt" 2>&1) || true
# per-transaction latencies (µs, 3rd column) → percentiles in ms
cat "$WORK"/pgbench_log.* | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {
    printf "raw SQL (pgbench, 200 pages/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d pages\n",
        a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], NR}' >> "$BENCH/results/inbox-pgbench.txt"
gatling SearchSimulation 20 2000 60
python3 "$BENCH/gatling-summary.py" "$BENCH/results/gatling" | tee "$BENCH/results/load-documents.txt"
grep -E "raw SQL|tps" "$BENCH/results/inbox-pgbench.txt" | tee -a "$BENCH/results/load-documents.txt"
