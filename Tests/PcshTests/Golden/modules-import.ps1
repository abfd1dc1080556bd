# Modules: a .psm1 found on PSModulePath with Export-ModuleMember, a manifest with RequiredModules,
# Get-Module, Remove-Module, -Prefix and -PassThru, and the sample module shipped with pcsh.
$mods = Join-Path $PWD 'mods'
New-Item -ItemType Directory -Path "$mods/Greet", "$mods/Report" | Out-Null
Set-Content -Path "$mods/Greet/Greet.psm1" -Value @'
$Salutation = 'Hello'
function Get-Greeting([string]$Name) { "$(Get-Punctuation "$Salutation $Name")" }
function Get-Punctuation([string]$Text) { "$Text!" }
Set-Alias gg Get-Greeting
Export-ModuleMember -Function Get-Greeting -Variable Salutation -Alias gg
'@
Set-Content -Path "$mods/Report/Report.psm1" -Value @'
function Out-Report { "report: $(Get-Greeting report)" }
function Get-Internal { 'internal' }
'@
Set-Content -Path "$mods/Report/Report.psd1" -Value @'
@{
    RootModule = 'Report.psm1'
    ModuleVersion = '2.1.0'
    RequiredModules = @('Greet')
    FunctionsToExport = @('Out-*')
}
'@
$env:PSModulePath = "$mods" + ':' + $env:PSModulePath

Import-Module Greet
Get-Greeting World
gg alias
"variable: $Salutation"
(Get-Module Greet).ExportedFunctions -join ','
(Get-Command Get-Greeting).Source
Get-Module | Format-Table -Property Name, ModuleType

Import-Module Report -PassThru | ForEach-Object { "$($_.Name) $($_.Version) $($_.ModuleType)" }
Out-Report
(Get-Module).Name -join ','
(Get-Module Report).ExportedFunctions -join ','

Remove-Module Report
"after remove: $(@(Get-Command Out-Report -ErrorAction SilentlyContinue).Count)"
(Get-Module).Name -join ','

Import-Module Greet -Force -Prefix My
Get-MyGreeting prefixed
"old name gone: $(@(Get-Command Get-Greeting -ErrorAction SilentlyContinue).Count)"

Import-Module ./mods/Greet/Greet.psm1 -Force
Get-Greeting 'by path'

Import-Module PcshSample
Format-ByteSize 1536
1073741824 | Format-ByteSize
(Get-Module PcshSample).Version
(Get-Module -ListAvailable PcshSample).Name

Import-Module NoSuchModule -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
try { Export-ModuleMember -Function x } catch { $_.FullyQualifiedErrorId }
# CHECK: Hello World!
# CHECK: Hello alias!
# CHECK: variable: Hello
# CHECK: Get-Greeting
# CHECK: Greet
# CHECK-EMPTY:
# CHECK: Name  ModuleType
# CHECK: ----  ----------
# CHECK: Greet Script
# CHECK-EMPTY:
# CHECK: Report 2.1.0 Script
# CHECK: report: Hello report!
# CHECK: Greet,Report
# CHECK: Out-Report
# CHECK: after remove: 0
# CHECK: Greet
# CHECK: Hello prefixed!
# CHECK: old name gone: 0
# CHECK: Hello by path!
# CHECK: 1.5 KB
# CHECK: 1 GB
# CHECK: 1.0.0
# CHECK: PcshSample
# CHECK: Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand
# CHECK: Modules_CanOnlyExecuteExportModuleMemberInsideAModule,Microsoft.PowerShell.Commands.ExportModuleMemberCommand
