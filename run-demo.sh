#!/usr/bin/env bash
# Starts EPE Watch with the embedded PostgreSQL and the demo data on http://localhost:8080
# (extra arguments go to the application, e.g. --server.port=9090 --epewatch.data-dir=/tmp/epw).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
./mvnw -B -q -DskipTests package
exec java -jar target/epewatch.jar --spring.profiles.active=demo "$@"
