# Script enums: implicit numbering, explicit values, conversions, comparisons, [Flags()] combinations.
enum Tier { Bronze; Silver = 5; Gold }
[Tier]::Bronze
[Tier]'gold'
[Tier]5
"values: $([int][Tier]::Bronze) $([Tier]::Silver.value__) $([Tier]::Gold.value__)"
[Tier]::Gold -eq 'Gold'
[Tier]::Silver -eq 5
[Enum]::GetNames([Tier]) -join ', '
([Enum]::GetValues([Tier]) | ForEach-Object { [int]$_ }) -join ', '
[Tier]::Gold.ToString()
[Tier]::Gold.GetType().Name
[Tier]::Gold -is [Tier]
try { [Tier]'Platinum' } catch { $_.FullyQualifiedErrorId }
[Flags()] enum Access { None = 0; Read = 1; Write = 2; Execute = 4 }
$rw = [Access]::Read -bor [Access]::Write
$rw
"as text: $rw"
[int]$rw
$rw.HasFlag([Access]::Write)
$rw.HasFlag([Access]::Execute)
[Access]'Read, Execute'
[Access]7
# CHECK: Bronze
# CHECK: Gold
# CHECK: Silver
# CHECK: values: 0 5 6
# CHECK: True
# CHECK: True
# CHECK: Bronze, Silver, Gold
# CHECK: 0, 5, 6
# CHECK: Gold
# CHECK: Tier
# CHECK: True
# CHECK: InvalidCastFromStringToEnum
# CHECK: Read, Write
# CHECK: as text: Read, Write
# CHECK: 3
# CHECK: True
# CHECK: False
# CHECK: Read, Execute
# CHECK: Read, Write, Execute
