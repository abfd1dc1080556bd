# The readiness report for "preparing the source data": what the import would convert or refuse,
# what the target and the topology lack, each with what to do. Dot-sourced by the module.

# What an administrator does about each migration rule's findings (keyed by rule number).
$script:RuleAdvice = @{
    1  = 'Nested categories become one level, named with their parents. Rename or move categories first if the flattened names are not wanted.'
    2  = 'Rooms under nested categories get their parents'' names as a prefix. Shorten category names if the prefixed names are unwieldy.'
    3  = 'A prefixed room name is over 256 characters. Shorten the room or its categories in the legacy pool before exporting.'
    4  = 'Two items get the same name after flattening. Rename one of them in the legacy pool.'
    5  = 'Managers of the root category become managers of every room. Remove them from the root first if that is not wanted.'
    6  = 'Members, scope and creators are carried over as the rules say; check the listed rooms.'
    7  = 'Rooms ask for invitations their category does not allow; they get invitations off. Turn invitations on in the category, or off in the room, before exporting.'
    8  = 'Chat history and file upload follow the category; check the listed categories.'
    9  = 'Privacy, type and presenters are converted as listed.'
    10 = 'Federated users keep their membership but cannot reach the rooms (federation is not supported). Tell them, or remove them first.'
    11 = 'Disabled principals are left out. Re-enable those who should keep access before exporting.'
    12 = 'Disabled rooms are not migrated. Enable the rooms that should move; disable the ones that should not.'
    13 = 'Add-ins are migrated as listed; check their URLs.'
    14 = 'Messages before the start date are left out, and posted files need the file store copied (the CopyFileStore stage).'
    15 = 'Items with these names exist in the Persistent Chat pool and would be overwritten. Rename or remove them in the target, or accept the overwrite (the backup stage keeps a copy).'
    16 = 'The legacy data comes from another forest. Migration between forests is not supported.'
    17 = 'The Persistent Chat services run; the StopServices stage stops them before the import.'
    18 = 'The source data has a problem the import cannot convert; fix it in the legacy database.'
}

function New-ReadinessItem([string] $Check, [string] $Status, [string] $Item, [string] $Detail, [string] $Action) {
    [pscustomobject]@{
        PSTypeName = 'Pcsh.GroupChatMigration.ReadinessItem'
        Check      = $Check
        Status     = $Status
        Item       = $Item
        Detail     = $Detail
        Action     = $Action
    }
}

