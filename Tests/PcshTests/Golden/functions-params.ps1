# Simple functions: positional and named parameters, defaults, switches, $args, return and filters.
function Add-Numbers($a, $b) { $a + $b }
Add-Numbers 2 3
Add-Numbers -b 10 -a 1
function Greet { param([string]$Name = 'World') "Hello, $Name" }
Greet
Greet -Name Ada
Greet -N Bob
Greet Cy
function Test-Switch { param([switch]$Force) if ($Force) { 'forced' } else { 'gentle' } }
Test-Switch
Test-Switch -Force
Test-Switch -Force:$false
function Show-Args { "count: $($args.Count)"; $args -join '|' }
Show-Args a b c
function Double-It([int]$n) { $n * 2 }
Double-It '21'
function Get-Several { 1; 2; return 3; 4 }
(Get-Several) -join ','
function Get-Square { param($n) return $n * $n }
Get-Square 4
function Get-Default($a = 2, $b = $a * 3) { "a=$a b=$b" }
Get-Default
Get-Default 5
filter Get-Doubled { $_ * 2 }
(1..3 | Get-Doubled) -join ','
function Get-Total { $total = 0; foreach ($i in $input) { $total += $i }; $total }
1..4 | Get-Total
function Get-Factorial($n) { if ($n -le 1) { 1 } else { $n * (Get-Factorial ($n - 1)) } }
Get-Factorial 10
function Get-Nothing { }
$null -eq (Get-Nothing)
(Get-Command Greet).CommandType
$result = Add-Numbers 1 2
$result.GetType().Name
# CHECK: 5
# CHECK: 11
# CHECK: Hello, World
# CHECK: Hello, Ada
# CHECK: Hello, Bob
# CHECK: Hello, Cy
# CHECK: gentle
# CHECK: forced
# CHECK: gentle
# CHECK: count: 3
# CHECK: a|b|c
# CHECK: 42
# CHECK: 1,2,3
# CHECK: 16
# CHECK: a=2 b=6
# CHECK: a=5 b=15
# CHECK: 2,4,6
# CHECK: 10
# CHECK: 3628800
# CHECK: True
# CHECK: Function
# CHECK: Int32
