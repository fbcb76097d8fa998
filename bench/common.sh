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
