#!/usr/bin/env bash
# The main job: installs missing system packages, builds pcsh and runs the whole demo migration
# (Scripts/demo-migration.ps1) on an embedded default deployment home, a fresh folder under
# .demo/ in the repository (set PCSH_DEMO_HOME to use another), printing each stage and where
# the HTML reports are.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-deps.sh
swift build --product pcsh
PCSH="$(swift build --show-bin-path)/pcsh"
home="${PCSH_DEMO_HOME:-$PWD/.demo/home}"
rm -rf "$home"
mkdir -p "$home"
PCSH_HOME="$home" PCSH_USER=labadmin PSModulePath="$PWD/Modules" "$PCSH" -NoProfile -File Scripts/demo-migration.ps1
echo "Demo deployment home: $home"
