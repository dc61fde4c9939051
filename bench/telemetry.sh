#!/usr/bin/env bash
# Telemetry intake throughput: readings per second from MQTT QoS 1 publish to committed row.
#
# Runs the real application (target/tanxin-exec.jar, demo off) against a scratch PostgreSQL
# database telemetry_bench on 127.0.0.1:5432 and a Mosquitto of its own on 127.0.0.1:18831
# (never the shared 1883), then drives it with bench/.../telemetry/TelemetryLoad: N readings
# (default 200,000 across 200 meters, one reading per message) on loopback, bounded by a time limit.
# The load driver is plain JDK (compiled here with javac) plus the PostgreSQL driver at run time.
#
# Usage: bench/telemetry.sh [readings] [meters]     (MVN_OPTS=-o for an offline build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
readings=${1:-200000}
meters=${2:-200}
mqtt_port=18831
db=telemetry_bench
work=$(mktemp -d /tmp/tanxin-telemetry-bench.XXXXXX)
chmod 777 "$work"   # mosquitto started as root drops to its own user

[ -f target/tanxin-exec.jar ] || mvn -q ${MVN_OPTS:-} -DskipTests package
mkdir -p bench/target/telemetry-classes
javac -q -d bench/target/telemetry-classes bench/src/main/java/io/tanxin/bench/telemetry/*.java 2>/dev/null \
  || javac -d bench/target/telemetry-classes bench/src/main/java/io/tanxin/bench/telemetry/*.java
pg_jar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)

cat > "$work/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
# the subscriber may fall behind the publisher: queue rather than drop QoS 1 messages
# (max_inflight_messages as in a default install; mosquitto 2.0.11 does not hold to it under a backlog)
max_queued_messages 1000000
max_inflight_messages ${MQTT_INFLIGHT:-20}
log_dest file $work/mosquitto.log
CONF
mosquitto -c "$work/mosquitto.conf" & broker=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  kill "$broker" 2>/dev/null && wait "$broker" 2>/dev/null || true
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
TANXIN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db TANXIN_DB_USER=postgres TANXIN_DEMO=false TANXIN_PORT=0 \
LOGGING_LEVEL_IO_TANXIN_INTAKE_TELEMETRY=${TELEMETRY_LOG:-INFO} TANXIN_MQTT_URL=tcp://127.0.0.1:$mqtt_port TANXIN_MQTT_CLIENT_ID=tanxin-telemetry-bench \
  java -jar target/tanxin-exec.jar > "$work/app.log" 2>&1 & app=$!
for _ in $(seq 1 120); do
  grep -q "telemetry: connected" "$work/app.log" && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
grep -q "telemetry: connected" "$work/app.log" || { echo "application did not connect to the broker"; exit 1; }
sleep 1   # SUBACK

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1); app, broker, PostgreSQL and driver share it"
java -cp "bench/target/telemetry-classes:$pg_jar" io.tanxin.bench.telemetry.TelemetryLoad \
  127.0.0.1 $mqtt_port "jdbc:postgresql://127.0.0.1:5432/$db" "$meters" "$readings" ${BENCH_TIMEOUT:-300}
dead=$(psql -h 127.0.0.1 -U postgres -d $db -tAc "SELECT COUNT(*) FROM dead_letter")
echo "dead letters: $dead"
