#!/usr/bin/env bash
# Benchmark of issue 4: carbon credit report latency p50/p95, JSON and PDF, one client and 32
# concurrent clients, as the analyst over HTTP on the demo province. Scratch database
# tanxin_bench_report on 127.0.0.1:5432. Sizes: -Dtanxin.bench.json=300 -Dtanxin.bench.pdf=60 in MVN_OPTS.
# The connection pool is the application's default (10); POOL=n overrides it. Earlier figures used 40
# to work around identity's two-connection token check, since fixed. A JFR recording of the forked
# test JVM: MVN_OPTS='-DargLine=-XX:StartFlightRecording=filename=/tmp/report.jfr,settings=profile'.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_report" -c "CREATE DATABASE tanxin_bench_report"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ReportBench -Dtanxin.bench=true ${POOL:+-Dspring.datasource.hikari.maximum-pool-size=$POOL} -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_report 2>&1 | grep -E "report benchmark|client\(s\)" || true
# Measured 2026-11-23 on 2 cores, JDK 17, demo province (1200 enterprises, 1180 rated), PostgreSQL local:
#   JSON  1 client : p50  26 ms, p95  39 ms      PDF  1 client : p50  155 ms, p95  213 ms
#   JSON 32 clients: p50 412 ms, p95 616 ms      PDF 32 clients: p50 3600 ms, p95 4891 ms
# Every request issues a report: query record + leaf, body, report leaf, sequencing, a checkpoint
# when the newest does not cover the leaf, the proof. 32 clients on 2 cores are throughput-bound
# (about 75 JSON or 8 PDF reports per second), so their latency is queueing, not per-report work.
