# Variable and sub-expression expansion in double-quoted strings; literal single quotes.
$name = 'World'
"Hello, $name!"
'Hello, $name!'
"Sum: $(1 + 2)"
"Escaped: `$name"
"Braced: ${name}s"
"Member access needs a sub-expression: $name.Length vs $($name.Length)"
$h = @{ Key = 'v' }
"Value: $($h.Key)"
$arr = 1, 2, 3
"Array: $arr"
"Index: $($arr[1])"
"Several: $(1; 2)"
'It''s'
"Quote: ""x"" and `"y`""
"Line1`nLine2"
"Null: [$null]"
$OFS = '-'
"With OFS: $arr"
Remove-Variable OFS
"{0} is {1}" -f 'x', 3
"{0:N2}" -f 3.14159
"[{0,5}]" -f 'ab'
"[{0,-5}]" -f 'ab'
"{0:D3}" -f 7
'abc'.ToUpper()
'  trim  '.Trim()
'Hello'.Substring(1, 3)
'Hello'.Replace('l', 'L')
'Hello'[0]
'Hello'[-1]
'a,b,c'.Split(',')
'Hello'.Length
'Hello'.StartsWith('He')
'Hello'.IndexOf('l')
"Method in string: $('abc'.ToUpper())"
# CHECK: Hello, World!
# CHECK: Hello, $name!
# CHECK: Sum: 3
# CHECK: Escaped: $name
# CHECK: Braced: Worlds
# CHECK: Member access needs a sub-expression: World.Length vs 5
# CHECK: Value: v
# CHECK: Array: 1 2 3
# CHECK: Index: 2
# CHECK: Several: 1 2
# CHECK: It's
# CHECK: Quote: "x" and "y"
# CHECK: Line1
# CHECK: Line2
# CHECK: Null: []
# CHECK: With OFS: 1-2-3
# CHECK: x is 3
# CHECK: 3.14
# CHECK: [   ab]
# CHECK: [ab   ]
# CHECK: 007
# CHECK: ABC
# CHECK: trim
# CHECK: ell
# CHECK: HeLLo
# CHECK: H
# CHECK: o
# CHECK: a
# CHECK: b
# CHECK: c
# CHECK: 5
# CHECK: True
# CHECK: 2
# CHECK: Method in string: ABC
