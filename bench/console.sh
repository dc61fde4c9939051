#!/usr/bin/env bash
# Benchmark of the web console: server time (p50/p95/max) of every console page on the demo province,
# each role signed in through the form (session cookie), one client, 20 warm-up then 200 sequential
# requests per page; time as the client observes it on loopback. Target: p95 < 200 ms per page.
# Scratch database tanxin_bench_console on 127.0.0.1:5432. Sizes: -Dtanxin.bench.warmup=20
# -Dtanxin.bench.requests=200 in MVN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench_console" -c "CREATE DATABASE tanxin_bench_console"
mvn -B -q ${MVN_OPTS:-} test -Dtest=ConsoleBench -Dtanxin.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtanxin.test.db.url=jdbc:postgresql://127.0.0.1:5432/tanxin_bench_console 2>&1 \
  | grep -E "console benchmark|^page |^(login|regulator|enterprise|bank-a|analyst|park|provider)[ :(]" || true
