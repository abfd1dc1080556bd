# The documented migration from Group Chat to Persistent Chat, one command per stage:
#   Readiness, StopServices, Export, BackupTarget, ImportWhatIf, Import, CopyFileStore,
#   LookupEndpoint, StartServices, Verify, RemoveLegacyPool, EnablePolicy.
# Every stage takes the same -Settings (Get-CsGroupChatMigrationSettings, from the published
# topology unless given), honours -WhatIf, reports progress and writes what it did as objects.
# Invoke-CsGroupChatMigration runs them in order, records each stage's outcome in the
# deployment (Set-CsGroupChatMigrationStage) and resumes from the first stage not completed.

. (Join-Path $PSScriptRoot 'Readiness.ps1')
. (Join-Path $PSScriptRoot 'FileStoreCopy.ps1')

$script:StageList = @(
    [pscustomobject]@{ Order = 1;  Name = 'Readiness';        Command = 'Test-CsGroupChatMigrationReadiness';    Description = 'Check the source data and the target (what to fix first).' }
    [pscustomobject]@{ Order = 2;  Name = 'StopServices';     Command = 'Stop-CsGroupChatMigrationService';      Description = 'Stop the Group Chat and Persistent Chat services.' }
    [pscustomobject]@{ Order = 3;  Name = 'Export';           Command = 'Export-CsGroupChatMigrationData';       Description = 'Export the legacy data (Export-CsPersistentChatData).' }
    [pscustomobject]@{ Order = 4;  Name = 'BackupTarget';     Command = 'Backup-CsGroupChatMigrationTarget';     Description = 'Back up the Persistent Chat database.' }
    [pscustomobject]@{ Order = 5;  Name = 'ImportWhatIf';     Command = 'Test-CsGroupChatMigrationImport';       Description = 'Import with -WhatIf: every conversion, no errors.' }
    [pscustomobject]@{ Order = 6;  Name = 'Import';           Command = 'Import-CsGroupChatMigrationData';       Description = 'Import the data (Import-CsPersistentChatData).' }
    [pscustomobject]@{ Order = 7;  Name = 'CopyFileStore';    Command = 'Copy-CsPersistentChatFileStore';        Description = 'Copy the posted files, verified by SHA-256.' }
    [pscustomobject]@{ Order = 8;  Name = 'LookupEndpoint';   Command = 'Move-CsGroupChatLookupEndpoint';        Description = 'Give the Lookup account''s SIP address to a Persistent Chat endpoint.' }
    [pscustomobject]@{ Order = 9;  Name = 'StartServices';    Command = 'Start-CsGroupChatMigrationService';     Description = 'Start the Persistent Chat services.' }
    [pscustomobject]@{ Order = 10; Name = 'Verify';           Command = 'Test-CsGroupChatMigration';             Description = 'Compare rooms, members and messages, legacy against target.' }
    [pscustomobject]@{ Order = 11; Name = 'RemoveLegacyPool'; Command = 'Remove-CsGroupChatLegacyPool';          Description = 'Remove the legacy trusted applications and their pool.' }
    [pscustomobject]@{ Order = 12; Name = 'EnablePolicy';     Command = 'Enable-CsPersistentChatMigrationPolicy'; Description = 'Enable Persistent Chat in the global policy.' }
)

function Get-CsGroupChatMigrationStageList {
    <#
    .SYNOPSIS
    Lists the stages of the migration in the order Invoke-CsGroupChatMigration runs them.
    .EXAMPLE
    Get-CsGroupChatMigrationStageList | Format-Table Order, Name, Command
    #>
    [CmdletBinding()]
    param()
    $script:StageList
}

