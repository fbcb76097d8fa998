#!/usr/bin/env bash
# Search alone on the 2,000,000-document province: Gatling SearchSimulation, 20 officers (among them a
# leader of the whole People's Committee) searching every 2 s after a discarded 30-s warm-up.
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
    "$BENCH/prepare-accounts.sh" "$dir" 1000 >/dev/null
gatling() { # SIMULATION USERS PACE_MS SECONDS
    (cd "$BENCH/gatling" && JAVA_HOME="$JAVA_HOME" "$ROOT/mvnw" -q -B gatling:test -Dgatling.simulationClass=sen.$1 \
        -DbaseUrl=http://localhost:$PORT -Dusers=$2 -Dpace=$3 -Dseconds=$4 >"$WORK/$1.log" 2>&1) || true
}
rm -rf "$BENCH/results/gatling"
gatling SearchSimulation 20 2000 30   # warm-up, discarded
rm -rf "$BENCH/results/gatling"
gatling SearchSimulation 20 2000 60
python3 "$BENCH/gatling-summary.py" "$BENCH/results/gatling" | tee "$BENCH/results/search-documents.txt"
