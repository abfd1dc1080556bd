# Dot-sourcing a helper script runs it in the caller's scope; & runs it in a child scope.
$helper = Join-Path $PSScriptRoot 'helper.ps1'
Set-Content -Path $helper -Value @'
$helperVar = 'from helper'
function Get-HelperGreeting { param($Name) "helper greets $Name" }
"helper ran, its leaf: $(Split-Path -Leaf $PSCommandPath)"
'@
. $helper
$helperVar
Get-HelperGreeting Ada
Remove-Variable helperVar
& $helper
"after call: [$helperVar]"
. ./helper.ps1
"relative dot-source: $helperVar"
New-Item -ItemType Directory -Path (Join-Path $PSScriptRoot 'sub') | Out-Null
Set-Content -Path (Join-Path $PSScriptRoot 'sub/inner.ps1') -Value '"inner root leaf: $(Split-Path -Leaf $PSScriptRoot)"'
. (Join-Path $PSScriptRoot 'sub/inner.ps1')
"this script: $(Split-Path -Leaf $PSCommandPath)"
"root matches command path: $((Split-Path -Parent $PSCommandPath) -eq $PSScriptRoot)"
# CHECK: helper ran, its leaf: helper.ps1
# CHECK: from helper
# CHECK: helper greets Ada
# CHECK: helper ran, its leaf: helper.ps1
# CHECK: after call: []
# CHECK: helper ran, its leaf: helper.ps1
# CHECK: relative dot-source: from helper
# CHECK: inner root leaf: sub
# CHECK: this script: dot-sourcing.ps1
# CHECK: root matches command path: True
