#!/usr/bin/env bash
# Benchmark (not a test) of gatebench's load engine (dev.gatebench.cli.LoadMain) against peer load
# generators in one run: oha, Gatling (bench/gatling), wrk, and k6 where a k6 binary is on PATH.
# The mock upstream is pinned to CPU 1, every generator to CPU 0, one at a time. Sections:
#   a. accuracy, open model: 200 req/s against a fixed 20 ms answer: p50, p95, p99, requests
#   b. accuracy, open model: 1,000 req/s against a fixed 5 ms answer, in --rounds rounds (the order
#      rotated each round), and the harness's self-overhead check on the rounds' median p99:
#      gatebench's p99 - 5 ms <= the best open-model peer's p99 - 5 ms
#   c. maximum requests/s, closed, 50 connections, zero-latency mock
#   d. (with --heap-minutes N) heap: gatebench at 1,000 req/s for N minutes with -Xmx256m
# gatebench times each request from its place on its schedule. oha's own figures start when its
# millisecond timer woke (0.5 ms after the schedule at the median here), so its rows are timed from
# the places by the requests it records with --db-url (scripts/lib/peer_stats.py), and the figures it
# prints are shown beneath them. Gatling and k6 time from their sends.
# With --wire, tcpdump (root or CAP_NET_RAW) records section b's runs on loopback, on the mock's
# core, and a referee (scripts/lib/wire_stats.py) times every open-model generator by the kernel's
# clock: its sends against an even schedule, the mock's answers, and "delivered" (schedule to
# answer), so that generators which count latency differently are compared on one clock.
# wrk is closed-loop: in a and b it runs at rate x answer connections (about the rate, never
# more) and stays out of the self-overhead verdict.
# Under the tables of a and b a line tells whether gatebench's tail is its own or the machine's: its
# generator's schedule lag, its event loop's CPU and run-queue wait (ready but not on a CPU), the JVM's
# GC pauses, and, for an untrustworthy run, the likeliest cause (environment.generator of its result).
# gatebench's JVM (LoadMain) gets generator flags for one pinned core, as the mock does: the serial
# collector (a parallel one's threads would only compete with the event loop on its core), a fixed
# 1 GB heap touched up front (no resizing or page faults mid-run), and a 768 MB young generation, so
# that no young collection falls in a 30 s run at 1,000 req/s (with -Xmx512m alone one young pause of
# 33 to 86 ms fell in each 20 s run there, and 6 to 10 a 10 s run of section c; with these flags none,
# and one of about 20 ms). BENCH_LOADMAIN_JVM="..." replaces them, e.g. BENCH_LOADMAIN_JVM="-Xmx512m".
# Usage: scripts/bench-load.sh [--duration SECONDS] [--warmup SECONDS] [--rounds N] [--peers LIST] [--heap-minutes N] [--wire] [--smoke]
#   --duration  measured seconds of every generator run; default 30
#   --warmup    seconds of gatebench's and Gatling's discarded warm-up (JIT); default 15: in a 5 s
#               one at 1,000 req/s the C2 compiler was still busy on the generator's core. gatebench's
#               open-model warm-up runs at the measured rate, and the JIT counts calls, not seconds: it
#               lasts as long as the requests of SECONDS at 1,000 req/s take (75 s at 200 req/s)
#   --wire      the loopback referee for section b (needs tcpdump and the right to capture)
#   --rounds    runs of every open-model generator in section b; default 3
#   --peers     comma-separated subset of oha,gatling,wrk,k6; default all that are found
#   --smoke     2 s runs, 1 s warm-ups: checks the script, not the figures (about 2 minutes with
#               Gatling, whose every run starts Maven; --smoke --peers oha,wrk takes under one)
# Every process it starts is stopped on exit.
set -euo pipefail

