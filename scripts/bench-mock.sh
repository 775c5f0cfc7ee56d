#!/usr/bin/env bash
# Benchmark (not a test): non-streaming requests/s of the mock upstream with zero latency,
# against nginx serving a static file of the same response, both pinned to CPU 1, wrk on CPU 0.
# Usage: scripts/bench-mock.sh [duration, default 10s]. Loopback only; cleans up what it starts.
# The mock runs with the serial GC: on one pinned core, G1's concurrent threads only compete with
# the event loop.
set -euo pipefail

DURATION="${1:-10s}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
bench_init bench-mock

wait_for_line() { # file pattern seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench-mock: '$2' did not appear in $1 within $3 s:" >&2; cat "$1" >&2; return 1
}

echo "building (mvn -o -q compile) ..."
build_classpath "$ROOT"

MOCK_PORT="$(free_port)"
taskset -c 1 "$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled -cp "$CLASSPATH" dev.gatebench.upstream.MockUpstreamMain \
  --port "$MOCK_PORT" --ttft 0 --itl 0 --tokens 100 --io-threads 1 >"$WORK/mock.log" 2>&1 &
PIDS+=($!)
wait_for_line "$WORK/mock.log" "mock upstream listening" 60

REQUEST='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello to the benchmark"}]}'
ROUTE=/v1/chat/completions
mkdir -p "$WORK/www/v1/chat"
curl -sf -H 'content-type: application/json' -d "$REQUEST" "http://127.0.0.1:$MOCK_PORT$ROUTE" >"$WORK/www$ROUTE"
chmod -R a+rX "$WORK"  # nginx workers run as an unprivileged user
echo "response body: $(wc -c <"$WORK/www$ROUTE") bytes"

NGINX_PORT="$(free_port)"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  open_file_cache max=16;
  keepalive_requests 100000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    default_type application/json;
    # nginx answers POST to a static file with 405; this serves the file with 200 instead,
    # so wrk sends the very same POST to both servers.
    error_page 405 =200 \$uri;
  }
}
CONF
taskset -c 1 /usr/sbin/nginx -p "$WORK" -c "$WORK/nginx.conf" &
PIDS+=($!)
sleep 0.5
curl -sf -X POST -H 'content-type: application/json' -d "$REQUEST" "http://127.0.0.1:$NGINX_PORT$ROUTE" >/dev/null \
  || { echo "bench-mock: nginx did not answer the POST" >&2; cat "$WORK/nginx-error.log" >&2; exit 1; }

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$REQUEST'
wrk.headers["Content-Type"] = "application/json"
LUA

run_wrk() { # port duration name -> requests/s; keeps wrk's full output in $WORK/wrk-name.txt
  taskset -c 0 wrk -t1 -c50 -d"$2" -s "$WORK/post.lua" "http://127.0.0.1:$1$ROUTE" >"$WORK/wrk-$3.txt"
  if grep -q "Non-2xx\|Socket errors" "$WORK/wrk-$3.txt"; then
    echo "bench-mock: $3 answered with errors:" >&2; cat "$WORK/wrk-$3.txt" >&2; return 1
  fi
  awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$3.txt"
}

echo "warming up the mock's JIT (5s) ..."
run_wrk "$MOCK_PORT" 5s warmup >/dev/null
MOCK_RPS="$(run_wrk "$MOCK_PORT" "$DURATION" mock)"
NGINX_RPS="$(run_wrk "$NGINX_PORT" "$DURATION" nginx)"
# For context: nginx's plain GET path, without the 405 -> 200 internal redirect the POST takes.
NGINX_GET_RPS="$(taskset -c 0 wrk -t1 -c50 -d"$DURATION" "http://127.0.0.1:$NGINX_PORT$ROUTE" | awk '/Requests\/sec/ {print $2}')"
grep -h "Transfer/sec" "$WORK/wrk-mock.txt" | sed 's/^/mock  /'
grep -h "Transfer/sec" "$WORK/wrk-nginx.txt" | sed 's/^/nginx /'
echo "mock  req/s: $MOCK_RPS"
echo "nginx req/s: $NGINX_RPS"
awk -v m="$MOCK_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "ratio mock/nginx: %.2f (target >= 0.70)\n", m / n }'
echo "nginx GET req/s (context, not the same request): $NGINX_GET_RPS"
awk -v m="$MOCK_RPS" -v n="$NGINX_GET_RPS" 'BEGIN { printf "ratio mock POST/nginx GET: %.2f\n", m / n }'
