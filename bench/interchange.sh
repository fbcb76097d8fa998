#!/usr/bin/env bash
# 1,000 small documents between two Sen installations through a third acting as the province's hub
# (issue 5): JMH HubDeliveryBenchmark — sent, fetched into the inbox, 01 answered and recorded; reference
# in the same run: 1,000 signed calls of the hub's list of waiting messages.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
JAVA_HOME="$JAVA_HOME" ./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.interchange.HubDeliveryBenchmark' -t 1 \
    -rf json -rff "$BENCH/results/interchange.json" | tee "$BENCH/results/interchange.txt"
