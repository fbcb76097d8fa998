#!/usr/bin/env bash
# Wall time of `sen demo-data --scale 50000` into an empty embedded database, 3 runs, median.
source "$(dirname "$0")/common.sh"
ensure_jar
SCALE="${1:-50000}"
for run in 1 2 3; do
    dir="$WORK/scale-$run"; rm -rf "$dir"
    start=$(date +%s.%N)
    "$JAVA" -jar "$JAR" demo-data --scale "$SCALE" $(sen_options "$dir") >"$WORK/scale-$run.json"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
done | tee "$BENCH/results/demo-scale.txt" | median | xargs printf "demo-data --scale $SCALE: median %s s (3 runs)\n"
cat "$WORK/scale-1.json"
