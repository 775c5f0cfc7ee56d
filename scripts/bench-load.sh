#!/usr/bin/env bash
# Benchmark (not a test) of gatebench's load engine (dev.gatebench.cli.LoadMain) against k6 and
# wrk, all driving the mock upstream on loopback. The mock is pinned to CPU 1, every load
# generator to CPU 0, one at a time. Sections:
#   a. cross-validation with k6 at 200 req/s (fixed 20 ms answer): p50, p95, counts
#   b. maximum throughput, 50 closed VUs against a zero-latency mock: gatebench vs k6 vs wrk
#   c. 1,000 req/s open model against a 5 ms answer: p50, p99 of gatebench and k6
#   d. heap: gatebench at 1,000 req/s for --heap-minutes (default 10) with -Xmx256m
# Usage: scripts/bench-load.sh [--heap-minutes N] [--smoke]   (--smoke: 3 s sections, 1 min heap run)
# Every process it starts is stopped on exit.
set -euo pipefail

HEAP_MINUTES=10
SMOKE=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --heap-minutes) HEAP_MINUTES="${2:?--heap-minutes needs a whole number of minutes, e.g. --heap-minutes 2}"; shift 2 ;;
    --smoke) SMOKE=true; HEAP_MINUTES=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench-load: unknown argument '$1'; use --heap-minutes N or --smoke" >&2; exit 2 ;;
  esac
done
[[ "$HEAP_MINUTES" =~ ^[1-9][0-9]*$ ]] || { echo "bench-load: --heap-minutes must be a whole number >= 1 but was '$HEAP_MINUTES'" >&2; exit 2; }
if $SMOKE; then LONG=3s; SHORT=3s; else LONG=30s; SHORT=15s; fi

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
K6="${K6:-$HOME/go/bin/k6}"
[[ -x "$K6" ]] || { echo "bench-load: k6 not found at $K6; install it with: go install go.k6.io/k6@v1.8.1" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-load: wrk not found; install it with: apt-get install wrk" >&2; exit 1; }
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
bench_init bench-load

echo "building (mvn -o -q compile) ..."
build_classpath "$ROOT"
MOCK_PID=""
MOCK_URL=""
# the first body k6's chatBody sends
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"model":"claude-sonnet-4-5-20250929","messages":[{"role":"user","content":"What is 2 + 2? Answer with just the number."}],"max_tokens":100,"temperature":0.7,"stream":false}'
wrk.headers["Content-Type"] = "application/json"
LUA
# A JVM interprets its first thousands of requests; gatebench runs below use LoadMain's --warmup
# (a discarded closed-loop run) except the "cold" run of section a, which shows the difference.
WARMUP="--warmup 5s"

start_mock() { # ttft itl: starts the mock on CPU 1 and sets MOCK_PID, MOCK_URL
  stop_mock
  local port; port="$(free_port)"
  # serial GC: on one pinned core, concurrent GC threads only compete with the event loop
  taskset -c 1 "$JAVA" -Xms256m -Xmx256m -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled \
    -cp "$CLASSPATH" dev.gatebench.upstream.MockUpstreamMain --port "$port" --ttft "$1" --itl "$2" \
    --tokens 100 --io-threads 1 >"$WORK/mock.log" 2>&1 &
  MOCK_PID=$!
  PIDS+=("$MOCK_PID")
  MOCK_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 600); do
    grep -qs "mock upstream listening" "$WORK/mock.log" && { warm_mock; return 0; }
    sleep 0.1
  done
  echo "bench-load: the mock did not start within 60 s:" >&2; cat "$WORK/mock.log" >&2; return 1
}

warm_mock() { # so that no load generator meets a cold (interpreted) mock
  taskset -c 0 wrk -t1 -c20 -d5s -s "$WORK/post.lua" "$MOCK_URL/v1/chat/completions" >/dev/null
}

stop_mock() {
  if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  MOCK_PID=""
}

# gatebench NAME JVM-FLAGS... -- LOADMAIN-FLAGS...: prints LoadMain's summary line
gatebench() {
  local name="$1"; shift
  local jvm=()
  while [[ "$1" != "--" ]]; do jvm+=("$1"); shift; done; shift
  taskset -c 0 "$JAVA" "${jvm[@]}" -cp "$CLASSPATH" dev.gatebench.cli.LoadMain \
    --url "$MOCK_URL/v1/chat/completions" --io-threads 1 --quiet --out "$WORK/gatebench-$name" "$@" \
    >"$WORK/gatebench-$name.txt" 2>"$WORK/gatebench-$name.err" \
    || { echo "bench-load: gatebench $name failed:" >&2; cat "$WORK/gatebench-$name.err" >&2; return 1; }
  cat "$WORK/gatebench-$name.txt"
}

