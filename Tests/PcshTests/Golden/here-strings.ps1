# Expanding and literal here-strings.
$name = 'pcsh'
$expanding = @"
Hello $name
  Sum: $(2 + 3)
"quotes" and 'apostrophes' stay
"@
$expanding
$literal = @'
No $name here
  $(not evaluated)
'@
$literal
"lines: $($expanding.Split("`n").Count)"
"ends with newline: $($literal.EndsWith("`n"))"
# CHECK: Hello pcsh
# CHECK:   Sum: 5
# CHECK: "quotes" and 'apostrophes' stay
# CHECK: No $name here
# CHECK:   $(not evaluated)
# CHECK: lines: 3
# CHECK: ends with newline: False
