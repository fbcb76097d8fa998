#!/usr/bin/env bash
# 2,000 ballots at once in a live session of 2,000 participants (issue 6): JMH BallotBenchmark — secret and
# named votes, every ballot checked to be counted once; reference in the same run: 2,000 one-row insert
# transactions through the same pool.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
JAVA_HOME="$JAVA_HOME" ./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main 'vn.sen.meetings.BallotBenchmark' -t 1 \
    -rf json -rff "$BENCH/results/meetings-ballots.json" | tee "$BENCH/results/meetings-ballots.txt"
