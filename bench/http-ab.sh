#!/usr/bin/env bash
# Compares two builds' JSON (or PDF) reports at 32 connections on this machine, whose speed drifts (by 2x within
# a session here): both servers run at once on copies of one loaded province and take turns, one
# T-second phase each (default 20), ROUNDS times (default 4), after WARM seconds of load each (default
# 300: the JVM's CPU a report kept falling for about five minutes under load on 2 cores, as C2 compiled).
# usage: bench/http-ab.sh A.jar B.jar   (a build's settings: ENV_A / ENV_B, e.g. ENV_B="TANXIN_X=1")
# FORMAT=pdf compares PDF reports instead (WARM=240 covers the province's first reads and C2's compiling):
# the same build measured 78.5 and 104.8 PDFs/s in two runs of bench/http.sh twenty minutes apart here.
# The province is loaded once into tanxin_bench_ab (kept between runs; DROP it to reload).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/http-lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
A=$1; B=$2; T=${T:-20}; ROUNDS=${ROUNDS:-4}; WARM=${WARM:-300}
export PGOPTIONS="-c client_min_messages=warning"
psql() { command psql -h 127.0.0.1 -U postgres "$@"; }
PIDS=()
VACUUMER=
trap 'kill ${PIDS[@]} $VACUUMER 2>/dev/null || true' EXIT
serve() { # jar port db log [env]
  env ${5:-} TANXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$3 TANXIN_DB_USER=postgres TANXIN_PORT=$2 \
    TANXIN_TELEMETRY=false java -jar "$1" > "$4" 2>&1 &
  PIDS+=($!)
  until grep -q "Started Tanxin" "$4"; do kill -0 $! 2>/dev/null || { tail -20 "$4"; exit 1; }; sleep 1; done
}
if [ -z "$(psql -d test -Atc "SELECT 1 FROM pg_database WHERE datname = 'tanxin_bench_ab'")" ]; then
  psql -d test -qc "CREATE DATABASE tanxin_bench_ab"
  serve "$A" 8097 tanxin_bench_ab /tmp/tanxin-ab-load.log
  until grep -q "pilot overview" /tmp/tanxin-ab-load.log; do sleep 2; done
  kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()
  psql -d tanxin_bench_ab -qc 'VACUUM (ANALYZE)'
fi
for db in tanxin_bench_a tanxin_bench_b; do
  psql -d test -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE tanxin_bench_ab"
done
# as bench/http.sh does where autovacuum is off (CI's PostgreSQL): vacuum and analyze both databases
# every AUTOVACUUM_EVERY seconds (default 60, 0 for never), as autovacuum would at its default naptime
AUTOVACUUM_EVERY=${AUTOVACUUM_EVERY:-60}
if [ "$AUTOVACUUM_EVERY" -gt 0 ] && [ "$(psql -d test -Atc 'SHOW autovacuum')" = off ]; then
  (while sleep "$AUTOVACUUM_EVERY"; do
    for db in tanxin_bench_a tanxin_bench_b; do bench_vacuum $db; done
  done) &
  VACUUMER=$!
fi
serve "$A" 8097 tanxin_bench_a /tmp/tanxin-ab-a.log "${ENV_A:-}"
serve "$B" 8098 tanxin_bench_b /tmp/tanxin-ab-b.log "${ENV_B:-}"
FORMAT=${FORMAT:-json}
case $FORMAT in json) ACCEPT=application/json ;; pdf) ACCEPT=application/pdf ;; *) echo "FORMAT is json or pdf" >&2; exit 2 ;; esac
export USCCS=$(mktemp) ACCEPT
psql -d tanxin_bench_a -Atc "SELECT DISTINCT uscc FROM rating ORDER BY uscc" > "$USCCS"
TOKEN_A=$(bench_token 8097); TOKEN_B=$(bench_token 8098)
TOKEN=$TOKEN_A wrk -t2 -c32 -d"${WARM}s" -s bench/wrk/report.lua http://127.0.0.1:8097 > /dev/null
TOKEN=$TOKEN_B wrk -t2 -c32 -d"${WARM}s" -s bench/wrk/report.lua http://127.0.0.1:8098 > /dev/null
phase() { # name pid port token
  echo "$1 ${FORMAT^^} 32 conn: $(TOKEN=$4 bench_measured "$2" 32 report.lua "http://127.0.0.1:$3")"
}
echo "A = $A ${ENV_A:-}; B = $B ${ENV_B:-}; $(nproc) cores; phases of $T s after $WARM s of load each"
for i in $(seq "$ROUNDS"); do
  phase A "${PIDS[0]}" 8097 "$TOKEN_A"
  phase B "${PIDS[1]}" 8098 "$TOKEN_B"
done
