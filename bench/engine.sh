#!/usr/bin/env bash
# Engine throughput in enterprise-months per second, single thread.
# Usage: bench/engine.sh [extra JMH options]   (from anywhere; offline if ~/.m2 is warm: MVN_OPTS=-o)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q ${MVN_OPTS:-} -f pom.xml install -DskipTests
mvn -q ${MVN_OPTS:-} -f bench/pom.xml package
java -jar bench/target/benchmarks.jar EngineThroughput -f 1 -wi 2 -i 3 -t 1 "$@"
