# Format-List: every property, `*`, calculated items, and a list rendered through Out-String.
$p = [pscustomobject]@{ Name = 'Ada'; Age = 36 }, [pscustomobject]@{ Name = 'Bob'; Age = 7 }
$p | Format-List
$p[0] | fl *
$p | Format-List Name, @{ Name = 'Next'; Expression = { $_.Age + 1 } }
($p[1] | Format-List | Out-String).Trim()
'end'
# CHECK-EMPTY:
# CHECK: Name : Ada
# CHECK: Age  : 36
# CHECK-EMPTY:
# CHECK: Name : Bob
# CHECK: Age  : 7
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name : Ada
# CHECK: Age  : 36
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name : Ada
# CHECK: Next : 37
# CHECK-EMPTY:
# CHECK: Name : Bob
# CHECK: Next : 8
# CHECK-EMPTY:
# CHECK: Name : Bob
# CHECK: Age  : 7
# CHECK: end
