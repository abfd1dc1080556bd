# #Requires -Modules (met and missing) and the profile ($PROFILE run at start, skipped with -NoProfile),
# checked by running the pcsh executable itself with its own PCSH_HOME and PSModulePath.
$pcsh = Join-Path $PSHOME 'pcsh'
$env:PCSH_HOME = Join-Path $PWD 'home'
$env:XDG_CONFIG_HOME = Join-Path $PWD 'config'
New-Item -ItemType Directory -Path "$env:XDG_CONFIG_HOME/pcsh" | Out-Null
New-Item -ItemType Directory -Path "$env:PCSH_HOME/Modules/Tools" | Out-Null
Set-Content -Path "$env:PCSH_HOME/Modules/Tools/Tools.psm1" -Value 'function Get-Tool { "tool ready" }'
$env:PSModulePath = "$env:PCSH_HOME/Modules"

Set-Content -Path needs-tools.ps1 -Value "#Requires -Modules Tools`n'script body'`nGet-Tool"
& $pcsh -NoProfile -File needs-tools.ps1
"exit: $LASTEXITCODE"

Set-Content -Path needs-missing.ps1 -Value "#Requires -Modules Tools, Missing`n'must not run'"
$failure = & $pcsh -NoProfile -File needs-missing.ps1 2>&1
"exit: $LASTEXITCODE"
"mentions Missing: $(("$failure") -like '*Missing*')"
"body ran: $(("$failure") -like '*must not run*')"

Set-Content -Path needs-table.ps1 -Value "#Requires -Modules @{ ModuleName = 'Tools'; ModuleVersion = '0.0' }`nGet-Tool"
& $pcsh -NoProfile -File needs-table.ps1

# A profile.ps1 in the deployment home is not the user's profile: it never runs.
Set-Content -Path "$env:PCSH_HOME/profile.ps1" -Value "'planted profile ran'"
Set-Content -Path "$env:XDG_CONFIG_HOME/pcsh/profile.ps1" -Value @'
function Get-FromProfile { 'defined by the profile' }
$FromProfile = 'profile variable'
'profile output'
'@
& $pcsh -Command 'Get-FromProfile; $FromProfile; $PROFILE -like "*/config/pcsh/profile.ps1"'
& $pcsh -NoProfile -Command '"skipped: $(@(Get-Command Get-FromProfile -ErrorAction SilentlyContinue).Count)"; $PROFILE -like "*/config/pcsh/profile.ps1"'

Set-Content -Path "$env:XDG_CONFIG_HOME/pcsh/profile.ps1" -Value "throw 'broken profile'"
& $pcsh -Command '"still runs"' 2>$null
"exit: $LASTEXITCODE"
# CHECK: script body
# CHECK: tool ready
# CHECK: exit: 0
# CHECK: exit: 1
# CHECK: mentions Missing: True
# CHECK: body ran: False
# CHECK: tool ready
# CHECK: profile output
# CHECK: defined by the profile
# CHECK: profile variable
# CHECK: True
# CHECK: skipped: 0
# CHECK: True
# CHECK: still runs
# CHECK: exit: 0
