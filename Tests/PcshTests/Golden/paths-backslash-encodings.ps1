# As pwsh on Linux: `\` separates folders in every file cmdlet and when running scripts
# (.\script.ps1, "$dir\log.txt", -File .\x.ps1), and scripts in UTF-16 LE/BE with a byte-order
# mark or UTF-8 with or without one run by path, dot-sourced, as modules and with -File.
New-Item -ItemType Directory -Path .\sub\deeper | Out-Null
Set-Content -Path .\sub\deeper\log.txt -Value 'logged'
Get-Content "$PWD\sub\deeper\log.txt"
Test-Path .\sub\deeper
Set-Content -Path .\sub\run.ps1 -Value '"ran with backslashes"'
.\sub\run.ps1
& "$PWD\sub\run.ps1"
Push-Location .\sub\deeper
Split-Path -Leaf (Get-Location).Path
Pop-Location
Microsoft.PowerShell.Utility\Write-Output 'module-qualified still works'

$utf16le = [byte[]](0xFF, 0xFE) + [System.Text.Encoding]::Unicode.GetBytes('"UTF-16 LE café"')
$utf16be = [byte[]](0xFE, 0xFF) + [System.Text.Encoding]::BigEndianUnicode.GetBytes('"UTF-16 BE"')
$utf8bom = [byte[]](0xEF, 0xBB, 0xBF) + [System.Text.Encoding]::UTF8.GetBytes('function Get-Bom { "UTF-8 with BOM" }')
[System.IO.File]::WriteAllBytes("$PWD/le.ps1", $utf16le)
[System.IO.File]::WriteAllBytes("$PWD/be.ps1", $utf16be)
New-Item -ItemType Directory -Path ./Bom | Out-Null
[System.IO.File]::WriteAllBytes("$PWD/Bom/Bom.psm1", $utf8bom)
.\le.ps1
. ./be.ps1
Import-Module ./Bom/Bom.psm1
Get-Bom
& (Join-Path $PSHOME 'pcsh') -NoProfile -File .\le.ps1
# CHECK: logged
# CHECK: True
# CHECK: ran with backslashes
# CHECK: ran with backslashes
# CHECK: deeper
# CHECK: module-qualified still works
# CHECK: UTF-16 LE café
# CHECK: UTF-16 BE
# CHECK: UTF-8 with BOM
# CHECK: UTF-16 LE café
