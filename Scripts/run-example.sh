#!/usr/bin/env bash
# Installs missing system packages, builds pcsh and runs the example scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-deps.sh
swift build --product pcsh
PCSH="$(swift build --show-bin-path)/pcsh"
"$PCSH" -NoProfile -File Scripts/example.ps1
# The deployment tour runs on a fresh, temporary deployment home (the default one is left alone).
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
PCSH_HOME="$home" PCSH_USER=labadmin "$PCSH" -NoProfile -File Scripts/deployment-tour.ps1
