#!/usr/bin/env bash
# Benchmark of issue 4: carbon credit report latency p50/p95, JSON and PDF, one client and 32
# concurrent clients, as the analyst over HTTP on the demo province. Scratch database
# tanxin_bench_report on 127.0.0.1:5432. Sizes: -Dtanxin.bench.json=300 -Dtanxin.bench.pdf=60 in MVN_OPTS.
# The pool is raised to 40: token authentication (identity Users.findByTokenHash) runs a second query
# inside its row mapper outside a transaction, so each authenticating request briefly needs two
# connections, and 32 concurrent clients on the default pool of 10 starve it (reported to the lead).
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_report" -c "CREATE DATABASE tanxin_bench_report"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ReportBench -Dtanxin.bench=true -Dspring.datasource.hikari.maximum-pool-size=${POOL:-40} -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_report 2>&1 | grep -E "report benchmark|client\(s\)" || true
