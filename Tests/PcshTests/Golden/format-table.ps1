# Format-Table: columns from the first object, calculated columns, wide characters, scalars,
# and format objects rendered by Out-String and Out-File.
$p = [pscustomobject]@{ Name = 'Ada'; Age = 36 }, [pscustomobject]@{ Name = 'Bob'; Age = 7 }
$p | Format-Table
$p | ft Name, @{ Label = 'Twice'; Expression = { $_.Age * 2 } }
[pscustomobject]@{ Name = '日本語'; N = 1 }, [pscustomobject]@{ Name = 'ab'; N = 22 } | Format-Table
1, 2 | Format-Table
$text = $p | Format-Table Name | Out-String
$text.Contains("Ada")
$p | Format-Table Age | Out-File t.txt
Get-Content t.txt
'end'
# CHECK-EMPTY:
# CHECK: Name Age
# CHECK: ---- ---
# CHECK: Ada   36
# CHECK: Bob    7
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name Twice
# CHECK: ---- -----
# CHECK: Ada     72
# CHECK: Bob     14
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name    N
# CHECK: ----    -
# CHECK: 日本語  1
# CHECK: ab     22
# CHECK-EMPTY:
# CHECK: 1
# CHECK: 2
# CHECK: True
# CHECK-EMPTY:
# CHECK: Age
# CHECK: ---
# CHECK:  36
# CHECK:   7
# CHECK-EMPTY:
# CHECK: end
