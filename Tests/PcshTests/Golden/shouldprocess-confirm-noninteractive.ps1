# ConfirmImpact and -Confirm under -NonInteractive: a confirmation prompt cannot be shown, so asking
# for one is an error (pwsh: "PowerShell is in NonInteractive mode..."); -Confirm:$false, -WhatIf and
# $ConfirmPreference = 'None' avoid the prompt.
function Remove-Important {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { "deleted $Name" } else { "kept $Name" }
}
function Remove-Ordinary {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { "deleted $Name" } else { "kept $Name" }
}
Remove-Ordinary -Name a
Remove-Important -Name b -Confirm:$false
Remove-Important -Name c -WhatIf
try { Remove-Important -Name d } catch { "refused d: $($_.Exception.Message)" }
try { Remove-Ordinary -Name e -Confirm } catch { "refused e: $($_.Exception.Message)" }
$ConfirmPreference = 'None'
Remove-Important -Name f
$ConfirmPreference = 'Low'
try { Remove-Ordinary -Name g } catch { "refused g: $($_.Exception.Message)" }
'end'
# CHECK: deleted a
# CHECK: deleted b
# CHECK: What if: Performing the operation "Delete" on target "c".
# CHECK: kept c
# CHECK: refused d: {{.*(?i:non-?interactive).*}}
# CHECK: refused e: {{.*(?i:non-?interactive).*}}
# CHECK: deleted f
# CHECK: refused g: {{.*(?i:non-?interactive).*}}
# CHECK: end
