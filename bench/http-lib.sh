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