function Get-CsGroupChatMigrationSettings {
    <#
    .SYNOPSIS
    Works out where the migration reads and writes: the legacy pool, its database, file store and
    Lookup account, the Persistent Chat pool, its database and file store, and the work folder.
    .DESCRIPTION
    Each value comes from the published topology unless given: the first GroupChat pool is the
    legacy pool (its SqlStore and DatabaseName hold the legacy database), the first PersistentChat
    pool is the target (database mgc on its SqlStore), the trusted application pool is the one
    whose applications are Group Chat's (or the only one), and the Lookup account's SIP address is
    the one the legacy database records. The work folder (C:\PcshMigration unless given) receives
    the export file and the HTML reports; Windows paths map into the deployment home.
    .EXAMPLE
    Get-CsGroupChatMigrationSettings
    Shows the locations the stages will use.
    .EXAMPLE
    $settings = Get-CsGroupChatMigrationSettings -WorkFolder C:\Migration -StartDate 2012-01-01
    Invoke-CsGroupChatMigration -Settings $settings
    #>
    [CmdletBinding()]
    param(
        [string] $LegacyPoolFqdn,
        [string] $PersistentChatPoolFqdn,
        [string] $LegacyDBInstance,
        [string] $LegacyDBName,
        [string] $TrustedApplicationPoolFqdn,
        [string] $LookupSipAddress,
        [string] $WorkFolder = 'C:\PcshMigration',
        # Messages before this date are left out (Export-CsPersistentChatData -StartDate).
        $StartDate
    )
    if ($StartDate) { $StartDate = [datetime] $StartDate }
    $pools = @(Get-CsPool)
    $legacy = if ($LegacyPoolFqdn) { $pools | Where-Object Identity -eq $LegacyPoolFqdn } else { $pools | Where-Object Role -eq 'GroupChat' | Select-Object -First 1 }
    $target = if ($PersistentChatPoolFqdn) { $pools | Where-Object Identity -eq $PersistentChatPoolFqdn } else { $pools | Where-Object Role -eq 'PersistentChat' | Select-Object -First 1 }
    if (-not $legacy) { throw "No Group Chat pool was found in the published topology; give -LegacyPoolFqdn, or publish a topology that has the legacy pool (Role GroupChat)." }
    if (-not $target) { throw "No Persistent Chat pool was found in the published topology; give -PersistentChatPoolFqdn, or publish a topology with a PersistentChat pool." }
    if (-not $LegacyDBInstance) { $LegacyDBInstance = $legacy.SqlStore }
    if (-not $LegacyDBName) { $LegacyDBName = if ($legacy.DatabaseName) { $legacy.DatabaseName } else { 'mgc' } }
    if (-not $LegacyDBInstance) { throw "The legacy pool $($legacy.Identity) has no SqlStore; give -LegacyDBInstance." }
    if (-not $TrustedApplicationPoolFqdn) {
        $trusted = @(Get-CsTrustedApplicationPool)
        $chat = @($trusted | Where-Object { @($_.Applications) -match 'GroupChat' })
        $TrustedApplicationPoolFqdn = if ($chat.Count -ge 1) { $chat[0].PoolFqdn } elseif ($trusted.Count -eq 1) { $trusted[0].PoolFqdn } else { '' }
    }
    $database = Get-CsGroupChatDatabase -DBInstance $LegacyDBInstance -DBName $LegacyDBName -ErrorAction SilentlyContinue
    if (-not $LookupSipAddress) {
        $LookupSipAddress = if ($database -and $database.LookupServerUri) { $database.LookupServerUri } else { '' }
    }
    [pscustomobject]@{
        PSTypeName                 = 'Pcsh.GroupChatMigration.Settings'
        LegacyPoolFqdn             = $legacy.Identity
        LegacyComputers            = @($legacy.Computers)
        LegacyDBInstance           = $LegacyDBInstance
        LegacyDBName               = $LegacyDBName
        LegacyDatabaseFile         = if ($database) { $database.Path } else { '' }
        LegacyFileStore            = $legacy.FileStore
        LookupSipAddress           = $LookupSipAddress
        TrustedApplicationPoolFqdn = $TrustedApplicationPoolFqdn
        PersistentChatPoolFqdn     = $target.Identity
        PersistentChatComputers    = @($target.Computers)
        TargetDBInstance           = $target.SqlStore
        TargetFileStore            = $target.FileStore
        WorkFolder                 = $WorkFolder
        ExportFile                 = Join-WorkPath $WorkFolder 'GroupChatExport.zip'
        StartDate                  = $StartDate
    }
}

