#!/usr/bin/env bash
# Benchmark (a) of issue 3: 1,008,000 activity rows imported end to end into PostgreSQL, against a
# plain COPY of the same bytes. Uses a scratch database tanxin_bench_import on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_import" -c "CREATE DATABASE tanxin_bench_import"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ImportBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_import 2>&1 | grep -E "benchmark|COPY|Tanxin|\.\.\. until" || true
