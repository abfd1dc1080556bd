# Select-Object, Sort-Object and Group-Object on a small inventory.
$data = @(
    [pscustomobject]@{ Name = 'pear'; Kind = 'fruit'; Price = 3 }
    [pscustomobject]@{ Name = 'leek'; Kind = 'veg'; Price = 2 }
    [pscustomobject]@{ Name = 'apple'; Kind = 'fruit'; Price = 1 }
    [pscustomobject]@{ Name = 'kale'; Kind = 'veg'; Price = 4 }
)
($data | Sort-Object Price).Name -join ','
($data | Sort-Object Price -Descending | Select-Object -First 2).Name -join ','
($data | Sort-Object Kind, Name).Name -join ','
($data | Sort-Object @{ Expression = 'Kind'; Descending = $true }, Name).Name -join ','
$data | Select-Object -ExpandProperty Name -Last 1
($data | Sort-Object Name | Select-Object -Skip 1 -First 2 -ExpandProperty Name) -join ','
($data | Select-Object -Index 1, 3).Name -join ','
$sel = $data | Select-Object Name, @{ Name = 'Cost'; Expression = { $_.Price * 10 } } -First 1
"$($sel.Name) $($sel.Cost)"
($data[0] | Select-Object * -ExcludeProperty Kind).PSObject.Properties.Name -join ','
(3, 1, 2, 3, 1 | Sort-Object -Unique) -join ','
(1, 1, 2, 1 | Select-Object -Unique) -join ','
('b', 'A', 'c' | Sort-Object) -join ','
('ccc', 'a', 'bb' | Sort-Object { $_.Length }) -join ','
(10, 9, 100 | Sort-Object) -join ','
$groups = $data | Group-Object Kind
$groups.Count
foreach ($g in $groups) { "$($g.Name): $($g.Count) [$($g.Group.Name -join ',')]" }
$byKind = $data | Group-Object Kind -AsHashTable
$byKind['veg'].Name -join ','
$data | Select-Object Name, Price -First 2 | Out-Host
$data | Group-Object Kind -NoElement
# CHECK: apple,leek,pear,kale
# CHECK: kale,pear
# CHECK: apple,pear,kale,leek
# CHECK: kale,leek,apple,pear
# CHECK: kale
# CHECK: kale,leek
# CHECK: leek,kale
# CHECK: pear 30
# CHECK: Name,Price
# CHECK: 1,2,3
# CHECK: 1,2
# CHECK: A,b,c
# CHECK: a,bb,ccc
# CHECK: 9,10,100
# CHECK: 2
# CHECK: fruit: 2 [pear,apple]
# CHECK: veg: 2 [leek,kale]
# CHECK: leek,kale
# CHECK-EMPTY:
# CHECK: Name Price
# CHECK: ---- -----
# CHECK: pear     3
# CHECK: leek     2
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Count Name
# CHECK: ----- ----
# CHECK:     2 fruit
# CHECK:     2 veg
