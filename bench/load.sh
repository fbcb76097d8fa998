#!/usr/bin/env bash
# Gatling load on a 50,000-account province: 100 concurrent officers, login and home page p95 with the
# trivial endpoint as reference in the same run.
source "$(dirname "$0")/common.sh"
ensure_jar
dir="$WORK/scale-1"
if [ ! -d "$dir/pg" ]; then
    "$JAVA" -jar "$JAR" demo-data --scale 50000 $(sen_options "$dir") >/dev/null
fi
PORT=18081
"$JAVA" -jar "$JAR" $(sen_options "$dir") --server.port=$PORT --sen.embedded-db.pool-size=30 >"$WORK/load-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null && wait $app 2>/dev/null || true' EXIT
wait_ready $PORT 60
"$BENCH/prepare-accounts.sh" "$dir" 1000
rm -rf "$BENCH/results/gatling"
# Warm-up (discarded): 30 s of sign-ins and pages without think time, so the JIT has compiled the hot
# paths before anything is measured.
(cd "$BENCH/gatling" && JAVA_HOME="$JAVA_HOME" "$ROOT/mvnw" -q -B gatling:test -Dgatling.simulationClass=sen.LoginSimulation \
    -DbaseUrl=http://localhost:$PORT -Dusers=20 -Dseconds=30 -Dpace=0 -Dpages=3 >"$WORK/warm-up.log" 2>&1) || true
rm -rf "$BENCH/results/gatling"
# PACE=1000: 100 officers acting once a second (the target); PACE=0: no think time, the saturation capacity.
# BURST=true makes the paced officers act in lockstep (a stress case, not the target).
# PAGES: pages per working session in LoginSimulation (default 10); PAGES=0 is a sign-in storm.
for pace in ${PACES:-1000 0}; do
    for sim in LoginSimulation HomeSimulation; do
        (cd "$BENCH/gatling" && JAVA_HOME="$JAVA_HOME" "$ROOT/mvnw" -q -B gatling:test -Dgatling.simulationClass=sen.$sim \
            -DbaseUrl=http://localhost:$PORT -Dusers="${USERS:-100}" -Dseconds="${SECONDS_PER_RUN:-60}" -Dpace=$pace -Dpages="${PAGES:-10}" -Dburst="${BURST:-false}" \
            >"$WORK/$sim-$pace.log" 2>&1) || true
        latest=$(ls -td "$BENCH/results/gatling"/*/ | head -1)
        mv "$latest" "${latest%/}-pace$pace"
    done
done
python3 "$BENCH/gatling-summary.py" "$BENCH/results/gatling" | tee "$BENCH/results/load.txt"
