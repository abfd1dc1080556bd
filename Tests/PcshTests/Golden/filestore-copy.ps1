# Copy-CsPersistentChatFileStore: a verified copy (SHA-256), resumable; a damaged earlier copy is
# detected, reported and copied again; nothing is left under a .pcsh-partial name.
$root = $env:PCSH_SOURCE_ROOT
Import-Module (Join-Path $root 'Modules/PersistentChatMigration')
New-Item -ItemType Directory -Path ./legacy/room1, ./legacy/room2/deep | Out-Null
Set-Content ./legacy/room1/a.txt 'alpha'
Set-Content ./legacy/room2/b.txt 'bravo bravo'
Set-Content ./legacy/room2/deep/c.txt ('c' * 5000)
$first = Copy-CsPersistentChatFileStore -Source ./legacy -Destination ./pchat -PassThru
$first | Sort-Object Path | ForEach-Object { "$($_.Path) $($_.Status)" }
# A second run copies nothing again.
$again = Copy-CsPersistentChatFileStore -Source ./legacy -Destination ./pchat -PassThru
"again: $(($again | Group-Object Status | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ', ')"
# A copy damaged since (same size, other bytes) is found and replaced.
Set-Content ./pchat/room2/b.txt 'bravo BRAVO'
$repair = Copy-CsPersistentChatFileStore -Source ./legacy -Destination ./pchat -PassThru -WarningVariable damaged -WarningAction SilentlyContinue
$damaged | ForEach-Object { "warning: $_" }
$repair | Where-Object Status -eq 'Replaced' | ForEach-Object { "replaced: $($_.Path)" }
"content: $(Get-Content ./pchat/room2/b.txt)"
"partials: $(@(Get-ChildItem ./pchat -Recurse -File | Where-Object Name -like '*.pcsh-partial').Count)"
"summary: $((Copy-CsPersistentChatFileStore -Source ./legacy -Destination ./pchat).Detail)"
try { Copy-CsPersistentChatFileStore -Source ./missing -Destination ./pchat } catch { "missing source: $($_.Exception.Message -like '*does not exist*')" }
# CHECK: room1/a.txt Copied
# CHECK: room2/b.txt Copied
# CHECK: room2/deep/c.txt Copied
# CHECK: again: Skipped=3
# CHECK: warning: The copy of room2/b.txt in the Persistent Chat file store differs from the legacy file (its SHA-256 differs): it was damaged or cut short; copying it again.
# CHECK: replaced: room2/b.txt
# CHECK: content: bravo bravo
# CHECK: partials: 0
# CHECK: summary: 3 file(s): 0 copied, 0 copied again (damaged before), 3 already there, 0 failed.
# CHECK: missing source: True
