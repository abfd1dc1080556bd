<#
.SYNOPSIS
The whole demo migration: builds the litwareinc.com demo deployment, then migrates its Group Chat
pool to Persistent Chat and decommissions it with Invoke-CsGroupChatMigration, stage by stage.
.DESCRIPTION
Run on an empty deployment home ($env:PCSH_HOME); Scripts/run-example.sh makes one. Prints each
stage as it runs and, at the end, where the HTML reports are.
#>
[CmdletBinding()]
param([string] $WorkFolder = 'C:\PcshMigration')
$ErrorActionPreference = 'Stop'

& (Join-Path $PSScriptRoot 'New-DemoDeployment.ps1') | Format-List Path, Rooms, Categories, Principals, Messages

Import-Module (Join-Path $PSScriptRoot '../Modules/PersistentChatMigration')
$settings = Get-CsGroupChatMigrationSettings -WorkFolder $WorkFolder -StartDate '2010-01-01'
Write-Host ''
Write-Host "Migrating $($settings.LegacyPoolFqdn) to $($settings.PersistentChatPoolFqdn)"
Get-CsGroupChatMigrationReadiness -Settings $settings | Where-Object Status -ne 'Ready' |
    Format-Table Status, Check, Item -AutoSize
$results = Invoke-CsGroupChatMigration -Settings $settings -Confirm:$false

Write-Host ''
Get-CsGroupChatMigrationStage | Format-Table Name, Status, Detail -Wrap
$room = @{ Name = 'Room'; Expression = { if ($_.TargetRoom.Length -gt 40) { $_.TargetRoom.Substring(0, 39) + '…' } else { $_.TargetRoom } } }
($results | Where-Object Stage -eq 'Verify').Data | Format-Table $room, TargetMembers, TargetManagers, TargetMessages, Status -AutoSize
Get-CsPersistentChatEndpoint | Format-Table SipAddress, DisplayName -AutoSize
Write-Host "Reports: $((Resolve-Path $WorkFolder).Path) (readiness.html, export.html, importwhatif.html, import.html, verify.html)"
