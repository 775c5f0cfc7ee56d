# Load generators that gatebench is compared with (source it after bench-common.sh; it uses ROOT,
# WORK, JAVA_HOME and the caller's MOCK_URL). Each run_* function drives MOCK_URL pinned to CPU 0
# and prints one line: "p50_ms p95_ms p99_ms requests errors rps" (scripts/lib/peer_stats.py).
#   oha      Rust; installed by find_peers into GATEBENCH_TOOLS; open model with -q and
#            --latency-correction, every request timed from its place on oha's schedule (its own
#            figures start when its millisecond timer woke: see scripts/lib/peer_stats.py)
#   Gatling  the JVM peer: bench/gatling (its own Maven project), run with gatling:test
#   wrk      closed loop only (wrk2's open model is not packaged by Debian)
#   k6       only where a k6 binary is on PATH (or K6_BIN=/path/to/k6)

OHA_VERSION=1.16.0
GATEBENCH_TOOLS="${GATEBENCH_TOOLS:-$HOME/.cache/gatebench/tools}"
CHAT_PATH=/v1/chat/completions
WRK_SCRIPT="$ROOT/scripts/lib/wrk-chat.lua"
PEER_STATS="$ROOT/scripts/lib/peer_stats.py"
# the body of scripts/lib/wrk-chat.lua and bench/gatling's simulation
CHAT_BODY='{"model":"claude-sonnet-4-5-20250929","messages":[{"role":"user","content":"What is 2 + 2? Answer with just the number."}],"max_tokens":100,"temperature":0.7,"stream":false}'

# find_peers LIST: sets OHA, WRK, K6 and GATLING to a command for each peer in the comma-separated
# LIST that can run here, to "" for the others, with the reason in SKIPPED
find_peers() {
  SKIPPED=()
  OHA="" WRK="" K6="" GATLING=""
  [[ ",$1," == *,wrk,* ]] && { WRK="$(command -v wrk || true)"; [[ -n "$WRK" ]] || SKIPPED+=("wrk: not installed (apt-get install wrk)"); }
  if [[ ",$1," == *,k6,* ]]; then
    K6="${K6_BIN:-$(command -v k6 || true)}"
    [[ -n "$K6" ]] || SKIPPED+=("k6: no k6 binary on PATH; its rows are left out (k6/scripts/crosscheck.js runs where k6 is)")
  fi
  if [[ ",$1," == *,gatling,* ]]; then
    GATLING=mvn
    [[ -f "$ROOT/bench/gatling/pom.xml" ]] || { GATLING=""; SKIPPED+=("gatling: bench/gatling/pom.xml is missing"); }
  fi
  [[ ",$1," == *,oha,* ]] && find_oha
  return 0
}

# find_oha: oha from PATH if it is OHA_VERSION, else GATEBENCH_TOOLS/bin/oha, built there on first use
find_oha() {
  OHA="$GATEBENCH_TOOLS/bin/oha"
  if [[ "$(oha --version 2>/dev/null)" == "oha $OHA_VERSION" ]]; then OHA="$(command -v oha)"; return 0; fi
  [[ -x "$OHA" ]] && return 0
  if ! command -v cargo >/dev/null; then
    OHA=""; SKIPPED+=("oha: not installed and no cargo to build it (cargo install oha --version $OHA_VERSION)"); return 0
  fi
  echo "installing oha $OHA_VERSION into $GATEBENCH_TOOLS (once; several minutes on 2 cores) ..."
  # default features: oha 1.16 does not compile without one of its TLS stacks
  cargo install oha --version "$OHA_VERSION" --locked --root "$GATEBENCH_TOOLS" \
    >"$WORK/oha-install.log" 2>&1 \
    || { OHA=""; SKIPPED+=("oha: cargo install failed (its last lines are printed above)"); tail -5 "$WORK/oha-install.log" >&2; }
}

