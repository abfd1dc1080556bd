# File system cmdlets: items, content, paths and locations, all inside the test's own folder.
New-Item -ItemType Directory -Name data | Out-Null
Set-Content -Path data/a.txt -Value 'alpha', 'beta'
Add-Content -Path data/a.txt -Value 'gamma'
Get-Content -Path data/a.txt
Get-Content -Path data/a.txt -TotalCount 1
Get-Content -Path data/a.txt -Tail 1
(Get-Content -Path data/a.txt -Raw).Length
(Get-Content -Path data/a.txt).GetType().Name
(Get-Item -Path data/a.txt).Length
(Get-Item -Path data/a.txt).Name
(Get-Item -Path data).PSIsContainer
Test-Path -Path data/a.txt
Test-Path -Path data/missing.txt
Test-Path -Path data -PathType Container
Test-Path -Path data/a.txt -PathType Container
Copy-Item -Path data/a.txt -Destination data/b.txt
Rename-Item -Path data/b.txt -NewName c.txt
Move-Item -Path data/c.txt -Destination moved.txt
(Get-ChildItem -Path data | Sort-Object Name).Name -join ','
New-Item -ItemType File -Path data/sub/z.log -Force | Out-Null
(Get-ChildItem -Path data -Recurse -File | Sort-Object Name).Name -join ','
(Get-ChildItem -Path data -Filter *.txt).Name
(Get-ChildItem -Path data -Directory).Name
Join-Path -Path data -ChildPath a.txt
Split-Path -Path data/a.txt -Leaf
Split-Path -Path data/a.txt -Parent
Split-Path -Path data/a.txt -Extension
Split-Path -Path data/a.txt -LeafBase
(Resolve-Path -Path moved.txt).Path -eq (Join-Path -Path (Get-Location).Path -ChildPath moved.txt)
Set-Location -Path data
Split-Path -Path (Get-Location).Path -Leaf
Get-Content -Path ../moved.txt -TotalCount 1
Set-Location -Path ..
New-Item -ItemType File -Path note.txt -Value 'created with a value' | Out-Null
Get-Content -Path note.txt
Clear-Content -Path note.txt
"cleared length: $((Get-Item -Path note.txt).Length)"
Remove-Item -Path moved.txt
Test-Path -Path moved.txt
Get-Content -Path missing.txt -ErrorAction SilentlyContinue -ErrorVariable readError
$readError[0].FullyQualifiedErrorId
try { New-Item -ItemType Directory -Path data -ErrorAction Stop | Out-Null } catch { $_.FullyQualifiedErrorId }
Remove-Item -Path data -Recurse
Test-Path -Path data
# CHECK: alpha
# CHECK: beta
# CHECK: gamma
# CHECK: alpha
# CHECK: gamma
# CHECK: 17
# CHECK: Object[]
# CHECK: 17
# CHECK: a.txt
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: False
# CHECK: a.txt
# CHECK: a.txt,z.log
# CHECK: a.txt
# CHECK: sub
# CHECK: data/a.txt
# CHECK: a.txt
# CHECK: data
# CHECK: .txt
# CHECK: a
# CHECK: True
# CHECK: data
# CHECK: alpha
# CHECK: created with a value
# CHECK: cleared length: 0
# CHECK: False
# CHECK: PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand
# CHECK: DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand
# CHECK: False