field() { # summary-line key
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# k6 NAME ENV...: runs crosscheck.js; prints "p50 p95 p99 count rate" of its own metrics
k6run() {
  local name="$1"; shift
  mkdir -p "$WORK/k6-$name"
  (cd "$ROOT/k6/scripts" && env TARGET=direct DIRECT_URL="$MOCK_URL" RESULTS_DIR="$WORK/k6-$name" "$@" \
    taskset -c 0 "$K6" run --quiet --no-usage-report crosscheck.js >"$WORK/k6-$name.txt" 2>&1) \
    || { echo "bench-load: k6 $name failed:" >&2; tail -20 "$WORK/k6-$name.txt" >&2; return 1; }
  python3 - "$WORK/k6-$name"/*.json <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
lat, req = m["chat_completion_latency"]["values"], m["requests_total"]["values"]
print("%.2f %.2f %.2f %d %.1f" % (lat["med"], lat["p(95)"], lat["p(99)"], req["count"], req["rate"]))
PY
}

wrk_rps() { # duration: 50 connections, one thread, the same POST as k6's chatBody
  taskset -c 0 wrk -t1 -c50 -d"$1" -s "$WORK/post.lua" "$MOCK_URL/v1/chat/completions" >"$WORK/wrk.txt"
  if grep -q "Non-2xx\|Socket errors" "$WORK/wrk.txt"; then
    echo "bench-load: wrk saw errors:" >&2; cat "$WORK/wrk.txt" >&2; return 1
  fi
  awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt"
}

reldiff() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f%%", (a - b) / b * 100 }'; }
within() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = (a - b) / b * 100; if (d < 0) d = -d; print (d <= t) ? "PASS" : "FAIL" }'; }
SUMMARY=()

echo
echo "== a. cross-validation: constant-arrival-rate 200/s for $LONG, mock TTFT 20ms ITL 0, non-streaming"
start_mock 20ms 0ms
COLD="$(gatebench cold -Xmx512m -- --executor constant-arrival-rate --rate 200 --vus 200 --max-vus 2000 --duration "$LONG")"
GB="$(gatebench cross -Xmx512m -- $WARMUP --executor constant-arrival-rate --rate 200 --vus 200 --max-vus 2000 --duration "$LONG")"
read -r K_P50 K_P95 _ K_COUNT _ <<<"$(k6run cross EXECUTOR=constant-arrival-rate RATE=200 VUS=200 MAX_VUS=2000 DURATION="$LONG")"
G_P50="$(field "$GB" p50_ms)"; G_P95="$(field "$GB" p95_ms)"; G_COUNT="$(field "$GB" requests)"
echo "gatebench cold (no --warmup): $COLD"
echo "gatebench ($WARMUP):    $GB"
printf "%-10s %12s %12s %10s\n" "" "gatebench" "k6" "diff"
printf "%-10s %12s %12.2f %10s  %s (<= 5%%)\n" "p50 ms" "$G_P50" "$K_P50" "$(reldiff "$G_P50" "$K_P50")" "$(within "$G_P50" "$K_P50" 5)"
printf "%-10s %12s %12.2f %10s  %s (<= 5%%)\n" "p95 ms" "$G_P95" "$K_P95" "$(reldiff "$G_P95" "$K_P95")" "$(within "$G_P95" "$K_P95" 5)"
printf "%-10s %12s %12s %10s  %s (<= 3%%)\n" "requests" "$G_COUNT" "$K_COUNT" "$(reldiff "$G_COUNT" "$K_COUNT")" "$(within "$G_COUNT" "$K_COUNT" 3)"
SUMMARY+=("a. cold gatebench (no warm-up): p50 $(field "$COLD" p50_ms) ms, p95 $(field "$COLD" p95_ms) ms, requests $(field "$COLD" requests)")
SUMMARY+=("a. p50 $G_P50 vs $K_P50 ms ($(within "$G_P50" "$K_P50" 5)), p95 $G_P95 vs $K_P95 ms ($(within "$G_P95" "$K_P95" 5)), requests $G_COUNT vs $K_COUNT ($(within "$G_COUNT" "$K_COUNT" 3))")

echo
echo "== b. maximum throughput: 50 closed VUs for $SHORT, no think time, mock TTFT 0 ITL 0"
start_mock 0ms 0ms
GB="$(gatebench max -Xmx512m -- $WARMUP --executor constant-vus --vus 50 --duration "$SHORT")"
G_RPS="$(field "$GB" rps)"
read -r _ _ _ _ K_RPS <<<"$(k6run max EXECUTOR=constant-vus VUS=50 DURATION="$SHORT")"
W_RPS="$(wrk_rps "$SHORT")"
echo "gatebench: $GB"
printf "req/s  gatebench %.0f  k6 %.0f  wrk %.0f\n" "$G_RPS" "$K_RPS" "$W_RPS"
R_K6="$(awk -v g="$G_RPS" -v k="$K_RPS" 'BEGIN { printf "%.2f", g / k }')"
R_WRK="$(awk -v g="$G_RPS" -v w="$W_RPS" 'BEGIN { printf "%.2f", g / w }')"
V_K6="$(awk -v r="$R_K6" 'BEGIN { print (r >= 3) ? "PASS" : "FAIL" }')"
V_WRK="$(awk -v r="$R_WRK" 'BEGIN { print (r >= 0.9 && r <= 1.1) ? "PASS" : "FAIL" }')"
echo "gatebench/k6 = $R_K6 ($V_K6, target >= 3), gatebench/wrk = $R_WRK ($V_WRK, target 0.90..1.10)"
SUMMARY+=("b. req/s gatebench $G_RPS, k6 $K_RPS, wrk $W_RPS; gatebench/k6 $R_K6 ($V_K6), gatebench/wrk $R_WRK ($V_WRK)")

echo
echo "== c. constant-arrival-rate 1000/s for $LONG, mock TTFT 5ms ITL 0"
start_mock 5ms 0ms
GB="$(gatebench fixed -Xmx512m -- $WARMUP --executor constant-arrival-rate --rate 1000 --vus 200 --max-vus 2000 --duration "$LONG")"
read -r K_P50 _ K_P99 K_COUNT _ <<<"$(k6run fixed EXECUTOR=constant-arrival-rate RATE=1000 VUS=200 MAX_VUS=2000 DURATION="$LONG")"
G_P50="$(field "$GB" p50_ms)"; G_P99="$(field "$GB" p99_ms)"
echo "gatebench: $GB"
printf "%-10s %12s %12s\n" "" "gatebench" "k6"
printf "%-10s %12s %12.2f\n" "p50 ms" "$G_P50" "$K_P50"
printf "%-10s %12s %12.2f\n" "p99 ms" "$G_P99" "$K_P99"
printf "%-10s %12s %12s\n" "requests" "$(field "$GB" requests)" "$K_COUNT"
SUMMARY+=("c. 1000/s: p50 gatebench $G_P50 ms vs k6 $K_P50 ms; p99 gatebench $G_P99 ms vs k6 $K_P99 ms; dropped $(field "$GB" dropped)")

echo
echo "== d. heap: gatebench at 1000/s for ${HEAP_MINUTES}m with -Xmx256m, mock TTFT 5ms"
GB="$(gatebench heap -Xmx256m -Xlog:gc:file="$WORK/gc.log" -XX:+ExitOnOutOfMemoryError -- \
  $WARMUP --executor constant-arrival-rate --rate 1000 --vus 200 --max-vus 2000 --duration "${HEAP_MINUTES}m")"
echo "gatebench: $GB"
# "Pause Young (...) 70M->3M(256M)": heap used before and after each collection, committed size
read -r BEFORE AFTER COMMITTED PAUSES < <(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" \
  | tr -d 'M)' | tr '>(-' '   ' \
  | awk '{ if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3; n++ } END { print b + 0, a + 0, c + 0, n + 0 }')
V_HEAP="$(awk -v c="$COMMITTED" -v b="$BEFORE" 'BEGIN { print (b <= 256 && c <= 256) ? "PASS" : "FAIL" }')"
echo "GC log: $PAUSES collections; max heap used before GC ${BEFORE} MB, max after GC ${AFTER} MB, max committed ${COMMITTED} MB ($V_HEAP, <= 256 MB, no OOM)"
SUMMARY+=("d. ${HEAP_MINUTES} min at 1000/s: $(field "$GB" requests) requests, errors $(field "$GB" errors), max heap after GC ${AFTER} MB, max used ${BEFORE} MB of ${COMMITTED} MB committed ($V_HEAP)")
stop_mock

echo
echo "== summary"
for line in "${SUMMARY[@]}"; do echo "$line"; done
