#!/usr/bin/env bash
# A Docker engine for the container stack: start|stop|status.
#   start   uses an engine that already answers; otherwise installs Debian's docker.io (as root) and
#           starts dockerd in the background (no bridge, no iptables: containers use the host network,
#           so traffic stays on 127.0.0.1), then waits up to GATEBENCH_DOCKER_WAIT seconds (30) for it.
#   stop    stops the dockerd that 'start' started, and nothing else.
#   status  says whether an engine answers and whether this script started it.
# GATEBENCH_DOCKERD_ARGS adds flags to dockerd (e.g. --data-root DIR).
# Exit codes: 0 done; 1 no engine could be had (the reason is printed; the container tests then skip).
set -uo pipefail

STATE_DIR="${GATEBENCH_DOCKER_STATE:-/tmp/gatebench-docker}"
PID_FILE="$STATE_DIR/dockerd.pid"
LOG_FILE="$STATE_DIR/dockerd.log"
WAIT_SECONDS="${GATEBENCH_DOCKER_WAIT:-30}"

say() { echo "docker-engine: $*"; }

answers() { command -v docker > /dev/null && timeout 10 docker info > /dev/null 2>&1; }

started_by_us() { [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

install_engine() {
  command -v dockerd > /dev/null && return 0
  if [[ $(id -u) != 0 ]] || ! command -v apt-get > /dev/null; then
    say "no dockerd here and no way to install it (needs root and apt-get); install Docker by hand"
    return 1
  fi
  say "installing Debian's docker.io"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io > /dev/null) \
    || { say "apt-get install docker.io failed"; return 1; }
}

start() {
  if answers; then say "an engine already answers; using it"; return 0; fi
  install_engine || return 1
  if [[ $(id -u) != 0 ]]; then say "dockerd needs root; start it as root or use rootless Docker"; return 1; fi
  mkdir -p "$STATE_DIR"
  # shellcheck disable=SC2086 # GATEBENCH_DOCKERD_ARGS is a list of flags
  nohup dockerd --bridge=none --iptables=false ${GATEBENCH_DOCKERD_ARGS:-} > "$LOG_FILE" 2>&1 < /dev/null &
  # its pid in our own file, so that 'stop' never touches a dockerd that someone else started
  echo $! > "$PID_FILE"
  for ((i = 0; i < WAIT_SECONDS; i++)); do
    if answers; then say "dockerd started (pid $(cat "$PID_FILE"), log $LOG_FILE)"; return 0; fi
    if ! started_by_us; then break; fi
    sleep 1
  done
  say "dockerd did not answer within ${WAIT_SECONDS} s; last lines of $LOG_FILE:"
  tail -20 "$LOG_FILE" >&2
  stop
  return 1
}

stop() {
  if ! started_by_us; then rm -f "$PID_FILE"; return 0; fi
  local pid
  pid="$(cat "$PID_FILE")"
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$PID_FILE"
  say "dockerd (pid $pid) stopped"
}

status() {
  if answers; then
    say "an engine answers$(started_by_us && echo " (started by this script, pid $(cat "$PID_FILE"))")"
  else
    say "no engine answers"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/docker-engine.sh start|stop|status" >&2; exit 2 ;;
esac
