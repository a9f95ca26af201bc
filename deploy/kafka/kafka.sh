#!/usr/bin/env bash
# Local Apache Kafka (KRaft, single node, 127.0.0.1:9092) from Maven-resolved jars.
#   kafka.sh up     start it unless something already answers on 9092; wait until ready
#   kafka.sh down   stop only the broker this script started (pid file), never someone else's
#   kafka.sh status
# Data and logs live under $WIREWATCH_DATA_DIR/kafka (default ./var/kafka).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
data_dir=${WIREWATCH_DATA_DIR:-$root/var}
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)
kdir=$data_dir/kafka
pidfile=$kdir/kafka.pid
lib=$here/target/lib
host=127.0.0.1
port=9092

listening() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

resolve_jars() {
  if ! ls "$lib"/kafka_2.13-*.jar >/dev/null 2>&1; then
    echo "kafka: resolving broker jars from Maven Central (deploy/kafka/pom.xml)"
    mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies
  fi
}

java_args() {
  jargs=(java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$kdir/logs" -Dlog4j2.configurationFile="$here/log4j2.yaml" \
    -cp "$lib/*")
}

java_cmd() {
  java_args
  "${jargs[@]}" "$@"
}

ready() {
  # Ready means the broker answers metadata requests, not just that the port is open.
  "$root/.venv/bin/python" - <<'PY' 2>/dev/null
import asyncio, sys
from aiokafka.admin import AIOKafkaAdminClient
async def main() -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers="127.0.0.1:9092", request_timeout_ms=3000)
    await admin.start()
    try:
        await admin.list_topics()
    finally:
        await admin.close()
try:
    asyncio.run(main())
except Exception:
    sys.exit(1)
PY
}

up() {
  if listening; then
    echo "kafka: something already answers on $host:$port; using it"
    return 0
  fi
  resolve_jars
  mkdir -p "$kdir/logs"
  sed "s#@DATA_DIR@#$kdir#" "$here/server.properties.in" > "$kdir/server.properties"
  if [ ! -f "$kdir/data/meta.properties" ]; then
    cluster_id=$(java_cmd kafka.tools.StorageTool random-uuid | tail -n 1)
    java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$kdir/server.properties" >"$kdir/logs/format.log" 2>&1 \
      || { cat "$kdir/logs/format.log"; exit 1; }
  fi
  java_args
  # exec in the subshell so that $! is the JVM itself and `down` stops exactly it.
  (exec "${jargs[@]}" kafka.Kafka "$kdir/server.properties" >"$kdir/logs/stdout.log" 2>&1 < /dev/null) &
  echo $! > "$pidfile"
  echo "kafka: starting (pid $(cat "$pidfile")), logs in $kdir/logs"
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "kafka: broker exited during start-up; last log lines:" >&2
      tail -n 30 "$kdir/logs/stdout.log" "$kdir/logs/server.log" >&2 2>/dev/null || true
      rm -f "$pidfile"
      exit 1
    fi
    if listening && ready; then
      echo "kafka: ready on $host:$port"
      return 0
    fi
    sleep 0.5
  done
  echo "kafka: not ready after 60 s" >&2
  exit 1
}

down() {
  if [ ! -f "$pidfile" ]; then
    echo "kafka: no broker started by this script (no $pidfile)"
    return 0
  fi
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "kafka: stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}

status() {
  if listening; then echo "kafka: answering on $host:$port"; else echo "kafka: not running"; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
