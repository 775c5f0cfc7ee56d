#!/usr/bin/env bash
# Benchmark (not a test): how exactly the mock upstream keeps its latency profile under load.
# The mock (TTFT 50 ms, 10 ms between tokens, 100 tokens) is pinned to CPU 1; gatebench's load engine
# (scripts/lib/StreamTimingProbe.java, one event loop as LoadMain) drives 200 concurrent streaming VUs
# from CPU 0: first a warm-up of the same load, then the measured run, reported for its start-up
# seconds and for the steady state after them. The mock prints, every 5 s, how late it itself wrote
# the deltas (its side of the figures).
# Targets, steady state: TTFT p50 within ±1 ms of 50 ms and p99 within 5 ms; ITL p50 within ±0.5 ms
# of 10 ms and p99 within 2 ms.
# Both JVMs get a young generation large enough that no collection falls in the measured run, and
# (BENCH_PRIORITY) their Netty event-loop threads, and only those, the real-time policy SCHED_FIFO 1,
# so that other work on a shared machine does not take the CPU from a loop that has something to send
# or read (the JIT and GC threads stay normal: a FIFO loop preempts them, it never waits behind them).
# BENCH_PRIORITY=nice gives both whole JVMs nice -10 instead, BENCH_PRIORITY=none neither. The kernel
# still keeps 5 % of each second for other tasks.
# To tell which side a tail comes from, and whether the machine or a systematic pause made it, it also
# prints: the stalls the client saw (stretches with a quarter of the streams overdue at once) apart from
# late tokens spread over the run; how long each side's event loop waited for a CPU, second by second
# (run-queue wait from /proc/PID/task/TID/schedstat: the machine's share); and the kernel's counters of
# dropped SYNs, listen-queue overflows and retransmission timeouts over the run (connection set-up).
# BENCH_ARRIVAL=spread (default) ramps the measured run's VUs up over its start-up seconds, as users
# arrive, so that their tokens fall due evenly over each 10 ms; BENCH_ARRIVAL=together starts all 200 at
# once (k6's constant-vus): every stream lasting as long, their 200 deltas then fall due in the same
# instant every 10 ms for the whole run, and the mock's one loop writes them one after another (the
# worst case, kept to show that burst).
# Usage: scripts/bench-stream-timing.sh [run seconds, default 20] [warm-up seconds, default 10].
# Every process it starts is stopped on exit.
set -euo pipefail

RUN_S="${1:-20}"
RUN_S="${RUN_S%s}"
WARMUP_S="${2:-10}"
WARMUP_S="${WARMUP_S%s}"
STARTUP_S=5
case "${BENCH_PRIORITY:-fifo}" in
  fifo) PRIORITY=() ;;
  nice) PRIORITY=(nice -n -10) ;;
  none) PRIORITY=() ;;
  *) echo "BENCH_PRIORITY must be fifo, nice or none but was '$BENCH_PRIORITY'" >&2; exit 2 ;;
esac
ARRIVAL="${BENCH_ARRIVAL:-spread}"
case "$ARRIVAL" in
  spread|together) ;;
  *) echo "BENCH_ARRIVAL must be spread or together but was '$ARRIVAL'" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
bench_init bench-stream
build_classpath "$ROOT"
PORT="$(free_port)"
# fifo_event_loops: until killed, every 0.1 s gives SCHED_FIFO 1 to new Netty event-loop threads of
# the JVMs started here (each load run makes its own loops, so they are looked for throughout).
fifo_event_loops() {
  while sleep 0.1; do
    for pid in "${PIDS[@]}"; do
      for task in /proc/"$pid"/task/*; do
        [[ "$(cat "$task/comm" 2>/dev/null)" == multiThreadIoEv* ]] || continue
        chrt -p "${task##*/}" 2>/dev/null | grep -q FIFO || chrt --fifo -p 1 "${task##*/}" 2>/dev/null || true
      done
    done
  done
}

