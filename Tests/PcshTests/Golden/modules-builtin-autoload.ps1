# Built-in modules (Lync, SkypeForBusiness, ActiveDirectory) import and satisfy #Requires; a
# module on PSModulePath is imported on the first call of one of its commands, as in pwsh.
$mods = Join-Path $PWD 'mods'
New-Item -ItemType Directory -Path "$mods/Decom", "$mods/Listed" | Out-Null
Set-Content -Path "$mods/Decom/Decom.psm1" -Value @'
function Get-DecomStage { "stage from Decom" }
function Invoke-Helper { }
'@
Set-Content -Path "$mods/Listed/Listed.psm1" -Value @'
function Get-ListedThing { "listed via manifest" }
function Get-Unlisted { "not exported" }
'@
Set-Content -Path "$mods/Listed/Listed.psd1" -Value "@{ RootModule = 'Listed.psm1'; ModuleVersion = '2.0'; FunctionsToExport = @('Get-ListedThing') }"
$env:PSModulePath = "$mods" + ':' + $env:PSModulePath

Import-Module Lync
Import-Module SkypeForBusiness, ActiveDirectory
(Get-Module SkypeForBusiness).ModuleType
(Get-Module Lync).ExportedCmdlets -contains 'Get-CsPool'

Set-Content -Path needs.ps1 -Value "#Requires -Modules Lync, ActiveDirectory`n'requirements met'"
./needs.ps1

"loaded before: $(@(Get-Module Decom).Count)"
Get-DecomStage
"loaded after: $(@(Get-Module Decom).Count)"
Get-ListedThing
(Get-Module Listed).Version
try { Get-Unlisted -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { Get-NobodyHasThis } catch { $_.CategoryInfo.Category }
# CHECK: Binary
# CHECK: True
# CHECK: requirements met
# CHECK: loaded before: 0
# CHECK: stage from Decom
# CHECK: loaded after: 1
# CHECK: listed via manifest
# CHECK: 2.0
# CHECK: CommandNotFoundException
# CHECK: ObjectNotFound
