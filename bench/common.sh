# Shared helpers for the benchmark scripts (sourced).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/target/sen.jar"
WORK="${SEN_BENCH_DIR:-/tmp/sen-bench}"
mkdir -p "$WORK" "$BENCH/results"

ensure_jar() {
    if [ ! -f "$JAR" ]; then
        (cd "$ROOT" && JAVA_HOME="$JAVA_HOME" ./mvnw -q -B -DskipTests package)
    fi
}

# median of numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# sen_options DIR: options that keep a benchmark's data apart from ./data
sen_options() { echo "--sen.embedded-db.dir=$1/pg --sen.security.data-key-file=$1/sen.key --sen.demo.load-on-first-start=false"; }

wait_ready() { # PORT TIMEOUT_S
    for _ in $(seq 1 $(( $2 * 20 ))); do
        if curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
        sleep 0.05
    done
    echo "Sen did not become ready on port $1" >&2; return 1
}

# Sen on the 2,000,000-document province of demo-documents.sh (built first when missing), on PORT, stopped
# when the script exits; the rest of the arguments go to Sen's command line. Sets DIR.
start_documents_province() { # PORT [SEN OPTIONS…]
    ensure_jar
    DIR="$WORK/documents"
    [ -d "$DIR/pg" ] || "$BENCH/demo-documents.sh"
    "$JAVA" -jar "$JAR" $(sen_options "$DIR") --server.port="$1" --sen.embedded-db.pool-size=30 "${@:2}" \
        >"$WORK/documents-app.log" 2>&1 &
    APP=$!
    trap 'kill $APP 2>/dev/null && wait $APP 2>/dev/null || true' EXIT
    wait_ready "$1" 600
}

# officers of the province who lead a pending document (whose inbox is not empty)
LEADING_OFFICERS="exists (select 1 from documents.assignment x where x.officer_id = identity.account.officer_id and x.state = 'PENDING' and x.role = 'LEAD')"

# bench_officers DIR: numbers the bench accounts' officers in table bench_officer (for pgbench's inbox.sql);
# sets PG_PORT (the province's PostgreSQL) and OFFICERS (how many)
bench_officers() {
    PG_PORT=$(sed -n 4p "$1/pg/postmaster.pid")
    export PGPASSWORD=postgres
    psql -q -h localhost -p "$PG_PORT" -U postgres sen <<SQL
drop table if exists bench_officer;
create table bench_officer as
select row_number() over (order by a.id) as idx, a.officer_id from identity.account a
where a.password_hash like '{bcrypt}%' and a.officer_id is not null;
SQL
    OFFICERS=$(psql -qtA -h localhost -p "$PG_PORT" -U postgres sen -c "select count(*) from bench_officer")
}

gatling() { # SIMULATION USERS PACE_MS SECONDS, against Sen on $PORT; log in $WORK/SIMULATION.log
    (cd "$BENCH/gatling" && JAVA_HOME="$JAVA_HOME" "$ROOT/mvnw" -q -B gatling:test -Dgatling.simulationClass=sen.$1 \
        -DbaseUrl=http://localhost:$PORT -Dusers=$2 -Dpace=$3 -Dseconds=$4 >"$WORK/$1.log" 2>&1) || true
}
