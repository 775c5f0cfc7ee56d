#!/usr/bin/env bash
# Finds, pulls or builds the container stack's images ahead of a run, so that the first run does not
# wait for a build: scripts/build-images.sh [litellm|postgres|redis|prometheus|cadvisor|influxdb|inferxgate ...]
# With no names, all of them (LiteLLM, PostgreSQL and Redis must succeed; the others are optional).
# Settings as for the suites, e.g. -Dgatebench.image.redis=... is GATEBENCH_IMAGE_REDIS=... here.
# Needs a Docker engine (scripts/docker-engine.sh start); bootstrapping the Debian base needs root
# and debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

mvn -q -B compile
exec mvn -q -B exec:java -Dexec.mainClass=dev.gatebench.cli.ImagesMain -Dexec.args="$*"
