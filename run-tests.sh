#!/usr/bin/env bash
# Runs every test: unit, architecture, integration on the embedded PostgreSQL, and headless-Chromium UI tests.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "Installing Debian chromium and chromium-driver for the browser tests" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
fi
exec ./mvnw -B verify "$@"
