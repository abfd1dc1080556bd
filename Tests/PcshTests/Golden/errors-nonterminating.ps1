# Non-terminating errors: Write-Error, -ErrorAction, -ErrorVariable, $?, $Error and the error display.
Write-Error 'first problem'
"status after Write-Error: $?"
'still running'
Write-Error 'hidden problem' -ErrorAction SilentlyContinue
"errors so far: $($Error.Count)"
"newest: $($Error[0].Exception.Message)"
Get-Item -Path ./no-such-file -ErrorAction SilentlyContinue -ErrorVariable missing
"ErrorVariable count: $($missing.Count)"
$missing[0].FullyQualifiedErrorId
$missing[0].CategoryInfo.Category
Get-Item -Path ./no-such-file -ErrorAction Ignore
"after Ignore: $($Error.Count)"
Write-Error -Message 'custom' -Category InvalidData -TargetObject 42 -ErrorAction SilentlyContinue -ErrorVariable custom
"$($custom[0].CategoryInfo.Category) $($custom[0].TargetObject) $($custom[0].Exception.Message)"
$custom[0].Exception.GetType().Name
'a', 'b' | ForEach-Object { if ($_ -eq 'a') { Write-Error "bad item $_" } else { "good item $_" } }
function Test-Soft {
    [CmdletBinding()]
    param()
    Write-Error 'soft failure'
    'function continues'
}
Test-Soft -ErrorAction SilentlyContinue -ErrorVariable soft
"captured from function: $($soft[0].Exception.Message)"
Get-Item -Path ./no-such-file, ./also-missing -ErrorAction SilentlyContinue -ErrorVariable +missing
"appended ErrorVariable count: $($missing.Count)"
$Error.Clear()
"cleared: $($Error.Count)"
'end'
# CHECK: status after Write-Error: False
# CHECK: still running
# CHECK: errors so far: 2
# CHECK: newest: hidden problem
# CHECK: ErrorVariable count: 1
# CHECK: PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
# CHECK: ObjectNotFound
# CHECK: after Ignore: 3
# CHECK: InvalidData 42 custom
# CHECK: WriteErrorException
# CHECK: good item b
# CHECK: function continues
# CHECK: captured from function: soft failure
# CHECK: appended ErrorVariable count: 3
# CHECK: cleared: 0
# CHECK: end
# CHECKERR: Write-Error
# CHECKERR: first problem
# CHECKERR: bad item a
