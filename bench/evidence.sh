#!/usr/bin/env bash
# Evidence log: batched appends per second and proof generation at 1,000,003 leaves (JMH, in memory),
# then appends per second through the real store on PostgreSQL (scratch database tanxin_bench_evidence
# on 127.0.0.1:5432, user postgres; skip with EVIDENCE_PG=false).
# Usage: bench/evidence.sh [extra JMH options]   (offline if ~/.m2 is warm: MVN_OPTS=-o)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q ${MVN_OPTS:-} -f pom.xml install -DskipTests
mvn -q ${MVN_OPTS:-} -f bench/pom.xml package
java -Xmx2g -jar bench/target/benchmarks.jar EvidenceLogBenchmark -f 1 -wi 2 -i 3 -t 1 "$@"
if [ "${EVIDENCE_PG:-true}" = true ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'tanxin_bench_evidence'" \
    | grep -q 1 || psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE tanxin_bench_evidence'
  mvn -q ${MVN_OPTS:-} -f pom.xml test -Dtest=EvidenceStoreBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_evidence 2>&1 | grep 'EVIDENCE STORE'
fi