DURATION=30
WARMUP=15
MOCK_WARM=15
ROUNDS=3
HEAP_MINUTES=0
WIRE=0
PEERS=oha,gatling,wrk,k6
whole() { [[ "$2" =~ ^[0-9]+$ ]] || { echo "bench-load: $1 must be a whole number but was '$2'; e.g. $1 30" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration|--warmup|--heap-minutes|--rounds) whole "$1" "${2:-}"; declare "$(tr a-z- A-Z_ <<<"${1#--}")=$2"; shift 2 ;;
    --peers) PEERS="${2:-}"; shift 2
      [[ "$PEERS" =~ ^((oha|gatling|wrk|k6)(,|$))+$ ]] \
        || { echo "bench-load: --peers must list some of oha,gatling,wrk,k6 but was '$PEERS'; e.g. --peers oha,wrk" >&2; exit 2; } ;;
    --wire) WIRE=1; shift ;;
    --smoke) DURATION=2; WARMUP=1; MOCK_WARM=1; ROUNDS=2; shift ;;
    -h|--help) sed -n '2,/^# Every process it starts/p' "$0"; exit 0 ;;
    *) echo "bench-load: unknown argument '$1'; use --duration S, --warmup S, --rounds N, --peers LIST, --heap-minutes N, --wire or --smoke" >&2; exit 2 ;;
  esac
