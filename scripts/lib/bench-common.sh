# Shared by the benchmark scripts (source it): a scratch folder, processes stopped on exit, free
# loopback ports, and gatebench's classpath.
# bench_init NAME: sets WORK (a scratch folder /tmp/NAME.XXXXXX) and stops every pid in PIDS on exit.
bench_init() {
  WORK="$(mktemp -d "/tmp/$1.XXXXXX")"
  PIDS=()
  trap bench_cleanup EXIT INT TERM
}

bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# build_classpath ROOT: compiles gatebench offline and sets CLASSPATH; prints Maven's output on failure.
build_classpath() {
  (cd "$1" && mvn -o -q compile && mvn -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt") \
    >"$WORK/mvn.log" 2>&1 || { echo "the build failed:" >&2; cat "$WORK/mvn.log" >&2; exit 1; }
  CLASSPATH="$1/target/classes:$(cat "$WORK/cp.txt")"
}
