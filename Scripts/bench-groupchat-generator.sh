#!/bin/bash
# Benchmark of New-CsGroupChatTestData: builds pcsh in release, generates a legacy Group Chat
# database with 1,000,000 messages (10,000 rooms, 50,000 principals), and compares the time with
# a baseline measured in the same run: python3's sqlite3 module inserting the same number of rows
# into the same tblChat table in one transaction (journal off, as the generator does).
# Usage: Scripts/bench-groupchat-generator.sh [messages]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product pcsh >/dev/null
pcsh=$(swift build -c release --show-bin-path)/pcsh

# The generator: the whole database (principals, categories, rooms, add-ins, messages).
start=$(date +%s.%N)
report=$(PCSH_HOME="$work/home" PCSH_USER=bench "$pcsh" -NoProfile -NonInteractive -Command \
    "(New-CsGroupChatTestData -Path '$work/generated.db' -Rooms 10000 -Principals 50000 -Messages $messages -Seed 1).Seconds")
end=$(date +%s.%N)
pcsh_total=$(python3 -c "print(f'{$end - $start:.3f}')")

# The baseline: tblChat rows only, from python3's sqlite3 module.
python_seconds=$(python3 - "$work/baseline.db" "$messages" <<'PY'
import sqlite3, sys, time
path, total = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(path, isolation_level=None)
con.execute("PRAGMA journal_mode=OFF")
con.execute("PRAGMA synchronous=OFF")
con.execute("""CREATE TABLE tblChat (channelId INTEGER NOT NULL, chatId INTEGER NOT NULL, chatDate INTEGER NOT NULL,
    userId INTEGER NOT NULL, isAlert INTEGER NOT NULL DEFAULT 0, content TEXT NOT NULL, rtf BLOB NULL,
    PRIMARY KEY (channelId, chatId))""")
per_room = max(1, total // 10000)
def rows():
    for i in range(total):
        chat = i % per_room + 1
        yield (i // per_room + 1, chat, 633979008000000000 + i * 10000000, (i * 7919) % 50000 + 1, 0,
               "Build is green again (#%d)" % chat, None)
start = time.perf_counter()
con.execute("BEGIN")
con.executemany("INSERT INTO tblChat VALUES (?, ?, ?, ?, ?, ?, ?)", rows())
con.execute("COMMIT")
print(f"{time.perf_counter() - start:.3f}")
PY
)

count=$(sqlite3 "$work/generated.db" "SELECT COUNT(*) FROM tblChat" 2>/dev/null || echo "?")
echo "messages:                      $messages (in the generated file: $count)"
echo "pcsh generator (whole db):     ${report}s inside the cmdlet, ${pcsh_total}s with pcsh start-up"
echo "python3 sqlite3 (tblChat only): ${python_seconds}s"
python3 -c "
g, p, n = float('$report'), float('$python_seconds'), $messages
print(f'ratio python/pcsh:             {p / g:.2f}x  ({n / g:,.0f} messages/s vs {n / p:,.0f} messages/s)')"