done
((ROUNDS >= 1)) || { echo "bench-load: --rounds must be >= 1 but was $ROUNDS; e.g. --rounds 3" >&2; exit 2; }
((DURATION >= 1)) || { echo "bench-load: --duration must be >= 1 second but was $DURATION; e.g. --duration 30" >&2; exit 2; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
# shellcheck source=lib/peers.sh
source "$ROOT/scripts/lib/peers.sh"
bench_init bench-load
# a step that fails ends the run; say which, since its own message may be far above
set -E
trap 'echo "bench-load: stopped: \"$BASH_COMMAND\" failed (line $LINENO)" >&2' ERR

echo "building (mvn -o -q compile) ..."
build_classpath "$ROOT"
echo "built in ${SECONDS}s"
find_peers "$PEERS"
MOCK_PID=""
MOCK_URL=""

start_mock() { # ttft: starts the mock (ITL 0) on CPU 1, sets MOCK_PID and MOCK_URL, warms it
  stop_mock
  local port; port="$(free_port)"
  # serial GC: on one pinned core, concurrent GC threads only compete with the event loop
  taskset -c 1 "$JAVA" -Xms256m -Xmx256m -XX:+UseSerialGC -Dio.netty.leakDetection.level=disabled \
    -cp "$CLASSPATH" dev.gatebench.upstream.MockUpstreamMain --port "$port" --ttft "$1" --itl 0ms \
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

warm_mock() { # so that no generator meets a cold (interpreted) mock; a failed warm-up is reported, not fatal
  if [[ -n "$WRK" ]]; then run_wrk warm 20 "$MOCK_WARM" >/dev/null || echo "bench-load: the mock's warm-up failed" >&2
  elif [[ -n "$OHA" ]]; then run_oha warm "$MOCK_WARM" -c 20 >/dev/null || echo "bench-load: the mock's warm-up failed" >&2
  else run_gatebench warm --executor constant-vus --vus 20 --duration "${MOCK_WARM}s" >/dev/null || echo "bench-load: the mock's warm-up failed" >&2; fi
  return 0
}

stop_mock() {
  if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  MOCK_PID=""
}

# gatebench's JVM: see the header
read -r -a LOADMAIN_JVM <<<"${BENCH_LOADMAIN_JVM:--XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -XX:+AlwaysPreTouch \
-Dio.netty.leakDetection.level=disabled --enable-native-access=ALL-UNNAMED}"

# run_gatebench NAME LOADMAIN-FLAGS...: LoadMain with --warmup (GATEBENCH_WARMUP seconds, WARMUP unless
# set), as a peer line
run_gatebench() {
  local name="$1" seconds="${GATEBENCH_WARMUP:-$WARMUP}"; shift
  local warm=(); ((seconds > 0)) && warm=(--warmup "${seconds}s")
  taskset -c 0 "$JAVA" "${LOADMAIN_JVM[@]}" -cp "$CLASSPATH" dev.gatebench.cli.LoadMain --url "$MOCK_URL$CHAT_PATH" \
    --io-threads 1 --quiet --out "$WORK/gatebench-$name" "${warm[@]}" "$@" \
    >"$WORK/gatebench-$name.txt" 2>"$WORK/gatebench-$name.err" \
    || { echo "gatebench $name failed:" >&2; cat "$WORK/gatebench-$name.err" >&2; return 1; }
  local line; line="$(cat "$WORK/gatebench-$name.txt")"
  echo "$(field "$line" p50_ms) $(field "$line" p95_ms) $(field "$line" p99_ms) $(field "$line" requests)" \
    "$(field "$line" errors) $(field "$line" rps)"
}

field() { # summary-line key
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# wire_check: keeps WIRE=1 only if tcpdump can capture on loopback here, saying why not otherwise
wire_check() {
  ((WIRE)) || return 0
  if ! command -v tcpdump >/dev/null; then WIRE=0; SKIPPED+=("the wire referee: no tcpdump (apt-get install tcpdump)"); return 0; fi
  local rc=0; timeout 1 tcpdump -i lo -nn -w /dev/null 2>"$WORK/tcpdump-check.err" || rc=$?
  # killed by the timeout (124) means it was capturing
  ((rc == 124)) || { WIRE=0; SKIPPED+=("the wire referee: tcpdump cannot capture here: $(tail -1 "$WORK/tcpdump-check.err")"); }
}

# wire_start NAME: records the mock's port on loopback, on the mock's core, until wire_stop
wire_start() {
  local port="${MOCK_URL##*:}"
  taskset -c 1 tcpdump -i lo -nn -s 96 -B 16384 -w "$WORK/wire-$1.pcap" "tcp port $port" 2>"$WORK/wire-$1.err" &
  WIRE_PID=$!
  PIDS+=("$WIRE_PID")
  for _ in $(seq 1 50); do grep -qs "listening on" "$WORK/wire-$1.err" && return 0; sleep 0.1; done
  echo "bench-load: tcpdump did not start: $(cat "$WORK/wire-$1.err")" >&2
}

# wire_stop NAME RATE REQUESTS: ends the capture and prints the referee's line for it
wire_stop() {
  local port="${MOCK_URL##*:}"
  # the kernel hands tcpdump its packets a block at a time, when the block fills or is 1 s old; a block
  # still open at SIGINT is lost, and with it the run's last requests
  sleep 1.2
  kill -INT "$WIRE_PID" 2>/dev/null || true; wait "$WIRE_PID" 2>/dev/null || true
  tcpdump -nn -tt -r "$WORK/wire-$1.pcap" >"$WORK/wire-$1.txt" 2>/dev/null
  python3 "$ROOT/scripts/lib/wire_stats.py" "$WORK/wire-$1.txt" "$port" "$2" "$3"
}

# generator_line NAME: one line from environment.generator of gatebench's result in run NAME
generator_line() {
  local file; file="$(field "$(cat "$WORK/gatebench-$1.txt" 2>/dev/null)" result)"
  [[ -n "$file" && -f "$file" ]] || { echo "gatebench's generator: no result file"; return 0; }
  python3 - "$file" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
env = run.get("environment", {})
g = env.get("generator", {})
pct = lambda share: "%.1f %%" % (100 * share)
parts = ["schedule lag p50 %.1f / p99 %.1f / max %.1f ms" % (g.get("lagP50Ms", 0), g.get("lagP99Ms", 0), g.get("lagMaxMs", 0))]
if "busiestThreadShare" in g:
    parts.append("event loop on a CPU %s of the run" % pct(g["busiestThreadShare"]))
if "runQueueWaitMs" in g:
    parts.append("waiting for a CPU %.0f ms (%s)" % (g["runQueueWaitMs"], pct(g["runQueueWaitShare"])))
else:
    parts.append("run-queue wait unknown: %s" % g.get("runQueueWaitUnavailable", "not recorded"))
if "gcPauses" in g:
    parts.append("GC (%s) %d pauses, %d ms in all, longest %d ms" % (g["gcCollector"], g["gcPauses"], g["gcPauseMs"], g["gcLongestPauseMs"]))
verdict = "trustworthy" if env.get("trustworthy", True) else "UNTRUSTWORTHY, likeliest cause: %s" % g.get("likeliestCause", "?")
print("gatebench's generator: " + "; ".join(parts) + "; " + verdict)
PY
}

declare -A RESULT WIRE_RESULT PRINTED
SUMMARY=()
header() {
  echo
  echo "== $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf "%-10s %-40s %8s %8s %8s %9s %6s %9s %6s\n" generator model "p50 ms" "p95 ms" "p99 ms" requests errors "req/s" "wall s"
}

# row SECTION GENERATOR MODEL COMMAND...: runs the generator and prints its row ("failed" if it did)
row() {
  local section="$1" generator="$2" model="$3" line p50 p95 p99 count errors rps started=$SECONDS; shift 3
  if line="$("$@")" && [[ -n "$line" ]]; then
    read -r p50 p95 p99 count errors rps <<<"$line"
    RESULT["$section $generator"]="$line"
    printf "%-10s %-40s %8s %8s %8s %9s %6s %9s %6s\n" "$generator" "$model" "$p50" "$p95" "$p99" "$count" "$errors" "$rps" \
      "$((SECONDS - started))"
  else
    printf "%-10s %-40s %s\n" "$generator" "$model" "failed (see above)"
  fi
}

# accuracy SECTION RATE ANSWER-MS: every generator at RATE req/s against a fixed ANSWER-MS answer
accuracy() {
  local s="$1" rate="$2" answer="$3" conns=$(( $2 * $3 / 1000 ))
  start_mock "${answer}ms"
  header "$s. open model, $rate req/s for ${DURATION}s, fixed ${answer} ms answer: $((rate * DURATION)) requests due"
  local g
  for g in $(open_generators); do open_row "$s" "$g" "$rate"; done
  [[ -n "$WRK" ]] && row "$s" wrk "CLOSED, $conns connections (~$rate/s at most)" run_wrk "$s" "$conns" "$DURATION"
  echo "gatebench's own line: $(cat "$WORK/gatebench-$s.txt" 2>/dev/null | sed 's/ result=.*//')"
  local why; why="$(generator_line "$s")"
  echo "$why"
  SUMMARY+=("$s. $why")
}

# open_generators: gatebench and the open-model peers found, in the order they run
open_generators() {
  echo gatebench
  [[ -n "$OHA" ]] && echo oha
  [[ -n "$GATLING" ]] && echo gatling
  [[ -n "$K6" ]] && echo k6
  return 0
}

# open_row SECTION GENERATOR RATE: one open-model run of GENERATOR at RATE req/s; in section b with
# --wire, recorded on loopback and followed by the referee's line
open_row() {
  local s="$1" rate="$3" wire=0
  [[ "$s" == b* ]] && ((WIRE)) && wire=1
  ((wire)) && wire_start "$s-$2"
  open_run "$@"
  if ((wire)); then
    local line; line="$(wire_stop "$s-$2" "$rate" $((rate * DURATION)))" || line=""
    if [[ -n "$line" ]]; then
      WIRE_RESULT["$s $2"]="$line"
      awk '{ printf "%-10s wire: sends vs an even schedule p50 %s / p99 %s ms; the mock'"'"'s answer p50 %s / p99 %s ms; delivered (schedule to answer) p50 %s / p95 %s / p99 %s ms\n", "", $1, $2, $3, $4, $5, $6, $7 }' <<<"$line"
    fi
  fi
  return 0
}

# open_run SECTION GENERATOR RATE: the run of open_row
open_run() {
  local s="$1" rate="$3"
  case "$2" in
    gatebench) GATEBENCH_WARMUP=$(((WARMUP * 1000 + rate - 1) / rate)) row "$s" gatebench \
      "constant-arrival-rate, 50..2000 VUs" run_gatebench "$s" \
      --executor constant-arrival-rate --rate "$rate" --vus 50 --max-vus 2000 --duration "${DURATION}s" ;;
    oha) row "$s" oha "-q $rate --latency-correction, -c 50 *" run_oha_open "$s" "$DURATION" "$rate" && oha_line "$s" "$rate" ;;
    gatling) row "$s" gatling "constantUsersPerSec($rate)" run_gatling "$s" "$DURATION" "$WARMUP" open "$rate" ;;
    k6) row "$s" k6 "constant-arrival-rate, 50..2000 VUs" run_k6 "$s" \
      EXECUTOR=constant-arrival-rate RATE="$rate" VUS=50 MAX_VUS=2000 DURATION="${DURATION}s" ;;
  esac
}

