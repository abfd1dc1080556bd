# Compress-Archive and Expand-Archive: folders keep their name, updates, overwrite errors, -PassThru.
New-Item -ItemType Directory reports/2024 | Out-Null
Set-Content reports/summary.txt 'total 3'
Set-Content reports/2024/jan.csv 'a,b'
Compress-Archive -Path ./reports -DestinationPath ./backup
Test-Path ./backup.zip
try { Compress-Archive ./reports ./backup.zip } catch { $_.FullyQualifiedErrorId }
Expand-Archive ./backup.zip -DestinationPath ./restore -PassThru | Where-Object { -not $_.PSIsContainer } | ForEach-Object Name
Get-Content ./restore/reports/2024/jan.csv
Set-Content reports/summary.txt 'total 4'
Compress-Archive ./reports/summary.txt ./backup.zip -Update
Expand-Archive ./backup.zip ./restore 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId }
Expand-Archive ./backup.zip ./restore -Force
Get-Content ./restore/summary.txt
Expand-Archive ./backup.zip
(Get-ChildItem ./backup -Recurse -File).Count
Expand-Archive ./backup.zip ./whatif -WhatIf
Test-Path ./whatif
Compress-Archive ./reports/summary.txt ./new.zip -WhatIf
Test-Path ./new.zip
# CHECK: True
# CHECK: ArchiveFileExists,Microsoft.PowerShell.Archive.CompressArchiveCommand
# CHECK: jan.csv
# CHECK: summary.txt
# CHECK: a,b
# CHECK: ExpandArchiveFileExists,Microsoft.PowerShell.Archive.ExpandArchiveCommand
# CHECK: ExpandArchiveFileExists,Microsoft.PowerShell.Archive.ExpandArchiveCommand
# CHECK: total 4
# CHECK: 3
# CHECK: What if: Performing the operation "Expand" on target "{{.*}}/whatif".
# CHECK: False
# CHECK: What if: Performing the operation "Compress-Archive" on target "{{.*}}/reports/summary.txt".
# CHECK: False
