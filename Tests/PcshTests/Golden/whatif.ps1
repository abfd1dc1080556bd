# SupportsShouldProcess: -WhatIf reports the operation instead of doing it, in functions and cmdlets.
function Remove-Widget {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Remove widget')) { "removed $Name" } else { "skipped $Name" }
}
Remove-Widget -Name w1
Remove-Widget -Name w2 -WhatIf
function Stop-Gadget {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name)) { "stopped $Name" }
}
Stop-Gadget -Name g1 -WhatIf
Set-Content -Path keep.txt -Value 'kept'
Remove-Item -Path keep.txt -WhatIf
"still there: $(Test-Path keep.txt)"
New-Item -ItemType File -Path never.txt -WhatIf | Out-Null
"created: $(Test-Path never.txt)"
function Clear-Store {
    [CmdletBinding(SupportsShouldProcess)]
    param()
    Remove-Item -Path keep.txt
    'clear-store finished'
}
Clear-Store -WhatIf
"after inherited WhatIf: $(Test-Path keep.txt)"
$WhatIfPreference = $true
Remove-Widget -Name w3
$WhatIfPreference = $false
Remove-Widget -Name w4
# CHECK: removed w1
# CHECK: What if: Performing the operation "Remove widget" on target "w2".
# CHECK: skipped w2
# CHECK: What if: Performing the operation "Stop-Gadget" on target "g1".
# CHECK: What if: Performing the operation "Remove File" on target "{{.*}}/keep.txt".
# CHECK: still there: True
# CHECK: What if: Performing the operation "Create File" on target "Destination: {{.*}}/never.txt".
# CHECK: created: False
# CHECK: What if: Performing the operation "Remove File" on target "{{.*}}/keep.txt".
# CHECK: clear-store finished
# CHECK: after inherited WhatIf: True
# CHECK: What if: Performing the operation "Remove widget" on target "w3".
# CHECK: skipped w3
# CHECK: removed w4
