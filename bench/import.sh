#!/usr/bin/env bash
# Benchmark (a) of issue 3: 1,008,000 activity rows imported end to end into PostgreSQL, against a
# plain COPY of the same bytes. Uses a scratch database tanxin_bench_import on 127.0.0.1:5432.
# The server is warmed first (one rejected import of the same rows), the plain COPY counts its best of
# three, and every timed step starts after VACUUM and CHECKPOINT. 2026-11-29, 2 cores, idle machine:
# 2.38-2.80x COPY over three runs (target 3x); figures and history in bench/README.md. Phase timings:
# debug log of io.tanxin.intake.IntakeManagement, intake.importing.RowSink and intake.internal.RawKeeper.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_import" -c "CREATE DATABASE tanxin_bench_import"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ImportBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_import 2>&1 | grep -E "benchmark|COPY|Tanxin|CPU|warm-up|\.\.\. until" || true
