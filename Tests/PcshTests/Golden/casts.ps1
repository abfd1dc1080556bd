# Casts and conversions between the common types.
[int]'42'
[int]' 42 '
[int]'0x10'
[int]3.5
[int]2.5
[int]-2.5
[double]'1.25'
[double]'1e3'
[string]42
[string]1.5
[bool]0
[bool]1
[bool]'false'
[bool]''
[bool]@()
[bool]$null
[char]65
[int][char]'A'
[int]$null
([string]$null).Length
([int[]]('1', '2', '3')) -join '+'
([int[]]('1', '2', '3'))[0].GetType().Name
([array]5).Count
[int].Name
[int].FullName
[string].FullName
([datetime]'2024-01-15').Year
([datetime]'2024-01-15').DayOfWeek
([timespan]'01:30:00').TotalMinutes
([version]'1.2.3').Minor
[decimal]'1.10'
[long]'9223372036854775807'
[DayOfWeek]'friday'
[int][DayOfWeek]::Friday
[int]$typed = '5'
$typed += '3'
$typed
$typed.GetType().FullName
try { [int]'abc' } catch { $_.Exception.Message }
try { $typed = 'nope' } catch { "still $typed" }
# CHECK: 42
# CHECK: 42
# CHECK: 16
# CHECK: 4
# CHECK: 2
# CHECK: -2
# CHECK: 1.25
# CHECK: 1000
# CHECK: 42
# CHECK: 1.5
# CHECK: False
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: False
# CHECK: False
# CHECK: A
# CHECK: 65
# CHECK: 0
# CHECK: 0
# CHECK: 1+2+3
# CHECK: Int32
# CHECK: 1
# CHECK: Int32
# CHECK: System.Int32
# CHECK: System.String
# CHECK: 2024
# CHECK: Monday
# CHECK: 90
# CHECK: 2
# CHECK: 1.1
# CHECK: 9223372036854775807
# CHECK: Friday
# CHECK: 5
# CHECK: 8
# CHECK: System.Int32
# CHECK: Cannot convert value "abc" to type "System.Int32". Error: "{{.+}}"
# CHECK: still 8
