#!/usr/bin/env bash
# Wall time of `sen demo-data --scale 50000 --documents 2000000` into an empty embedded database.
# Keeps the database in $WORK/documents for the inbox and search benchmarks (load-documents.sh).
source "$(dirname "$0")/common.sh"
ensure_jar
DOCS="${1:-2000000}"
dir="$WORK/documents"; rm -rf "$dir"
start=$(date +%s.%N)
"$JAVA" -jar "$JAR" demo-data --scale 50000 --documents "$DOCS" $(sen_options "$dir") >"$WORK/documents.json" 2>"$WORK/documents.log"
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc)
echo "demo-data --scale 50000 --documents $DOCS: $seconds s" | tee "$BENCH/results/demo-documents.txt"
cat "$WORK/documents.json" | tee -a "$BENCH/results/demo-documents.txt"
