# Arrays built with the comma and range operators, indexing, slicing and multiple assignment.
$a = 1, 2, 3
$a.Count
$a += 4
$a -join ','
($a + 5, 6).Count
(1..5) -join ' '
(5..1) -join ' '
('a'..'e') -join ''
(,1).Count
(, (1, 2)).Count
(@(1, 2) * 2) -join ','
$a[0]
$a[-1]
$a[1..2] -join ','
$a[0, 2] -join ','
$null -eq $a[10]
(@(1, 2, 3) -ne 2) -join ','
@().Count
@(@(1, 2)).Count
@($null).Count
($null, 1, $null).Count
$first, $rest = 1, 2, 3
"first=$first rest=$($rest -join ',')"
$x = 1; $y = 2
$x, $y = $y, $x
"x=$x y=$y"
$nested = 1, (2, 3)
$nested.Count
$nested[1][0]
$typed = [int[]](1, 2, 3)
$typed.GetType().Name
# CHECK: 3
# CHECK: 1,2,3,4
# CHECK: 6
# CHECK: 1 2 3 4 5
# CHECK: 5 4 3 2 1
# CHECK: abcde
# CHECK: 1
# CHECK: 1
# CHECK: 1,2,1,2
# CHECK: 1
# CHECK: 4
# CHECK: 2,3
# CHECK: 1,3
# CHECK: True
# CHECK: 1,3
# CHECK: 0
# CHECK: 2
# CHECK: 1
# CHECK: 3
# CHECK: first=1 rest=2,3
# CHECK: x=2 y=1
# CHECK: 2
# CHECK: 2
# CHECK: Int32[]
