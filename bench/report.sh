#!/usr/bin/env bash
# Benchmark of issue 4: carbon credit report latency p50/p95, JSON and PDF, one client and 32
# concurrent clients, as the analyst over HTTP on the demo province. Scratch database
# tanxin_bench_report on 127.0.0.1:5432. Sizes: -Dtanxin.bench.json=300 -Dtanxin.bench.pdf=60 in MVN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_report" -c "CREATE DATABASE tanxin_bench_report"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ReportBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_report 2>&1 | grep -E "report benchmark|client\(s\)" || true
