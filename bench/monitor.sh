#!/usr/bin/env bash
# Health-monitor benchmark: N simulated ONVIF cameras probed by the real monitor. Usage: bench/monitor.sh [N ...]
# (default 500 2000 5000). The application runs with -Xmx1g, the goal being 5,000 cameras per 30 s cycle on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
./mvnw -B -q ${MVN_OFFLINE:-} test-compile
classpath="target/test-classes:target/classes:$(./mvnw -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -Xmx1g -cp "$classpath" io.epewatch.camera.health.MonitorBenchmark "$@"
