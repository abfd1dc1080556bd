# Comparison, matching, replacement, splitting, joining, type and logical operators.
5 -eq 5
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
5 -ne 3
3 -lt 5
'a' -lt 'b'
'10' -gt 9
9 -gt '10'
'abc' -like 'a*'
'abc' -notlike '*z'
'file.TXT' -like '*.txt'
'file.TXT' -clike '*.txt'
'Hello' -match 'l+'
$Matches[0]
'Hello World' -match '(?<first>\w+) \w+'
$Matches.first
'abc' -notmatch 'x'
('a', 'b', 'c' -eq 'b')
(1, 2, 3, 4 -gt 2) -join ','
(1, 2, 3 -match '2|3') -join ','
'Hello' -replace 'l', 'L'
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
'ABC' -replace 'b'
'ABC' -creplace 'b', 'x'
('a-b-c' -split '-') -join '|'
('a,b;c' -split '[,;]') -join '|'
('a-b-c' -split '-', 2) -join '|'
-join ('x', 'y')
('a', 'b', 'c') -join ', '
$null -eq $null
'' -eq $null
5 -is [int]
'5' -is [int]
5 -isnot [string]
('5' -as [int]).GetType().Name
$null -eq ('x' -as [int])
-not $true
!$false
$true -and $false
$true -or $false
$true -xor $true
1 -in 1, 2, 3
4 -notin 1, 2, 3
1, 2, 3 -contains 2
'abc' -contains 'a'
'B' -gt 'a'
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: False
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: ll
# CHECK: True
# CHECK: Hello
# CHECK: True
# CHECK: b
# CHECK: 3,4
# CHECK: 2,3
# CHECK: HeLLo
# CHECK: Smith, John
# CHECK: AC
# CHECK: ABC
# CHECK: a|b|c
# CHECK: a|b|c
# CHECK: a|b-c
# CHECK: xy
# CHECK: a, b, c
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: Int32
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: False
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: True
