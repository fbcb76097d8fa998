#!/usr/bin/env bash
# Search alone on the 2,000,000-document province: Gatling SearchSimulation, 20 officers (among them a
# leader of the whole People's Committee) searching every 2 s after a discarded 30-s warm-up.
source "$(dirname "$0")/common.sh"
PORT=18082
start_documents_province $PORT
ACCOUNT_FILTER="$LEADING_OFFICERS" \
    "$BENCH/prepare-accounts.sh" "$DIR" 1000 >/dev/null
rm -rf "$BENCH/results/gatling"
gatling SearchSimulation 20 2000 30   # warm-up, discarded
rm -rf "$BENCH/results/gatling"
gatling SearchSimulation 20 2000 60
python3 "$BENCH/gatling-summary.py" "$BENCH/results/gatling" | tee "$BENCH/results/search-documents.txt"
