#!/usr/bin/env bash
# Benchmark (not a test): how exactly the mock upstream keeps its latency profile under load.
# The mock (TTFT 50 ms, 10 ms between tokens, 100 tokens) is pinned to CPU 1; gatebench's LoadMain
# drives 200 concurrent streaming VUs from CPU 0 and reports the time to first token and the
# inter-token gaps it saw. Targets: TTFT p50 within ±1 ms of 50 ms, ITL p50 within ±0.5 ms of 10 ms.
# Usage: scripts/bench-stream-timing.sh [duration, default 30s]. Every process it starts is stopped on exit.
set -euo pipefail

DURATION="${1:-30s}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
bench_init bench-stream
build_classpath "$ROOT"
PORT="$(free_port)"

taskset -c 1 "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled -cp "$CLASSPATH" \
  dev.gatebench.upstream.MockUpstreamMain --port "$PORT" --ttft 50ms --itl 10ms --tokens 100 >"$WORK/mock.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q "listening" "$WORK/mock.log" && break; sleep 0.1; done
grep -q "listening" "$WORK/mock.log" || { echo "the mock did not start:" >&2; cat "$WORK/mock.log" >&2; exit 1; }

echo "mock: TTFT 50 ms, ITL 10 ms, 100 tokens on CPU 1; load: 200 streaming VUs for $DURATION on CPU 0"
taskset -c 0 "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CLASSPATH" dev.gatebench.cli.LoadMain --url "http://127.0.0.1:$PORT/v1/chat/completions" \
  --executor constant-vus --vus 200 --duration "$DURATION" --stream --warmup 5s --quiet --out "$WORK/out" \
  | tee "$WORK/summary.txt"

python3 - "$WORK/out" <<'PY'
import glob, json, sys
result = json.load(open(sorted(glob.glob(sys.argv[1] + "/*.json"))[-1]))
m = result["metrics"]
ttft, itl = m["time_to_first_token"]["values"], m["inter_token_latency"]["values"]
print(f"time_to_first_token  p50 {ttft['med']:.3f} ms  p95 {ttft['p(95)']:.3f} ms  p99 {ttft['p(99)']:.3f} ms  (count {ttft['count']:.0f})")
print(f"inter_token_latency  p50 {itl['med']:.3f} ms  p95 {itl['p(95)']:.3f} ms  p99 {itl['p(99)']:.3f} ms  (count {itl['count']:.0f})")
ok_ttft = abs(ttft["med"] - 50) <= 1
ok_itl = abs(itl["med"] - 10) <= 0.5
print(f"TTFT p50 within ±1 ms of 50 ms: {'PASS' if ok_ttft else 'FAIL'}; ITL p50 within ±0.5 ms of 10 ms: {'PASS' if ok_itl else 'FAIL'}")
PY
