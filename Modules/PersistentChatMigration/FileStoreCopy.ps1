# Copy-CsPersistentChatFileStore: the step the documentation leaves to a manual XCOPY, with
# verification. Dot-sourced by the module.

function Copy-CsPersistentChatFileStore {
    <#
    .SYNOPSIS
    Copies the files posted in the legacy Group Chat rooms to the Persistent Chat file store,
    verifying each copy by size and SHA-256; running it again resumes where it stopped.
    .DESCRIPTION
    Every file under -Source (the legacy pool's file store unless given) is copied to the same
    relative path under -Destination (the Persistent Chat pool's file store unless given). A
    file is first written beside its target as <name>.pcsh-partial, compared with the source
    (size and SHA-256), and only then renamed into place, so an interrupted copy never leaves a
    damaged file under its real name. A target that already matches its source is skipped; one
    that differs (an earlier copy that was damaged or cut short) is reported and copied again. A
    file whose copy does not match its source is an error naming it, and the stage fails at the
    end. Writes one object per file with -PassThru, and a summary. UNC paths such as
    \\atl-fs-001.litwareinc.com\groupchat work as Get-CsPool shows them.
    .EXAMPLE
    Copy-CsPersistentChatFileStore
    Copies the legacy pool's file store to the Persistent Chat pool's.
    .EXAMPLE
    Copy-CsPersistentChatFileStore -Source \\atl-fs-001.litwareinc.com\groupchat -Destination \\atl-fs-001.litwareinc.com\pchat -PassThru | Where-Object Status -ne Skipped
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        $Settings,
        [string] $Source,
        [string] $Destination,
        [switch] $PassThru
    )
    if (-not $Source -or -not $Destination) {
        $Settings = Resolve-MigrationSettings $Settings
        if (-not $Source) { $Source = $Settings.LegacyFileStore }
        if (-not $Destination) { $Destination = $Settings.TargetFileStore }
    }
    if (-not $Source -or -not (Test-Path $Source)) {
        throw "The legacy file store '$Source' does not exist. Give -Source, or create the folder and copy the posted files into it."
    }
    if (-not (Test-Path $Destination)) {
        if ($PSCmdlet.ShouldProcess($Destination, 'Create the Persistent Chat file store')) { New-Item -ItemType Directory -Path $Destination | Out-Null }
    }
    $sourceRoot = (Resolve-Path $Source).Path.TrimEnd('/')
    $targetRoot = if (Test-Path $Destination) { (Resolve-Path $Destination).Path.TrimEnd('/') } else { $Destination }
    $files = @(Get-ChildItem -Path $sourceRoot -Recurse -File | Where-Object { $_.Name -notlike '*.pcsh-partial' })
    $totalBytes = ($files | Measure-Object -Property Length -Sum).Sum
    $doneBytes = 0
    $counts = @{ Copied = 0; Skipped = 0; Replaced = 0; Failed = 0 }
    $index = 0
    foreach ($file in $files) {
        $index++
        $relative = $file.FullName.Substring($sourceRoot.Length).TrimStart('/')
        $target = Join-Path $targetRoot $relative
        $percent = if ($totalBytes -gt 0) { [int](100 * $doneBytes / $totalBytes) } else { 100 }
        Write-Progress -Activity 'Copying the file store' -Status "$index of $($files.Count): $relative" -PercentComplete $percent
        $doneBytes += $file.Length
        $sourceHash = (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash
        $status = 'Copied'
        if (Test-Path -LiteralPath $target) {
            $existing = Get-Item -LiteralPath $target
            if ($existing.Length -eq $file.Length -and (Get-FileHash -LiteralPath $target -Algorithm SHA256).Hash -eq $sourceHash) {
                $counts.Skipped++
                if ($PassThru) { [pscustomobject]@{ Path = $relative; Status = 'Skipped'; Length = $file.Length; SHA256 = $sourceHash } }
                continue
            }
            $difference = if ($existing.Length -ne $file.Length) { "its size is $($existing.Length) bytes instead of $($file.Length)" } else { 'its SHA-256 differs' }
            Write-Warning "The copy of $relative in the Persistent Chat file store differs from the legacy file ($difference): it was damaged or cut short; copying it again."
            $status = 'Replaced'
        }
        if (-not $PSCmdlet.ShouldProcess($target, "Copy $relative")) { continue }
        $folder = Split-Path -Path $target -Parent
        if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
        $partial = "$target.pcsh-partial"
        try {
            Copy-Item -LiteralPath $file.FullName -Destination $partial -Force -ErrorAction Stop
            $copyHash = (Get-FileHash -LiteralPath $partial -Algorithm SHA256).Hash
            if ((Get-Item -LiteralPath $partial).Length -ne $file.Length -or $copyHash -ne $sourceHash) {
                throw "the copy's SHA-256 is $copyHash, the legacy file's $sourceHash"
            }
            Move-Item -LiteralPath $partial -Destination $target -Force -ErrorAction Stop
            $counts[$status]++
        } catch {
            Remove-Item -LiteralPath $partial -ErrorAction SilentlyContinue
            $counts.Failed++
            $status = 'Failed'
            Write-Error -Message "Cannot copy $relative to the Persistent Chat file store: $($_.Exception.Message). Check the file and run the copy again." -Category WriteError -TargetObject $relative -ErrorId 'FileStoreCopyFailed'
        }
        if ($PassThru) { [pscustomobject]@{ Path = $relative; Status = $status; Length = $file.Length; SHA256 = $sourceHash } }
    }
    Write-Progress -Activity 'Copying the file store' -Completed
    $detail = "$($files.Count) file(s): $($counts.Copied) copied, $($counts.Replaced) copied again (damaged before), $($counts.Skipped) already there, $($counts.Failed) failed."
    if ($counts.Failed -gt 0) { throw "The file store copy is incomplete: $detail" }
    if (-not $PassThru) { Write-StageResult 'CopyFileStore' 'Completed' $detail $counts }
}
