# The switch statement: exact, wildcard, regex and script-block clauses, arrays, break and continue.
switch (3) { 1 { 'one' } 3 { 'three' } default { 'other' } }
switch ('b') { 'a' { 'A' } default { 'default' } }
switch (1, 2, 3) { 2 { 'two' } default { "n$_" } }
switch -Wildcard ('file.txt') { '*.ps1' { 'script' } '*.txt' { 'text' } }
switch -Regex ('abc123') { '^\d+$' { 'digits only' } '\d' { "has digit $($Matches[0])" } }
switch ('a') { 'a' { 'first' } 'A' { 'second' } }
switch -CaseSensitive ('a') { 'A' { 'upper' } 'a' { 'lower' } }
switch (5) { { $_ -gt 3 } { 'big' } { $_ -gt 4 } { 'bigger' } }
switch (1, 2, 3) { 2 { 'two, stop'; break } default { "n$_" } }
switch (1, 2, 3) { 2 { continue } default { "n$_" } }
switch -Exact ('abc') { 'a*' { 'wildcard' } 'abc' { 'exact' } }
$result = switch (2) { 1 { 'x' } 2 { 'y' } }
"assigned: $result"
switch (4) { 1 { 'one' } }
'no match gives no output'
switch ('10') { 10 { 'string matched number' } }
$values = switch (1..6) { { $_ % 2 } { $_ } }
$values -join ','
# CHECK: three
# CHECK: default
# CHECK: n1
# CHECK: two
# CHECK: n3
# CHECK: text
# CHECK: has digit 1
# CHECK: first
# CHECK: second
# CHECK: lower
# CHECK: big
# CHECK: bigger
# CHECK: n1
# CHECK: two, stop
# CHECK: n1
# CHECK: n3
# CHECK: exact
# CHECK: assigned: y
# CHECK: no match gives no output
# CHECK: string matched number
# CHECK: 1,3,5
