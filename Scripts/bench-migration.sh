#!/bin/bash
# Benchmark of the migration: builds pcsh in release, generates a legacy Group Chat database
# (default 10,000 rooms, 50,000 principals, 1,000,000 messages), then times
#   Export-CsPersistentChatData, Import-CsPersistentChatData -WhatIf and a real import into the
#   empty pool of the litwareinc topology,
# and in the same run the baseline: the sqlite3 CLI dumping the same tblChat rows to CSV and
# .import-ing them into an empty table with the same primary key.
# Each step runs $RUNS times (default 3) and the best time counts, for pcsh and sqlite3 alike
# (the machine's noise is one-sided). Prints seconds, rows/s, peak RSS (from /usr/bin/time -v)
# and the ratios.
# Usage: [RUNS=n] Scripts/bench-migration.sh [messages] [rooms] [principals]
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-1000000}
rooms=${2:-10000}
principals=${3:-50000}
runs=${RUNS:-3}
for tool in sqlite3 python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-migration: needs $tool" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
topology="$PWD/Scripts/topology/litwareinc.json"

swift build -c release --product pcsh >/dev/null
pcsh=$(swift build -c release --show-bin-path)/pcsh

# Runs one pcsh command under /usr/bin/time; leaves "seconds rss_kib" in $work/last.
measure() {
    local label=$1; shift
    (cd "$work" && PCSH_HOME="$work/home" PCSH_USER=bench /usr/bin/time -v -o "$work/time.txt" \
        "$pcsh" -NoProfile -NonInteractive -Command "$@") >"$work/$label.out" 2>&1 || {
        echo "bench-migration: $label failed:" >&2; cat "$work/$label.out" >&2; exit 1; }
    python3 - "$work/time.txt" >"$work/last" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{seconds:.3f} {rss}")
PY
}

# The deployment (topology, services stopped) and the legacy source.
measure setup "
Publish-CsTopology -FileName '$topology' | Out-Null
Enable-CsTopology | Out-Null
'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName \$_ }
Import-Module GroupChatAuthoring
New-CsGroupChatTestData -Path ./legacy.db -Rooms $rooms -Principals $principals -Messages $messages -Seed 1 | Out-Null"
target="atl-sql-001.litwareinc.com\\rtc"
rows=$(sqlite3 "$work/legacy.db" "SELECT COUNT(*) FROM tblChat")

pool_db="$work/home/sql/atl-sql-001.litwareinc.com/rtc/mgc.sqlite"
# best LABEL PREPARE COMMAND: runs COMMAND (a pcsh script) $runs times after PREPARE (a shell
# command); sets best_s and best_rss to the fastest run and the largest peak RSS.
best() {
    local label=$1 prepare=$2 command=$3 seconds rss
    best_s=999999; best_rss=0
    for _ in $(seq "$runs"); do
        eval "$prepare"
        measure "$label" "$command"
        read -r seconds rss <"$work/last"
        best_s=$(python3 -c "print(min($best_s, $seconds))")
        best_rss=$(( rss > best_rss ? rss : best_rss ))
    done
}
best export ":" "Export-CsPersistentChatData -DBInstance ./legacy.db -FileName ./export.zip"
export_s=$best_s; export_rss=$best_rss
best whatif ":" "Import-CsPersistentChatData -DBInstance '$target' -FileName ./export.zip -WhatIf -WarningAction SilentlyContinue"
whatif_s=$best_s; whatif_rss=$best_rss
best import 'rm -f "$pool_db" "$pool_db"-*' "Import-CsPersistentChatData -DBInstance '$target' -FileName ./export.zip -NoBackup -WarningAction SilentlyContinue -Confirm:\$false"
import_s=$best_s; import_rss=$best_rss
imported=$(sqlite3 "$pool_db" "SELECT COUNT(*) FROM tblChat")

# The baseline: the sqlite3 CLI, the same rows, to CSV and back into an empty table.
timed() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.3f}')"; }
dump_s=999999; load_s=999999
for _ in $(seq "$runs"); do
    s=$(timed sqlite3 "$work/legacy.db" -cmd ".mode csv" -cmd ".output $work/chat.csv" \
        "SELECT channelId, chatId, chatDate, userId, isAlert, content, rtf FROM tblChat")
    dump_s=$(python3 -c "print(min($dump_s, $s))")
    rm -f "$work/baseline.db"
    sqlite3 "$work/baseline.db" "CREATE TABLE tblChat (channelId INTEGER NOT NULL, chatId INTEGER NOT NULL,
        chatDate INTEGER NOT NULL, userId INTEGER NOT NULL, isAlert INTEGER NOT NULL, content TEXT NOT NULL,
        rtf BLOB NULL, PRIMARY KEY (channelId, chatId))"
    s=$(timed sqlite3 "$work/baseline.db" -cmd ".mode csv" ".import $work/chat.csv tblChat")
    load_s=$(python3 -c "print(min($load_s, $s))")
done

python3 - <<PY
rows, imported = $rows, $imported
export_s, whatif_s, import_s, dump_s, load_s = $export_s, $whatif_s, $import_s, $dump_s, $load_s
print(f"messages: {rows:,} in the legacy database, {imported:,} in the pool after the import; best of $runs runs")
print(f"{'step':<34}{'seconds':>9}{'rows/s':>12}{'peak RSS':>11}")
def line(name, seconds, rss=None):
    memory = f"{rss / 1024:.0f} MB" if rss else "-"
    print(f"{name:<34}{seconds:>9.2f}{rows / seconds:>12,.0f}{memory:>11}")
line("pcsh Export-CsPersistentChatData", export_s, $export_rss)
line("pcsh Import -WhatIf", whatif_s, $whatif_rss)
line("pcsh Import (empty pool)", import_s, $import_rss)
line("sqlite3 CLI tblChat -> CSV", dump_s)
line("sqlite3 CLI .import CSV", load_s)
print(f"ratio import  (sqlite3 .import / pcsh import): {load_s / import_s:.2f}x  (target >= 1.0)")
print(f"ratio export  (sqlite3 CSV dump / pcsh export): {dump_s / export_s:.2f}x  (target >= 0.5)")
print(f"ratio -WhatIf (pcsh import / pcsh -WhatIf):     {import_s / whatif_s:.2f}x  (target >= 1.0)")
print(f"peak RSS: {max($export_rss, $whatif_rss, $import_rss) / 1024:.0f} MB  (target <= 100 MB)")
PY
