#!/usr/bin/env bash
# chokepoint's local two-shard ClickHouse cluster: two clickhouse-server processes on 127.0.0.1, each with its own
# ports and folders, and a remote_servers entry "chokepoint" naming both as shards. For tests, benchmarks and trying
# the ClickHouse engine on one machine; a production cluster is deployed as docs/scale-out.md says.
#
#   deploy/clickhouse/cluster.sh start [DIR]   # start (or find running) both servers; prints the analytics URL
#   deploy/clickhouse/cluster.sh stop [DIR]    # stop both (by the pids they wrote)
#   deploy/clickhouse/cluster.sh status [DIR]
#
# DIR defaults to $CHOKEPOINT_CLICKHOUSE_DIR or /tmp/chokepoint-clickhouse. Ports: HTTP 8123/8124, TCP 9000/9001,
# interserver 9009/9010; CHOKEPOINT_CLICKHOUSE_PORT_OFFSET shifts them all (e.g. 100 → 8223/8224 …).
# Needs Debian's clickhouse-server (18.16; `apt-get install -y clickhouse-server clickhouse-client`) or any later
# release on the PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action="${1:-start}"
dir="${2:-${CHOKEPOINT_CLICKHOUSE_DIR:-/tmp/chokepoint-clickhouse}}"
offset="${CHOKEPOINT_CLICKHOUSE_PORT_OFFSET:-0}"
http=($((8123 + offset)) $((8124 + offset)))
tcp=($((9000 + offset)) $((9001 + offset)))
inter=($((9009 + offset)) $((9010 + offset)))
server="$(command -v clickhouse-server || true)"
if [ -z "$server" ] && [ -x /usr/sbin/clickhouse-server ]; then server=/usr/sbin/clickhouse-server; fi

pid_of() { cat "$dir/shard$1/server.pid" 2>/dev/null || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
ready() { [ "$(curl -s --max-time 2 "http://127.0.0.1:${http[$1-1]}/?query=SELECT%201" 2>/dev/null)" = 1 ]; }

start_shard() {
  local n=$1 sdir="$dir/shard$1"
  mkdir -p "$sdir/log" "$sdir/data" "$sdir/tmp" "$sdir/user_files" "$sdir/format_schemas" "$sdir/conf"
  if alive "$n"; then return 0; fi
  sed -e "s#@DIR@#$sdir#g" -e "s#@CONF@#$sdir/conf#g" \
      -e "s#@HTTP_PORT@#${http[$n-1]}#g" -e "s#@TCP_PORT@#${tcp[$n-1]}#g" \
      -e "s#@INTERSERVER_PORT@#${inter[$n-1]}#g" \
      -e "s#@TCP_PORT_1@#${tcp[0]}#g" -e "s#@TCP_PORT_2@#${tcp[1]}#g" \
      "$here/server.xml.in" > "$sdir/conf/config.xml"
  cp "$here/users.xml" "$sdir/conf/users.xml"
  # --daemon writes the pid file; the server runs as the calling user, in its own folder.
  "$server" --config-file="$sdir/conf/config.xml" --pid-file="$sdir/server.pid" --daemon
}

case "$action" in
  start)
    [ -n "$server" ] || { echo "clickhouse-server not found (apt-get install -y clickhouse-server clickhouse-client)" >&2; exit 3; }
    start_shard 1
    start_shard 2
    for n in 1 2; do
      for _ in $(seq 1 60); do ready "$n" && break; sleep 0.5; done
      ready "$n" || { echo "shard $n did not answer on port ${http[$n-1]}; see $dir/shard$n/log" >&2; exit 1; }
    done
    echo "clickhouse://127.0.0.1:${http[0]},127.0.0.1:${http[1]}/chokepoint?cluster=chokepoint"
    ;;
  stop)
    for n in 1 2; do
      pid="$(pid_of "$n")"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      fi
      rm -f "$dir/shard$n/server.pid"
    done
    ;;
  status)
    for n in 1 2; do
      if ready "$n"; then echo "shard $n: up (http ${http[$n-1]}, tcp ${tcp[$n-1]})"; else echo "shard $n: down"; fi
    done
    ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
