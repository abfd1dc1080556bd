# Parameter binding and invocation: remaining arguments, splatting overrides, Invoke-Command,
# ShouldProcess messages, pipeline binding without a process block, ForEach-Object block
# mapping, Write-Output -NoEnumerate, Select-Object combinations, throw under SilentlyContinue.
function Get-Rest {
    param([Parameter(ValueFromRemainingArguments)]$Rest, $Name)
    "name=$Name"
    foreach ($r in $Rest) { "rest: $r" }
}
Get-Rest -Name x -Foo bar -Baz 1
function Show-Pair { param($A, $B) "A=$A B=$B" }
$pair = @{ A = 1; B = 2 }
Show-Pair @pair -A 9
Invoke-Command -ScriptBlock { "count=$($args.Count) first=$($args[0])" } -ArgumentList 1, 2
Invoke-Command -ScriptBlock { "count=$($args.Count) first=$($args[0])" } -ArgumentList (, @(1, 2))
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    if ($PSCmdlet.ShouldProcess('Removing the thing', 'Remove the thing?', 'Confirm removal')) { 'removed' }
}
Remove-Thing -WhatIf
function Get-Last {
    param([Parameter(ValueFromPipeline)]$Item)
    "item=$Item all=$($input -join ',')"
}
1, 2, 3 | Get-Last
1..2 | ForEach-Object { 'begin' } { "process $_" } { 'end' }
1..2 | ForEach-Object -Begin $null -Process { "one $_" }, { "two $_" } -End $null
1..2 | ForEach-Object { 'only begin' } { "process $_" }
(Write-Output -NoEnumerate 1, 2, 3 | Measure-Object).Count
(1..10 | Select-Object -Skip 1 -SkipLast 7) -join ','
(1..10 | Select-Object -Last 3 -Skip 2) -join ','
(1..10 | Select-Object -SkipIndex 0, 9) -join ','
(1, 1, 2, 3 | Select-Object -Index 0, 1, 2 -Unique) -join ','
try { 1..3 | Select-Object -First 1 -SkipLast 1 } catch { $_.FullyQualifiedErrorId }
$ErrorActionPreference = 'SilentlyContinue'
throw 'silenced'
"after throw: $($Error[0])"
$ErrorActionPreference = 'Continue'
try { throw 'caught' } catch { "caught: $_" }
function Set-Early { $script:early = if ($true) { return 'returned' } }
$early = 'unchanged'
Set-Early
$early
[pscustomobject]@{} -is [pscustomobject]
1 -is [pscustomobject]
$null -eq ($null * 5)
# CHECK: name=x
# CHECK: rest: -Foo
# CHECK: rest: bar
# CHECK: rest: -Baz
# CHECK: rest: 1
# CHECK: A=9 B=2
# CHECK: count=2 first=1
# CHECK: count=1 first=1 2
# CHECK: What if: Removing the thing
# CHECK: item=3 all=1,2,3
# CHECK: begin
# CHECK: process 1
# CHECK: process 2
# CHECK: end
# CHECK: one 1
# CHECK: two 1
# CHECK: one 2
# CHECK: two 2
# CHECK: only begin
# CHECK: process 1
# CHECK: process 2
# CHECK: 1
# CHECK: 2,3
# CHECK: 6,7,8
# CHECK: 2,3,4,5,6,7,8,9
# CHECK: 1,2
# CHECK: AmbiguousParameterSet,Microsoft.PowerShell.Commands.SelectObjectCommand
# CHECK: after throw: silenced
# CHECK: caught: caught
# CHECK: returned
# CHECK: unchanged
# CHECK: True
# CHECK: False
# CHECK: True
