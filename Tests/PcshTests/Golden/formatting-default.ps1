# Default output formatting: scalars one per line, tables for up to four properties, lists for five or
# more, hashtables as Name/Value tables. Each object group goes to its own Out-Default.
42
'text'
$true
1.5
-7
$null
@(1, 'two', 3.5)
[pscustomobject]@{ Name = 'Ada'; Age = 36 } | Out-Default
[pscustomobject]@{ Name = 'Ada'; Lang = 'Swift' }, [pscustomobject]@{ Name = 'Bob'; Lang = 'PowerShell' } | Out-Default
[pscustomobject]@{ Id = 1; Name = 'x'; Department = 'IT'; Active = $true; Score = 9.5 } | Out-Default
@{ Key = 'v' } | Out-Default
'done'
# CHECK: 42
# CHECK: text
# CHECK: True
# CHECK: 1.5
# CHECK: -7
# CHECK: 1
# CHECK: two
# CHECK: 3.5
# CHECK-EMPTY:
# CHECK: Name Age
# CHECK: ---- ---
# CHECK: Ada   36
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name Lang
# CHECK: ---- ----
# CHECK: Ada  Swift
# CHECK: Bob  PowerShell
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Id         : 1
# CHECK: Name       : x
# CHECK: Department : IT
# CHECK: Active     : True
# CHECK: Score      : 9.5
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name                           Value
# CHECK: ----                           -----
# CHECK: Key                            v
# CHECK-EMPTY:
# CHECK: done
