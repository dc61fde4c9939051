#!/usr/bin/env bash
# Benchmark (a) of issue 3: 1,008,000 activity rows imported end to end into PostgreSQL, against a
# plain COPY of the same bytes. Uses a scratch database tanxin_bench_import on 127.0.0.1:5432.
# 2026-11-23, 2 cores (shared, load 5-14): 3.13-5.07x COPY over three runs, main before the
# import-perf branch 4.64x in the same hour; target 3x not reached, see bench/README.md for where the
# time goes (phase timings: debug log of io.tanxin.intake.IntakeManagement and importing.RowSink).
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_import" -c "CREATE DATABASE tanxin_bench_import"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ImportBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_import 2>&1 | grep -E "benchmark|COPY|Tanxin|CPU|warm-up|\.\.\. until" || true