# A file in a folder, written the way the folder is (C:\Work\x.zip for Windows paths).
function Join-WorkPath([string] $Folder, [string] $Name) {
    if ($Folder -match '^([A-Za-z]:|\\\\)') { return $Folder.TrimEnd('\') + '\' + $Name }
    Join-Path $Folder $Name
}

# The settings a stage was given, or the topology's.
function Resolve-MigrationSettings($Settings) {
    if ($Settings) { return $Settings }
    Get-CsGroupChatMigrationSettings
}

function Initialize-WorkFolder($Settings) {
    if (-not (Test-Path $Settings.WorkFolder)) { New-Item -ItemType Directory -Path $Settings.WorkFolder -WhatIf:$false | Out-Null }
}

# The look of the HTML reports: long names wrap instead of widening the page.
$script:ReportStyle = @'
<style>
body { font-family: sans-serif; margin: 1.5em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
</style>
'@

function Write-StageResult([string] $Stage, [string] $Status, [string] $Detail, $Data) {
    # Under -WhatIf nothing was done: say so.
    if ($WhatIfPreference -and $Status -eq 'Completed') { $Status = 'WhatIf'; $Detail = "Preview: $Detail" }
    [pscustomobject]@{ PSTypeName = 'Pcsh.GroupChatMigration.StageResult'; Stage = $Stage; Status = $Status; Detail = $Detail; Data = $Data }
}

# Changes the state of the services on some computers; only those not already in that state.
function Set-MigrationServiceState($Computers, [string] $Target) {
    $changed = @()
    foreach ($computer in $Computers) {
        $services = @(Get-CsWindowsService -ComputerName $computer | Where-Object Status -ne $Target)
        foreach ($service in $services) {
            if ($Target -eq 'Stopped') { Stop-CsWindowsService -Name $service.Name -ComputerName $computer -ErrorAction Stop }
            else { Start-CsWindowsService -Name $service.Name -ComputerName $computer -ErrorAction Stop }
            $changed += "$($service.Name) on $computer"
        }
    }
    $changed
}

function Stop-CsGroupChatMigrationService {
    <#
    .SYNOPSIS
    Stops the legacy Group Chat services and the Persistent Chat services (stages 1 and 3 of
    "performing the migration"), so no one writes while the data moves.
    .DESCRIPTION
    Only services that run are stopped, so the stage can run again, and an operator whose role
    may not stop services gets through when an administrator has stopped them already.
    .EXAMPLE
    Stop-CsGroupChatMigrationService -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    $computers = @($Settings.LegacyComputers) + @($Settings.PersistentChatComputers)
    $stopped = @(Set-MigrationServiceState $computers 'Stopped')
    $verb = if ($WhatIfPreference) { 'would be stopped' } else { 'stopped' }
    Write-StageResult 'StopServices' 'Completed' "$($stopped.Count) service(s) $verb on $($computers -join ', ')." $stopped
}

function Start-CsGroupChatMigrationService {
    <#
    .SYNOPSIS
    Starts the Persistent Chat services again after the import (the legacy Group Chat services
    stay stopped: the pool is being decommissioned).
    .EXAMPLE
    Start-CsGroupChatMigrationService
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    $started = @(Set-MigrationServiceState $Settings.PersistentChatComputers 'Running')
    $verb = if ($WhatIfPreference) { 'would be started' } else { 'started' }
    Write-StageResult 'StartServices' 'Completed' "$($started.Count) service(s) $verb." $started
}

function Export-CsGroupChatMigrationData {
    <#
    .SYNOPSIS
    Exports the legacy Group Chat data to the work folder (Export-CsPersistentChatData) with an
    HTML report next to it.
    .EXAMPLE
    Export-CsGroupChatMigrationData
    Writes C:\PcshMigration\GroupChatExport.zip and export.html.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    Initialize-WorkFolder $Settings
    $arguments = @{
        DBInstance = $Settings.LegacyDBInstance
        DBName     = $Settings.LegacyDBName
        FileName   = $Settings.ExportFile
        Report     = Join-WorkPath $Settings.WorkFolder 'export.html'
    }
    if ($Settings.StartDate) { $arguments.StartDate = $Settings.StartDate }
    if ($PSCmdlet.ShouldProcess($Settings.ExportFile, 'Export the Group Chat data')) {
        Export-CsPersistentChatData @arguments -ErrorAction Stop -WarningAction SilentlyContinue
    }
    Write-StageResult 'Export' 'Completed' "Exported to $($Settings.ExportFile)." $Settings.ExportFile
}

function Backup-CsGroupChatMigrationTarget {
    <#
    .SYNOPSIS
    Backs up the Persistent Chat database before the import writes into it (the documented step
    "back up the target database").
    .EXAMPLE
    Backup-CsGroupChatMigrationTarget
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    Initialize-WorkFolder $Settings
    $path = Join-WorkPath $Settings.WorkFolder 'mgc-before-import.sqlite'
    $backup = Backup-CsPersistentChatDatabase -DBInstance $Settings.TargetDBInstance -Path $path -Force -ErrorAction Stop
    Write-StageResult 'BackupTarget' 'Completed' "Backed up to $path." $backup
}

function Test-CsGroupChatMigrationImport {
    <#
    .SYNOPSIS
    Runs Import-CsPersistentChatData -WhatIf on the export: every conversion is shown and written
    to importwhatif.html; the stage fails when the import would find errors.
    .EXAMPLE
    Test-CsGroupChatMigrationImport
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    Initialize-WorkFolder $Settings
    $report = Join-WorkPath $Settings.WorkFolder 'importwhatif.html'
    if ($WhatIfPreference -and -not (Test-Path $Settings.ExportFile)) {
        return Write-StageResult 'ImportWhatIf' 'WhatIf' "Would plan the import of $($Settings.ExportFile) once the Export stage has written it." $null
    }
    $findings = @(Get-CsGroupChatMigrationFinding -FileName $Settings.ExportFile -DBInstance $Settings.TargetDBInstance -ErrorAction Stop)
    Import-CsPersistentChatData -DBInstance $Settings.TargetDBInstance -FileName $Settings.ExportFile -WhatIf -Report $report `
        -WarningAction SilentlyContinue -InformationAction SilentlyContinue -ErrorAction SilentlyContinue 6>$null
    $errors = @($findings | Where-Object Severity -eq 'Error')
    if ($errors.Count -gt 0) {
        throw "The import would find $($errors.Count) error(s), for example: $($errors[0].Item): $($errors[0].Message) Fix them in the legacy data, then run the Export stage again (see $report)."
    }
    $warnings = @($findings | Where-Object Severity -eq 'Warning').Count
    Write-StageResult 'ImportWhatIf' 'Completed' "$($findings.Count) finding(s), $warnings warning(s), no errors; report $report." $findings
}

function Import-CsGroupChatMigrationData {
    <#
    .SYNOPSIS
    Imports the export into the Persistent Chat pool (Import-CsPersistentChatData), with an HTML
    report; the import is one transaction and keeps its own pre-import backup.
    .EXAMPLE
    Import-CsGroupChatMigrationData -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    $report = Join-WorkPath $Settings.WorkFolder 'import.html'
    if ($PSCmdlet.ShouldProcess($Settings.TargetDBInstance, "Import $($Settings.ExportFile)")) {
        Import-CsPersistentChatData -DBInstance $Settings.TargetDBInstance -FileName $Settings.ExportFile -Report $report `
            -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Stop
    }
    Write-StageResult 'Import' 'Completed' "Imported into $($Settings.TargetDBInstance); report $report." $report
}

function Move-CsGroupChatLookupEndpoint {
    <#
    .SYNOPSIS
    Gives the legacy Lookup account's SIP address (sip:ocschat@<domain>) to a Persistent Chat
    endpoint, so legacy clients keep finding the chat service.
    .DESCRIPTION
    Removes the directory account that holds the address (when one still does), then creates the
    endpoint with New-CsPersistentChatEndpoint on the Persistent Chat pool. An endpoint that
    already has the address is left as it is, so the stage can run again.
    .EXAMPLE
    Move-CsGroupChatLookupEndpoint -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    $uri = $Settings.LookupSipAddress
    if (-not $uri) { throw 'The legacy database records no Lookup server address; give -LookupSipAddress to Get-CsGroupChatMigrationSettings.' }
    $existing = @(Get-CsPersistentChatEndpoint | Where-Object SipAddress -eq $uri)
    if ($existing.Count -gt 0) {
        return Write-StageResult 'LookupEndpoint' 'Completed' "The endpoint $uri exists already." $existing[0]
    }
    $account = @(Get-ADUser -Filter * -Properties 'msRTCSIP-PrimaryUserAddress' | Where-Object { $_.'msRTCSIP-PrimaryUserAddress' -eq $uri })
    foreach ($user in $account) {
        if ($PSCmdlet.ShouldProcess($user.SamAccountName, "Remove the Lookup account holding $uri")) {
            Remove-ADUser -Identity $user.SamAccountName -Confirm:$false -ErrorAction Stop
        }
    }
    $endpoint = $null
    if ($PSCmdlet.ShouldProcess($uri, "Create a Persistent Chat endpoint on $($Settings.PersistentChatPoolFqdn)")) {
        $endpoint = New-CsPersistentChatEndpoint -SipAddress $uri -PersistentChatPoolFqdn $Settings.PersistentChatPoolFqdn `
            -DisplayName 'Group Chat Lookup (migrated)' -PassThru -Confirm:$false -ErrorAction Stop
    }
    Write-StageResult 'LookupEndpoint' 'Completed' "$uri now belongs to a Persistent Chat endpoint of $($Settings.PersistentChatPoolFqdn)." $endpoint
}

function Test-CsGroupChatMigration {
    <#
    .SYNOPSIS
    Verifies the migration: every legacy room that moved, its members, managers and messages,
    legacy against target, as a table and in verify.html. Fails when a room is missing or differs.
    .EXAMPLE
    Test-CsGroupChatMigration | Format-Table
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    Initialize-WorkFolder $Settings
    if ($WhatIfPreference) {
        return Write-StageResult 'Verify' 'WhatIf' "Would compare every migrated room of $($Settings.LegacyDatabaseFile) with $($Settings.TargetDBInstance) and write verify.html." $null
    }
    $arguments = @{ LegacyDatabase = $Settings.LegacyDatabaseFile; DBInstance = $Settings.TargetDBInstance }
    if ($Settings.StartDate) { $arguments.StartDate = $Settings.StartDate }
    $rows = @(Compare-CsGroupChatMigration @arguments -ErrorAction Stop)
    $report = Join-WorkPath $Settings.WorkFolder 'verify.html'
    $bad = @($rows | Where-Object Status -ne 'Match')
    $title = "Group Chat migration: verification ($($rows.Count) rooms, $($bad.Count) not matching)"
    $rows | Select-Object LegacyPath, TargetRoom, LegacyMembers, TargetMembers, LegacyManagers, TargetManagers, ExpectedMessages, TargetMessages, Status |
        ConvertTo-Html -Title $title -Head $script:ReportStyle -PreContent "<h1>$title</h1>" | Set-Content -Path $report
    if ($bad.Count -gt 0) {
        throw "$($bad.Count) room(s) do not match after the import, for example $($bad[0].LegacyPath) ($($bad[0].Status)). See $report."
    }
    Write-StageResult 'Verify' 'Completed' "$($rows.Count) room(s) match; report $report." $rows
}

function Remove-CsGroupChatLegacyPool {
    <#
    .SYNOPSIS
    Removes the legacy Group Chat trusted applications and their trusted application pool
    (documented step 12), which also removes the pool's computers and endpoints.
    .EXAMPLE
    Remove-CsGroupChatLegacyPool -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    $fqdn = $Settings.TrustedApplicationPoolFqdn
    if (-not $fqdn -or -not (Get-CsTrustedApplicationPool -Identity $fqdn -ErrorAction SilentlyContinue)) {
        return Write-StageResult 'RemoveLegacyPool' 'Completed' 'No legacy trusted application pool is left.' $null
    }
    $applications = @(Get-CsTrustedApplication | Where-Object TrustedApplicationPoolFqdn -eq $fqdn)
    foreach ($application in $applications) {
        Remove-CsTrustedApplication -Identity $application.Identity -Confirm:$false -ErrorAction Stop
    }
    Remove-CsTrustedApplicationPool -Identity $fqdn -Confirm:$false -ErrorAction Stop
    Write-StageResult 'RemoveLegacyPool' 'Completed' "Removed $($applications.Count) trusted application(s) and the pool $fqdn." $fqdn
}

function Enable-CsPersistentChatMigrationPolicy {
    <#
    .SYNOPSIS
    Turns Persistent Chat on in the global Persistent Chat policy (the last documented step).
    .EXAMPLE
    Enable-CsPersistentChatMigrationPolicy
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $policy = Get-CsPersistentChatPolicy -Identity Global
    if (-not $policy.EnablePersistentChat) {
        Set-CsPersistentChatPolicy -Identity Global -EnablePersistentChat $true -ErrorAction Stop
    }
    Write-StageResult 'EnablePolicy' 'Completed' 'Persistent Chat is enabled in the global policy.' $null
}

function Invoke-CsGroupChatMigration {
    <#
    .SYNOPSIS
    Runs the whole migration, stage by stage, resuming after the last completed stage.
    .DESCRIPTION
    Each stage's start and outcome are recorded in the deployment (Get-CsGroupChatMigrationStage
    shows them). A run stops at the first stage that fails, with its error; after the cause is
    fixed the next run starts again at that stage. -Stage runs just the named stages, -Restart
    forgets the recorded progress first. -WhatIf shows what every stage would do and records
    nothing. The run asks once before it starts (it removes the Lookup account and the legacy
    pool); -Confirm:$false goes ahead without asking, as a non-interactive session must. To
    rehearse a recovery, set $env:PCSH_MIGRATION_FAIL_STAGE to a stage name: that stage fails.
    .EXAMPLE
    Invoke-CsGroupChatMigration -Confirm:$false
    .EXAMPLE
    Invoke-CsGroupChatMigration -Stage Readiness, Export, ImportWhatIf -WhatIf
    .EXAMPLE
    Invoke-CsGroupChatMigration -Restart -Settings (Get-CsGroupChatMigrationSettings -StartDate 2012-01-01) -Confirm:$false
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        $Settings,
        [ValidateSet('Readiness', 'StopServices', 'Export', 'BackupTarget', 'ImportWhatIf', 'Import', 'CopyFileStore',
            'LookupEndpoint', 'StartServices', 'Verify', 'RemoveLegacyPool', 'EnablePolicy')]
        [string[]] $Stage,
        [switch] $Restart
    )
    $Settings = Resolve-MigrationSettings $Settings
    $whatIf = [bool] $WhatIfPreference
    # One question for the whole run (it removes accounts and the legacy pool); the stages then
    # go ahead without asking again.
    if (-not $whatIf -and -not $PSCmdlet.ShouldProcess("$($Settings.LegacyPoolFqdn) to $($Settings.PersistentChatPoolFqdn)", 'Migrate Group Chat and decommission the legacy pool')) { return }
    if ($Restart -and -not $whatIf) { Reset-CsGroupChatMigrationStage -Confirm:$false }
    $recorded = @{}
    foreach ($entry in @(Get-CsGroupChatMigrationStage)) { $recorded[$entry.Name] = $entry.Status }
    $selected = @($script:StageList | Where-Object { -not $Stage -or $Stage -contains $_.Name })
    $index = 0
    foreach ($step in $selected) {
        $index++
        Write-Progress -Activity 'Group Chat migration' -Status "Stage $($step.Order): $($step.Name)" -PercentComplete (100 * ($index - 1) / $selected.Count)
        if (-not $Stage -and $recorded[$step.Name] -eq 'Completed') {
            Write-Verbose "Stage $($step.Order) $($step.Name): completed earlier, skipped."
            continue
        }
        Write-Host "Stage $($step.Order) $($step.Name): $($step.Description)"
        if (-not $whatIf) { Set-CsGroupChatMigrationStage -Name $step.Name -Status Started }
        try {
            # A rehearsal aid: $env:PCSH_MIGRATION_FAIL_STAGE makes that stage fail, to practise resuming.
            if ($env:PCSH_MIGRATION_FAIL_STAGE -eq $step.Name) { throw "Failure injected by PCSH_MIGRATION_FAIL_STAGE=$($step.Name)." }
            $result = & $step.Command -Settings $Settings -ErrorAction Stop -Confirm:$false
        } catch {
            $message = $_.Exception.Message
            if (-not $whatIf) { Set-CsGroupChatMigrationStage -Name $step.Name -Status Failed -Detail $message }
            Write-Progress -Activity 'Group Chat migration' -Completed
            throw "Stage $($step.Order) $($step.Name) failed: $message Fix the cause and run Invoke-CsGroupChatMigration again; it resumes at this stage."
        }
        $detail = @($result | Where-Object { $_.PSTypeNames -contains 'Pcsh.GroupChatMigration.StageResult' } | ForEach-Object Detail) -join ' '
        if (-not $whatIf) { Set-CsGroupChatMigrationStage -Name $step.Name -Status Completed -Detail $detail }
        Write-Host "  $detail"
        $result
    }
    Write-Progress -Activity 'Group Chat migration' -Completed
}
