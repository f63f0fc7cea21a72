#!/usr/bin/env bash
# A throwaway ClickHouse server for the remote-source tests and benchmarks: one process on
# loopback, non-default ports, its data in DIR, and a cluster "two" of two shards (databases
# shard1 and shard2 on this same server) so that a Distributed table merges results as a real
# cluster does. Never the package's own service.
#   clickhouse-server.sh start DIR   prints the HTTP URL; the pid is in DIR/server.pid
#   clickhouse-server.sh stop DIR    stops the server started in DIR (by that pid)
# Ports: INQUEST_CH_HTTP_PORT (default 18123) and that + 1 for the native protocol.
set -euo pipefail
command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: clickhouse-server.sh start|stop DIR" >&2
  exit 2
fi
http=${INQUEST_CH_HTTP_PORT:-18123}
tcp=$((http + 1))
name="inquest-test-$$-$RANDOM"

case "$command" in
start)
  mkdir -p "$dir/data" "$dir/tmp" "$dir/log"
  dir=$(cd "$dir" && pwd)
  cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><console>0</console></logger>
  <display_name>$name</display_name>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>104857600</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <two>
      <shard><replica><host>127.0.0.1</host><port>$tcp</port><default_database>shard1</default_database></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$tcp</port><default_database>shard2</default_database></replica></shard>
    </two>
  </remote_servers>
</yandex>
XML
  cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <!-- Socket waits bounded at 20-30 s (the defaults are 300 s and 1800 s): a connection cut
       mid-INSERT must not hold a table, and every query waiting on it, for five minutes. -->
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><receive_timeout>20</receive_timeout><send_timeout>20</send_timeout><http_receive_timeout>30</http_receive_timeout><http_send_timeout>30</http_send_timeout><insert_distributed_timeout>20</insert_distributed_timeout></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <analyst><password>inquest-test</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></analyst>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  clickhouse-server --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 &
  echo $! > "$dir/server.pid"
  url="http://127.0.0.1:$http/"
  # Ready when a query answers and the answer is ours (another server may hold the port; /ping
  # carries no display name).
  for _ in $(seq 1 200); do
    if curl -fsS -D "$dir/ping.headers" -o /dev/null "${url}?query=SELECT%201" 2>/dev/null; then
      if grep -qi "X-ClickHouse-Server-Display-Name: $name" "$dir/ping.headers"; then
        echo "$url"
        exit 0
      fi
      echo "clickhouse-server.sh: port $http answers, but not as the server started in $dir" >&2
      kill "$(cat "$dir/server.pid")" 2>/dev/null || true
      exit 1
    fi
    if ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
      echo "clickhouse-server.sh: the server did not start; $dir/log:" >&2
      tail -5 "$dir/log/stdout.log" "$dir/log/error.log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.05
  done
  echo "clickhouse-server.sh: no answer on $url after 10 s" >&2
  exit 1
  ;;
stop)
  [ -f "$dir/server.pid" ] || exit 0
  pid=$(cat "$dir/server.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$dir/server.pid"; exit 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/server.pid"
  ;;
*)
  echo "usage: clickhouse-server.sh start|stop DIR" >&2
  exit 2
  ;;
esac
