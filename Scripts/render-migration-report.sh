#!/bin/bash
# Renders the migration report of a -WhatIf import in headless Chromium, so a person can look at
# it: builds the authoring module's sample legacy database, exports it, runs
# Import-CsPersistentChatData -WhatIf -Report on the litwareinc pool, and writes the report and a
# full-page screenshot (PNG) into the folder given (default ./report-preview).
# Needs Debian's `chromium` package. Usage: Scripts/render-migration-report.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-report-preview}")
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-migration-report: install chromium (apt-get install -y chromium)" >&2; exit 1; }
home=$(mktemp -d)
topology="$PWD/Scripts/topology/litwareinc.json"
trap 'rm -rf "$home"' EXIT

swift build --product pcsh >/dev/null
pcsh=$(swift build --show-bin-path)/pcsh
(cd "$out" && PCSH_HOME="$home" PCSH_USER=labadmin "$pcsh" -NoProfile -NonInteractive -Command "
Publish-CsTopology -FileName '$topology' | Out-Null
Enable-CsTopology | Out-Null
'atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com' | % { Stop-CsWindowsService -ComputerName \$_ }
Import-Module GroupChatAuthoring
New-CsGroupChatSample -Path ./sample.db -Force | Out-Null
Export-CsPersistentChatData -DBInstance ./sample.db -FileName ./export.zip -Report ./export-report.html
Import-CsPersistentChatData -DBInstance 'atl-sql-001.litwareinc.com\\rtc' -FileName ./export.zip -WhatIf -Report ./whatif-report.html -WarningAction SilentlyContinue | Out-Null
" >/dev/null)
for page in whatif-report export-report; do
    # --no-sandbox: root in a container has no user namespace for Chromium's sandbox.
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
        --screenshot="$out/$page.png" "file://$out/$page.html" 2>/dev/null
    echo "$out/$page.png"
done
