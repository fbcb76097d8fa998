#!/usr/bin/env bash
# All issue-2 benchmarks in one go; prints what goes into docs/benchmarks.md.
source "$(dirname "$0")/common.sh"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r); date: $(date -u +%F)"
"$BENCH/demo-scale.sh"
"$BENCH/cold-start.sh"
"$BENCH/load.sh"
