# using namespace for type names, using module and dot-sourcing to bring in classes and enums.
using namespace System.Text
$sb = [StringBuilder]::new()
[void]$sb.Append('built')
$sb.ToString()
New-Item -ItemType Directory -Path (Join-Path $PSScriptRoot 'Inventory') -Force | Out-Null
Set-Content -Path (Join-Path $PSScriptRoot 'Inventory/Inventory.psm1') -Value @'
enum Condition { New; Used }
class Item {
    [string]$Name
    [Condition]$State
    Item([string]$name, [Condition]$state) { $this.Name = $name; $this.State = $state }
    [string] Label() { return "$($this.Name) ($($this.State))" }
}
'@
Set-Content -Path (Join-Path $PSScriptRoot 'consumer.ps1') -Value @'
using module ./Inventory/Inventory.psm1
$item = [Item]::new('disk', [Condition]::Used)
$item.Label()
'@
& (Join-Path $PSScriptRoot 'consumer.ps1')
Set-Content -Path (Join-Path $PSScriptRoot 'units.ps1') -Value @'
enum Unit { Byte = 1; KB = 1024 }
class Size { static [string] Show([long]$n) { return '{0} KB' -f ($n / [int][Unit]::KB) } }
'@
. (Join-Path $PSScriptRoot 'units.ps1')
[Size]::Show(4096)
[Unit]::KB.value__
# CHECK: built
# CHECK: disk (Used)
# CHECK: 4 KB
# CHECK: 1024
