#!/usr/bin/env bash
# The reliability suite, repeated and heavier than in the ordinary test run: first use under
# concurrency, busy/read-only/foreign stores, kill -9 during the multi-row writes (import,
# Enable-CsTopology), broken pipes, parser floods, out-of-memory, bad encodings, damaged files.
# Each test asserts nothing lost, a clear error and a bounded time; see docs/reliability.md.
#
#   Scripts/stress.sh            # 3 rounds, 40 kills per kill test
#   ROUNDS=10 KILLS=100 Scripts/stress.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-3}
export PCSH_KILL_ITERATIONS=${KILLS:-40}
suites='FirstUseRaceTests|BusyStoreTests|ForeignStoreTests|InterruptedAuditTests|ReadOnlyHomeTests'
suites+='|MigrationKillTests|EnableKillTests|BrokenPipeTests|HostileScriptTests|TextEncodingTests'
suites+='|AllocationGuardTests|LegacyGroupChatValidationTests|DamagedLegacyDatabaseTests|TopologyRepositoryTests'
suites+='|MigrationCmdletTests/hostileFiles'

Scripts/ensure-deps.sh
swift build --build-tests
failed=0
for round in $(seq 1 "$rounds"); do
    started=$(date +%s.%N)
    if swift test --skip-build --filter "$suites" >"/tmp/pcsh-stress-$round.log" 2>&1; then
        result=passed
    else
        result=FAILED; failed=1
    fi
    elapsed=$(awk "BEGIN { print $(date +%s.%N) - $started }")
    tests=$(grep -Eo 'Test run with [0-9]+ tests' "/tmp/pcsh-stress-$round.log" | grep -Eo '[0-9]+' || echo '?')
    printf 'round %d: %s tests %s in %.1f s (log /tmp/pcsh-stress-%d.log)\n' "$round" "$tests" "$result" "$elapsed" "$round"
    grep -E '^kill -9' "/tmp/pcsh-stress-$round.log" | sed 's/^/    /' || true
    grep -E '✘' "/tmp/pcsh-stress-$round.log" | head -20 | sed 's/^/    /' || true
done
exit $failed
