#!/bin/bash
# Benchmark of the management endpoint (issue 10's targets), on a release build:
#   1. connect + one command + disconnect, from a running shell (New-PSSession, Invoke-Command,
#      Remove-PSSession): median of $N rounds; target <= 30 ms;
#   2. the same as a whole client process (`pcsh -Connect -Command 1`), beside the local
#      `pcsh -Command 1` as the baseline;
#   3. 1,000 role-checked commands (Get-CsAdminRole) in one endpoint session, against the same
#      commands run locally in the same run; target ratio <= 1.5.
# Peak RSS of the client and of a worker come from /usr/bin/time -v.
# Usage: [N=200] [RUNS=3] Scripts/bench-endpoint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${N:-200}
runs=${RUNS:-3}
for tool in python3 /usr/bin/time; do command -v "$tool" >/dev/null || { echo "bench-endpoint: needs $tool" >&2; exit 1; }; done
swift build -c release --product pcsh >/dev/null
pcsh=$(swift build -c release --show-bin-path)/pcsh
work=$(mktemp -d)
endpoint=
cleanup() { [ -n "$endpoint" ] && kill "$endpoint" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
home=$work/home
socket=$work/endpoint.sock
export PCSH_BUSY_TIMEOUT=60
PCSH_HOME=$home "$pcsh" -Bootstrap bench >/dev/null
# This login acts as the administrator 'bench' through the endpoint.
PCSH_HOME=$home PCSH_USER=bench "$pcsh" -NoProfile -Command "Set-CsManagementLogin -Identity $(id -un) -SamAccountName bench | Out-Null"
PCSH_HOME=$home "$pcsh" -Endpoint -Socket "$socket" 2>"$work/endpoint.log" &
endpoint=$!
for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.05; done

# /usr/bin/time runs programs, not shell functions: the two ways to run pcsh as argument lists.
client=(env -u PCSH_USER PCSH_HOME="$work/client-home" "$pcsh" -NoProfile -Connect -Socket "$socket")
local_run=(env PCSH_HOME="$home" PCSH_USER=bench "$pcsh" -NoProfile)

echo "1. connect + one command + disconnect, inside one shell ($rounds rounds)"
client_ms=$(env -u PCSH_USER PCSH_HOME="$work/client-home" "$pcsh" -NoProfile -Command "
    \$times = foreach (\$i in 1..$rounds) {
        \$clock = [System.Diagnostics.Stopwatch]::StartNew()
        \$s = New-PSSession -SocketPath '$socket'
        Invoke-Command -Session \$s -ScriptBlock { 1 } | Out-Null
        Remove-PSSession \$s
        \$clock.Stop()
        \$clock.Elapsed.TotalMilliseconds
    }
    \$sorted = \$times | Sort-Object
    '{0:N2} {1:N2}' -f \$sorted[[int](\$sorted.Count / 2)], \$sorted[[int](\$sorted.Count * 0.9)]")
read -r median p90 <<<"$client_ms"
echo "   median ${median} ms, 90th percentile ${p90} ms (target <= 30 ms)"

best() { # best wall time of $runs runs of "$@", in seconds; peak RSS (KiB) of the last run in $work/rss
    local best=
    for _ in $(seq "$runs"); do
        /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
        local t
        t=$(python3 -c 'import re,sys; w=re.search(r"Elapsed \(wall clock\) time.*: (.*)", open(sys.argv[1]).read()).group(1).split(":"); print(sum(float(p)*60**i for i,p in enumerate(reversed(w))))' "$work/time.txt")
        best=$(python3 -c "print(min(float('$t'), float('${best:-1e9}')))")
    done
    grep -o 'Maximum resident set size (kbytes): [0-9]*' "$work/time.txt" | grep -o '[0-9]*$' >"$work/rss"
    echo "$best"
}

echo "2. a whole client process"
remote_one=$(best "${client[@]}" -Command 1)
local_one=$(best "${local_run[@]}" -Command 1)
python3 -c "print(f'   pcsh -Connect -Command 1: {float(\"$remote_one\")*1000:.1f} ms; local pcsh -Command 1: {float(\"$local_one\")*1000:.1f} ms')"

echo "3. 1,000 role-checked commands in one session"
script='foreach ($i in 1..1000) { Get-CsAdminRole -Identity CsHelpDesk | Out-Null }; "done"'
remote_many=$(best "${client[@]}" -Command "$script")
client_rss=$(cat "$work/rss")
local_many=$(best "${local_run[@]}" -Command "$script")
local_rss=$(cat "$work/rss")
python3 - "$remote_many" "$local_many" "$client_rss" "$local_rss" <<'PY'
import sys
remote, local, client_rss, local_rss = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"   endpoint {remote:.2f} s, local {local:.2f} s: ratio {remote / local:.2f} (target <= 1.5)")
print(f"   peak RSS: client {client_rss / 1024:.1f} MB, local shell {local_rss / 1024:.1f} MB")
PY
