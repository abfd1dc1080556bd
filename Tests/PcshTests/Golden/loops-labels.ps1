# for, foreach, while, do-while, do-until, break/continue and labelled loops.
for ($i = 0; $i -lt 3; $i++) { "for $i" }
foreach ($c in 'a', 'b') { "foreach $c" }
$n = 0
while ($n -lt 2) { "while $n"; $n++ }
$n = 0
do { "do-while $n"; $n++ } while ($n -lt 2)
$n = 0
do { "do-until $n"; $n++ } until ($n -ge 2)
foreach ($i in 1..10) {
    if ($i -eq 2) { continue }
    if ($i -gt 4) { break }
    "i=$i"
}
:outer foreach ($x in 1..3) {
    foreach ($y in 1..3) {
        if ($y -eq 2) { continue outer }
        if ($x -eq 3) { break outer }
        "$x,$y"
    }
}
:loop while ($true) {
    while ($true) { break loop }
}
'after labelled break'
$sum = 0
foreach ($i in 1..100) { $sum += $i }
$sum
$squares = foreach ($i in 1..3) { $i * $i }
$squares -join ','
foreach ($i in $null) { 'never runs' }
'null loop skipped'
for ($j = 10; $j -gt 0; $j -= 4) { "j=$j" }
$k = 0
for (;;) { $k++; if ($k -ge 3) { break } }
"k=$k"
$m = 5
while ($m) { $m-- }
"m=$m"
foreach ($item in @{ a = 1 }.GetEnumerator()) { "$($item.Key)->$($item.Value)" }
# CHECK: for 0
# CHECK: for 1
# CHECK: for 2
# CHECK: foreach a
# CHECK: foreach b
# CHECK: while 0
# CHECK: while 1
# CHECK: do-while 0
# CHECK: do-while 1
# CHECK: do-until 0
# CHECK: do-until 1
# CHECK: i=1
# CHECK: i=3
# CHECK: i=4
# CHECK: 1,1
# CHECK: 2,1
# CHECK: after labelled break
# CHECK: 5050
# CHECK: 1,4,9
# CHECK: null loop skipped
# CHECK: j=10
# CHECK: j=6
# CHECK: j=2
# CHECK: k=3
# CHECK: m=0
# CHECK: a->1
