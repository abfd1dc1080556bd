# Dictionaries with keys of any type, ordered dictionaries by position and by key, array
# Clear(), member enumeration of methods, loop enumerators, $input, -split in full.
$h = @{ 1 = 'int one'; '1' = 'string one'; 2 = 'two' }
$h.Count
$h.1
$h['1']
$h[2]
$o = [ordered]@{ a = 'A'; 2 = 'two'; 1 = 'one' }
$o[1]
$o[[object]1]
$o.2
$o[-1]
'abc' -match 'a(b)c' | Out-Null
"$($Matches.0) $($Matches.1) $($Matches.Item(1))"
$n = [int[]](7, 8, 9)
$n.Clear()
"$n / $($n.Length)"
@(& {}).Count
@($null).Count
('one', 'two').ToUpper() -join ','
(1, 2).ToString()
foreach ($num in 'one', 'two', 'three') {
    if ($num -eq 'one') { [void]$foreach.MoveNext(); "jumped to $($foreach.Current)" } else { "at $num" }
}
switch ('Start', 'Skip', 'Hidden', 'End') {
    'Skip' { [void]$switch.MoveNext(); "skipped $($switch.Current)" }
    'Hidden' { 'never shown' }
    default { "item $_" }
}
function Show-Input { "first: $input"; "again: $input"; $input.Reset(); "reset: $input" }
'x', 'y' | Show-Input
("Mercury,Venus,Earth,Mars" -split ',', -2) -join '|'
("a b c d" -split { $_ -eq ' ' }, -3) -join '|'
("This.is.a.test" -split '.', 0, 'SimpleMatch') -join '|'
("a:b" -split '(:)', 0, 'ExplicitCapture') -join '|'
try { 'abc' -split 'b', 0, 'SimpleMatch,Multiline' } catch { $_.FullyQualifiedErrorId }
# CHECK: 3
# CHECK: int one
# CHECK: string one
# CHECK: two
# CHECK: two
# CHECK: one
# CHECK: two
# CHECK: one
# CHECK: abc b b
# CHECK: 0 0 0 / 3
# CHECK: 0
# CHECK: 1
# CHECK: ONE,TWO
# CHECK: System.Object[]
# CHECK: jumped to two
# CHECK: at three
# CHECK: item Start
# CHECK: skipped Hidden
# CHECK: item End
# CHECK: first: x y
# CHECK: again:
# CHECK: reset: x y
# CHECK: Mercury,Venus,Earth|Mars
# CHECK: a b|c|d
# CHECK: This|is|a|test
# CHECK: a|b
# CHECK: InvalidSplitOptionCombination
