#!/usr/bin/env bash
# gatebench's commands, as the original suite's: all|baseline|throughput|sustained|start|stop|help.
# Every suite runs through Maven; extra arguments go to Maven (e.g. -Dgatebench.gateways=litellm,direct).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PID_FILE=target/gatebench-stack.pid

usage() {
  cat <<'USAGE'
Usage: scripts/run-benchmark.sh <command> [maven arguments]

Commands:
  all          run the baseline, throughput and sustained suites (mvn verify -Pall)
  baseline     1 VU, 30 iterations, 1 s think time
  throughput   ramp to 50 VUs over 5.5 minutes, 0.5 s think time
  sustained    10 VUs for 10 minutes, 1 s think time
  start        start the mock upstream and the gateways, print their URLs, keep them up
  stop         stop what 'start' started
  help         this text

Results: k6/results/<suite>-<gateway>-<timestamp>.json; report: target/gatebench-report/report.html
Examples:
  scripts/run-benchmark.sh baseline -Dgatebench.gateways=litellm,direct
  scripts/run-benchmark.sh throughput -Dgatebench.timeScale=0.1
USAGE
}

start_stack() {
  if [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    echo "the stack is already running (pid $(cat "$PID_FILE")); scripts/run-benchmark.sh stop first" >&2
    exit 1
  fi
  mvn -q -B compile
  mkdir -p target
  nohup mvn -q -B exec:java -Dexec.mainClass=dev.gatebench.cli.StackMain "$@" > target/gatebench-stack.log 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 240); do
    if grep -q '^stack ready' target/gatebench-stack.log 2>/dev/null; then
      sed -n '/^stack ready/,$p' target/gatebench-stack.log
      return 0
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "the stack failed to start; target/gatebench-stack.log says:" >&2
      tail -40 target/gatebench-stack.log >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    sleep 1
  done
  echo "the stack did not become ready in 240 s; see target/gatebench-stack.log" >&2
  exit 1
}

stop_stack() {
  if [[ ! -f $PID_FILE ]]; then
    echo "no stack is running (no $PID_FILE)"
    return 0
  fi
  local pid
  pid=$(cat "$PID_FILE")
  # TERM reaches the JVM's shutdown hook, which stops every gateway process it started.
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  rm -f "$PID_FILE"
  echo "stack stopped"
}

command=${1:-help}
shift || true
case "$command" in
  all | baseline | throughput | sustained) exec mvn -B verify "-P$command" "$@" ;;
  start) start_stack "$@" ;;
  stop) stop_stack ;;
  help | -h | --help) usage ;;
  *)
    echo "unknown command '$command'; expected all|baseline|throughput|sustained|start|stop|help" >&2
    usage >&2
    exit 2
    ;;
esac