# run_oha NAME SECONDS OHA-FLAGS...: e.g. run_oha max 30 -c 50, by oha's own figures
run_oha() {
  oha_run "$@" && python3 "$PEER_STATS" oha "$WORK/oha-$1.json"
}

# run_oha_open NAME SECONDS RATE: -q RATE --latency-correction -c 50, every request timed from its
# place on the schedule (oha's own figures: oha_printed NAME; its timer's lateness: oha_wakeups NAME RATE)
run_oha_open() {
  local name="$1" rate="$3"
  rm -f "$WORK/oha-$name.sqlite"
  oha_run "$name" "$2" -c 50 -q "$rate" --latency-correction --db-url "$WORK/oha-$name.sqlite" \
    && python3 "$PEER_STATS" oha "$WORK/oha-$name.json" "$WORK/oha-$name.sqlite" "$rate"
}

oha_printed() { python3 "$PEER_STATS" oha "$WORK/oha-$1.json"; }
oha_wakeups() { python3 "$PEER_STATS" oha-wakeups "$WORK/oha-$1.sqlite" "$2"; }

# oha_run NAME SECONDS OHA-FLAGS...: oha pinned to CPU 0, its JSON in WORK/oha-NAME.json
oha_run() {
  local name="$1" seconds="$2"; shift 2
  taskset -c 0 "$OHA" --no-tui --output-format json --stats-success-breakdown -z "${seconds}s" -w \
    -m POST -T application/json -d "$CHAT_BODY" "$@" "$MOCK_URL$CHAT_PATH" >"$WORK/oha-$name.json" 2>"$WORK/oha-$name.err" \
    || { echo "oha $name failed:" >&2; cat "$WORK/oha-$name.err" >&2; return 1; }
}

# run_wrk NAME CONNECTIONS SECONDS: one thread, closed loop
run_wrk() {
  taskset -c 0 "$WRK" -t1 -c"$2" -d"${3}s" -s "$WRK_SCRIPT" "$MOCK_URL$CHAT_PATH" >"$WORK/wrk-$1.txt" 2>&1 \
    || { echo "wrk $1 failed:" >&2; cat "$WORK/wrk-$1.txt" >&2; return 1; }
  sed -n 's/^peer-stats //p' "$WORK/wrk-$1.txt"
}

# run_gatling NAME SECONDS WARMUP-SECONDS open RATE | closed USERS
run_gatling() {
  local name="$1" seconds="$2" warmup="$3" model="$4" amount="$5" dir="$WORK/gatling-$1"
  local load=(-Dpeer.rate="$amount"); [[ "$model" == closed ]] && load=(-Dpeer.users="$amount")
  taskset -c 0 mvn -B -ntp -f "$ROOT/bench/gatling/pom.xml" gatling:test -Dgatling.resultsFolder="$dir" \
    -Dpeer.url="$MOCK_URL$CHAT_PATH" -Dpeer.model="$model" "${load[@]}" -Dpeer.duration="$seconds" \
    -Dpeer.warmup="$warmup" >"$dir.log" 2>&1 \
    || { echo "gatling $name failed:" >&2; tail -30 "$dir.log" >&2; return 1; }
  python3 "$PEER_STATS" gatling "$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1)" chat_completion "$seconds"
}

# run_k6 NAME ENV...: k6/scripts/crosscheck.js with TARGET=direct
run_k6() {
  local name="$1"; shift
  mkdir -p "$WORK/k6-$name"
  (cd "$ROOT/k6/scripts" && env TARGET=direct DIRECT_URL="$MOCK_URL" RESULTS_DIR="$WORK/k6-$name" "$@" \
    taskset -c 0 "$K6" run --quiet --no-usage-report crosscheck.js >"$WORK/k6-$name.txt" 2>&1) \
    || { echo "k6 $name failed:" >&2; tail -20 "$WORK/k6-$name.txt" >&2; return 1; }
  python3 "$PEER_STATS" k6 "$WORK/k6-$name"/*.json
}
