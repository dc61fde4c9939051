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
test -d "$work/data" || { echo "no ./data directory was created"; exit 1; }
echo "H2 boot test passed"
