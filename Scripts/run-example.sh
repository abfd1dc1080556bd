#!/usr/bin/env bash
# Installs missing system packages, builds pcsh and runs the example script.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-deps.sh
swift build --product pcsh
"$(swift build --show-bin-path)/pcsh" -NoProfile -File Scripts/example.ps1
