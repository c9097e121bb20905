#!/usr/bin/env bash
# chokepoint's local two-shard ClickHouse cluster: two clickhouse-server processes on 127.0.0.1, each with its own
# ports and folders, and a remote_servers entry "chokepoint" naming both as shards. For tests, benchmarks and trying
# the ClickHouse engine on one machine; a production cluster is deployed as docs/scale-out.md says.
#
#   deploy/clickhouse/cluster.sh start [DIR]   # start both servers (or find them running); prints the analytics URL
#   deploy/clickhouse/cluster.sh stop [DIR]    # stop both (by the pids they wrote)
#   deploy/clickhouse/cluster.sh status [DIR]
#
# `start` is idempotent: a shard already running from DIR is kept; a stale pid file is replaced. It waits until
# both servers answer and a query over the cluster reaches both shards, at most CHOKEPOINT_CLICKHOUSE_START_TIMEOUT
# seconds (default 60), and otherwise exits 1 naming the shard, its port and the end of its error log.
# DIR defaults to $CHOKEPOINT_CLICKHOUSE_DIR or /tmp/chokepoint-clickhouse. Ports: HTTP 8123/8124, TCP 9000/9001,
# interserver 9009/9010; CHOKEPOINT_CLICKHOUSE_PORT_OFFSET shifts them all (e.g. 100 → 8223/8224 …).
# Needs Debian's clickhouse-server (18.16; `apt-get install -y clickhouse-server clickhouse-client`) or any later
# release on the PATH, and curl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action="${1:-start}"
dir="${2:-${CHOKEPOINT_CLICKHOUSE_DIR:-/tmp/chokepoint-clickhouse}}"
offset="${CHOKEPOINT_CLICKHOUSE_PORT_OFFSET:-0}"
timeout="${CHOKEPOINT_CLICKHOUSE_START_TIMEOUT:-60}"
http=($((8123 + offset)) $((8124 + offset)))
tcp=($((9000 + offset)) $((9001 + offset)))
inter=($((9009 + offset)) $((9010 + offset)))
server="$(command -v clickhouse-server || true)"
if [ -z "$server" ] && [ -x /usr/sbin/clickhouse-server ]; then server=/usr/sbin/clickhouse-server; fi

fail() { echo "cluster.sh: $*" >&2; exit 1; }
pid_of() { cat "$dir/shard$1/server.pid" 2>/dev/null || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
# A query's answer from shard n (empty when it does not answer).
ask() { curl -s --max-time 5 --data-binary "$2" "http://127.0.0.1:${http[$1-1]}/" 2>/dev/null || true; }
ready() { [ "$(ask "$1" 'SELECT 1')" = 1 ]; }
log_tail() {
  local f
  for f in "$dir/shard$1/log/server.err.log" "$dir/shard$1/log/server.log" "$dir/shard$1/stderr.log"; do
    [ -s "$f" ] && { echo "--- last lines of $f:"; tail -n 15 "$f"; }
  done
  return 0
}

start_shard() {
  local n=$1 sdir="$dir/shard$1"
  mkdir -p "$sdir/log" "$sdir/data" "$sdir/tmp" "$sdir/user_files" "$sdir/format_schemas" "$sdir/conf"
  if alive "$n"; then return 0; fi
  rm -f "$sdir/server.pid"
  # Something else on the port (another cluster, the package's own service) would take our queries: refuse.
  if ready "$n"; then
    fail "port ${http[$n-1]} already answers but not from $sdir (another ClickHouse?); stop it or set CHOKEPOINT_CLICKHOUSE_PORT_OFFSET"
  fi
  sed -e "s#@DIR@#$sdir#g" -e "s#@CONF@#$sdir/conf#g" \
      -e "s#@HTTP_PORT@#${http[$n-1]}#g" -e "s#@TCP_PORT@#${tcp[$n-1]}#g" \
      -e "s#@INTERSERVER_PORT@#${inter[$n-1]}#g" \
      -e "s#@TCP_PORT_1@#${tcp[0]}#g" -e "s#@TCP_PORT_2@#${tcp[1]}#g" \
      "$here/server.xml.in" > "$sdir/conf/config.xml"
  cp "$here/users.xml" "$sdir/conf/users.xml"
  # --daemon writes the pid file; the server runs as the calling user, in its own folder.
  "$server" --config-file="$sdir/conf/config.xml" --pid-file="$sdir/server.pid" --daemon 2>"$sdir/stderr.log" ||
    { log_tail "$n" >&2; fail "shard $n: clickhouse-server did not start"; }
}

wait_ready() {
  local n=$1 deadline=$((SECONDS + timeout))
  until ready "$n"; do
    # A server that exits (bad config, port taken) is reported at once, not at the deadline.
    if ! alive "$n" && ! pgrep -f -- "--config-file=$dir/shard$n/conf/config.xml" >/dev/null 2>&1; then
      log_tail "$n" >&2
      fail "shard $n exited before answering on port ${http[$n-1]} (logs in $dir/shard$n/log)"
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$n" >&2
      fail "shard $n did not answer on port ${http[$n-1]} within ${timeout}s (CHOKEPOINT_CLICKHOUSE_START_TIMEOUT; logs in $dir/shard$n/log)"
    fi
    sleep 0.5
  done
}

case "$action" in
  start)
    [ -n "$server" ] || fail "clickhouse-server not found (apt-get install -y clickhouse-server clickhouse-client)"
    command -v curl >/dev/null 2>&1 || fail "curl not found (apt-get install -y curl)"
    start_shard 1
    start_shard 2
    wait_ready 1
    wait_ready 2
    # The cluster as the Distributed tables use it: both shards listed, and a query over it reaching both.
    ports="$(ask 1 "SELECT arrayStringConcat(groupArray(toString(port)), ',') FROM (SELECT port FROM system.clusters WHERE cluster = 'chokepoint' ORDER BY shard_num)")"
    [ "$ports" = "${tcp[0]},${tcp[1]}" ] || fail "shard 1 lists cluster chokepoint as [$ports], expected ${tcp[0]},${tcp[1]} (a server started from another config?)"
    reached="$(ask 1 "SELECT count() FROM cluster('chokepoint', system.one)")"
    [ "$reached" = 2 ] || fail "a query over cluster chokepoint reached ${reached:-no} shards, expected 2: $(ask 1 "SELECT count() FROM cluster('chokepoint', system.one)" | head -c 300)"
    echo "clickhouse://127.0.0.1:${http[0]},127.0.0.1:${http[1]}/chokepoint?cluster=chokepoint"
    ;;
  stop)
    for n in 1 2; do
      pid="$(pid_of "$n")"
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && { echo "cluster.sh: shard $n (pid $pid) did not stop in 20 s; killing it" >&2; kill -9 "$pid"; }
      fi
      rm -f "$dir/shard$n/server.pid"
    done
    ;;
  status)
    up=0
    for n in 1 2; do
      if ready "$n"; then echo "shard $n: up (http ${http[$n-1]}, tcp ${tcp[$n-1]})"; up=$((up + 1)); else echo "shard $n: down"; fi
    done
    [ "$up" = 2 ]
    ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
