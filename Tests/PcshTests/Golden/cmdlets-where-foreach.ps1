# Where-Object and ForEach-Object: script blocks, the simplified syntax, -Begin/-End and member names.
$data = @(
    [pscustomobject]@{ Name = 'pear'; Kind = 'fruit'; Price = 3 }
    [pscustomobject]@{ Name = 'leek'; Kind = 'veg'; Price = 2 }
    [pscustomobject]@{ Name = 'apple'; Kind = 'fruit'; Price = 1 }
)
(1..10 | Where-Object { $_ % 2 -eq 0 }) -join ','
($data | Where-Object Kind -EQ 'veg').Name
($data | Where-Object Price -GT 1).Name -join ','
($data | Where-Object Name -Like 'p*').Name
($data | Where-Object -Property Name -Match '^a').Name
($data | Where-Object { $_.Kind -eq 'fruit' -and $_.Price -lt 3 }).Name
('a', '', 'b', $null | Where-Object { $_ }) -join ','
(1, 2, 3 | Where-Object { $PSItem -ne 2 }) -join ','
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ * 2 } -End { 'stop' }
($data | ForEach-Object Name) -join ','
('a', 'b' | ForEach-Object ToUpper) -join ','
('ab', 'c' | ForEach-Object -MemberName Length) -join ','
(1..4 | ForEach-Object { if ($_ -eq 2) { return }; $_ }) -join ','
(1..3 | ForEach-Object { $_; $_ * 10 }) -join ','
$total = 0
1..4 | ForEach-Object { $total += $_ }
"total: $total"
(1..6).Where({ $_ -gt 2 }, 'First', 2) -join ','
(1..3 | ForEach-Object -Process { "p$_" } -End { 'e' }) -join ','
$null | ForEach-Object { "null item: [$_]" }
@() | ForEach-Object { 'never' }
'done'
# CHECK: 2,4,6,8,10
# CHECK: leek
# CHECK: pear,leek
# CHECK: pear
# CHECK: apple
# CHECK: apple
# CHECK: a,b
# CHECK: 1,3
# CHECK: start
# CHECK: 2
# CHECK: 4
# CHECK: 6
# CHECK: stop
# CHECK: pear,leek,apple
# CHECK: A,B
# CHECK: 2,1
# CHECK: 1,3,4
# CHECK: 1,10,2,20,3,30
# CHECK: total: 10
# CHECK: 3,4
# CHECK: p1,p2,p3,e
# CHECK: null item: []
# CHECK: done
