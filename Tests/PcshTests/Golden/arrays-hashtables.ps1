# Hashtables (case-insensitive keys), ordered dictionaries and array operations.
$h = @{ Name = 'pcsh'; Version = 1 }
$h.Name
$h['version']
$h.Count
$null -eq $h.Missing
$h.Add('Extra', 3)
$h.Extra = 4
$h.Extra
$h.ContainsKey('NAME')
$h.Remove('Extra')
$h.Count
($h.Keys | Sort-Object) -join ','
$h.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key): $($_.Value)" }
$h['new'] = 'added'
$h.new
$o = [ordered]@{ z = 1; a = 2; m = 3 }
$o.Keys -join ','
$o[0]
foreach ($k in $o.Keys) { "$k=$($o[$k])" }
$nested = @{ inner = @{ x = 1 } }
$nested.inner.x
$nested.inner.y = 2
$nested['inner']['y']
$merged = @{ a = 1 } + @{ b = 2 }
$merged.Count
@{}.Count
$arr = 1..5
$arr.Length
$arr[1..3] -join ','
$arr.Where({ $_ -gt 3 }) -join ','
$arr.ForEach({ $_ * 10 }) -join ','
$e = @()
$e += 'x'
$e.Count
$arr2 = @(1, @(2, 3))
$arr2.Count
$arr2[1][1]
$list = [System.Collections.Generic.List[int]]::new()
$list.Add(5)
$list.Add(7)
$list.Count
$list -join ','
$list.Contains(7)
# CHECK: pcsh
# CHECK: 1
# CHECK: 2
# CHECK: True
# CHECK: 4
# CHECK: True
# CHECK: 2
# CHECK: Name,Version
# CHECK: Name: pcsh
# CHECK: Version: 1
# CHECK: added
# CHECK: z,a,m
# CHECK: 1
# CHECK: z=1
# CHECK: a=2
# CHECK: m=3
# CHECK: 1
# CHECK: 2
# CHECK: 2
# CHECK: 0
# CHECK: 5
# CHECK: 2,3,4
# CHECK: 4,5
# CHECK: 10,20,30,40,50
# CHECK: 1
# CHECK: 2
# CHECK: 3
# CHECK: 2
# CHECK: 5,7
# CHECK: True
