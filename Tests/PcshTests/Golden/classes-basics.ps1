# Classes: typed properties with defaults, constructors, methods, static members, hidden, formatting.
class Server {
    [string]$Name
    [int]$Port = 443
    [bool]$Online
    hidden [string]$Token = 'secret'
    static [int]$Created

    Server() { [Server]::Created++ }
    Server([string]$name) { $this.Name = $name; [Server]::Created++ }
    Server([string]$name, [int]$port) { $this.Name = $name; $this.Port = $port; [Server]::Created++ }

    [string] Endpoint() {
        'this output is discarded'
        return "$($this.Name):$($this.Port)"
    }
    [void] Enable() { $this.Online = $true }
    static [int] Twice([int]$x) { return 2 * $x }
}
$a = [Server]::new('web01')
$b = [Server]::new('db01', 1433)
$c = New-Object Server
$d = [Server]@{ Name = 'cache01'; Port = '6379' }
$a.Endpoint()
$b.Endpoint()
$a.Enable()
"online: $($a.Online) $($b.Online)"
"created: $([Server]::Created)"
[Server]::Twice(21)
$d.Port.GetType().Name
$a.Port = '8443'
$a.Port + 1
"hidden but there: $($a.Token)"
$a -is [Server]
$a.GetType().Name
"as text: $a"
$null -eq $c.Name
try { $a.Port = 'many' } catch { $_.Exception.Message }
try { [Server]::new(1, 2, 3) } catch { $_.Exception.Message }
try { $a.NoSuch = 1 } catch { $_.FullyQualifiedErrorId }
$a, $b | Format-Table
$b | Format-List
($a | Get-Member -MemberType Property).Name -join ', '
# CHECK: web01:443
# CHECK: db01:1433
# CHECK: online: True False
# CHECK: created: 4
# CHECK: 42
# CHECK: Int32
# CHECK: 8444
# CHECK: hidden but there: secret
# CHECK: True
# CHECK: Server
# CHECK: as text: Server
# CHECK: True
# CHECK: Exception setting "Port": "Cannot convert value "many" to type "System.Int32". Error: "Input string was not in a correct format.""
# CHECK: Cannot find an overload for "new" and the argument count: "3".
# CHECK: PropertyAssignmentException
# CHECK-EMPTY:
# CHECK: Name  Port Online
# CHECK: ----  ---- ------
# CHECK: web01 8443   True
# CHECK: db01  1433  False
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name   : db01
# CHECK: Port   : 1433
# CHECK: Online : False
# CHECK-EMPTY:
# CHECK: Name, Online, Port
