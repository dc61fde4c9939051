# Shared by bench/http.sh and bench/http-ab.sh (sourced, not run).

# A bearer token of the demo analyst from the server on port $1.
bench_token() {
  curl -s -u analyst:tanxin-demo -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "localhost:$1/api/v1/identity/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# One wrk phase of T seconds against the server process $1: connections $2, script bench/wrk/$3, url $4.
# Prints wrk's summary line and the server JVM's CPU (user + system) per request during the phase.
bench_measured() {
  local c0 c1 out n
  c0=$(awk '{print $14 + $15}' "/proc/$1/stat")
  out=$(wrk -t$(( $2 < 2 ? 1 : 2 )) -c"$2" -d"${T}s" -s "bench/wrk/$3" "$4" | tail -1)
  c1=$(awk '{print $14 + $15}' "/proc/$1/stat")
  n=$(echo "$out" | sed -E 's/requests ([0-9]+),.*/\1/')
  awk -v out="$out" -v t="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v n="$n" \
    'BEGIN { printf "%s; server JVM %.2f ms CPU/request\n", out, t * 1000 / hz / n }'
}

# Vacuums and analyzes database $1 as autovacuum would where it is off (CI's PostgreSQL): the tables past
# autovacuum's default thresholds only (dead rows over 50 + 20 %, rows inserted since the last vacuum over
# 1,000 + 20 %, rows changed since the last analyze over 50 + 10 %), throttled at its cost delay (2 ms a
# 200 cost units). An unthrottled VACUUM (ANALYZE) of the whole loaded province took 2.8 s of a core,
# most of it analyzing tables that had not changed, and under load it cut the PDFs served by half for
# four seconds a minute.
bench_vacuum() {
  PGOPTIONS="-c vacuum_cost_delay=2ms -c client_min_messages=warning" \
    psql -h 127.0.0.1 -U postgres -d "$1" -q > /dev/null <<'SQL' || true
SELECT CASE WHEN needs_vacuum AND needs_analyze THEN 'VACUUM (ANALYZE) ' WHEN needs_vacuum THEN 'VACUUM ' ELSE 'ANALYZE ' END
       || format('%I.%I', schemaname, relname)
  FROM (SELECT s.schemaname, s.relname,
               s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
               OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS needs_vacuum,
               s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS needs_analyze
          FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid) t
 WHERE needs_vacuum OR needs_analyze
\gexec
SQL
}