function Get-CsGroupChatMigrationReadiness {
    <#
    .SYNOPSIS
    Reports what to prepare before migrating: one object per check or finding, each with Status
    (Ready, Attention or Blocked), what was found and what to do, and optionally an HTML page.
    .DESCRIPTION
    Checks the topology (a Lync Server 2013 Front End pool, a Persistent Chat pool, the legacy
    pool and its database), the file stores, the Lookup account, and then exports the legacy
    data to a scratch file and plans the import against the Persistent Chat pool, as the import
    would, without writing anything: flattened categories, room names past 256 characters after
    prefixing, root-category managers, invitation conflicts, federated users, disabled principals
    and rooms, messages older than -StartDate (from the settings), items the import would
    overwrite, and a foreign forest. -Report writes the same as an HTML page.
    .EXAMPLE
    Get-CsGroupChatMigrationReadiness | Where-Object Status -ne Ready | Format-Table Check, Item, Action
    .EXAMPLE
    Get-CsGroupChatMigrationReadiness -Report C:\PcshMigration\readiness.html | Out-Null
    #>
    [CmdletBinding()]
    param($Settings, [string] $Report)
    $Settings = Resolve-MigrationSettings $Settings
    $items = [System.Collections.Generic.List[object]]::new()
    $pools = @(Get-CsPool)

    Write-Progress -Activity 'Migration readiness' -Status 'Topology and file stores' -PercentComplete 10
    $frontEnd = @($pools | Where-Object Role -eq 'FrontEnd')
    if ($frontEnd.Count -gt 0) {
        $items.Add((New-ReadinessItem 'Lync Server 2013 pool' 'Ready' $frontEnd[0].Identity 'A Front End pool is in the topology.' ''))
    } else {
        $items.Add((New-ReadinessItem 'Lync Server 2013 pool' 'Blocked' '' 'The topology has no Front End pool.' 'Deploy Lync Server 2013 and publish its topology first.'))
    }
    $items.Add((New-ReadinessItem 'Persistent Chat pool' 'Ready' $Settings.PersistentChatPoolFqdn "Database on $($Settings.TargetDBInstance)." ''))
    $database = Get-CsGroupChatDatabase -DBInstance $Settings.LegacyDBInstance -DBName $Settings.LegacyDBName -ErrorAction SilentlyContinue -ErrorVariable problem
    if ($database) {
        $items.Add((New-ReadinessItem 'Legacy database' 'Ready' "$($Settings.LegacyDBInstance) $($Settings.LegacyDBName)" "$($database.SchemaVersion): $($database.Rooms) rooms, $($database.Categories) categories, $($database.Principals) principals, $($database.Messages) messages." ''))
    } else {
        $items.Add((New-ReadinessItem 'Legacy database' 'Blocked' "$($Settings.LegacyDBInstance) $($Settings.LegacyDBName)" "$($problem | Select-Object -First 1)" 'Bring the legacy database into the deployment (see docs/legacy-bcp.md) or give -LegacyDBInstance.'))
    }
    foreach ($store in @(@{ Name = 'Legacy file store'; Path = $Settings.LegacyFileStore; Needed = $false }, @{ Name = 'Persistent Chat file store'; Path = $Settings.TargetFileStore; Needed = $true })) {
        if ($store.Path -and (Test-Path $store.Path)) {
            $count = @(Get-ChildItem -Path $store.Path -Recurse -File -ErrorAction SilentlyContinue).Count
            $items.Add((New-ReadinessItem $store.Name 'Ready' $store.Path "$count file(s)." ''))
        } elseif ($store.Needed) {
            $items.Add((New-ReadinessItem $store.Name 'Blocked' "$($store.Path)" 'The folder does not exist.' 'Run Enable-CsTopology to create the Persistent Chat file store.'))
        } else {
            $items.Add((New-ReadinessItem $store.Name 'Attention' "$($store.Path)" 'The folder does not exist: posted files cannot be copied.' 'Check the legacy pool''s FileStore, or skip the CopyFileStore stage if no files were posted.'))
        }
    }
    if ($Settings.LookupSipAddress) {
        $items.Add((New-ReadinessItem 'Lookup account' 'Ready' $Settings.LookupSipAddress 'The LookupEndpoint stage gives this address to a Persistent Chat endpoint.' ''))
    } else {
        $items.Add((New-ReadinessItem 'Lookup account' 'Attention' '' 'The legacy database records no Lookup server address.' 'Give -LookupSipAddress to Get-CsGroupChatMigrationSettings.'))
    }
    if ($Settings.TrustedApplicationPoolFqdn) {
        $items.Add((New-ReadinessItem 'Legacy trusted application pool' 'Ready' $Settings.TrustedApplicationPoolFqdn 'Removed by the RemoveLegacyPool stage.' ''))
    } else {
        $items.Add((New-ReadinessItem 'Legacy trusted application pool' 'Attention' '' 'No trusted application pool of Group Chat was found.' 'Give -TrustedApplicationPoolFqdn, or skip RemoveLegacyPool if it is gone.'))
    }

    if ($database) {
        Write-Progress -Activity 'Migration readiness' -Status 'Planning the import' -PercentComplete 40
        $scratch = Join-Path ([System.IO.Path]::GetTempPath()) "pcsh-readiness-$PID.zip"
        try {
            $export = @{ DBInstance = $Settings.LegacyDBInstance; DBName = $Settings.LegacyDBName; FileName = $scratch }
            if ($Settings.StartDate) { $export.StartDate = $Settings.StartDate }
            Export-CsPersistentChatData @export -ErrorAction Stop -WarningAction SilentlyContinue
            $findings = @(Get-CsGroupChatMigrationFinding -FileName $scratch -DBInstance $Settings.TargetDBInstance -ErrorAction Stop)
        } finally {
            Remove-Item -Path $scratch -ErrorAction SilentlyContinue -WhatIf:$false
        }
        foreach ($finding in $findings) {
            $status = switch ($finding.Severity) { 'Error' { 'Blocked' } 'Warning' { 'Attention' } default { 'Attention' } }
            # Conversions the rules make silently (flattening, prefixes) need no action unless an admin dislikes them.
            if ($finding.Severity -eq 'Conversion' -and $finding.RuleNumber -in 1, 2, 6, 8, 9, 13) { $status = 'Ready' }
            # Running services are the StopServices stage's business, not a reason to stop here.
            if ($finding.RuleNumber -eq 17) { $status = 'Attention' }
            $items.Add((New-ReadinessItem $finding.Rule $status $finding.Item $finding.Message $script:RuleAdvice[[int] $finding.RuleNumber]))
        }
        if (-not ($findings | Where-Object { $_.Severity -eq 'Error' -and $_.RuleNumber -ne 17 })) {
            $items.Add((New-ReadinessItem 'Import plan' 'Ready' $Settings.TargetDBInstance "$($findings.Count) finding(s), no errors: the import can run." ''))
        }
    }
    Write-Progress -Activity 'Migration readiness' -Completed
    if ($Report) {
        $blocked = @($items | Where-Object Status -eq 'Blocked').Count
        $attention = @($items | Where-Object Status -eq 'Attention').Count
        $title = "Group Chat migration readiness: $blocked blocked, $attention to look at"
        $order = @{ Blocked = 0; Attention = 1; Ready = 2 }
        $items | Sort-Object { $order[$_.Status] } | Select-Object Status, Check, Item, Detail, Action |
            ConvertTo-Html -Title $title -Head $script:ReportStyle -PreContent "<h1>$title</h1><p>Legacy pool $($Settings.LegacyPoolFqdn), target $($Settings.PersistentChatPoolFqdn).</p>" |
            Set-Content -Path $Report
    }
    $items
}

function Test-CsGroupChatMigrationReadiness {
    <#
    .SYNOPSIS
    The Readiness stage: writes readiness.html to the work folder and fails when anything blocks
    the migration.
    .EXAMPLE
    Test-CsGroupChatMigrationReadiness
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param($Settings)
    $Settings = Resolve-MigrationSettings $Settings
    Initialize-WorkFolder $Settings
    $report = Join-WorkPath $Settings.WorkFolder 'readiness.html'
    $items = @(Get-CsGroupChatMigrationReadiness -Settings $Settings -Report $report)
    $blocked = @($items | Where-Object Status -eq 'Blocked')
    if ($blocked.Count -gt 0) {
        throw "$($blocked.Count) readiness check(s) block the migration, for example $($blocked[0].Check) $($blocked[0].Item): $($blocked[0].Detail) $($blocked[0].Action) See $report."
    }
    $attention = @($items | Where-Object Status -eq 'Attention').Count
    Write-StageResult 'Readiness' 'Completed' "$($items.Count) check(s), $attention to look at, none blocking; report $report." $items
}