# loop_waits: until killed, every second one line per Netty event-loop thread of the JVMs started here:
# Unix time, mock|client, ms waited on a run queue and ms run in that second. Builtins only, so that the
# sampler itself takes next to no CPU from a busy machine.
loop_waits() {
  local -A wait_before run_before
  local side pid task comm run wait rest now
  while sleep 1; do
    now="$EPOCHREALTIME"
    for side in mock client; do
      pid="${SIDES[$side]:-}"
      [[ -n "$pid" ]] || continue
      for task in /proc/"$pid"/task/*; do
        read -r comm 2>/dev/null <"$task/comm" || continue
        [[ "$comm" == multiThreadIoEv* ]] || continue
        read -r run wait rest 2>/dev/null <"$task/schedstat" || continue
        if [[ -n "${wait_before[$task]:-}" ]]; then
          echo "$now $side $(((wait - wait_before[$task]) / 1000000)) $(((run - run_before[$task]) / 1000000))"
        fi
        wait_before[$task]=$wait
        run_before[$task]=$run
      done
    done
  done
}

# tcp_counters: the kernel's counters that a lost or refused connection attempt moves.
tcp_counters() {
  nstat -asz 2>/dev/null | grep -E 'ListenOverflows|ListenDrops|SyncookiesSent|TCPSynRetrans|TCPTimeouts|TcpActiveOpens' || true
}

JVM=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:+AlwaysPreTouch -Dio.netty.leakDetection.level=disabled)

"${PRIORITY[@]}" taskset -c 1 "$JAVA" "${JVM[@]}" -Xms1g -Xmx1g -Xmn768m -cp "$CLASSPATH" \
  dev.gatebench.upstream.MockUpstreamMain --port "$PORT" --ttft 50ms --itl 10ms --tokens 100 --report-every 5s \
  >"$WORK/mock.log" 2>&1 &
PIDS+=($!)
declare -A SIDES=([mock]=$!)
for _ in $(seq 1 100); do grep -q "listening" "$WORK/mock.log" && break; sleep 0.1; done
grep -q "listening" "$WORK/mock.log" || { echo "the mock did not start:" >&2; cat "$WORK/mock.log" >&2; exit 1; }

echo "mock: TTFT 50 ms, ITL 10 ms, 100 tokens on CPU 1; load: 200 streaming VUs on CPU 0, ${WARMUP_S} s warm-up" \
  "then ${RUN_S} s measured (start-up = its first ${STARTUP_S} s); VUs arrive $ARRIVAL; priority ${BENCH_PRIORITY:-fifo}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${PRIORITY[@]}" taskset -c 0 "$JAVA" "${JVM[@]}" -Xms2g -Xmx2g -Xmn1536m -cp "$CLASSPATH" \
  "$ROOT/scripts/lib/StreamTimingProbe.java" "http://127.0.0.1:$PORT/v1/chat/completions" 200 \
  "$WARMUP_S" "$RUN_S" "$STARTUP_S" 50 10 "$ARRIVAL" >"$WORK/probe.txt" &
PIDS+=($!)
PROBE=$!
SIDES[client]=$PROBE
tcp_counters >"$WORK/tcp-before.txt"
loop_waits >"$WORK/waits.txt" &
PIDS+=($!)
if [[ "${BENCH_PRIORITY:-fifo}" == fifo ]]; then
  fifo_event_loops &
  PIDS+=($!)
fi
wait "$PROBE"
tcp_counters >"$WORK/tcp-after.txt"
grep -v -E '^(result |  stall at )' "$WORK/probe.txt"
echo "mock's own send lateness per 5 s (warm-up included):"
grep "send lateness" "$WORK/mock.log" | sed 's/^mock send lateness: /  /'
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$WORK/probe.txt" "$WORK/waits.txt" "$WORK/tcp-before.txt" "$WORK/tcp-after.txt" "$RUN_S" "$STARTUP_S" <<'PY'
import sys
probe, waits, before, after, run_s, startup_s = sys.argv[1:7]
lines = open(probe).read().splitlines()
start = float(next(l for l in lines if l.startswith("measured run from")).split()[3])
counters = lambda f: {l.split()[0]: int(l.split()[1]) for l in open(f) if l.strip()}
b, a = counters(before), counters(after)
print("kernel TCP counters over warm-up and run (whole machine): "
      + ", ".join(f"{k} +{a[k] - b.get(k, 0)}" for k in sorted(a)))
for side in ("mock", "client"):
    rows = [l.split() for l in open(waits) if l.split()[1] == side]
    steady = sorted(int(r[2]) for r in rows if start + float(startup_s) <= float(r[0]) <= start + float(run_s))
    ran = sorted(int(r[3]) for r in rows if start + float(startup_s) <= float(r[0]) <= start + float(run_s))
    if steady:
        print(f"{side} event loop, steady state, per ~1 s sample: waited for a CPU p50 {steady[len(steady) // 2]} ms"
              f" max {steady[-1]} ms; ran p50 {ran[len(ran) // 2]} ms max {ran[-1]} ms ({len(steady)} s sampled)")
samples = [(float(r[0]), r[1], int(r[2]), int(r[3])) for r in (l.split() for l in open(waits)) if len(r) == 4]
for l in (l for l in lines if l.startswith("  stall at ")):
    at, length = float(l.split()[2]), float(l.split()[5]) / 1e3
    # a sample covers the second before its time stamp
    spans = lambda side: [(w, r) for t, s, w, r in samples if s == side and start + at < t and t - 1 < start + at + length]
    share = {side: (sum(w for w, _ in spans(side)), sum(r for _, r in spans(side)), len(spans(side)))
             for side in ("mock", "client")}
    # a loop that ran nearly all of a stall's seconds was spinning, not waiting (at SCHED_FIFO: until the RT throttle)
    print(f"{l}; in the seconds it spans the loops waited for a CPU: mock {share['mock'][0]} ms, client "
          f"{share['client'][0]} ms, and ran: mock {share['mock'][1]} ms, client {share['client'][1]} ms of "
          f"{max(share['mock'][2], share['client'][2])} s")
line = next(l for l in lines if l.startswith("result "))
v = {k: float(x) for k, x in (kv.split("=") for kv in line.split()[1:])}
checks = [("TTFT p50 within ±1 ms of 50 ms", abs(v["ttft_p50"] - 50) <= 1),
          ("TTFT p99 within 5 ms of 50 ms", v["ttft_p99"] - 50 <= 5),
          ("ITL p50 within ±0.5 ms of 10 ms", abs(v["itl_p50"] - 10) <= 0.5),
          ("ITL p99 within 2 ms of 10 ms", v["itl_p99"] - 10 <= 2)]
print("steady state: " + "; ".join(f"{name}: {'PASS' if ok else 'FAIL'}" for name, ok in checks))
PY