# oha_line SECTION RATE: under oha's row (timed from its schedule), the figures oha prints, timed from
# its timer's wake-up, and how late that timer woke
oha_line() {
  local printed late p50 p95 p99
  printed="$(oha_printed "$1")" && late="$(oha_wakeups "$1" "$2")" || return 0
  read -r p50 p95 p99 _ <<<"$printed"
  PRINTED["$1 oha"]="$p99"
  read -r -a late <<<"$late"
  printf "%-10s * timed from its place on the schedule; as oha prints them, from its timer's wake-up (p50 %s / p99 %s / max %s ms late): p50 %s / p95 %s / p99 %s ms\n" \
    "" "${late[0]}" "${late[1]}" "${late[2]}" "$p50" "$p95" "$p99"
}

# more_rounds: section b again, rounds 2..ROUNDS against the same mock, the order rotated each round so
# that no generator always meets the mock first; one run's p99 of 30,000 requests moves by a millisecond
# from run to run here, more than the difference it is to judge
more_rounds() {
  local gens r i
  mapfile -t gens < <(open_generators)
  for ((r = 2; r <= ROUNDS; r++)); do
    header "b, round $r of $ROUNDS"
    for ((i = 0; i < ${#gens[@]}; i++)); do open_row "b$r" "${gens[$(((i + r - 1) % ${#gens[@]}))]}" 1000; done
    SUMMARY+=("b$r. $(generator_line "b$r")")
  done
}

# median_p99 GENERATOR: the median of GENERATOR's p99 over section b's rounds, and the rounds' values
median_p99() {
  local r p99 values=()
  for ((r = 1; r <= ROUNDS; r++)); do
    local key="b"; ((r > 1)) && key="b$r"
    [[ -n "${RESULT[$key $1]:-}" ]] || continue
    read -r _ _ p99 _ _ _ <<<"${RESULT[$key $1]}"
    values+=("$p99")
  done
  ((${#values[@]} > 0)) || return 0 # nothing printed: the caller's read fails
  median "${values[@]}"
}

# median VALUE...: "MEDIAN V1 / V2 / ..." with the values sorted
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1; all = all (NR > 1 ? " / " : "") $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %s\n", m, all }'
}

# self_overhead: section b's check, gatebench's median p99 - 5 ms against the best open-model peer's
self_overhead() {
  local best="" best_p99="" g p99
  local median rounds detail=""
  for g in gatebench oha gatling k6; do
    read -r median rounds < <(median_p99 "$g") || continue
    detail+="$g $rounds (median $median); "
  done
  local r key printed=()
  for ((r = 1; r <= ROUNDS; r++)); do
    key="b"; ((r > 1)) && key="b$r"
    [[ -n "${PRINTED[$key oha]:-}" ]] && printed+=("${PRINTED[$key oha]}")
  done
  ((${#printed[@]} > 0)) && detail+="oha as it prints them (from its timer's wake-up) $(median "${printed[@]}" | awk '{ m = $1; $1 = ""; print substr($0, 2) " (median " m ")" }'); "
  local timed="gatebench and oha timed from each request's place on their schedules, Gatling (whole ms) and k6 from their sends"
  echo "p99 ms per round ($timed): ${detail%; }"
  SUMMARY+=("b. p99 ms per round ($timed): ${detail%; }")
  for g in oha gatling k6; do
    read -r p99 _ < <(median_p99 "$g") || continue
    if [[ -z "$best" ]] || awk -v a="$p99" -v b="$best_p99" 'BEGIN { exit !(a < b) }'; then best="$g"; best_p99="$p99"; fi
  done
  read -r p99 _ < <(median_p99 gatebench) || { SUMMARY+=("b. self-overhead: FAIL, gatebench did not run"); return 0; }
  if [[ -z "$best" ]]; then SUMMARY+=("b. self-overhead: no verdict, no open-model peer ran"); return 0; fi
  local line
  line="$(awk -v g="$p99" -v p="$best_p99" -v n="$best" 'BEGIN {
    printf "self-overhead (median p99 - 5 ms): gatebench %.2f ms, best peer %s %.2f ms: %s (gatebench must be <= the best peer)",
      g - 5, n, p - 5, (g - 5 <= p - 5) ? "PASS" : "FAIL" }')"
  echo "$line"
  SUMMARY+=("b. $line")
}

# wire_verdict: section b by the referee's clock: each generator's median delivered p99 over the
# rounds beside its own median p99. A generator that sent ahead of the even schedule (a negative
# median send lag: its injector does not space requests evenly) is left out, since no even schedule
# fits it and its "delivered" would mean nothing.
wire_verdict() {
  ((WIRE)) || return 0
  local g r key values line="" own uneven="" best="" best_m="" ours="" m
  for g in gatebench oha gatling k6; do
    values=()
    for ((r = 1; r <= ROUNDS; r++)); do
      key="b"; ((r > 1)) && key="b$r"
      [[ -n "${WIRE_RESULT[$key $g]:-}" ]] || continue
      if awk '{ exit !($1 < 0) }' <<<"${WIRE_RESULT[$key $g]}"; then uneven+="$g "; values=(); break; fi
      values+=("$(awk '{ print $7 }' <<<"${WIRE_RESULT[$key $g]}")")
    done
    ((${#values[@]} > 0)) || continue
    read -r own _ < <(median_p99 "$g") || own="?"
    read -r m _ < <(median "${values[@]}")
    m="$(awk -v m="$m" 'BEGIN { printf "%.2f", m - 5 }')"
    line+="$g $m (its own $(awk -v o="$own" 'BEGIN { print o == "?" ? "?" : sprintf("%.2f", o - 5) }')); "
    if [[ "$g" == gatebench ]]; then ours="$m"
    elif [[ -z "$best" ]] || awk -v a="$m" -v b="$best_m" 'BEGIN { exit !(a < b) }'; then best="$g"; best_m="$m"; fi
  done
  [[ -n "$uneven" ]] && line+="left out, sends not on an even schedule: ${uneven% }; "
  [[ -n "$line" ]] || return 0
  if [[ -n "$ours" && -n "$best" ]]; then
    line+="$(awk -v a="$ours" -v b="$best_m" -v n="$best" 'BEGIN {
      printf "gatebench %.2f against the best peer %s %.2f: %s", a, n, b, (a <= b) ? "PASS" : "FAIL" }')"
  fi
  echo "by the wire, delivered p99 - 5 ms (median of rounds): ${line%; }"
  SUMMARY+=("b. by the wire, delivered p99 - 5 ms (median of rounds): ${line%; }")
}

# throughput: 50 closed connections against the zero-latency mock, req/s and gatebench/peer ratios
throughput() {
  start_mock 0ms
  header "c. closed model, 50 connections for ${DURATION}s, zero-latency mock: maximum req/s"
  row c gatebench "constant-vus 50" run_gatebench c --executor constant-vus --vus 50 --duration "${DURATION}s"
  [[ -n "$OHA" ]] && row c oha "-c 50" run_oha c "$DURATION" -c 50
  [[ -n "$GATLING" ]] && row c gatling "constantConcurrentUsers(50)" run_gatling c "$DURATION" "$WARMUP" closed 50
  [[ -n "$K6" ]] && row c k6 "constant-vus 50" run_k6 c EXECUTOR=constant-vus VUS=50 DURATION="${DURATION}s"
  [[ -n "$WRK" ]] && row c wrk "-t1 -c50" run_wrk c 50 "$DURATION"
  echo "gatebench's own line: $(cat "$WORK/gatebench-c.txt" 2>/dev/null | sed 's/ result=.*//')"
  local g rps ratios="" gb
  [[ -n "${RESULT[c gatebench]:-}" ]] || return 0
  gb="$(awk '{ print $6 }' <<<"${RESULT[c gatebench]}")"
  for g in oha gatling k6 wrk; do
    [[ -n "${RESULT[c $g]:-}" ]] || continue
    rps="$(awk '{ print $6 }' <<<"${RESULT[c $g]}")"
    ratios+="$(awk -v a="$gb" -v b="$rps" -v n="$g" 'BEGIN { printf "gatebench/%s = %.0f/%.0f = %.2f; ", n, a, b, a / b }')"
  done
  echo "${ratios%; }"
  SUMMARY+=("c. req/s: ${ratios%; }")
}

heap() {
  start_mock 5ms
  echo
  echo "== d. heap: gatebench at 1000 req/s for ${HEAP_MINUTES}m with -Xmx256m, 5 ms answer (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  taskset -c 0 "$JAVA" -Xmx256m -Xlog:gc:file="$WORK/gc.log" -XX:+ExitOnOutOfMemoryError -cp "$CLASSPATH" \
    dev.gatebench.cli.LoadMain --url "$MOCK_URL$CHAT_PATH" --io-threads 1 --quiet --warmup "${WARMUP}s" \
    --executor constant-arrival-rate --rate 1000 --vus 200 --max-vus 2000 --duration "${HEAP_MINUTES}m" >"$WORK/heap.txt"
  cat "$WORK/heap.txt"
  # "Pause Young (...) 70M->3M(256M)": heap used before and after each collection, committed size
  local before after committed pauses verdict
  read -r before after committed pauses < <(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" \
    | tr -d 'M)' | tr '>(-' '   ' \
    | awk '{ if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3; n++ } END { print b + 0, a + 0, c + 0, n + 0 }')
  verdict="$(awk -v c="$committed" -v b="$before" 'BEGIN { print (b <= 256 && c <= 256) ? "PASS" : "FAIL" }')"
  echo "GC log: $pauses collections; max used before GC ${before} MB, after GC ${after} MB, committed ${committed} MB ($verdict, <= 256 MB, no OOM)"
  SUMMARY+=("d. ${HEAP_MINUTES} min at 1000/s: max heap after GC ${after} MB, used ${before} MB of ${committed} MB committed ($verdict)")
}

wire_check
echo "generators on CPU 0, mock on CPU 1; ${DURATION}s runs, ${WARMUP}s JVM warm-ups (gatebench --warmup, Gatling's warm-up users; gatebench's open-model ones as long as ${WARMUP}s at 1,000 req/s)"
echo "gatebench's JVM: ${LOADMAIN_JVM[*]}"
for skipped in "${SKIPPED[@]}"; do echo "left out: $skipped"; done
[[ -n "$OHA" ]] && echo "oha: $("$OHA" --version)"
accuracy a 200 20
accuracy b 1000 5
more_rounds
self_overhead
wire_verdict
throughput
((HEAP_MINUTES > 0)) && heap
stop_mock

echo
echo "== summary (load average $(cut -d' ' -f1-3 /proc/loadavg); ${SECONDS}s in all)"
for line in "${SUMMARY[@]}"; do echo "$line"; done
