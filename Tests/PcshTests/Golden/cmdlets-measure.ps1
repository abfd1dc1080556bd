# Measure-Object: counts, sums, averages, extremes, properties and text statistics.
$m = 1..10 | Measure-Object -Sum -Average -Maximum -Minimum
"count=$($m.Count) sum=$($m.Sum) avg=$($m.Average) max=$($m.Maximum) min=$($m.Minimum)"
(1..4 | Measure-Object).Count
(Measure-Object -InputObject 5).Count
$items = @(
    [pscustomobject]@{ Name = 'a'; Size = 10 }
    [pscustomobject]@{ Name = 'b'; Size = 30 }
    [pscustomobject]@{ Name = 'c'; Size = 20 }
)
$s = $items | Measure-Object -Property Size -Sum -Maximum
"$($s.Property) sum=$($s.Sum) max=$($s.Maximum) count=$($s.Count)"
$t = 'one two', 'three' | Measure-Object -Line -Word -Character
"lines=$($t.Lines) words=$($t.Words) chars=$($t.Characters)"
(@() | Measure-Object).Count
$d = 1.5, 2.5 | Measure-Object -Sum -Average
"sum=$($d.Sum) avg=$($d.Average)"
$m.Sum.GetType().Name
(1..1000 | Where-Object { $_ % 7 -eq 0 } | Measure-Object).Count
# CHECK: count=10 sum=55 avg=5.5 max=10 min=1
# CHECK: 4
# CHECK: 1
# CHECK: Size sum=60 max=30 count=3
# CHECK: lines=2 words=3 chars=12
# CHECK: 0
# CHECK: sum=4 avg=2
# CHECK: Double
# CHECK: 142
