#!/usr/bin/env bash
# Runs the conformance corpus (Tests/PcshTests/Conformance/*.cases: documented snippets with their
# documented output) through pcsh and prints the pass rate per file, overall, and each failing case.
# Usage: Scripts/conformance.sh [path/to/pcsh] [file.cases ...]
# The same corpus and comparison as ConformanceCorpusTests: one process per case, stdout and
# stderr merged, trailing whitespace trimmed, blank lines ignored.
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
pcsh="${1:-$root/.build/debug/pcsh}"
shift || true
[ -x "$pcsh" ] || { echo "no pcsh executable at $pcsh (run swift build first)" >&2; exit 2; }
pcsh="$(cd "$(dirname "$pcsh")" && pwd)/$(basename "$pcsh")"  # each case runs in its own folder
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/Tests/PcshTests/Conformance/*.cases)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
normalize() { sed -e 's/[[:space:]]*$//' "$1" | grep -v '^$' || true; }

total=0; passed=0; failures="$work/failures.txt"; : > "$failures"
for file in "${files[@]}"; do
    name="$(basename "$file")"
    dir="$work/${name%.cases}"; mkdir -p "$dir"
    # Split the file into case-N.ps1 (code), case-N.expected and case-N.name.
    awk -v dir="$dir" '
        /^# SOURCE:/ { mode = ""; next }
        /^# CASE:/ { n++; mode = "code"; sub(/^# CASE: */, ""); print FNR ": " $0 > (dir "/case-" n ".name");
                     printf "" > (dir "/case-" n ".ps1"); printf "" > (dir "/case-" n ".expected"); next }
        /^# EXPECT:$/ { mode = "expect"; next }
        mode == "code" { print > (dir "/case-" n ".ps1"); next }
        mode == "expect" && /^#/ { line = $0; sub(/^# ?/, "", line); print line > (dir "/case-" n ".expected") }
    ' "$file"
    count=0; ok=0
    for script in "$dir"/case-*.ps1; do
        [ -e "$script" ] || continue
        base="${script%.ps1}"
        (cd "$dir" && PCSH_HOME="$dir/home" PCSH_USER=labadmin COLUMNS=120 NO_COLOR=1 TERM=dumb \
            timeout 20 "$pcsh" -NoProfile -NonInteractive -File "$script" < /dev/null > "$base.actual" 2>&1)
        normalize "$base.expected" > "$base.want"; normalize "$base.actual" > "$base.got"
        count=$((count + 1))
        if cmp -s "$base.want" "$base.got"; then
            ok=$((ok + 1))
        else
            { echo; echo "--- FAIL $name:$(cat "$base.name")"; sed 's/^/    /' "$script"
              echo "  expected:"; sed 's/^/    /' "$base.want"; echo "  actual:"; sed 's/^/    /' "$base.got"; } >> "$failures"
        fi
    done
    total=$((total + count)); passed=$((passed + ok))
    awk -v n="$name" -v p="$ok" -v t="$count" 'BEGIN { printf "%-40s %d/%d  %.1f%%\n", n, p, t, t ? p * 100 / t : 0 }'
done
awk -v p="$passed" -v t="$total" 'BEGIN { printf "\n%-40s %d/%d  %.1f%%\n", "TOTAL", p, t, t ? p * 100 / t : 0 }'
cat "$failures"
