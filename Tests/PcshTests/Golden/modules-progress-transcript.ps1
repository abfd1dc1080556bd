# Write-Progress draws nothing when stderr is not a terminal; Start-Transcript/Stop-Transcript
# record what the host shows between them, with header and footer lines.
1..3 | ForEach-Object { Write-Progress -Activity 'Copying' -Status "$_ of 3" -PercentComplete ($_ * 33) -SecondsRemaining 5 }
Write-Progress -Activity 'Copying' -Completed
'after progress'

$log = Join-Path $PWD 'session.log'
$started = Start-Transcript -Path $log
$started -replace [regex]::Escape($PWD), '<work>'
'recorded output'
Write-Warning 'recorded warning'
Write-Host 'recorded host text'
Stop-Transcript | ForEach-Object { $_ -replace [regex]::Escape($PWD), '<work>' }
'not recorded'

$lines = Get-Content $log
$lines[0]
$lines[1]
($lines | Where-Object { $_ -like 'Start time: *' }).Count
$lines -contains 'recorded output'
$lines -contains 'WARNING: recorded warning'
$lines -contains 'recorded host text'
$lines -contains 'not recorded'
$lines[-3]
$lines[-1]

Start-Transcript -Path $log -Append | Out-Null
'second part'
Stop-Transcript | Out-Null
(Get-Content $log | Where-Object { $_ -eq 'PowerShell transcript start' }).Count
try { Start-Transcript -Path $log -NoClobber } catch { $_.FullyQualifiedErrorId }
try { Stop-Transcript } catch { $_.FullyQualifiedErrorId }
# CHECK: after progress
# CHECK: Transcript started, output file is <work>/session.log
# CHECK: recorded output
# CHECK: recorded host text
# CHECK: Transcript stopped, output file is <work>/session.log
# CHECK: not recorded
# CHECK: **********************
# CHECK: PowerShell transcript start
# CHECK: 1
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: PowerShell transcript end
# CHECK: **********************
# CHECK: second part
# CHECK: 2
# CHECK: NoClobber,Microsoft.PowerShell.Commands.StartTranscriptCommand
# CHECK: InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand
# CHECKERR: WARNING: recorded warning
