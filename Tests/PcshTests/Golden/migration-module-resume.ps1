# The PersistentChatMigration module end to end on the demo deployment, with a failure injected
# in each stage in turn: the run stops at that stage (recorded Failed, earlier stages Completed),
# and the next run resumes there without redoing the completed stages. Then every stage's effect
# is checked.
# TIMEOUT: 300
$root = $env:PCSH_SOURCE_ROOT
& (Join-Path $root 'Scripts/New-DemoDeployment.ps1') 6>$null | Out-Null
$module = Join-Path $root 'Modules/PersistentChatMigration'
Import-Module $module
$settings = Get-CsGroupChatMigrationSettings -WorkFolder C:\Work -StartDate 2010-01-01
$stages = Get-CsGroupChatMigrationStageList
"stages: $($stages.Count)"

# -WhatIf previews every stage and changes nothing.
# (In a child pcsh: its "What if:" lines go to the host, which only a process boundary captures.)
$lines = & (Join-Path $PSHOME 'pcsh') -NoProfile -Command @"
Import-Module '$module'
`$preview = Invoke-CsGroupChatMigration -Settings (Get-CsGroupChatMigrationSettings -WorkFolder C:\Work) -WhatIf
"preview: `$(@(`$preview).Count) stages, `$(@(`$preview | Where-Object Status -eq 'WhatIf').Count) previews"
"@
$lines | Where-Object { "$_" -like 'preview:*' }
"after preview: recorded $(@(Get-CsGroupChatMigrationStage).Count), rooms $(@(Get-CsPersistentChatRoom).Count), pools $(@(Get-CsTrustedApplicationPool).Count), lookup $(@(Get-ADUser -Filter "SamAccountName -eq 'ocschat'").Count), running $(@(Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com | Where-Object Status -eq 'Running').Count -gt 0)"

$firstStart = $null
foreach ($stage in $stages) {
    # The stage fails once.
    $env:PCSH_MIGRATION_FAIL_STAGE = $stage.Name
    try {
        Invoke-CsGroupChatMigration -Settings $settings -Confirm:$false 6>$null | Out-Null
        "$($stage.Name): no failure?"
    } catch {
        $recorded = @{}
        Get-CsGroupChatMigrationStage | ForEach-Object { $recorded[$_.Name] = $_.Status }
        $before = @($stages | Where-Object Order -lt $stage.Order | Where-Object { $recorded[$_.Name] -ne 'Completed' })
        "$($stage.Name): $($recorded[$stage.Name]), earlier not completed: $($before.Count), message names it: $($_.Exception.Message -like "*$($stage.Name) failed*")"
    }
    # Once Readiness has completed, later runs must not start it again.
    $readiness = Get-CsGroupChatMigrationStage -Name Readiness
    if (-not $firstStart -and $readiness.Status -eq 'Completed') { $firstStart = $readiness.StartedAt }
}
$env:PCSH_MIGRATION_FAIL_STAGE = $null
$results = Invoke-CsGroupChatMigration -Settings $settings -Confirm:$false 6>$null
"final run stages: $(@($results).Count)"
"all completed: $(@(Get-CsGroupChatMigrationStage | Where-Object Status -ne 'Completed').Count -eq 0)"
"readiness not redone: $((Get-CsGroupChatMigrationStage -Name Readiness).StartedAt -eq $firstStart)"

# What each stage left behind.
"export: $(Test-Path C:\Work\GroupChatExport.zip)"
"backup: $(Test-Path C:\Work\mgc-before-import.sqlite)"
"rooms: $((Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com).Count)"
$copied = @(Get-ChildItem -Path $settings.TargetFileStore -Recurse -File)
"files copied: $($copied.Count)"
$same = @($copied | Where-Object {
    $source = Join-Path $settings.LegacyFileStore ($_.FullName.Substring((Resolve-Path $settings.TargetFileStore).Path.Length))
    (Get-FileHash $_.FullName).Hash -eq (Get-FileHash $source).Hash })
"files verified: $($same.Count)"
"endpoint: $((Get-CsPersistentChatEndpoint).SipAddress)"
"lookup account left: $(@(Get-ADUser -Filter "SamAccountName -eq 'ocschat'").Count)"
"pc services running: $(@(Get-CsWindowsService -ComputerName atl-pc-001.litwareinc.com | Where-Object Status -ne 'Running').Count -eq 0)"
"legacy services stopped: $(@(Get-CsWindowsService -ComputerName atl-gc-001.litwareinc.com | Where-Object Status -eq 'Running').Count -eq 0)"
"verified rooms: $(@((Test-CsGroupChatMigration -Settings $settings).Data | Where-Object Status -eq 'Match').Count)"
"trusted pools: $(@(Get-CsTrustedApplicationPool).Count)"
"policy: $((Get-CsPersistentChatPolicy -Identity Global).EnablePersistentChat)"
"reports: $(@('readiness', 'export', 'importwhatif', 'import', 'verify' | Where-Object { Test-Path "C:\Work\$_.html" }).Count)"
# CHECK: stages: 12
# CHECK: preview: 12 stages, 12 previews
# CHECK: after preview: recorded 0, rooms 0, pools 1, lookup 1, running True
# CHECK: Readiness: Failed, earlier not completed: 0, message names it: True
# CHECK: StopServices: Failed, earlier not completed: 0, message names it: True
# CHECK: Export: Failed, earlier not completed: 0, message names it: True
# CHECK: BackupTarget: Failed, earlier not completed: 0, message names it: True
# CHECK: ImportWhatIf: Failed, earlier not completed: 0, message names it: True
# CHECK: Import: Failed, earlier not completed: 0, message names it: True
# CHECK: CopyFileStore: Failed, earlier not completed: 0, message names it: True
# CHECK: LookupEndpoint: Failed, earlier not completed: 0, message names it: True
# CHECK: StartServices: Failed, earlier not completed: 0, message names it: True
# CHECK: Verify: Failed, earlier not completed: 0, message names it: True
# CHECK: RemoveLegacyPool: Failed, earlier not completed: 0, message names it: True
# CHECK: EnablePolicy: Failed, earlier not completed: 0, message names it: True
# CHECK: final run stages: 1
# CHECK: all completed: True
# CHECK: readiness not redone: True
# CHECK: export: True
# CHECK: backup: True
# CHECK: rooms: 6
# CHECK: files copied: 3
# CHECK: files verified: 3
# CHECK: endpoint: sip:ocschat@litwareinc.com
# CHECK: lookup account left: 0
# CHECK: pc services running: True
# CHECK: legacy services stopped: True
# CHECK: verified rooms: 6
# CHECK: trusted pools: 0
# CHECK: policy: True
# CHECK: reports: 5
