#!/usr/bin/env bash
# Benchmark of issue 4: full re-rating of the demo province (1,200 enterprises × every year with
# data + rolling 12 months) on PostgreSQL. Uses a scratch database tanxin_bench_rating on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_rating" -c "CREATE DATABASE tanxin_bench_rating"
mvn -B -q ${MVN_OPTS:-} test -Dtest=RatingBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_rating 2>&1 | grep -E "rating benchmark|rated [0-9]+ enterprises" || true
