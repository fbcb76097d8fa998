#!/usr/bin/env bash
# Signing and validation speed (issue 4): JMH SigningBenchmark in one JVM — a one-page PDF signed PAdES
# B-B with a PKCS#12 key, a signed PDF validated with revocation offline, and two references measured
# in the same run (the bare RSA-PSS signature, PDFBox loading and saving the page). Also with 2 threads,
# and a 200 MB PDF signed with a 256 MB heap.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
JAVA_HOME="$JAVA_HOME" ./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
mkdir -p "$BENCH/results"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.signing.SigningBenchmark.(signOnePage|validateSigned|reference.*)' -t 1 \
    -rf json -rff "$BENCH/results/signing-1.json" | tee "$BENCH/results/signing-1.txt"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.signing.SigningBenchmark.signOnePage' -t 2 \
    -rf json -rff "$BENCH/results/signing-2.json" | tee "$BENCH/results/signing-2.txt"
# a 200 MB PDF signed with the heap capped at 256 MB (single shots; the peak heap is printed)
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.signing.SigningBenchmark.signLarge' -t 1 \
    -rf json -rff "$BENCH/results/signing-large.json" | tee "$BENCH/results/signing-large.txt"
