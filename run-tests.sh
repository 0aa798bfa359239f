#!/usr/bin/env bash
# Runs every test: unit, architecture, integration on the embedded PostgreSQL, and headless-Chromium UI tests.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
# Debian packages the tests need: chromium for the browser tests; GStreamer's RTSP server (with x264) as the
# independent peer for our RTSP client.
packages=(chromium chromium-driver gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base
          gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages for the tests: ${missing[*]}" >&2
    sudo_if_needed=""
    [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
fi
exec ./mvnw -B verify -Pchaos "$@"
