#!/usr/bin/env bash
# The regression gate's power and false-alarm rate (see GatePowerBenchmark). Usage: scripts/bench-gate.sh [trials]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q ${MAVEN_OFFLINE:--o} test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.gatebench.report.gate.GatePowerBenchmark "${1:-20}"
