#!/usr/bin/env bash
# The regression gate's power and false-alarm rate.
# Usage: scripts/bench-gate.sh [trials]                      simulated runs with measured loopback noise (GatePowerBenchmark)
#        scripts/bench-gate.sh --mock [trials] [seconds]     real runs of the load engine against the mock (GateMockBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q ${MAVEN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
main=dev.gatebench.report.gate.GatePowerBenchmark
if [[ "${1:-}" == "--mock" ]]; then main=dev.gatebench.report.gate.GateMockBenchmark; shift; fi
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  "$main" "$@"
