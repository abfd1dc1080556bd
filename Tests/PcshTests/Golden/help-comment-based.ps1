# Get-Help for a script function with comment-based help, for a script file, and Get-Command -Syntax.
<#
.SYNOPSIS
    Adds two numbers.
.PARAMETER Left
    The first number.
.PARAMETER Right
    The second number.
.EXAMPLE
    Add-Numbers 1 2
    Returns 3.
#>
function Add-Numbers {
    param([int]$Left, [int]$Right)
    $Left + $Right
}
Get-Help Add-Numbers -Detailed
Get-Command Add-Numbers -Syntax
Set-Content -Path deploy.ps1 -Value @'
<#
.SYNOPSIS
    Deploys the site.
#>
param([Parameter(Mandatory)][string]$Target, [switch]$Force)
"deploying $Target"
'@
Get-Help ./deploy.ps1 -Parameter *
$text = Get-Help ./deploy.ps1
"script synopsis found: $($text.Contains("SYNOPSIS`n    Deploys the site."))"
Get-Command Get-Alias -Syntax
# CHECK-EMPTY:
# CHECK: NAME
# CHECK:     Add-Numbers
# CHECK-EMPTY:
# CHECK: SYNOPSIS
# CHECK:     Adds two numbers.
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: SYNTAX
# CHECK:     Add-Numbers [[-Left] <Int32>] [[-Right] <Int32>]
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: DESCRIPTION
# CHECK:     Adds two numbers.
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: PARAMETERS
# CHECK:     -Left <Int32>
# CHECK:         The first number.
# CHECK-EMPTY:
# CHECK:     -Right <Int32>
# CHECK:         The second number.
# CHECK-EMPTY:
# CHECK: EXAMPLES
# CHECK:     -------------------------- EXAMPLE 1 --------------------------
# CHECK-EMPTY:
# CHECK:     PS> Add-Numbers 1 2
# CHECK-EMPTY:
# CHECK:     Returns 3.
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: REMARKS
# CHECK:     Everything, parameter attributes included: "Get-Help Add-Numbers -Full".
# CHECK-EMPTY:
# CHECK: Add-Numbers [[-Left] <Int32>] [[-Right] <Int32>]
# CHECK-EMPTY:
# CHECK:     -Target <String>
# CHECK-EMPTY:
# CHECK:         Required?                    true
# CHECK:         Position?                    0
# CHECK:         Default value                None
# CHECK:         Accept pipeline input?       False
# CHECK:         Aliases                      None
# CHECK-EMPTY:
# CHECK:     -Force [<SwitchParameter>]
# CHECK-EMPTY:
# CHECK:         Required?                    false
# CHECK:         Position?                    Named
# CHECK:         Default value                False
# CHECK:         Accept pipeline input?       False
# CHECK:         Aliases                      None
# CHECK-EMPTY:
# CHECK: script synopsis found: True
# CHECK: Get-Alias [[-Name] <String[]>] [-Exclude <String[]>] [-Scope <String>] [<CommonParameters>]
# CHECK: Get-Alias [-Exclude <String[]>] [-Scope <String>] [-Definition <String[]>] [<CommonParameters>]
