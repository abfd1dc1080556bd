# Variable cmdlets, options (ReadOnly, Constant), scopes, aliases and a few automatic variables.
Set-Variable -Name color -Value 'blue'
$color
New-Variable -Name answer -Value 42
$answer
(Get-Variable -Name answer).Value
Get-Variable -Name answer -ValueOnly
(Get-Variable -Name ans*).Name
try { New-Variable -Name answer -Value 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
New-Variable -Name fixed -Value 1 -Option ReadOnly
try { $fixed = 2 } catch { $_.FullyQualifiedErrorId }
Set-Variable -Name fixed -Value 3 -Force
$fixed
New-Variable -Name forever -Value 'c' -Option Constant
try { Remove-Variable -Name forever -Force -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Clear-Variable -Name color
"cleared: [$color]"
Remove-Variable -Name color
$null -eq (Get-Variable -Name color -ErrorAction SilentlyContinue)
try { Get-Variable -Name color -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
function Set-Shared { Set-Variable -Name shared -Value 'from function' -Scope Script }
Set-Shared
$shared
Set-Alias -Name say -Value Write-Output
say 'via alias'
(Get-Alias -Name say).Definition
(Get-Alias -Name gci).Definition
${a variable with spaces} = 5
${a variable with spaces} + 1
$env:PCSH_GOLDEN_VAR = 'env value'
$env:PCSH_GOLDEN_VAR
$true -and -not $false
$PSVersionTable.PSVersion.Major -ge 7
$PID -gt 0
$null -eq $NoSuchVariable
# CHECK: blue
# CHECK: 42
# CHECK: 42
# CHECK: 42
# CHECK: answer
# CHECK: VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand
# CHECK: VariableNotWritable
# CHECK: 3
# CHECK: VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand
# CHECK: cleared: []
# CHECK: True
# CHECK: VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand
# CHECK: from function
# CHECK: via alias
# CHECK: Write-Output
# CHECK: Get-ChildItem
# CHECK: 6
# CHECK: env value
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: True
