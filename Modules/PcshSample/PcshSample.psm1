# Sample script module: readable byte sizes.

function Format-ByteSize {
    <#
    .SYNOPSIS
    Shows a byte count in the largest unit that keeps it at 1 or more (B, KB, MB, GB, TB).
    .EXAMPLE
    Format-ByteSize 1536
    1.5 KB
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)]
        [double] $Bytes,
        [int] $Decimals = 1
    )
    process {
        $units = 'B', 'KB', 'MB', 'GB', 'TB'
        $value = $Bytes
        $index = 0
        while ([math]::Abs($value) -ge 1024 -and $index -lt $units.Count - 1) {
            $value = $value / 1024
            $index++
        }
        if ($index -eq 0) { "$Bytes B" }
        else { "{0} {1}" -f [math]::Round($value, $Decimals), $units[$index] }
    }
}

function Get-FolderSize {
    <#
    .SYNOPSIS
    Adds up the sizes of the files under a folder and shows the total in readable units.
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Path = '.')
    $files = @(Get-ChildItem -LiteralPath $Path -File -Recurse)
    $total = ($files | Measure-Object -Property Length -Sum).Sum
    if ($null -eq $total) { $total = 0 }
    [pscustomobject]@{
        Path  = (Resolve-Path -LiteralPath $Path).Path
        Files = $files.Count
        Bytes = $total
        Size  = Format-ByteSize $total
    }
}

Export-ModuleMember -Function Format-ByteSize, Get-FolderSize
