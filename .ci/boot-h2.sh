#!/usr/bin/env bash
# Boots target/tanxin-exec.jar on a fresh H2 directory, waits for health, checks the demo province
# and the calculator, then stops it. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${TANXIN_BOOT_PORT:-18080}
log="$work/boot.log"
(cd "$work" && TANXIN_PORT=$port exec java -jar "$OLDPWD/target/tanxin-exec.jar" >"$log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
start=$(date +%s)
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 $pid 2>/dev/null; then echo "jar exited during boot:"; tail -50 "$log"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"' || { echo "no health after 240 s"; tail -50 "$log"; exit 1; }
echo "H2 boot: ready (demo province loaded) after $(( $(date +%s) - start )) s"
demo=$(curl -fsS "http://127.0.0.1:$port/api/v1/demo")
echo "demo: $demo"
echo "$demo" | grep -q '"synthetic":true' || { echo "demo province not loaded"; exit 1; }
calc=$(curl -fsS -H 'Content-Type: application/json' -d '{"industryCode":"4411","regionCode":"140400","year":2023,"activities":[{"kind":"FUEL","code":"BITUMINOUS","quantity":1000,"unit":"t"},{"kind":"ELECTRICITY_PURCHASED","quantity":5000,"unit":"MWh"},{"kind":"GREEN_ELECTRICITY","quantity":1000,"unit":"MWh"},{"kind":"HEAT_PURCHASED","quantity":2000,"unit":"GJ"}]}' "http://127.0.0.1:$port/api/v1/accounting/calculations")
echo "$calc" | grep -q 'totalMarketTco2e' || { echo "calculator failed: $calc"; exit 1; }
# a credit report runs the issuing path's own SQL on H2: access, query record, the modules' reads, report row, leaves
token=$(curl -fsS -u analyst:tanxin-demo -H 'Content-Type: application/json' -d '{"name":"boot"}' \
  "http://127.0.0.1:$port/api/v1/identity/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
report() { curl -fsS -H "Authorization: Bearer $token" -H 'Accept: application/json' \
  "http://127.0.0.1:$port/api/v1/enterprises/91140300MA0TX20251/credit-report"; }
first=$(report) && second=$(report) || { echo "credit report failed on H2"; tail -30 "$log"; exit 1; }
number=$(echo "$first" | sed -E 's/.*"reportNumber":"([^"]+)".*/\1/')
echo "$number" | grep -Eq '^TX-[0-9]{8}-91140300MA0TX20251-[0-9]{6,}$' || { echo "no report number: ${first:0:300}"; exit 1; }
echo "$first" | grep -q '"labelZh"' || { echo "report without a rating: ${first:0:300}"; exit 1; }
echo "$second" | grep -q '"queryRecords":\[{' || { echo "second report lists no query record"; exit 1; }
echo "credit report on H2: $number"
test -d "$work/data" || { echo "no ./data directory was created"; exit 1; }
# the operator command starts without the web server, on the same (now released) database file
kill $pid; wait $pid 2>/dev/null || true
recompute=$(cd "$work" && java -jar "$OLDPWD/target/tanxin-exec.jar" recompute 2>&1) \
  || { echo "recompute command failed:"; echo "$recompute" | tail -30; exit 1; }
echo "$recompute" | grep '^recompute: [1-9]' || { echo "recompute stored no runs:"; echo "$recompute" | tail -30; exit 1; }
echo "H2 boot test passed"
