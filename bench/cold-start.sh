#!/usr/bin/env bash
# Cold start: `java -jar sen.jar` until /actuator/health/readiness answers, embedded PostgreSQL with the
# demo province already loaded (data directory kept between runs). 5 runs, median. Reference in the
# same run: `java -version` start-up of the same JVM.
source "$(dirname "$0")/common.sh"
ensure_jar
dir="$WORK/cold"
if [ ! -d "$dir/pg" ]; then
    "$JAVA" -jar "$JAR" demo-data $(sen_options "$dir") >/dev/null
fi
PORT=18080
for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$JAVA" -jar "$JAR" $(sen_options "$dir") --server.port=$PORT >"$WORK/cold-$run.log" 2>&1 &
    pid=$!
    wait_ready $PORT 60
    end=$(date +%s.%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$end - $start" | bc
done | tee "$BENCH/results/cold-start.txt" | median | xargs printf "cold start to ready: median %s s (5 runs)\n"
for run in 1 2 3 4 5; do
    start=$(date +%s.%N); "$JAVA" -version 2>/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc
done | median | xargs printf "reference, JVM start (java -version): median %s s\n"
