#!/usr/bin/env bash
# Benchmark (b) of issue 2: full recompute of the demo province from PostgreSQL, storing the runs.
# Uses a scratch database tanxin_bench on 127.0.0.1:5432 (trust auth); the first start loads the
# demo province (and its first recompute), then `recompute` is timed three times.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tanxin-exec.jar ] || mvn -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS tanxin_bench" -c "CREATE DATABASE tanxin_bench"
export TANXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/tanxin_bench TANXIN_DB_USER=postgres
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
start=$(date +%s%N)
java -jar target/tanxin-exec.jar recompute | grep '^recompute'
echo "first start (generate + load demo province + accounts + one more recompute): $(( ($(date +%s%N) - start) / 1000000 )) ms"
for i in 1 2 3; do java -jar target/tanxin-exec.jar recompute | grep '^recompute'; done
