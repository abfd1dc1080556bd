#!/usr/bin/env bash
# The test command: installs missing system packages, builds everything, runs all test suites
# (unit tests of each target plus the golden scripts, which run the built pcsh executable).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/ensure-deps.sh
swift build
swift test "$@"
