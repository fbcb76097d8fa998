#!/usr/bin/env bash
# A 1 GB edXML message (issue 5): JMH EdxmlBenchmark — built signed from a 750 MB attachment and read
# back (parsed, signature verified while streaming, attachment decoded to a file) with the heap capped
# at 128 MB; references in the same run: reading the file as bytes, the JDK's Base64 decoder.
# Other sizes: bench/edxml.sh -p attachmentMb=75 (a 100 MB message), results in edxml-75.json/.txt.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
JAVA_HOME="$JAVA_HOME" ./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p "$BENCH/results"
NAME=edxml
if [[ "${1:-}" == -p && "${2:-}" == attachmentMb=* ]]; then NAME="edxml-${2#attachmentMb=}"; fi
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.interchange.EdxmlBenchmark' -t 1 "$@" \
    -rf json -rff "$BENCH/results/$NAME.json" | tee "$BENCH/results/$NAME.txt"
